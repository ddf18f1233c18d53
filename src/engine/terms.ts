/**
 * Whole-word matching of word lists. Each list becomes ONE alternation, built
 * once, so a text costs one pass per list rather than one per word: tried bare
 * first, and as whole words only where the bare one matches (TermMatcher).
 */
import type { VocabList } from '../data';
import vocabJson from '../data/vocab.json';
import { foldSpace } from './space';

/**
 * Characters NFKC may change: everything past Latin-1, and the Latin-1 ones
 * with compatibility forms (no-break space ¨ ª ¯ ² ³ ´ µ ¸ ¹ º ¼ ½ ¾). Text
 * without any is already in NFKC form (no Latin-1 character composes with
 * another), so the normaliser, whose first call on a page costs about half a
 * millisecond, is skipped. tests/unit/engine/normalize.test.ts checks this.
 */
export const MAY_CHANGE_UNDER_NFKC = /[^\x00-\x9f\xa1-\xa7\xa9\xab-\xae\xb0\xb1\xb6\xb7\xbb\xbf-\xff]/;

/** NFKC-normalise (only where that can change the text) and lower-case; white space stays as it is. */
export function lowerNfkc(s: string): string {
  return (MAY_CHANGE_UNDER_NFKC.test(s) ? s.normalize('NFKC') : s).toLowerCase();
}

/** Lower-case, NFKC-normalise and fold runs of white space. */
export function normalize(s: string): string {
  return foldSpace(lowerNfkc(s));
}

/** `term` as a literal inside a regular expression. */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The terms as one alternation, longest first, a space matching any run of white space. */
function alternation(terms: readonly string[]): string {
  const unique = [...new Set(terms.map(normalize))].sort((a, b) => b.length - a.length);
  return unique.length === 0 ? '(?!)' : unique.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
}

/** An alternation as whole words or phrases: letters or digits may not touch either end. */
function wholeWords(body: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

/** A matcher for whole words or phrases: letters or digits may not touch either end. */
export function compileTerms(terms: readonly string[], flags = 'iu'): RegExp {
  return wholeWords(alternation(terms), flags);
}

/**
 * A word list, searched in two steps: the bare alternation first (same `iu` flags, no
 * look-arounds), which about halves the cost on text holding none of the terms (most text), then
 * the whole-word pattern of compileTerms() only where a term occurs. A whole-word match is a match
 * of the bare alternation at the same place, so the answers are those of the whole-word pattern
 * (tests/unit/engine/term-matcher.test.ts). Measured over the 28 lists and 6,678 block texts of
 * the corpus and the 5,000-element shop: 118 → 58 ms.
 */
export class TermMatcher {
  private readonly body: string;
  private readonly bare: RegExp;
  private wholeOnce: RegExp | null = null;
  private wholeGlobal: RegExp | null = null;

  constructor(terms: readonly string[]) {
    this.body = alternation(terms);
    this.bare = new RegExp(this.body, 'iu');
  }

  /** The whole-word pattern, built on first need: on most pages most lists match nowhere, and building one costs. */
  private get whole(): RegExp {
    return (this.wholeOnce ??= wholeWords(this.body, 'iu'));
  }

  /** The whole-word pattern's source. */
  get source(): string {
    return this.whole.source;
  }

  test(text: string): boolean {
    return this.bare.test(text) && this.whole.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.bare.test(text) ? this.whole.exec(text) : null;
  }

  /** Every whole-word match, left to right, as String#matchAll with the `giu` flags finds them. */
  all(text: string): string[] {
    if (!this.bare.test(text)) return [];
    this.wholeGlobal ??= wholeWords(this.body, 'giu');
    return Array.from(text.matchAll(this.wholeGlobal), (m) => m[0]);
  }
}

/** Letters and digits as the matchers' look-arounds see them; built on first need (a non-ASCII neighbour). */
let letterOrDigit: RegExp | null = null;

/** An ASCII letter or digit (a UTF-16 code unit or code point below 0x80). */
export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Is code point `cp` a letter or digit for `(?<![\p{L}\p{N}])` / `(?![\p{L}\p{N}])` under the `iu` flags? */
function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetterOrDigit(cp);
  return (letterOrDigit ??= /^[\p{L}\p{N}]$/iu).test(String.fromCodePoint(cp));
}

/** The code point that ends just before index `i` (a surrogate pair read whole, as a `u` look-behind does). */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * compileTerms(terms).test(text), for `text` and `terms` already normalised
 * (normalize()), without compiling anything: indexOf for each term, then the
 * same letter-or-digit test at both ends. On normalised text a term's spaces
 * (`\s+` in the pattern) can only meet single spaces, and upper case is gone,
 * so a literal search finds what the pattern finds. Compiling the gate's
 * five alternations costs 18–28 ms in a fresh Chromium renderer (they are
 * Unicode-aware and case-insensitive), on every page that passes the cue
 * prefilter; tests/unit/engine/terms.test.ts checks this agrees with the
 * compiled pattern character by character and on random text.
 */
export function hasTerm(text: string, terms: readonly string[]): boolean {
  for (const t of terms) {
    if (!t) continue;
    for (let k = text.indexOf(t); k >= 0; k = text.indexOf(t, k + 1)) {
      const end = k + t.length;
      if ((k === 0 || !isLetterOrDigit(codePointBefore(text, k))) && (end >= text.length || !isLetterOrDigit(text.codePointAt(end) as number))) return true;
    }
  }
  return false;
}

/**
 * Text that may hold a letter: an ASCII letter or anything past ASCII. Under
 * the matchers' `iu` flags a term's letter only matches a character that case-
 * folds to the same letter, and no letter folds to an ASCII digit, space or
 * punctuation mark; so text without one of these ("$0.50", "12:30", "2,000")
 * cannot hold any term that has a letter (every list's term: listNeedsLetter).
 */
export const MAY_HOLD_LETTER = /[A-Za-z\u0080-\uffff]/;

const needsLetter = new Map<VocabList, boolean>();

/** Does every term of `list` have a letter, so that text failing MAY_HOLD_LETTER cannot match it? */
export function listNeedsLetter(list: VocabList): boolean {
  let needs = needsLetter.get(list);
  if (needs === undefined) {
    const byLang: Record<string, string[]> = vocabJson.lists[list];
    needs = Object.values(byLang).every((terms) => terms.every((t) => /\p{L}/u.test(normalize(t))));
    needsLetter.set(list, needs);
  }
  return needs;
}

const compiled = new Map<VocabList, TermMatcher>();

/** The matcher for one vocabulary list, all languages together. */
export function listMatcher(list: VocabList): TermMatcher {
  let re = compiled.get(list);
  if (!re) {
    // The JSON is validated by VocabFileSchema in tests; reading it directly keeps zod out of the content script.
    const byLang: Record<string, string[]> = vocabJson.lists[list];
    re = new TermMatcher(Object.values(byLang).flat());
    compiled.set(list, re);
  }
  return re;
}

/** The first term of `list` found in `text` (already normalised), or null. */
export function findTerm(list: VocabList, text: string): string | null {
  const m = listMatcher(list).exec(text);
  return m ? m[0] : null;
}
