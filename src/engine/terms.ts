/**
 * Whole-word matching of word lists. Each list compiles to ONE regular
 * expression (an alternation), once, so a page costs one pass per list rather
 * than one per word.
 */
import type { VocabList } from '../data';
import vocabJson from '../data/vocab.json';

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

/** Folds runs of white space into one space, trimmed. */
export function foldSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Lower-case, NFKC-normalise and fold runs of white space. */
export function normalize(s: string): string {
  return foldSpace(lowerNfkc(s));
}

/** `term` as a literal inside a regular expression. */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A matcher for whole words or phrases: letters or digits may not touch either end. */
export function compileTerms(terms: readonly string[], flags = 'iu'): RegExp {
  const unique = [...new Set(terms.map(normalize))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return new RegExp('(?!)', flags);
  const body = unique.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

const compiled = new Map<VocabList, RegExp>();

/** The matcher for one vocabulary list, all languages together. */
export function listMatcher(list: VocabList): RegExp {
  let re = compiled.get(list);
  if (!re) {
    // The JSON is validated by VocabFileSchema in tests; reading it directly keeps zod out of the content script.
    const byLang: Record<string, string[]> = vocabJson.lists[list];
    re = compileTerms(Object.values(byLang).flat());
    compiled.set(list, re);
  }
  return re;
}

/** The first term of `list` found in `text` (already normalised), or null. */
export function findTerm(list: VocabList, text: string): string | null {
  const m = listMatcher(list).exec(text);
  return m ? m[0] : null;
}
