/**
 * The coin-shop gate: decides cheaply whether a page could be a coin shop (or
 * a fake platform login) before anything else is read. Its first look
 * (readFirstLook) reads the title and a bounded run of text nodes, touching no
 * element, and turns most pages away. A page it lets through is read again:
 * title, meta description, top headings and a bounded sample of body text
 * through textContent/nodeValue (no layout), plus one query for credential
 * fields when the text names a platform. Every other page stops here, untouched.
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
import { TermMatcher, hasTerm, isAsciiLetterOrDigit } from './terms';

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
 *
 * The same text as lowerNfkc() gives, but always through the normaliser:
 * lowerNfkc's test for text the normaliser would leave alone is a regular
 * expression that V8 compiles to machine code on its first use against a long
 * text, about 0.3 ms on every page, where the normaliser's first call costs
 * 0.1–0.2 ms (docs/performance.md, item 53). tests/unit/engine/normalize.test.ts
 * proves the test changes no text.
 */
let lastRaw = '';
let lastLower = '';
let lastText: string | null = null;
let lastNamesPlatform: boolean | null = null;

function lowerText(input: Pick<GateInput, 'headline' | 'sample'>): string {
  const raw = `${input.headline} ${input.sample}`;
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastLower = raw.normalize('NFKC').toLowerCase();
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

/**
 * How far the first look (readFirstLook) reads. It walks from the document, not from <body>, so
 * it also meets <head>'s text nodes (the title's, and the white space between head elements in a
 * pretty-printed page), which the gate's sample does not count: `extraNodes` and `extraChars`
 * past the gate's own bounds leave room for them. Text that may be code is searched as well, each
 * node clipped to `codeEach` characters, `codeChars` in all.
 */
export const FIRST_LOOK = { extraNodes: 100, extraChars: 1000, codeEach: 1000, codeChars: 8000 } as const;

/**
 * The gate's first look, which touches no element: the title and the text nodes from the
 * document on, none asked for its parent. An extension's script sets up the DOM's element
 * interfaces in its own world the first time it touches an element, and that, with a parent
 * asked of every text node, cost more than the rest of the gate (docs/performance.md, item 51);
 * most pages are turned away here, and only a page that passes reads its headings and the rest.
 *
 * It must not turn away a page the gate would accept (tests/unit/engine/first-look.test.ts): it
 * reads what the gate's sample reads, within larger bounds, and more. The sample leaves out the
 * text of scripts and style sheets by asking each text node's parent; the first look cannot, and
 * sets aside text holding a "{" or a "<" (a style sheet, JSON, most scripts, markup) so that a
 * long script does not fill its sample: that text is searched too, clipped, in a bound of its
 * own, so that prose holding one ("coins for <$1") is not lost either. What it cannot see
 * without elements are the meta description and headings past the sample's reach: a page that
 * names coins or a platform only there gets a full look only if its title or text does too.
 */
export function readFirstLook(doc: Document): Pick<GateInput, 'headline' | 'sample'> {
  let sample = '';
  let code = '';
  const maxNodes = LIMITS.gateTextNodes + FIRST_LOOK.extraNodes;
  const maxChars = LIMITS.gateTextChars + FIRST_LOOK.extraChars;
  const walker = doc.createTreeWalker(doc, 4 /* SHOW_TEXT */);
  let nodes = 0;
  for (let n = walker.nextNode(); n && nodes < maxNodes; n = walker.nextNode()) {
    nodes++;
    const v = n.nodeValue;
    if (!v || !v.trim()) continue;
    if (v.indexOf('{') >= 0 || v.indexOf('<') >= 0) {
      if (code.length < FIRST_LOOK.codeChars) code += ' ' + v.slice(0, FIRST_LOOK.codeEach);
      continue;
    }
    // No more of one node than the sample can hold: a 10 MB text node is not copied whole.
    sample += ' ' + (v.length > maxChars ? v.slice(0, maxChars) : v);
    if (sample.length >= maxChars) break;
  }
  return { headline: doc.title, sample: `${sample.slice(0, maxChars)} ${code.slice(0, FIRST_LOOK.codeChars)}` };
}

/** The first look's verdict: false turns the page away without touching an element. */
export function passesFirstLook(doc: Document): boolean {
  return mayPassGate(readFirstLook(doc));
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
      sample += ' ' + (v.length > LIMITS.gateTextChars ? v.slice(0, LIMITS.gateTextChars) : v);
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
  return passesFirstLook(doc) && gateDecision(readGateInput(doc));
}
