/**
 * Whole-word matching of word lists in normalised text, without regular
 * expressions: TermMatcher for the analysis, hasTerm() for the gate. Both find
 * what the list's pattern (compileTerms) finds.
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

/**
 * Text as normalize() (or spaced()) returns it: the only text TermMatcher reads, so the compiler
 * checks that every caller normalised what it passes (a slice or a join of normalised texts is
 * not, in general).
 */
export type Normalized = string & { readonly normalized: unique symbol };

/** Lower-case, NFKC-normalise and fold runs of white space. */
export function normalize(s: string): Normalized {
  return foldSpace(lowerNfkc(s)) as Normalized;
}

/** The empty text, normalised. */
export const NO_TEXT = '' as Normalized;

/**
 * Two normalised texts side by side, one space between: what TermMatcher needs of its text holds
 * for it too (nothing case-folds to anything else, and white space is single spaces), though
 * normalize() might not give back exactly these characters.
 */
export function spaced(a: Normalized, b: Normalized): Normalized {
  return `${a} ${b}` as Normalized;
}

/** `term` as a literal inside a regular expression. */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The terms normalised, each once, longest first (the order an alternation tries them in). */
function normalizedTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map(normalize).filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
}

/**
 * The word list as one pattern: whole words or phrases (letters or digits may not touch either
 * end), longest first, a space matching any run of white space. The definition TermMatcher and
 * hasTerm() are checked against; the extension itself compiles none.
 */
