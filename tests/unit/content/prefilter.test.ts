/** @vitest-environment happy-dom */
/**
 * The content script's prefilter must never turn away a page the gate would
 * accept: checked over every page of the labelled corpus, every hostile
 * fixture, and random text built from the gate's own words.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mayBeCandidate } from '../../../src/content/candidate';
import platformsJson from '../../../src/data/platforms.json';
import vocabJson from '../../../src/data/vocab.json';
import { gateDecision, readGateInput } from '../../../src/engine/gate';

const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));

describe('prefilter ⇐ gate', () => {
  test.each(files)('%s', (file) => {
    document.documentElement.innerHTML = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
    const input = readGateInput(document);
    for (const secret of [input.hasSecretField, true]) {
      const i = { ...input, hasSecretField: secret };
      if (gateDecision(i)) expect(mayBeCandidate(i)).toBe(true);
    }
  });

  test('random mixes of the gate vocabulary, case and spacing', () => {
    const lists = vocabJson.lists as Record<string, Record<string, string[]>>;
    const words = [
      ...['coinWords', 'commerceWords', 'generatorWords'].flatMap((l) => Object.values(lists[l] ?? {}).flat()),
      ...platformsJson.platforms.flatMap((p) => [...p.brandTokens, ...p.unitTerms]),
      'the', 'shop', '½', 'ＣＯＩＮＳ', 'İ', '\u00a0',
    ];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), fc.boolean(), (h, s, secret) => {
        const input = { headline: h.join(' '), sample: s.join('\u00a0 '), hasSecretField: secret };
        if (gateDecision(input)) expect(mayBeCandidate(input)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('ordinary text is turned away', () => {
    expect(mayBeCandidate({ headline: 'Tomato soup recipe', sample: 'Simmer for twenty minutes and season.', hasSecretField: false })).toBe(false);
    expect(mayBeCandidate({ headline: 'Sign in', sample: 'Email Password', hasSecretField: true })).toBe(false);
  });
});
