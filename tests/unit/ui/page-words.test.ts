/**
 * The page's words come with the verdict (src/ui/page-words.ts): what the badge and the strict
 * mode show must read exactly as i18n.getMessage would give it, in every language we ship, and no
 * key the page's UI asks for may be missing from the list (it would cost the page a blocking
 * catalogue fetch in Chrome).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, useWords } from '../../../src/content/ext';
import { parseWords } from '../../../src/content-messages';
import type { ScanResult } from '../../../src/engine/types';
import { PageWordsSchema } from '../../../src/messages';
import { MARKS, PAGE_WORD_KEYS, WORD_MAX, WORDS_MAX, fillWords, pageWords } from '../../../src/ui/page-words';
import { signalKeys } from '../../../src/ui/verdict-style';
import { catalogue, getMessageIn } from '../helpers/i18n';

const LANGS = readdirSync('public/_locales');
const result: ScanResult = {
  url: 'https://coins.example/',
  verdict: 'danger',
  score: 9,
  platform: 'tiktok',
  signals: [
    { id: 'credential-fields', severity: 'danger', evidence: [] },
    { id: 'off-platform-payment', severity: 'danger', evidence: [] },
  ],
  prices: [],
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pageWords / fillWords', () => {
  test.each(LANGS)('%s: every word, filled on the page, reads as i18n.getMessage gives it', (lang) => {
    const getMessage = getMessageIn(catalogue(lang));
    const words = pageWords(result, getMessage);
    const keys = [...PAGE_WORD_KEYS, ...result.signals.map((s) => signalKeys(s.id).title)];
    expect(Object.keys(words).sort()).toEqual([...keys].sort());
    const subs = ['Coin Shop Guard', 'Danger', '7'];
    for (const key of keys) expect(fillWords(words[key] as string, subs), key).toBe(getMessage(key, subs));
    // Fewer substitutions than marks: the rest are empty, as getMessage leaves them.
    expect(fillWords(words.labelled as string, ['A'])).toBe(getMessage('labelled', ['A']));
  });

  test('a key without a message is left out (the page then asks for it itself); no i18n at all gives no words', () => {
    const words = pageWords({ ...result, signals: [{ id: 'no-such-signal', severity: 'danger', evidence: [] }] }, getMessageIn(catalogue('en')));
    expect(words).not.toHaveProperty(signalKeys('no-such-signal').title);
    expect(words).toHaveProperty('badgeHint');
    expect(
      pageWords(result, () => {
        throw new Error('no i18n');
      }),
    ).toEqual({});
  });

  test('a message that holds no mark is given as it is, whatever the substitutions', () => {
    expect(fillWords('Looks OK', ['x'])).toBe('Looks OK');
    expect(fillWords(`${MARKS[1]} and ${MARKS[0]}, ${MARKS[0]}`, ['a', 'b'])).toBe('b and a, a');
  });

  test('every key the page’s UI asks for by name is in PAGE_WORD_KEYS', () => {
    const asked = new Set<string>();
    for (const file of ['badge.ts', 'strict-overlay.ts', 'input-guard.ts', 'pin-form.ts']) {
      const src = readFileSync(`src/ui/${file}`, 'utf8');
      for (const m of src.matchAll(/\b(?:t|contentT)\('([A-Za-z_]+)'/g)) asked.add(m[1] as string);
    }
    // The verdict words are asked for through VERDICT_STYLE.
    for (const w of ['verdictDanger', 'verdictCaution', 'verdictOk', 'verdictOfficial']) asked.add(w);
    expect(asked.size).toBeGreaterThan(15);
    expect([...asked].filter((k) => !(PAGE_WORD_KEYS as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('the content script’s t()', () => {
  test('reads the words sent with the verdict and never asks i18n for them; a key it lacks still goes to i18n', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageIn(catalogue('fr')) as never);
    vi.stubGlobal('browser', fakeBrowser);
    try {
      useWords(pageWords(result, getMessageIn(catalogue('fr'))));
      getMessage.mockClear();
      expect(t('labelled', ['Coin Shop Guard', 'Danger'])).toBe('Coin Shop Guard\u00a0: Danger');
      expect(t('strictPinWait', '5')).toBe(getMessageIn(catalogue('fr'))('strictPinWait', '5'));
      expect(getMessage).not.toHaveBeenCalled();
      expect(t('popupTitle')).toBe(getMessageIn(catalogue('fr'))('popupTitle') || 'popupTitle');
      expect(getMessage).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('parseWords (the page’s check) agrees with PageWordsSchema', () => {
  const good = pageWords(result, getMessageIn(catalogue('en')));
  test.each([
    ['real words', good],
    ['none', {}],
    ['not an object', 'x'],
    ['an array', ['a']],
    ['null', null],
    ['a number value', { badgeHint: 7 }],
    ['a value too long', { badgeHint: 'x'.repeat(WORD_MAX + 1) }],
    ['too many words', Object.fromEntries(Array.from({ length: WORDS_MAX + 1 }, (_, i) => [`k${i}`, 'v']))],
    ['a key too long', { ['k'.repeat(101)]: 'v' }],
  ])('%s', (_name, raw) => {
    expect(parseWords(raw) !== null).toBe(PageWordsSchema.safeParse(raw).success);
  });
  test('real words pass, and come back as they were', () => {
    expect(parseWords(good)).toEqual(good);
  });
});

describe('words from a hostile or broken reply', () => {
  test('keys named like Object’s own members are words like any other, and a missing one is not found on the prototype', () => {
    const words = parseWords(JSON.parse('{"__proto__":"P","badgeHint":"H"}'));
    expect(words && Object.keys(words).sort()).toEqual(['__proto__', 'badgeHint']);
    vi.stubGlobal('browser', fakeBrowser);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => `i18n:${key}`) as never);
    try {
      useWords(words);
      expect(t('badgeHint')).toBe('H');
      expect(t('toString')).toBe('i18n:toString');
      expect(t('constructor')).toBe('i18n:constructor');
      // Words kept in a plain object (as a caller of useWords may pass them): still own keys only.
      useWords({ badgeHint: 'H' });
      expect(t('toString')).toBe('i18n:toString');
      expect(t('badgeHint')).toBe('H');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
