/** @vitest-environment happy-dom */
/**
 * readGateInput reads a bounded slice of the page: headings are clipped, and
 * the credential-field selector runs only when the text names a platform.
 * The gate's decision is the same as when every page was searched for a
 * password field (checked over the whole corpus, the hostile fixtures and
 * random vocabulary mixes).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import gateVocab from '../../../src/data/gate-vocab.json';
import { HEADING_CHARS, gateDecision, mayNamePlatform, readGateInput, textPrefix } from '../../../src/engine/gate';
import { SECRET_FIELD } from '../../../src/engine/secret-fields';

const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));
const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
};

afterEach(() => vi.restoreAllMocks());

describe('gate decision unchanged by the lazy password-field search', () => {
  test.each(files)('%s', (file) => {
    load(readFileSync(file, 'utf8'));
    const input = readGateInput(document);
    const always = { ...input, hasSecretField: !!document.querySelector(SECRET_FIELD) };
    expect(gateDecision(input)).toBe(gateDecision(always));
  });

  test('random mixes: without a brand in the text a password field never changes the answer', () => {
    const words = [...gateVocab.coinWords, ...gateVocab.commerceWords, ...gateVocab.generatorWords, ...gateVocab.brandTokens, ...gateVocab.unitTerms, 'login', 'the', 'ＴＩＫＴＯＫ', 'İ'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { maxLength: 10 }), (h, s) => {
        const input = { headline: h.join(' '), sample: s.join(' '), hasSecretField: false };
        if (!mayNamePlatform(input)) expect(gateDecision({ ...input, hasSecretField: true })).toBe(gateDecision(input));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readGateInput', () => {
  test('a page that names no platform is not searched for password fields', () => {
    load('<title>Online banking</title><h1>Sign in</h1><form><input type="password"></form>');
    const one = vi.spyOn(document, 'querySelector');
    const all = vi.spyOn(document, 'querySelectorAll');
    const input = readGateInput(document);
    const asked = [...one.mock.calls, ...all.mock.calls].map((c) => c[0]);
    expect(asked).not.toContain(SECRET_FIELD);
    expect(asked).not.toContain('input');
    expect(input.hasSecretField).toBe(false);
    expect(gateDecision(input)).toBe(false);
  });

  test('a page that names a platform is searched, and a fake login passes the gate', () => {
    load('<title>Log in</title><h1>Log in with TikTok</h1><form><input type="password"></form>');
    const input = readGateInput(document);
    expect(input.hasSecretField).toBe(true);
    expect(gateDecision(input)).toBe(true);
  });

  test('each heading is clipped: coin words past its first characters are not read', () => {
    // Longer than the body sample too, so only the headline could have read the words.
    const pad = 'x'.repeat(5000);
    load(`<title>Notes</title><h1>${pad} buy tiktok coins</h1><p>nothing here</p>`);
    const input = readGateInput(document);
    expect(input.headline.length).toBeLessThan(HEADING_CHARS + 20);
    expect(gateDecision(input)).toBe(false);
    load(`<title>Notes</title><h1>buy tiktok coins ${pad}</h1><p>nothing here</p>`);
    expect(gateDecision(readGateInput(document))).toBe(true);
  });

  test('a heading wrapping the whole page costs a bounded slice', () => {
    load(`<h1>${'<span>top up </span>'.repeat(20_000)}</h1>`);
    const h1 = document.querySelector('h1')!;
    expect(textPrefix(h1, HEADING_CHARS)).toBe((h1.textContent ?? '').slice(0, HEADING_CHARS));
    expect(readGateInput(document).headline.length).toBeLessThanOrEqual(HEADING_CHARS + 1);
  });

  test('textPrefix equals textContent clipped, for nested markup', () => {
    load('<h2>Buy <b>TikTok <i>coins</i></b> <script>x</script>now</h2>');
    const h2 = document.querySelector('h2')!;
    for (const n of [0, 3, 8, 15, 100]) expect(textPrefix(h2, n)).toBe((h2.textContent ?? '').slice(0, n));
  });
});
