/**
 * The coin-shop gate: decides cheaply whether a page could be a coin shop (or
 * a fake platform login) before anything else is read. It looks at the title,
 * meta description, top headings and a bounded sample of body text through
 * textContent/nodeValue (no layout), plus one query for credential fields
 * when the text names a platform. Every other page stops here, untouched.
 *
 * Its words come from src/data/gate-vocab.json (generated from vocab.json and
 * platforms.json by scripts/gate-vocab.ts): the content script runs this file
 * on every page and carries only the words it needs.
 */
// Named imports: the bundle keeps the five lists and drops the file's $comment.
import { brandTokens, coinWords, commerceWords, cues, generatorWords, unitTerms } from '../data/gate-vocab.json';
import { LIMITS } from './limits';
import { firstMatches, hasInputMatching } from './query';
import { SECRET_FIELD } from './secret-fields';
import { foldSpace } from './space';
import { TermMatcher, hasTerm, isAsciiLetterOrDigit, lowerNfkc } from './terms';

let platformPatterns: { brand: TermMatcher; unit: TermMatcher } | null = null;

/**
 * Matchers for platform brand names and platform-specific unit words, built on
 * first use: for the analysis in the background, which needs which term is
 * there and where (TermMatcher.first). The gate itself only asks whether one
 * is there (hasTerm).
 */
export function platformMatchers(): { brand: TermMatcher; unit: TermMatcher } {
  return (platformPatterns ??= { brand: new TermMatcher(brandTokens), unit: new TermMatcher(unitTerms) });
}

/** True when one of `words` occurs in `text` with no ASCII letter or digit touching either end. */
export function hasCue(text: string, words: readonly string[]): boolean {
  for (const w of words) {
    for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) {
      const end = k + w.length;
      if ((k === 0 || !isAsciiLetterOrDigit(text.charCodeAt(k - 1))) && (end >= text.length || !isAsciiLetterOrDigit(text.charCodeAt(end)))) return true;
    }
  }
  return false;
}

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

/**
 * The last text read, remembered so that one read is prepared once: lower-cased
 * and NFKC-normalised (the prefilter's view: cue words hold no white space),
 * and from that, on demand, normalised as terms.ts normalize() does (the
 * matchers' view) and whether it may name a platform.
 */
let lastRaw = '';
let lastLower = '';
let lastText: string | null = null;
let lastNamesPlatform: boolean | null = null;

function lowerText(input: Pick<GateInput, 'headline' | 'sample'>): string {
  const raw = `${input.headline} ${input.sample}`;
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastLower = lowerNfkc(raw);
    lastText = null;
    lastNamesPlatform = null;
  }
  return lastLower;
}

/** The gate's text: headline and sample, normalised. */
export function gateText(input: Pick<GateInput, 'headline' | 'sample'>): string {
  const lower = lowerText(input);
  return (lastText ??= foldSpace(lower));
}

/**
 * A cheap necessary condition for the gate, run on every page before it: the
 * gate searches about 240 terms in the text, and its fully normalised text
 * (white space folded) is not needed on a page that stops here.
 * Plain indexOf looks for cue words (src/data/gate-vocab.json `cues`,
 * one piece of each gate term, see scripts/gate-vocab.ts) with no ASCII letter
 * or digit touching them: the gate can say yes only with a coin cue and a
 * commerce cue, or a brand cue, so "uc" inside "product" turns nothing away
 * and nothing is compiled. tests/unit/content/prefilter.test.ts proves it
 * never rejects a page the gate accepts.
 */
export function mayPassGate(input: Pick<GateInput, 'headline' | 'sample'>): boolean {
  const text = lowerText(input);
  return (hasCue(text, cues.coin) && hasCue(text, cues.commerce)) || mayNamePlatform(input);
}

/** The text may name a platform: a necessary condition for the brand matcher. */
export function mayNamePlatform(input: Pick<GateInput, 'headline' | 'sample'>): boolean {
  const text = lowerText(input);
  return (lastNamesPlatform ??= hasCue(text, cues.brand));
}

/**
 * The pure decision, on text already read. The lists are matched with
 * hasTerm(), which finds what their compiled patterns (compileTerms) find
 * without compiling them on the page.
 */
export function gateDecision(input: GateInput): boolean {
  const text = gateText(input);
  const coin = hasTerm(text, unitTerms) || hasTerm(text, coinWords);
  if (coin && (hasTerm(text, commerceWords) || hasTerm(text, generatorWords))) return true;
  // A page that names a platform and asks for a password may be a fake login.
  return input.hasSecretField && hasTerm(text, brandTokens);
}

const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Characters of one heading the gate reads. */
export const HEADING_CHARS = 500;

/** The headings the gate reads: the first 8 of these in document order. */
const HEADINGS = ['h1', 'h2'] as const;

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
  // The first 8 of querySelectorAll('h1, h2'), without the selector list's slow path (query.ts).
  for (const h of firstMatches(doc, HEADINGS, 8)) parts.push(textPrefix(h, HEADING_CHARS));

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
  // A secret field only matters when the text names a platform; the cue
  // test is a necessary condition for the brand matcher in gateDecision.
  if (mayNamePlatform(input)) input.hasSecretField = hasInputMatching(doc, SECRET_FIELD);
  return input;
}

/** The whole gate: true when the page deserves a full scan. */
export function isCandidate(doc: Document): boolean {
  return gateDecision(readGateInput(doc));
}
