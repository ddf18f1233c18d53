/**
 * Real Chromium with the built extension loaded (Playwright, system Chromium).
 * Every request is answered from the fixture corpus: nothing leaves the machine.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { routes } from './corpus';

export const CHROME_EXT = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags that load one unpacked extension and keep the browser off the network on its own. */
export function extensionArgs(extDir: string): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Extra pages to serve, by URL. */
  serve: Map<string, string>;
  /** Requests that reached the router and were not fixtures. */
  unrouted: string[];
  close(): Promise<void>;
}

export async function launchChromium(opts: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'csg-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    args: [...extensionArgs(CHROME_EXT), ...(opts.locale ? [`--lang=${opts.locale}`] : [])],
    env: { ...process.env, ...(opts.locale ? { LANGUAGE: opts.locale.replace('-', '_') } : {}) },
  });
  const serve = routes();
  const unrouted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url().split('#')[0] ?? '';
    // The extension's own files load from the extension, never from the network.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const body = serve.get(url);
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    unrouted.push(url);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    serve,
    unrouted,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ToolbarState {
  tabId: number;
  verdict: string | null;
  title: string;
  badge: string;
}

/**
 * The verdict the extension holds for the tab showing `url`, read as a user
 * sees it: the toolbar button's title and badge text. Waits until the
 * background has a result for that URL (or `allowNone` and the tab has none).
 */
export async function toolbarFor(h: Harness, url: string): Promise<ToolbarState> {
  return h.worker.evaluate(async (target) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, { url?: string; verdict?: string }>;
    const entry = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v?.url === target);
    if (!entry) throw new Error(`no verdict yet for ${target}`);
    const tabId = Number(entry[0].slice(4));
    return {
      tabId,
      verdict: entry[1].verdict ?? null,
      title: await chrome.action.getTitle({ tabId }),
      badge: await chrome.action.getBadgeText({ tabId }),
    };
  }, url);
}

/** Polls toolbarFor until the background has answered for `url`. */
export async function waitForToolbar(h: Harness, url: string, timeoutMs = 10_000): Promise<ToolbarState> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      return await toolbarFor(h, url);
    } catch (e) {
      last = e;
      // Wait for the next storage change rather than a fixed delay.
      await h.worker.evaluate(
        () =>
          new Promise<void>((res) => {
            const done = () => {
              chrome.storage.session.onChanged.removeListener(done);
              clearTimeout(timer);
              res();
            };
            const timer = setTimeout(done, 500);
            chrome.storage.session.onChanged.addListener(done);
          }),
      );
    }
  }
  throw last;
}

/** Tab ids of every tab, with nothing else (the extension has no `tabs` permission). */
export async function tabIds(h: Harness): Promise<number[]> {
  return h.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
}

/** Opens the popup as a page, reporting on `tabId`. */
export async function openPopup(h: Harness, tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Runs `fn` (a function declaration, as text) with `this` = the closed shadow
 * root of the first <hostTag>, which page scripts and Playwright locators
 * cannot enter; the DevTools protocol pierces closed roots.
 */
export async function inClosedShadow<T>(page: Page, fn: string, hostTag = 'coin-shop-guard'): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | null => {
      if (n.nodeName.toLowerCase() === hostTag) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const f = find(c);
        if (f) return f;
      }
      return null;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error(`no shadow root on <${hostTag}>`);
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: fn,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** The text a user sees on the badge's card and the centre of each of its buttons. */
export function closedShadow(page: Page, hostTag: string): Promise<{ text: string; buttons: { label: string; x: number; y: number }[] }> {
  return inClosedShadow(
    page,
    `function () {
      const card = this.querySelector('.card');
      return {
        text: card ? card.textContent : '',
        buttons: [...this.querySelectorAll('button')].map((b) => {
          const r = b.getBoundingClientRect();
          return { label: b.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }),
      };
    }`,
    hostTag,
  );
}
