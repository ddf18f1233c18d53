/**
 * The toolbar title, "<verdict word>: <main reason>", in the browser's
 * language: read through browser.i18n from the real catalogues, so French
 * gets its no-break space before the colon and English stays the contract
 * ("Danger: Asks for …") that tests and evaluators read.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toolbarTitle } from '../../../src/background/toolbar';
import type { ScanResult } from '../../../src/engine/types';
import { catalogue, getMessageIn } from '../helpers/i18n';

function speak(lang: string): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageIn(catalogue(lang)) as never);
}

const danger: ScanResult = {
  url: 'https://cheap-coins.example/',
  platform: 'tiktok',
  prices: [],
  verdict: 'danger',
  score: 90,
  signals: [{ id: 'credential-fields', severity: 'danger', evidence: [] }],
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('toolbarTitle', () => {
  test('English: "Danger: <reason>"', () => {
    speak('en');
    const en = catalogue('en');
    expect(toolbarTitle(danger)).toBe(`Danger: ${en['signal_credential_fields_title']?.message}`);
  });

  test('French: a no-break space before the colon', () => {
    speak('fr');
    const fr = catalogue('fr');
    expect(toolbarTitle(danger)).toBe(`Danger\u00a0: ${fr['signal_credential_fields_title']?.message}`);
  });

  test.each(['es', 'id', 'pt_BR', 'vi'])('%s: the verdict word, a colon, the reason', (lang) => {
    speak(lang);
    const msgs = catalogue(lang);
    expect(toolbarTitle(danger)).toBe(`${msgs['verdictDanger']?.message}: ${msgs['signal_credential_fields_title']?.message}`);
  });

  test('no verdict, no title', () => {
    speak('en');
    expect(toolbarTitle({ ...danger, verdict: 'none', signals: [] })).toBeNull();
  });
});
