/** The engine's data files: schema, every language in every list, no duplicates, canonical formatting. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LANGUAGES, PlatformsFileSchema, ScoringFileSchema, VOCAB_LISTS, VocabFileSchema } from '../../../src/data';
import { compileTerms, normalize } from '../../../src/engine/terms';

const read = (f: string) => readFileSync(fileURLToPath(new URL(`../../../src/data/${f}`, import.meta.url)), 'utf8');
const vocab = VocabFileSchema.parse(JSON.parse(read('vocab.json')));

describe('vocab.json', () => {
  test('fits its schema and lists exactly the known lists', () => {
    expect(Object.keys(vocab.lists).sort()).toEqual([...VOCAB_LISTS].sort());
    expect(vocab.languages).toEqual([...LANGUAGES]);
  });

  test.each(VOCAB_LISTS.flatMap((list) => LANGUAGES.map((lang) => [list, lang] as const)))('%s has %s words, sorted, no duplicates, trimmed', (list, lang) => {
    const words = vocab.lists[list][lang];
    expect(words.length).toBeGreaterThan(0);
    const norm = words.map(normalize);
    expect(new Set(norm).size).toBe(norm.length);
    for (const w of words) expect(w).toBe(w.trim());
    expect([...words].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(words);
  });

  test('the words the issue names are there', () => {
    const all = (list: (typeof VOCAB_LISTS)[number]) => Object.values(vocab.lists[list]).flat().map(normalize);
    for (const w of ['koin', 'pièces', 'monedas', 'moedas', 'xu']) expect(all('coinWords')).toContain(w);
    for (const w of ['isi ulang', 'top up', 'recharger', 'recargar', 'nạp xu']) expect(all('commerceWords')).toContain(w);
  });
});

describe('scoring.json', () => {
  const scoring = ScoringFileSchema.parse(JSON.parse(read('scoring.json')));
  test('every weight has a reason; good signals are negative', () => {
    for (const [id, w] of Object.entries(scoring.weights)) {
      expect(w.why.length, id).toBeGreaterThan(20);
    }
    for (const id of ['username-only', 'known-payment-processor', 'trust-pages', 'https-throughout']) expect(scoring.weights[id]?.weight).toBeLessThan(0);
  });
  test('the strongest signals are danger on their own, the weak ones are not', () => {
    for (const id of ['credential-fields', 'insecure-transport-form', 'off-platform-payment', 'generator', 'too-good-discount-extreme']) {
      expect(scoring.weights[id]?.weight, id).toBeGreaterThanOrEqual(scoring.thresholds.danger);
    }
    for (const id of ['missing-trust-pages', 'pressure-tactics']) expect(scoring.weights[id]?.weight, id).toBeLessThan(scoring.thresholds.caution);
  });
});

describe('platforms.json', () => {
  const file = PlatformsFileSchema.parse(JSON.parse(read('platforms.json')));
  test('every platform has an official domain and a source; domains are lower-case registrable names', () => {
    for (const p of file.platforms) {
      expect(p.domainSource.length).toBeGreaterThan(3);
      for (const d of [...p.officialDomains, ...p.relatedDomains]) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });
  test('free hosts are sorted and unique', () => {
    const s = file.freeHosts.suffixes;
    expect([...s].sort()).toEqual(s);
    expect(new Set(s).size).toBe(s.length);
  });
});

describe('canonical formatting', () => {
  test.each(['vocab.json', 'scoring.json', 'platforms.json'])('%s parses and ends with a newline', (f) => {
    const text = read(f);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text.endsWith('\n')).toBe(true);
  });
  test.each(['vocab.json', 'platforms.json'])('%s equals its own JSON.stringify(…, 2) form', (f) => {
    const text = read(f);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });
});

describe('compileTerms', () => {
  test.each([
    ['top up', 'Top  up now', true],
    ['coin', 'bitcoin', false],
    ['koin', 'Beli Koin TikTok', true],
    ['nạp xu', 'Nạp xu TikTok', true],
    ['pièces', 'PIÈCES', true],
  ])('%s in %s → %s', (term, text, hit) => {
    expect(compileTerms([term]).test(normalize(text))).toBe(hit);
  });
});
