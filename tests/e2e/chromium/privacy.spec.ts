/**
 * Privacy, end to end in real Chromium with the built extension: across the
 * WHOLE labelled corpus (tests/fixtures/pages/manifest.json), plus the popup
 * and the options page, the extension makes no network request at all.
 *
 * Three independent witnesses:
 *  1. Playwright's request events for the whole context. A request belongs to
 *     the extension when it comes from its service worker
 *     (request.serviceWorker()) or from a frame whose URL is one of our pages
 *     (chrome-extension://<id>/…). Every such request must be for a
 *     chrome-extension:// URL (its own packaged files).
 *  2. The harness's router (tests/e2e/support/chromium.ts) answers every
 *     http(s) request from the fixtures and records anything else in
 *     h.unrouted: that list must be empty but for the browser's own favicon
 *     fetches for the pages (see FAVICON below).
 *  3. Resource Timing inside the service worker and inside our pages (which
 *     lists network resources): nothing but chrome-extension:// URLs.
 * Pages the engine calls a coin shop are each waited for until their verdict
 * shows; the others are covered by a sentinel shop page opened after each
 * batch (see sentinel()).
 * And the CSP itself: a fetch() from the service worker or the popup is
 * refused before it reaches the network.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXT, launchChromium, openPopup, waitForToolbar, type Harness } from '../support/chromium';
import { corpus, engineVerdicts, pageHtml, type CorpusEntry } from '../support/corpus';

interface Seen {
  url: string;
  /** 'worker' (our service worker), 'extension-page' (a frame of ours), 'web' (a web page frame), 'browser' (no frame). */
  from: 'worker' | 'extension-page' | 'web' | 'browser';
  initiator: string;
}

/**
 * Chromium fetches /favicon.ico for every page it shows; that request is the
 * browser's (not the page's, not ours), goes to the page's own origin, and is
 * answered 404 by the router. It is the only non-fixture URL allowed.
 */
const FAVICON = /^https?:\/\/[^/]+\/favicon\.ico$/;
const BATCH = 8;

/**
 * Chrome's every-page script imports guard.js once the gate's first look passes (entrypoints/look.ts),
 * and the frame probe imports frame-report.js in a frame with a secret field: each is asked for at the
 * extension's fixed address, and Chrome answers from the package through the session's dynamic address
 * (a random UUID), as use_dynamic_url asks. Reads of our own files, not network requests; no other file
 * of ours may be asked for from a web page.
 */
const importUrl = (id: string) => new RegExp(`^chrome-extension://(${id}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(guard|frame-report)\\.js$`);

let h: Harness;
const seen: Seen[] = [];
let extOrigin = '';

function classify(req: Request): Seen {
  const url = req.url();
  if (req.serviceWorker()) {
    const sw = req.serviceWorker()?.url() ?? '';
    return { url, from: sw.startsWith(extOrigin) ? 'worker' : 'web', initiator: sw };
  }
  let frameUrl = '';
  try {
    frameUrl = req.frame().url();
  } catch {
    // A navigation request before its frame exists: initiated by the browser (page.goto).
    return { url, from: 'browser', initiator: '' };
  }
  // A navigation's frame still shows the previous URL: judge the frame by what it loads now.
  if (frameUrl.startsWith(extOrigin) || (req.isNavigationRequest() && url.startsWith(extOrigin))) return { url, from: 'extension-page', initiator: frameUrl };
  return { url, from: 'web', initiator: frameUrl };
}

/** The options page of the built extension, if it has one (options_ui.page or options_page). */
function optionsPath(): string | null {
  const m = JSON.parse(readFileSync(join(CHROME_EXT, 'manifest.json'), 'utf8')) as { options_ui?: { page?: string }; options_page?: string };
  const page = m.options_ui?.page ?? m.options_page ?? null;
  return page && existsSync(join(CHROME_EXT, page)) ? page : null;
}

/** Resources our page or worker loaded, per Resource Timing. */
async function pageResources(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
}


let sentinelCount = 0;
/**
 * Waits until the content script has run in every tab opened so far: a fresh
 * shop page opened afterwards gets its verdict only after a full round trip
 * through the background (document_idle comes after the earlier pages' load).
 */
async function sentinel(): Promise<void> {
  const scam = corpus().find((e) => e.file === 'scam-password.html');
  if (!scam) throw new Error('scam-password.html missing from the manifest');
  const url = `https://sentinel-${++sentinelCount}.tiktok-coins-free.xyz/`;
  h.serve.set(url, pageHtml(scam));
  const page = await h.context.newPage();
  await page.goto(url);
  await waitForToolbar(h, url, 20_000);
  await page.close();
}

test.beforeAll(async () => {
  h = await launchChromium();
  extOrigin = `chrome-extension://${h.extensionId}`;
  h.context.on('request', (req) => seen.push(classify(req)));
});
test.afterAll(async () => {
  await h?.close();
});

