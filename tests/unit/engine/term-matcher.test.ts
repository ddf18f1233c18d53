/**
 * TermMatcher (src/engine/terms.ts) tries a list's bare alternation before its
 * whole-word pattern. That must never change an answer: test(), exec() and
 * all() are compared with the whole-word pattern alone (compileTerms) for
 * every list and the platform terms, on every fixture page's texts, on the
 * terms themselves in upper and mixed case, glued to letters, digits and
 * marks, and on random mixes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import platformsJson from '../../../src/data/platforms.json';
import vocabJson from '../../../src/data/vocab.json';
import { VOCAB_LISTS } from '../../../src/data';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { TermMatcher, compileTerms, normalize } from '../../../src/engine/terms';
import { parseHtml } from '../../../src/node/scan-html';

const lists: { name: string; terms: string[] }[] = [
  ...VOCAB_LISTS.map((name) => ({ name, terms: Object.values(vocabJson.lists[name] as Record<string, string[]>).flat() })),
  ...platformsJson.platforms.map((p) => ({ name: `platform ${p.id}`, terms: [...p.brandTokens, ...p.unitTerms] })),
];

/** What the whole-word pattern alone answers. */
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
function differs(m: TermMatcher, ref: ReturnType<typeof reference>, s: string): string {
  if (m.test(s) !== ref.test(s)) return `test ${JSON.stringify(s)}`;
  const a = m.exec(s);
  const b = ref.exec(s);
  if (a?.index !== b?.index || a?.[0] !== b?.[0]) return `exec ${JSON.stringify(s)}`;
  if (m.all(s).join('\u0000') !== ref.all(s).join('\u0000')) return `all ${JSON.stringify(s)}`;
  return '';
}

const dir = join(process.cwd(), 'tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const pageTexts = manifest.pages.flatMap((p) => {
  const snap = buildSnapshot(parseHtml(readFileSync(join(dir, p.file), 'utf8'), p.url).document, p.url);
  const texts = [snap.headline, ...snap.blocks.map((b) => b.text), ...snap.options.map((o) => o.text), ...snap.links.map((l) => l.text)];
  return [...texts, ...texts.map(normalize)];
});

describe('TermMatcher answers as the whole-word pattern does', { timeout: 120_000 }, () => {
  test('on every fixture page text, raw and normalised, for every list', () => {
    expect(pageTexts.length).toBeGreaterThan(5000);
    let hits = 0;
    const wrong: string[] = [];
    for (const { name, terms } of lists) {
      const m = new TermMatcher(terms);
      const ref = reference(terms);
      for (const s of pageTexts) {
        const d = differs(m, ref, s);
        if (d) wrong.push(`${name}: ${d}`);
        if (ref.test(s)) hits++;
      }
    }
    expect(wrong).toEqual([]);
    // The pages hold terms: the comparison covers the matching side too.
    expect(hits).toBeGreaterThan(1000);
  });

  test('on the terms themselves, in other cases and glued to their neighbours', () => {
    const wrong: string[] = [];
    for (const { name, terms } of lists) {
      const m = new TermMatcher(terms);
      const ref = reference(terms);
      for (const t of terms) {
        for (const v of [t, t.toUpperCase(), t.replace(/./gu, (c, i: number) => (i % 2 ? c.toUpperCase() : c)), t.replace(/ /g, ' \n\t ')]) {
          for (const s of [v, `x${v}`, `${v}9`, `à${v}`, `${v}\u0301`, `(${v})`, `${v} ${v}x ${v}`, `σ${v}ς`]) {
            const d = differs(m, ref, s);
            if (d) wrong.push(`${name}: ${d}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('on random mixes of terms and tricky characters', () => {
    const all = lists.flatMap((l) => l.terms);
    const piece = fc.oneof(fc.constantFrom(...all), fc.constantFrom(' ', '  ', '\u00a0', 'a', '1', 'é', '\u0301', '.', '-', 'İ', 'ſ', 'K', 'ς', 'Σ'), fc.string({ maxLength: 3 }));
    const matchers = lists.map((l) => ({ m: new TermMatcher(l.terms), ref: reference(l.terms) }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(matchers.length - 1), (parts, k) => {
        const { m, ref } = matchers[k] as (typeof matchers)[number];
        expect(differs(m, ref, parts.join(''))).toBe('');
      }),
      { numRuns: 3000 },
    );
  });
});
