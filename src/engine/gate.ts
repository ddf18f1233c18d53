/**
 * The coin-shop gate: decides cheaply whether a page could be a coin shop (or
 * a fake platform login) before anything else is read. It looks at the title,
 * meta description, top headings and a bounded sample of body text through
 * textContent/nodeValue (no layout), plus one selector for credential fields
 * when the text names a platform. Every other page stops here, untouched.
 *
 * Its words come from src/data/gate-vocab.json (generated from vocab.json and
 * platforms.json by scripts/gate-vocab.ts): the content script runs this file
 * on every page and carries only the words it needs.
 */
// Named imports: the bundle keeps the five lists and drops the file's $comment.
import { brandTokens, coinWords, commerceWords, generatorWords, unitTerms } from '../data/gate-vocab.json';
import { LIMITS } from './limits';
import { compileTerms, escapeRegExp, normalize } from './terms';

const gateVocab = { coinWords, commerceWords, generatorWords, brandTokens, unitTerms };
type GateList = keyof typeof gateVocab;

const matchers = new Map<GateList, RegExp>();

/** The whole-word matcher for one gate list, compiled on first use. */
function gateMatcher(list: GateList): RegExp {
  let re = matchers.get(list);
  if (!re) {
    re = compileTerms(gateVocab[list]);
    matchers.set(list, re);
  }
  return re;
}

/** Matchers for platform brand names and platform-specific unit words. */
export function platformMatchers(): { brand: RegExp; unit: RegExp } {
  return { brand: gateMatcher('brandTokens'), unit: gateMatcher('unitTerms') };
}

/**
 * A plain literal alternation over already normalised text: a substring test,
 * implied by the whole-word match of the same terms, and far cheaper to
 * compile and run than the Unicode-aware whole-word matchers.
 */
export function literalMatcher(lists: readonly GateList[]): RegExp {
  // The generator stored the words normalised (tests/unit/engine/gate-vocab.test.ts).
  const terms = [...new Set(lists.flatMap((l) => gateVocab[l]))];
  return terms.length ? new RegExp(terms.map(escapeRegExp).join('|')) : /(?!)/;
}

let brandLiteral: RegExp | undefined;

export interface GateInput {
  /** Title, meta description and top headings. */
  headline: string;
  /** A bounded sample of body text. */
  sample: string;
  /**
   * The page has a password or one-time-code field. readGateInput only looks
   * when the text names a platform (otherwise the field cannot change the
   * gate's answer) and reports false otherwise.
   */
  hasSecretField: boolean;
}

let lastRaw = '';
let lastText = '';

/** The gate's text: headline and sample, normalised (the last one is remembered, so one read is normalised once). */
export function gateText(input: Pick<GateInput, 'headline' | 'sample'>): string {
  const raw = `${input.headline} ${input.sample}`;
  if (raw !== lastRaw) {
    lastText = normalize(raw);
    lastRaw = raw;
  }
  return lastText;
}

/** The pure decision, on text already read. */
export function gateDecision(input: GateInput): boolean {
  const text = gateText(input);
  const coin = gateMatcher('unitTerms').test(text) || gateMatcher('coinWords').test(text);
  if (coin && (gateMatcher('commerceWords').test(text) || gateMatcher('generatorWords').test(text))) return true;
  // A page that names a platform and asks for a password may be a fake login.
  return input.hasSecretField && gateMatcher('brandTokens').test(text);
}

const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Characters of one heading the gate reads. */
export const HEADING_CHARS = 500;

export const SECRET_FIELD = 'input[type="password" i], input[autocomplete~="one-time-code" i], input[autocomplete~="current-password" i]';

/**
 * The first `max` characters of an element's textContent, without building
 * the whole string when the element wraps a lot of markup (a hostile heading
 * around the whole page).
 */
export function textPrefix(el: Element, max: number): string {
  if (el.childElementCount === 0) return (el.textContent ?? '').slice(0, max);
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let s = '';
  for (let n = walker.nextNode(); n && s.length < max; n = walker.nextNode()) s += (n.nodeValue ?? '').slice(0, max - s.length);
  return s;
}

/** Reads the gate's input from a document: bounded, no layout. */
export function readGateInput(doc: Document): GateInput {
  const parts = [doc.title];
  const meta = doc.querySelector('meta[name="description"]');
  if (meta) parts.push(meta.getAttribute('content') ?? '');
  const heads = doc.querySelectorAll('h1, h2');
  for (let i = 0; i < heads.length && i < 8; i++) {
    const h = heads[i];
    if (h) parts.push(textPrefix(h, HEADING_CHARS));
  }

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
  const input = { headline: parts.join(' '), sample: sample.slice(0, LIMITS.gateTextChars), hasSecretField: false };
  // A secret field only matters when the text names a platform; the literal
  // test is a necessary condition for the brand matcher in gateDecision.
  brandLiteral ??= literalMatcher(['brandTokens']);
  if (brandLiteral.test(gateText(input))) input.hasSecretField = !!doc.querySelector(SECRET_FIELD);
  return input;
}

/** The whole gate: true when the page deserves a full scan. */
export function isCandidate(doc: Document): boolean {
  return gateDecision(readGateInput(doc));
}