test('the whole corpus, the popup and the options page: zero network requests from the extension', async () => {
  const pages = corpus();
  test.setTimeout(120_000 + pages.length * 3_000);
  expect(pages.length).toBeGreaterThanOrEqual(100);

  // Which pages the extension will judge (same engine, outside the browser): those must show a verdict.
  const engine = engineVerdicts(pages);
  const shop = new Set(pages.filter((e) => (engine.get(e.url) ?? 'none') !== 'none').map((e) => e.url));

  let dangerTab: number | null = null;
  for (let i = 0; i < pages.length; i += BATCH) {
    const batch: CorpusEntry[] = pages.slice(i, i + BATCH);
    const tabs = await Promise.all(
      batch.map(async (e) => {
        const page = await h.context.newPage();
        await page.goto(e.url, { waitUntil: 'load' });
        return page;
      }),
    );
    let keep: Page | null = null;
    for (const [j, e] of batch.entries()) {
      if (!shop.has(e.url)) continue;
      const bar = await waitForToolbar(h, e.url, 20_000);
      if (bar.verdict === 'danger' && dangerTab === null) {
        dangerTab = bar.tabId;
        keep = tabs[j] ?? null;
      }
    }
    await sentinel();
    // Keep the first danger tab open for the popup; close the rest.
    await Promise.all(tabs.filter((p) => p !== keep).map((p) => p.close()));
  }
  expect(dangerTab).not.toBeNull();

  // The popup, reporting on a danger tab: wait until it has rendered the verdict.
  const popup = await openPopup(h, dangerTab as number);
  await expect(popup.locator('main')).toHaveAttribute('data-verdict', /danger|caution|ok|official|none/);
  const ours: Page[] = [popup];

  // The options page, when this build has one.
  const options = optionsPath();
  if (options) {
    const page = await h.context.newPage();
    await page.goto(`${extOrigin}/${options}`);
    await expect(page.locator('body')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    ours.push(page);
  } else {
    test.info().annotations.push({ type: 'note', description: 'this build has no options page' });
  }

  // 1. Request events: everything the extension asked for is its own packaged file.
  const fromExtension = seen.filter((s) => s.from === 'worker' || s.from === 'extension-page');
  expect(fromExtension.length, 'the recorder saw our popup load its own files').toBeGreaterThan(0);
  expect(fromExtension.filter((s) => !s.url.startsWith(`${extOrigin}/`))).toEqual([]);

  // 2. Web pages only loaded fixtures; nothing else left the browser but its own favicon fetches, and
  // in a page the extension's only files are guard.js and frame-report.js, read from its package (not the network).
  expect(h.unrouted.filter((u) => !FAVICON.test(u))).toEqual([]);
  const fixtureUrls = new Set([...h.serve.keys()]);
  const ourImport = importUrl(h.extensionId);
  expect(seen.filter((s) => s.from === 'web' && /\/guard\.js$/.test(s.url)).length, 'the shops imported guard.js').toBeGreaterThan(0);
  expect(seen.filter((s) => s.from === 'web' && !fixtureUrls.has(s.url.split('#')[0] ?? '') && !FAVICON.test(s.url) && !ourImport.test(s.url))).toEqual([]);

  // 3. Resource Timing inside our worker and our pages.
  const workerResources = await h.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(workerResources.filter((u) => !u.startsWith(`${extOrigin}/`))).toEqual([]);
  for (const page of ours) {
    // Chromium lists only network (http/https/data) resources here, not chrome-extension:// ones: any entry not ours is a leak.
    const res = await pageResources(page);
    expect(res.filter((u) => !u.startsWith(`${extOrigin}/`)), page.url()).toEqual([]);
    await page.close();
  }
});

test('the extension-page CSP refuses network access from the service worker and the popup', async () => {
  const before = seen.length;
  const unroutedBefore = h.unrouted.length;
  const probe = 'https://tiktok-coins-free.xyz/';
  const fromWorker = await h.worker.evaluate((u) => fetch(u).then(() => 'sent', (e: unknown) => `refused: ${String(e)}`), probe);
  expect(fromWorker).toMatch(/^refused/);
  const popup = await openPopup(h, 0);
  const fromPopup = await popup.evaluate((u) => fetch(u).then(() => 'sent', (e: unknown) => `refused: ${String(e)}`), probe);
  expect(fromPopup).toMatch(/^refused/);
  await popup.close();
  // Refused before the network: the router never saw it.
  expect(seen.slice(before).filter((s) => s.url === probe)).toEqual([]);
  expect(h.unrouted.slice(unroutedBefore)).toEqual([]);
});

test('control: the recorder does see requests, from a web page', async () => {
  const before = seen.length;
  const page = await h.context.newPage();
  const first = corpus()[0];
  if (!first) throw new Error('empty corpus');
  await page.goto(first.url);
  await page.evaluate(() => fetch('/control-probe').then(() => undefined, () => undefined));
  await expect.poll(() => seen.slice(before).some((s) => s.from === 'web' && s.url.endsWith('/control-probe'))).toBe(true);
  await expect.poll(() => h.unrouted.some((u) => u.endsWith('/control-probe'))).toBe(true);
  await page.close();
});
