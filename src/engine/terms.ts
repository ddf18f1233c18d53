/**
 * Whole-word matching of word lists. Each list compiles to ONE regular
 * expression (an alternation), once, so a page costs one pass per list rather
 * than one per word.
 */
import type { VocabList } from '../data';
import vocabJson from '../data/vocab.json';

/** Lower-case, NFKC-normalise and fold runs of white space. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A matcher for whole words or phrases: letters or digits may not touch either end. */
export function compileTerms(terms: readonly string[], flags = 'iu'): RegExp {
  const unique = [...new Set(terms.map(normalize))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return new RegExp('(?!)', flags);
  const body = unique.map((t) => escape(t).replace(/ /g, '\\s+')).join('|');
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
