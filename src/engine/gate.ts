/**
 * The coin-shop gate: decides cheaply whether a page could be a coin shop (or
 * a fake platform login) before anything else is read. It looks at the title,
 * meta description, top headings and a bounded sample of body text through
 * textContent/nodeValue (no layout), plus one selector for credential fields.
 * Every other page stops here, untouched.
 */
import platformsJson from '../data/platforms.json';
import { LIMITS } from './limits';
import { compileTerms, listMatcher, normalize } from './terms';

let brandRe: RegExp | undefined;
let unitRe: RegExp | undefined;

/** Matchers for platform brand names and platform-specific unit words. */
export function platformMatchers(): { brand: RegExp; unit: RegExp } {
  // Read the JSON directly (its schema is checked in tests): keeps zod out of the content script.
  const platforms = platformsJson.platforms;
  brandRe ??= compileTerms(platforms.flatMap((p) => p.brandTokens));
  unitRe ??= compileTerms(platforms.flatMap((p) => p.unitTerms));
  return { brand: brandRe, unit: unitRe };
}

export interface GateInput {
  /** Title, meta description and top headings. */
  headline: string;
  /** A bounded sample of body text. */
  sample: string;
  /** The page has a password or one-time-code field. */
  hasSecretField: boolean;
}

/** The pure decision, on text already read. */
export function gateDecision(input: GateInput): boolean {
  const text = normalize(`${input.headline} ${input.sample}`);
  const { brand, unit } = platformMatchers();
  const coin = unit.test(text) || listMatcher('coinWords').test(text);
  if (coin && (listMatcher('commerceWords').test(text) || listMatcher('generatorWords').test(text))) return true;
  // A page that names a platform and asks for a password may be a fake login.
  return input.hasSecretField && brand.test(text);
}

const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Reads the gate's input from a document: bounded, no layout. */
export function readGateInput(doc: Document): GateInput {
  const parts = [doc.title];
  const meta = doc.querySelector('meta[name="description"]');
  if (meta) parts.push(meta.getAttribute('content') ?? '');
  const heads = doc.querySelectorAll('h1, h2');
  for (let i = 0; i < heads.length && i < 8; i++) parts.push(heads[i]?.textContent ?? '');

  let sample = '';
  const body = doc.body;
  if (body) {
    const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
    let nodes = 0;
    for (let n = walker.nextNode(); n && nodes < LIMITS.gateTextNodes; n = walker.nextNode()) {
      nodes++;
      if (SKIP_TEXT_PARENTS.has(n.parentElement?.tagName ?? '')) continue;
      const v = n.nodeValue;
      if (!v || !v.trim()) continue;
      sample += ' ' + v;
      if (sample.length >= LIMITS.gateTextChars) break;
    }
  }
  const hasSecretField = !!doc.querySelector(
    'input[type="password" i], input[autocomplete~="one-time-code" i], input[autocomplete~="current-password" i]',
  );
  return { headline: parts.join(' '), sample: sample.slice(0, LIMITS.gateTextChars), hasSecretField };
}

/** The whole gate: true when the page deserves a full scan. */
export function isCandidate(doc: Document): boolean {
  return gateDecision(readGateInput(doc));
}
