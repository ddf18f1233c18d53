/**
 * TermMatcher (src/engine/terms.ts) finds a list's terms in normalised text
 * without compiling a pattern. It must answer as the list's whole-word pattern
 * (compileTerms) does on such text. Checked in two parts:
 *  - the contract: no character normalised text can hold matches a term's
 *    character under the `i` flag unless it is that character, and normalised
 *    text has no white space but single spaces (so a term's `\s+` meets one);
 *  - the search: first(), test() and all() against the pattern for every list
 *    and the platform terms, on every fixture page's texts, on the terms in
 *    other cases and glued to their neighbours, on any code point beside a
 *    term, and on random mixes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import platformsJson from '../../../src/data/platforms.json';
import vocabJson from '../../../src/data/vocab.json';
import { VOCAB_LISTS } from '../../../src/data';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { TermMatcher, compileTerms, escapeRegExp, normalize, spaced, type Normalized } from '../../../src/engine/terms';
import { parseHtml } from '../../../src/node/scan-html';

const lists: { name: string; terms: string[] }[] = [
  ...VOCAB_LISTS.map((name) => ({ name, terms: Object.values(vocabJson.lists[name] as Record<string, string[]>).flat() })),
  ...platformsJson.platforms.map((p) => ({ name: `platform ${p.id}`, terms: [...p.brandTokens, ...p.unitTerms] })),
  { name: 'all brands', terms: platformsJson.platforms.flatMap((p) => p.brandTokens) },
  { name: 'all units', terms: platformsJson.platforms.flatMap((p) => p.unitTerms) },
];
const matchers = lists.map((l) => ({ name: l.name, m: new TermMatcher(l.terms), ref: reference(l.terms) }));

/** What the whole-word pattern answers. */
function reference(terms: string[]) {
  const one = compileTerms(terms);
  const every = compileTerms(terms, 'giu');
  return {
    test: (s: string) => one.test(s),
    exec: (s: string) => one.exec(s),
    all: (s: string) => Array.from(s.matchAll(every), (m) => m[0]),
  };
}

/** Where the two differ on `s` ('' when they agree). */
function differs(m: TermMatcher, ref: ReturnType<typeof reference>, s: Normalized): string {
  if (m.test(s) !== ref.test(s)) return `test ${JSON.stringify(s)}`;
  const a = m.first(s);
  const b = ref.exec(s);
  if (a?.index !== b?.index || a?.term !== b?.[0]) return `first ${JSON.stringify(s)}`;
  if (m.all(s).join('\u0000') !== ref.all(s).join('\u0000')) return `all ${JSON.stringify(s)}`;
  return '';
}

function wrongOn(texts: Iterable<Normalized>): string[] {
  const wrong: string[] = [];
  for (const s of texts) {
    for (const { name, m, ref } of matchers) {
      const d = differs(m, ref, s);
      if (d) wrong.push(`${name}: ${d}`);
    }
  }
  return wrong;
}

/** Every code point but the surrogate halves. */
function* codePoints(): Generator<string> {
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
}

describe('what normalised text can hold (the contract TermMatcher relies on)', () => {
  const termChars = [...new Set(matchers.flatMap(({ m }) => m.terms.flatMap((t) => [...t])))];

  test('terms hold no surrogate halves, so a term starts and ends on a whole character', () => {
    expect(termChars.length).toBeGreaterThan(40);
    for (const c of termChars) expect(c.codePointAt(0)).toBeLessThan(0x10000);
    for (const c of termChars) expect(/[\ud800-\udfff]/.test(c)).toBe(false);
  });

  test('no character of any normalised text matches a term character case-insensitively unless it is that character', () => {
    // Every character normalised text can hold is a character of normalize(x) for a code point x: NFKC
    // composes only into characters it also gives alone, and lower case is per character but for Σ,
    // whose two lower-case forms are both there (σ, and ς alone).
    const alphabet = new Set<string>();
    for (const x of codePoints()) for (const c of normalize(x)) alphabet.add(c);
    expect(alphabet.has('ς') && alphabet.has('σ') && alphabet.has('\u0307')).toBe(true);
    const any = new RegExp(`[${termChars.map(escapeRegExp).join('').replace(/-/g, '\\-')}]`, 'iu');
    const wrong: string[] = [];
    for (const x of alphabet) {
      if (!any.test(x)) continue;
      for (const d of termChars) {
        if (new RegExp(`^${escapeRegExp(d)}$`, 'iu').test(x) !== (d === x)) wrong.push(`${x} ~ ${d}`);
      }
    }
    expect(wrong).toEqual([]);
    // Checked the other way: upper-case text is not normalised, and there the two differ.
    expect(new RegExp('^k$', 'iu').test('\u212a')).toBe(true);
  }, 60_000);

  test('normalised text has no white space but single spaces, alone or joined with spaced()', () => {
    const spaces = [...codePoints()].filter((x) => /\s/u.test(x));
    expect(spaces.length).toBeGreaterThan(20);
    for (const a of spaces) {
      for (const b of ['', ...spaces]) {
        for (const s of [normalize(`x${a}${b}y`), normalize(`${a}x${b}`), spaced(normalize(`x${a}`), normalize(`${b}y`)), spaced(normalize(a), normalize(b))]) {
          expect(/[^\S ]| {2}/u.test(s), JSON.stringify(s)).toBe(false);
        }
      }
    }
  });
});

