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
 *
 * Waits in extension pages go through waitInPage(), not puppeteer's
 * waitForFunction or waitForSelector: those build their check with Function()
 * inside the page, which the extension's CSP refuses (Firefox ESR 140.12 throws
 * "call to Function() blocked by CSP").
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
export async function fixturePage(h: FxHarness, onUnrouted?: (url: string) => void): Promise<Page> {
  const page = await h.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url().split('#')[0] ?? '';
    const body = h.serve.get(url);
    if (body === undefined) onUnrouted?.(url);
    const answer =
      body !== undefined
        ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body })
        : req.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    // Firefox ESR 140.12 reports a page's inline data: images and fonts to interception but holds no
    // request for them ("no such request" when answered); they never touch the network. Any other
    // failed answer stays an error.
    void (url.startsWith('data:') ? answer.catch(() => undefined) : answer);
  });
  return page;
}

/**
 * Opens one of our extension pages (popup.html?tab=N, …) and waits until `ready` matches.
 *
 * Firefox moves the tab from the web content process to the extension process on this
 * navigation. Now and then (2–4 in 80 here) WebDriver BiDi loses that move: the tab stays on
 * about:blank, or shows the page while puppeteer's helper script still points at the discarded
 * document, so every wait in that tab fails with a protocol error. The abort is reported only
 * when the tab closes, so a tab that is not ready within TAB_READY_MS (a healthy one takes about
 * half a second) is closed and the page opened in a new tab.
 */
const TAB_READY_MS = 8_000;

export async function extensionPage(h: FxHarness, path: string, ready = 'main'): Promise<Page> {
  const url = `${EXT_ORIGIN}/${path}`;
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const page = await h.browser.newPage();
    void page.goto(url).catch(() => {
      // Firefox never signals the end of a moz-extension navigation; readiness is checked below.
    });
    try {
      await waitForExtensionDocument(page, ready);
      return page;
    } catch (err) {
      lastError = err;
      await page.close();
    }
  }
  throw new Error(`${url} did not show ${ready} in three tabs`, { cause: lastError });
}

async function waitForExtensionDocument(page: Page, ready: string): Promise<void> {
  const deadline = Date.now() + TAB_READY_MS;
  for (;;) {
    try {
      await waitInPage(
        page,
        (origin: string, sel: string) => location.origin === origin && !!document.querySelector(sel),
        [EXT_ORIGIN, ready],
        Math.max(500, deadline - Date.now()),
      );
      return;
    } catch (err) {
      // While about:blank is being replaced, script.evaluate can fail with a protocol error
      // instead of returning false; wait again on the new document until the deadline.
      const text = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : '';
      if (Date.now() >= deadline || !/Protocol error/.test(text)) throw err;
    }
  }
}

/** How long one wait in the page lasts when nothing in its DOM changes (storage, say, changes no DOM). */
const RECHECK_MS = 100;

/**
 * Runs `check` in the page until it returns something other than false, null or undefined, and
 * returns that. Between two checks the page itself waits for its next DOM change, or RECHECK_MS
 * when none comes. `check` reaches the page through WebDriver BiDi's script.callFunction, which an
 * extension page's CSP allows; it must not build code from strings.
 */
export async function waitInPage<A extends unknown[], R>(
  page: Page,
  check: (...args: A) => R | Promise<R>,
  args: A,
  timeout = 15_000,
): Promise<Exclude<R, false | null | undefined>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(check as (...a: unknown[]) => unknown, ...args)) as R;
    if (value !== false && value !== null && value !== undefined) return value as Exclude<R, false | null | undefined>;
    if (Date.now() >= deadline) throw new Error(`waited ${timeout} ms in ${page.url()} for ${check.toString().slice(0, 160)}`);
    await page.evaluate(
      (ms: number) =>
        new Promise<void>((done) => {
          const observer = new MutationObserver(() => finish());
          const timer = setTimeout(() => finish(), ms);
          function finish() {
            observer.disconnect();
            clearTimeout(timer);
            done();
          }
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        }),
      Math.min(RECHECK_MS, Math.max(1, deadline - Date.now())),
    );
  }
}

export interface FxToolbar {
  tabId: number;
  verdict: string | null;
  title: string;
  badge: string;
}

/** The toolbar state for the tab showing `url`, once the background has a verdict for it. */
export async function waitForToolbarFx(ext: Page, url: string): Promise<FxToolbar> {
  return waitInPage(
    ext,
    async (target: string): Promise<FxToolbar | false> => {
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
    [url],
  );
}
