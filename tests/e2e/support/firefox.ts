/**
 * Real Firefox ESR with the built (MV2) extension, driven by puppeteer-core
 * over WebDriver BiDi. Every request is answered from the fixture corpus.
 *
 * Extension pages: the `extensions.webextensions.uuids` pref pins the
 * extension's internal UUID so tests can open moz-extension://<uuid>/…, and
 * `--remote-allow-system-access` lets WebDriver navigate there (Firefox 153+
 * restricts WebDriver navigation to web schemes otherwise). Firefox never
 * reports such a navigation as finished, so tests wait for the page's content
 * instead of the navigation.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { routes } from './corpus';

export const FIREFOX_EXT = resolve('.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'coin-shop-guard@coinshopguard.example';
export const EXT_UUID = '0b1c2d3e-0000-4000-8000-00000000c5a1';
export const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

export interface FxHarness {
  browser: Browser;
  serve: Map<string, string>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: { locale?: string } = {}): Promise<FxHarness> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
      ...(opts.locale ? { 'intl.locale.requested': opts.locale } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXT);
  return { browser, serve: routes(), close: () => browser.close() };
}

/** A new tab whose requests are all answered from the corpus (404 otherwise). */
export async function fixturePage(h: FxHarness): Promise<Page> {
  const page = await h.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const body = h.serve.get(req.url().split('#')[0] ?? '');
    void (body !== undefined
      ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body })
      : req.respond({ status: 404, contentType: 'text/plain', body: 'not found' }));
  });
  return page;
}

/** Opens one of our extension pages (popup.html?tab=N, …) and waits until `ready` matches. */
export async function extensionPage(h: FxHarness, path: string, ready = 'main'): Promise<Page> {
  const page = await h.browser.newPage();
  void page.goto(`${EXT_ORIGIN}/${path}`).catch(() => {
    // Firefox never signals the end of a moz-extension navigation; the wait below is the real condition.
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForFunction(
        (origin: string, sel: string) => location.origin === origin && !!document.querySelector(sel),
        { timeout: Math.max(1_000, deadline - Date.now()) },
        EXT_ORIGIN,
        ready,
      );
      break;
    } catch (err) {
      // While about:blank is being replaced by the extension page, BiDi's script.evaluate can fail
      // with a protocol error instead of returning false; wait again on the new document.
      const text = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : '';
      if (Date.now() >= deadline || !/Protocol error/.test(text)) throw err;
    }
  }
  return page;
}

export interface FxToolbar {
  tabId: number;
  verdict: string | null;
  title: string;
  badge: string;
}

/** The toolbar state for the tab showing `url`, once the background has a verdict for it. */
export async function waitForToolbarFx(ext: Page, url: string): Promise<FxToolbar> {
  const handle = await ext.waitForFunction(
    async (target: string) => {
      const b = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
      const all = (await b.storage.session.get(null)) as Record<string, { url?: string; verdict?: string }>;
      const entry = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v?.url === target);
      if (!entry) return false;
      const tabId = Number(entry[0].slice(4));
      return {
        tabId,
        verdict: entry[1].verdict ?? null,
        title: await b.browserAction.getTitle({ tabId }),
        badge: await b.browserAction.getBadgeText({ tabId }),
      };
    },
    { timeout: 15_000, polling: 200 },
    url,
  );
  return (await handle.jsonValue()) as FxToolbar;
}