const dir = join(process.cwd(), 'tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const pageTexts = manifest.pages.flatMap((p) => {
  const snap = buildSnapshot(parseHtml(readFileSync(join(dir, p.file), 'utf8'), p.url).document, p.url);
  return [snap.headline, snap.title, ...snap.blocks.map((b) => b.text), ...snap.options.map((o) => o.text), ...snap.links.map((l) => l.text)].map(normalize);
});

describe('TermMatcher answers as the whole-word pattern does on normalised text', { timeout: 120_000 }, () => {
  test('on every fixture page text, for every list', () => {
    expect(pageTexts.length).toBeGreaterThan(3000);
    expect(wrongOn(pageTexts)).toEqual([]);
    // The pages hold terms: the comparison covers the matching side too.
    const hits = matchers.reduce((n, { ref }) => n + pageTexts.filter((s) => ref.test(s)).length, 0);
    expect(hits).toBeGreaterThan(1000);
  });

  test('on the terms themselves, in other cases, glued to their neighbours, repeated and overlapping', () => {
    const texts: Normalized[] = [];
    for (const { terms } of lists) {
      for (const t of terms) {
        for (const v of [t, t.toUpperCase(), t.replace(/./gu, (c, i: number) => (i % 2 ? c.toUpperCase() : c)), t.replace(/ /g, ' \n\t ')]) {
          for (const s of [v, `x${v}`, `${v}9`, `à${v}`, `${v}\u0301`, `(${v})`, `${v} ${v}x ${v}`, `σ${v}ς`, `${v}${v}`, `${v.slice(0, -1)}${v}`]) texts.push(normalize(s));
        }
      }
    }
    expect(wrongOn(texts)).toEqual([]);
  });

  test('any code point right before or right after a term (letters and digits of every script, marks, surrogate pairs)', () => {
    const coin = new TermMatcher(['coin']);
    const re = compileTerms(['coin'], 'giu');
    const wrong: string[] = [];
    for (const x of codePoints()) {
      // Raw text: only the characters beside the term vary, so what is compared is the boundary test alone.
      for (const text of [`${x}coin`, `coin${x}`, `${x}coin ${x}coin${x}`] as Normalized[]) {
        const found = Array.from(text.matchAll(re), (m) => `${m.index}:${m[0]}`).join();
        const ours: string[] = [];
        for (let m = coin.first(text); m; m = coin.first(text, m.index + m.term.length)) ours.push(`${m.index}:${m.term}`);
        if (ours.join() !== found) wrong.push(`${x.codePointAt(0)?.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  test('on random mixes of terms and tricky characters, alone and joined with spaced()', () => {
    const all = lists.flatMap((l) => l.terms);
    const piece = fc.oneof(
      fc.constantFrom(...all),
      fc.constantFrom(' ', '  ', '\u00a0', '\n', 'a', '1', 'é', '\u0301', '.', '-', '·', 'İ', 'ı', 'ſ', 'K', 'ς', 'Σ', 'ß', 'ẞ', '\u0345', '𝐀', 'ＣＯＩＮ', '中'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 4 }), fc.nat(matchers.length - 1), (parts, more, k) => {
        const { m, ref } = matchers[k] as (typeof matchers)[number];
        const one = normalize(parts.join(''));
        expect(differs(m, ref, one)).toBe('');
        expect(differs(m, ref, spaced(one, normalize(more.join(''))))).toBe('');
      }),
      { numRuns: 4000 },
    );
  });

  test('one-character terms beside longer terms with the same first character (no data list has one yet)', () => {
    const terms = ['x', 'xu', 'x y', 'xuxu', 'é', 'ép', '中', '中文', '$', '$5', 'ab', 'a'];
    const m = new TermMatcher(terms);
    const ref = reference(terms);
    const piece = fc.constantFrom(...terms, ' ', 'y', 'u', 'p', '文', '5', 'b', '1', '.', 'z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        expect(differs(m, ref, normalize(parts.join('')))).toBe('');
      }),
      { numRuns: 4000 },
    );
    expect(m.all(normalize('x xu x y xuxu é ép 中 $ $5 a ab'))).toEqual(['x', 'xu', 'x y', 'xuxu', 'é', 'ép', '中', '$', '$5', 'a', 'ab']);
  });

  test('examples: a term inside a longer word is not found; the longest term at the first place is', () => {
    const m = new TermMatcher(['top up', 'top', 'coins', 'uc']);
    expect(m.first(normalize('Our product range'))).toBeNull();
    expect(m.first(normalize('TOP   UP now'))).toEqual({ index: 0, term: 'top up' });
    expect(m.all(normalize('top, top up, 60 UC, coinsx coins'))).toEqual(['top', 'top up', 'uc', 'coins']);
    expect(m.test(normalize('2coins'))).toBe(false);
    expect(new TermMatcher([]).test(normalize('anything'))).toBe(false);
  });
});
