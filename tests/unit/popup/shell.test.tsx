/**
 * @vitest-environment happy-dom
 *
 * The popup's first paint (issue 7): the shell in index.html paints before any
 * script, claims no verdict and is accessible; main.tsx's helpers localise it
 * and ask for the verdict without the polyfill; App keeps the same shell until
 * the answer arrives and then shows the tab's verdict.
 */
import { render } from 'preact';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ScanResult } from '../../../src/engine/types';
import { App } from '../../../entrypoints/popup/App';
import { requestResult } from '../../../entrypoints/popup/request';
import { shellText } from '../../../entrypoints/popup/shell';
import type { Loaded } from '../../../entrypoints/popup/request';
import { catalogue, getMessageIn } from '../helpers/i18n';

const LOCALES = ['en', 'fr', 'id', 'es', 'pt_BR', 'vi'] as const;
const en = catalogue('en');
const msg = (key: string) => en[key]?.message ?? '';
const VERDICT_WORDS = ['verdictDanger', 'verdictCaution', 'verdictOk', 'verdictOfficial', 'verdictNone', 'popupNone'].map(msg);

const getMessage = getMessageIn(en);

const DANGER: ScanResult = {
  url: 'https://cheap-coins.example/',
  verdict: 'danger',
  score: 200,
  platform: 'tiktok',
  signals: [{ id: 'credential-fields', severity: 'danger', evidence: [{ text: 'TikTok password', selector: '#pw' }] }],
  prices: [],
};

/** A promise and the functions that settle it, so a test decides when "the background answers". */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A rejected promise that is not reported as unhandled before App attaches its handler (main.tsx does the same). */
function rejected(e: Error): Promise<Loaded> {
  const p = Promise.reject(e);
  p.catch(() => undefined);
  return p;
}

/** Lets Preact's effects and the awaited promise run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr');
  vi.stubGlobal('browser', fakeBrowser);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('index.html shell', () => {
  const html = readFileSync('entrypoints/popup/index.html', 'utf8');
  // Parsed without its <link> and <script> (happy-dom would try to load them); the scripts are checked as text.
  const doc = new DOMParser().parseFromString(html.replace(/<link[^>]*>|<script[^>]*><\/script>/g, ''), 'text/html');
  const main = doc.querySelector('#app > main');

  test('has something to paint before any script: the name, in a busy <main> with no verdict', () => {
    expect(main?.getAttribute('aria-busy')).toBe('true');
    expect(main?.hasAttribute('data-verdict')).toBe(false);
    expect(doc.querySelectorAll('[data-verdict], [data-glyph], svg')).toHaveLength(0);
    expect(main?.querySelector('h1')?.textContent?.trim()).toBe('Coin Shop Guard');
    for (const w of VERDICT_WORDS) expect(main?.textContent).not.toContain(w);
  });

  test('the static name is the extension name in every language (it is a brand), so no language sees another', () => {
    for (const l of LOCALES) expect(catalogue(l).extName?.message).toBe('Coin Shop Guard');
  });

  test('has a polite status line for "Checking this page…" and only one script: the entry', () => {
    const status = main?.querySelector('#popup-status');
    expect(status?.getAttribute('role')).toBe('status');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" src="./main.tsx">']);
  });
});

describe('shellText (main.tsx, before the app code loads)', () => {
  test('fills the status and the page language from the browser, without the polyfill', () => {
    document.body.innerHTML = readFileSync('entrypoints/popup/index.html', 'utf8').replace(/[\s\S]*<body>|<script[^>]*><\/script>|<\/body>[\s\S]*/g, '');
    shellText(document);
    expect(document.getElementById('popup-status')?.textContent).toBe(msg('popupLoading'));
    expect(document.documentElement.lang).toBe('fr');
    expect(document.querySelector('main')?.hasAttribute('data-verdict')).toBe(false);
  });
});

describe('requestResult (sent before the first paint)', () => {
  test('asks the background for ?tab=N and returns its result', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ result: DANGER } as never);
    await expect(requestResult('?tab=42')).resolves.toEqual({ tabId: 42, result: DANGER });
    expect(send).toHaveBeenCalledWith({ type: 'get-result', tabId: 42 });
  });

  test('without ?tab, reports on the active tab; no answer means no result', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(requestResult('')).resolves.toEqual({ tabId: 7, result: null });
    expect(send).toHaveBeenCalledWith({ type: 'get-result', tabId: 7 });
  });
});

describe('App', () => {
  test('keeps the shell (busy, polite status, no verdict) until the answer, then shows the verdict', async () => {
    const answer = deferred<Loaded>();
    render(<App pending={answer.promise} />, root);
    await settle();
    const main = () => root.querySelector('main');
    expect(main()?.getAttribute('aria-busy')).toBe('true');
    expect(main()?.hasAttribute('data-verdict')).toBe(false);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(msg('popupLoading'));
    for (const w of VERDICT_WORDS) expect(root.textContent).not.toContain(w);

    answer.resolve({ tabId: 3, result: DANGER });
    await settle();
    expect(main()?.getAttribute('data-verdict')).toBe('danger');
    expect(main()?.hasAttribute('aria-busy')).toBe(false);
    expect(root.querySelector('h1')?.textContent).toContain(msg('verdictDanger'));
    expect(root.querySelector('[data-signal="credential-fields"]')).not.toBeNull();
    expect(root.textContent).not.toContain(msg('popupLoading'));
  });

  test('a tab without a result, or a failed request, shows "not a coin shop"', async () => {
    const answers: (() => Promise<Loaded>)[] = [() => Promise.resolve({ tabId: 3, result: null }), () => rejected(new Error('no background'))];
    for (const answer of answers) {
      render(<App pending={answer()} />, root);
      await settle();
      expect(root.querySelector('main')?.getAttribute('data-verdict')).toBe('none');
      expect(root.querySelector('.main-reason')?.textContent).toBe(msg('popupNone'));
      render(null, root);
    }
  });
});
