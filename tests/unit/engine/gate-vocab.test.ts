/**
 * src/data/gate-vocab.json is generated from vocab.json and platforms.json
 * (scripts/gate-vocab.ts). The content script's gate reads only it, so a word
 * added to vocab.json and not regenerated would silently be missing on the
 * page: these tests fail until the file is regenerated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { GATE_LISTS, buildGateVocab, cueWords, gateVocabText } from '../../../scripts/gate-vocab';
import gateVocab from '../../../src/data/gate-vocab.json';
import platformsJson from '../../../src/data/platforms.json';
import vocabJson from '../../../src/data/vocab.json';
import { platformMatchers } from '../../../src/engine/gate';
import { TermMatcher, listMatcher, normalize } from '../../../src/engine/terms';

const onDisk = readFileSync(fileURLToPath(new URL('../../../src/data/gate-vocab.json', import.meta.url)), 'utf8');

describe('gate-vocab.json', () => {
  test('is exactly what scripts/gate-vocab.ts makes of vocab.json and platforms.json (run `npx tsx scripts/gate-vocab.ts`)', () => {
    expect(onDisk).toBe(gateVocabText());
  });

  test.each(GATE_LISTS)('%s compiles to the same matcher as the full vocabulary', (list) => {
    expect(new TermMatcher(gateVocab[list]).terms).toEqual(listMatcher(list).terms);
  });

  test('brand and unit matchers are the ones built from platforms.json', () => {
    const { brand, unit } = platformMatchers();
    expect(brand.terms).toEqual(new TermMatcher(platformsJson.platforms.flatMap((p) => p.brandTokens)).terms);
    expect(unit.terms).toEqual(new TermMatcher(platformsJson.platforms.flatMap((p) => p.unitTerms)).terms);
  });

  test('a word added to vocab.json or platforms.json makes the file stale', () => {
    const vocab = structuredClone(vocabJson) as { lists: Record<string, Record<string, string[]>> };
    vocab.lists.commerceWords!.en!.push('zzz-new-buy-word');
    const changed = buildGateVocab(vocab, platformsJson);
    expect(changed.commerceWords).toContain('zzz-new-buy-word');
    expect(`${JSON.stringify(changed, null, 2)}\n`).not.toBe(onDisk);

    const platforms = structuredClone(platformsJson);
    platforms.platforms[0]!.brandTokens.push('zzz-new-brand');
    expect(buildGateVocab(vocabJson, platforms).brandTokens).toContain('zzz-new-brand');
  });

  test('its words are stored normalised, each once (the content script does not normalise them again)', () => {
    for (const words of [...GATE_LISTS.map((l) => gateVocab[l]), gateVocab.brandTokens, gateVocab.unitTerms]) {
      expect(words.map(normalize)).toEqual(words);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  test('holds only the lists the gate reads', () => {
    expect(Object.keys(gateVocab).sort()).toEqual(['$comment', 'brandTokens', 'cues', 'unitTerms', ...GATE_LISTS].sort());
  });

  // The prefilter (mayPassGate) is a necessary condition only if every gate term holds one of its group's cues as a whole piece.
  test.each([
    ['coin', [...gateVocab.coinWords, ...gateVocab.unitTerms]],
    ['commerce', [...gateVocab.commerceWords, ...gateVocab.generatorWords]],
    ['brand', gateVocab.brandTokens],
  ] as const)('every %s term holds one of its cue words as a space-free piece', (group, terms) => {
    const cues = new Set(gateVocab.cues[group]);
    for (const t of terms) expect(t.split(' ').some((piece) => cues.has(piece)), t).toBe(true);
    for (const c of cues) expect(c).not.toMatch(/\s/);
  });

  test('a phrase is cued by a piece that is itself a term, so cues stay few and specific', () => {
    expect(cueWords(['tiktok coins', 'coins', 'free fire diamonds', 'diamonds'])).toEqual(['coins', 'diamonds']);
    expect(cueWords(['genesis crystals'])).toEqual(['crystals']);
    expect(cueWords(['get coins', 'buy'], ['coins'])).toEqual(['get', 'buy']);
  });
});