export function compileTerms(terms: readonly string[], flags = 'iu'): RegExp {
  const unique = normalizedTerms(terms);
  const body = unique.length === 0 ? '(?!)' : unique.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

/**
 * A word list, matched as whole words or phrases in normalised text (normalize()) without
 * compiling anything: the terms are filed under their first two characters, and only a position no
 * letter or digit precedes is tried, longest term first, with the same letter-or-digit test after
 * it. That is what compileTerms(terms) finds there, first match and every match alike: on
 * normalised text a term's spaces (`\s+` in the pattern) can only meet single spaces, and no
 * character left in it matches a term's character under the `i` flag unless it is that character
 * (tests/unit/engine/term-matcher.test.ts checks both, for every code point and every list).
 * Why not the patterns: V8 compiles a Unicode-aware, case-insensitive alternation on its first
 * use, and that was about 45% of the background's first analysis after each start of its service
 * worker; warm, this search costs about what the patterns did.
 */
export class TermMatcher {
  /** The normalised terms, longest first, each once. */
  readonly terms: readonly string[];
  /** Terms by their first UTF-16 code unit: below 128 by index, the rest in a map. */
  private readonly ascii: (TermBucket | undefined)[] = [];
  private readonly other = new Map<number, TermBucket>();

  constructor(terms: readonly string[]) {
    this.terms = normalizedTerms(terms);
    for (const t of this.terms) {
      const c = t.charCodeAt(0);
      let bucket = c < 128 ? this.ascii[c] : this.other.get(c);
      if (!bucket) {
        bucket = { next: new Map(), one: [] };
        if (c < 128) this.ascii[c] = bucket;
        else this.other.set(c, bucket);
      }
      if (t.length === 1) bucket.one.push(t);
      else {
        const d = t.charCodeAt(1);
        const group = bucket.next.get(d);
        if (group) group.push(t);
        else bucket.next.set(d, [t]);
      }
    }
  }

  /** The first whole-word match at or after `from`: its index and the term (which is also the text matched). */
  first(text: Normalized, from = 0): { index: number; term: string } | null {
    for (let p = from; p < text.length; p++) {
      const c = text.charCodeAt(p);
      const bucket = c < 128 ? this.ascii[c] : this.other.get(c);
      if (bucket === undefined || !wordMayStartAt(text, p)) continue;
      // Longest first: every term of two or more units is longer than a one-unit term.
      const group = p + 1 < text.length ? bucket.next.get(text.charCodeAt(p + 1)) : undefined;
      if (group) {
        for (const t of group) {
          if (text.startsWith(t, p) && wordMayEndAt(text, p + t.length)) return { index: p, term: t };
        }
      }
      for (const t of bucket.one) {
        if (wordMayEndAt(text, p + 1)) return { index: p, term: t };
      }
    }
    return null;
  }

  test(text: Normalized): boolean {
    return this.first(text) !== null;
  }

  /** Every whole-word match, left to right, as String#matchAll with compileTerms(terms, 'giu') finds them. */
  all(text: Normalized): string[] {
    const out: string[] = [];
    for (let m = this.first(text); m; m = this.first(text, m.index + m.term.length)) out.push(m.term);
    return out;
  }
}

/**
 * The terms that start with one UTF-16 code unit: those of two or more units by their second unit
 * (each group longest first), so a position is tried only against terms that can fit there, and
 * the one-unit term, if any.
 */
interface TermBucket {
  next: Map<number, string[]>;
  one: string[];
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

/** No letter or digit ends just before index `i`: a whole word may start there (the patterns' look-behind). */
function wordMayStartAt(text: string, i: number): boolean {
  return i === 0 || !isLetterOrDigit(codePointBefore(text, i));
}

/** No letter or digit starts at index `i`: a whole word may end there (the patterns' look-ahead). */
function wordMayEndAt(text: string, i: number): boolean {
  return i >= text.length || !isLetterOrDigit(text.codePointAt(i) as number);
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
      if (wordMayStartAt(text, k) && wordMayEndAt(text, k + t.length)) return true;
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

/**
 * Does a term of `list` hold an ASCII digit once normalised? If none does, two texts that differ
 * only in which ASCII digits they have ("100 coins", "250 coins") hold the same terms: a term
 * without digits never matches across a digit, and a digit next to a term is a digit either way.
 */
export function listReadsDigits(list: VocabList): boolean {
  return listByDigits(list).numbered !== null;
}

/** A list's terms that hold an ASCII digit: as they are, and as shapes (every digit read as 0). */
export interface NumberedTerms {
  terms: TermMatcher;
  shapes: TermMatcher;
}

const byDigits = new Map<VocabList, { words: TermMatcher; numbered: NumberedTerms | null }>();

/**
 * Every ASCII digit of `text` read as 0: texts that differ only in their digits have one shape.
 * A loop, not `text.replace(/[0-9]/g, '0')`: the analysis shapes every distinct text of a shop
 * ("100 coins", "$1.09"), and the loop, which copies the text only between digits 1-9 and
 * returns a text without one as it is, took a fifth of the time (docs/performance.md, item 47).
 */
export function digitShape(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 48 && c < 58) {
      out += `${text.slice(from, i)}0`;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * `list` as its terms that hold no ASCII digit (`words`) and those that do (`numbered`, null when
 * none does; `words` is then the list's own matcher). Text holds a term of the list when it holds
 * one of either. `words` answers alike for texts that differ only in their digits (listReadsDigits),
 * so a page's "100 coins", "250 coins" need one search for it; and a text can hold a numbered term
 * only if its shape holds that term's shape (a digit stays a digit, so a word's ends stay where
 * they are), so "100 coins" needs no search for "only 3 left".
 */
export function listByDigits(list: VocabList): { words: TermMatcher; numbered: NumberedTerms | null } {
  let parts = byDigits.get(list);
  if (!parts) {
    const all = listMatcher(list);
    const numbered = all.terms.filter((t) => /[0-9]/.test(t));
    parts = numbered.length
      ? {
          words: new TermMatcher(all.terms.filter((t) => !/[0-9]/.test(t))),
          numbered: { terms: new TermMatcher(numbered), shapes: new TermMatcher(numbered.map(digitShape)) },
        }
      : { words: all, numbered: null };
    byDigits.set(list, parts);
  }
  return parts;
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

/** The first term of `list` found in `text`, or null. */
export function findTerm(list: VocabList, text: Normalized): string | null {
  return listMatcher(list).first(text)?.term ?? null;
}
