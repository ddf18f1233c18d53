/**
 * Privacy in real Firefox ESR (MV2 background PAGE, unlike Chromium's service
 * worker): across the whole corpus and the popup, the extension's background
 * and pages load nothing but their own moz-extension:// files, and their CSP
 * refuses fetch(). The background page is reached from the popup through
 * runtime.getBackgroundPage() (same process in MV2), and read with Resource
 * Timing, which records every network resource a document loads.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PAGES_DIR, corpus, type CorpusEntry } from '../support/corpus';
import { EXT_ORIGIN, extensionPage, fixturePage, launchFirefox, waitForToolbarFx, type FxHarness } from '../support/firefox';

let h: FxHarness;
/** Every request the web page tab made that was not a fixture. */
const unrouted: string[] = [];

beforeAll(async () => {
  h = await launchFirefox();
});
afterAll(async () => {
  await h?.close();
});

/** The engine's verdicts (npm run scan --json): the pages whose verdict must show. */
function engineVerdicts(entries: CorpusEntry[]): Map<string, string> {
  const run = spawnSync('npx', ['--no-install', 'tsx', 'scripts/scan.ts', '--json', ...entries.map((e) => join(PAGES_DIR, e.file))], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`scan failed: ${run.stderr}`);
  return new Map(
    run.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { url: string; verdict: string })
      .map((r) => [r.url, r.verdict]),
  );
}

/** Network resources the popup and the background page loaded, read from the popup. */
async function extensionResources(popup: Page): Promise<{ popup: string[]; background: string[] }> {
  return popup.evaluate(async () => {
    const b = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const bg = await b.runtime.getBackgroundPage();
    return {
      popup: performance.getEntriesByType('resource').map((e) => e.name),
      background: bg.performance.getEntriesByType('resource').map((e) => e.name),
    };
  });
}

test('the whole corpus and the popup: the extension loads nothing but its own files', { timeout: 600_000 }, async () => {
  const pages = corpus();
  const engine = engineVerdicts(pages);
  const tab = await fixturePage(h, (url) => unrouted.push(url));
  const ext = await extensionPage(h, 'popup.html?tab=0', 'main');
  let dangerTab: number | null = null;
  for (const e of pages) {
    await tab.goto(e.url, { waitUntil: 'load' });
    if ((engine.get(e.url) ?? 'none') === 'none') continue;
    const bar = await waitForToolbarFx(ext, e.url);
    if (bar.verdict === 'danger') dangerTab ??= bar.tabId;
  }
  // The last page's verdict arrived after every earlier page had been judged; pages that are not shops sent nothing.
  expect(dangerTab).not.toBeNull();
  const popup = await extensionPage(h, `popup.html?tab=${dangerTab as number}`, 'main[data-verdict]');

  for (const page of [ext, popup]) {
    const res = await extensionResources(page);
    expect(res.popup.filter((u) => !u.startsWith(`${EXT_ORIGIN}/`))).toEqual([]);
    expect(res.background.filter((u) => !u.startsWith(`${EXT_ORIGIN}/`))).toEqual([]);
  }
  // The web pages themselves only loaded fixtures over the network. Firefox reports the corpus pages' inline
  // data: images and fonts to request interception too; those never touch the network. A browser favicon fetch is allowed.
  expect(unrouted.filter((u) => /^https?:/.test(u) && !/^https?:\/\/[^/]+\/favicon\.ico$/.test(u))).toEqual([]);
  await popup.close();
  await ext.close();
  await tab.close();
});

test('the CSP refuses fetch() from the popup and from the background page', async () => {
  const popup = await extensionPage(h, 'popup.html?tab=0', 'main');
  const probe = 'https://tiktok-coins-free.xyz/';
  const result = await popup.evaluate(async (u: string) => {
    const b = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const bg = await b.runtime.getBackgroundPage();
    const attempt = (f: typeof fetch) => f(u).then(() => 'sent', (e: unknown) => `refused: ${String(e)}`);
    return { popup: await attempt(fetch), background: await attempt(bg.fetch.bind(bg)) };
  }, probe);
  expect(result.popup).toMatch(/^refused/);
  expect(result.background).toMatch(/^refused/);
  await popup.close();
});
