/** @vitest-environment happy-dom */
/**
 * The gate's prefilter (mayPassGate: cue words found with indexOf, no regular
 * expression) must never turn away a page the gate would accept: checked over
 * every page of the labelled corpus, every hostile fixture, and random text
 * built from the gate's own words glued to letters, digits, punctuation and
 * non-Latin characters. And it must turn ordinary pages away.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import platformsJson from '../../../src/data/platforms.json';
import vocabJson from '../../../src/data/vocab.json';
import { gateDecision, hasCue, mayPassGate, readGateInput } from '../../../src/engine/gate';

const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));

const lists = vocabJson.lists as Record<string, Record<string, string[]>>;
const vocabulary = [
  ...['coinWords', 'commerceWords', 'generatorWords'].flatMap((l) => Object.values(lists[l] ?? {}).flat()),
  ...platformsJson.platforms.flatMap((p) => [...p.brandTokens, ...p.unitTerms]),
];

describe('prefilter ⇐ gate', () => {
  test.each(files)('%s', (file) => {
    document.documentElement.innerHTML = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
    const input = readGateInput(document);
    for (const secret of [input.hasSecretField, true]) {
      const i = { ...input, hasSecretField: secret };
      if (gateDecision(i)) expect(mayPassGate(i)).toBe(true);
    }
  });

  /** Headlines and samples of random `piece`s, joined by `glue`: whenever the gate says yes, so does the prefilter. */
  const neverRejectsWhatTheGateAccepts = (piece: fc.Arbitrary<string>, o: { maxPieces: number; headGlue: string; sampleGlue: string; numRuns: number }) =>
    fc.assert(
      fc.property(fc.array(piece, { maxLength: o.maxPieces }), fc.array(piece, { maxLength: o.maxPieces }), fc.boolean(), (h, s, secret) => {
        const input = { headline: h.join(o.headGlue), sample: s.join(o.sampleGlue), hasSecretField: secret };
        if (gateDecision(input)) expect(mayPassGate(input)).toBe(true);
      }),
      { numRuns: o.numRuns },
    );

  test('random mixes of the gate vocabulary, case and spacing', () => {
    const words = [...vocabulary, 'the', 'shop', '½', 'ＣＯＩＮＳ', 'İ', '\u00a0'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
    neverRejectsWhatTheGateAccepts(word, { maxPieces: 12, headGlue: ' ', sampleGlue: '\u00a0 ', numRuns: 1000 });
  });

  test('random glue around the words: letters, digits, punctuation, other scripts, combining marks, full-width forms', () => {
    const glue = fc.constantFrom('', ' ', 'x', 'é', 'ß', '9', '٣', '-', '.', ',', '!', '"', '«', '»', '（', '中', 'ж', '\u0301', '\u00a0', '\t\n', 'Ａ', '_', '/', '|');
    const piece = fc.tuple(glue, fc.constantFrom(...vocabulary), glue, fc.boolean()).map(([a, w, b, upper]) => a + (upper ? w.toUpperCase() : w) + b);
    neverRejectsWhatTheGateAccepts(piece, { maxPieces: 8, headGlue: '', sampleGlue: '', numRuns: 2000 });
  });
});

describe('prefilter turns ordinary pages away', () => {
  test('text with no cue word', () => {
    expect(mayPassGate({ headline: 'Tomato soup recipe', sample: 'Simmer for twenty minutes and season.' })).toBe(false);
    expect(mayPassGate({ headline: 'Sign in', sample: 'Email Password' })).toBe(false);
  });

  test('a cue inside a longer word is no cue ("uc" in "product", "coin" in "coinage", "xu" in "luxury")', () => {
    expect(hasCue('our product range', ['uc'])).toBe(false);
    expect(hasCue('a history of coinage', ['coin'])).toBe(false);
    expect(hasCue('luxury watches', ['xu'])).toBe(false);
    expect(mayPassGate({ headline: 'Luxury products – buy now', sample: 'Education, much more, instructions. Add to cart. Price $20.' })).toBe(false);
  });

  test('a cue with other scripts or punctuation around it still counts (the gate decides)', () => {
    expect(hasCue('buy 500 coins!', ['coins'])).toBe(true);
    expect(hasCue('«coins»', ['coins'])).toBe(true);
    expect(hasCue('coins', ['coins'])).toBe(true);
    expect(hasCue('中coins中', ['coins'])).toBe(true);
    expect(mayPassGate({ headline: 'TikTok coins – buy cheap', sample: '' })).toBe(true);
  });

  test('a coin word alone, without a commerce word or a platform name, is turned away', () => {
    expect(mayPassGate({ headline: 'Ancient coins of Rome', sample: 'A museum exhibition of gold coins.' })).toBe(false);
  });

  test('a platform name alone passes (a fake login needs only that and a password field)', () => {
    expect(mayPassGate({ headline: 'Log in with TikTok', sample: '' })).toBe(true);
  });
});
