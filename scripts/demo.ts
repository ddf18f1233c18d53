/**
 * npm run demo: the built extension in headless Chromium over the bundled demo
 * pages (a scam shop, a caution shop, a good reseller, the official page, an
 * ordinary page). Prints each page's verdict and signs as the toolbar and popup
 * show them, and saves screenshots of every page with its badge and of its
 * popup, light and dark, and of the options page when there is one, into
 * demo-output/ (listed in docs/screenshots.md).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { CHROME_EXT, launchChromium, openPopup, tabIds, waitForToolbar, type Harness, type ToolbarState } from '../tests/e2e/support/chromium';
import { corpus } from '../tests/e2e/support/corpus';
import { DEFAULT_SETTINGS } from '../src/settings/schema';

const OUT = 'demo-output';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const demos = corpus().filter((e) => e.demo);
  if (demos.length === 0) throw new Error('no demo pages in tests/fixtures/pages/manifest.json');
  const h = await launchChromium();
  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); functions that
  // Playwright serializes into the extension's worker (waitForToolbar) then need it there too.
  await h.worker.evaluate('globalThis.__name = (f) => f');
  try {
    const rows: { name: string; label: string; state: ToolbarState | null; signs: string[] }[] = [];
    // Shops first; the ordinary page last, so the shops' round trips prove its script has run.
    const ordered = [...demos.filter((d) => d.label !== 'none'), ...demos.filter((d) => d.label === 'none')];
    for (const entry of ordered) {
      const name = entry.file.replace(/\.html$/, '');
      const before = new Set(await tabIds(h));
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(entry.url, { waitUntil: 'load' });
      const tabId = (await tabIds(h)).find((id) => !before.has(id));
      let state: ToolbarState | null = null;
      if (entry.label !== 'none') {
        state = await waitForToolbar(h, entry.url);
        await page.locator('coin-shop-guard').waitFor();
      }
      await page.screenshot({ path: `${OUT}/${name}-page.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${OUT}/${name}-page-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
      const popup = await openPopup(h, state?.tabId ?? tabId ?? -1);
      await popup.setViewportSize({ width: 380, height: 640 });
      await popup.locator('main[data-verdict]').waitFor();
      const signs = await popup.locator('[data-signal] strong').allTextContents();
      await popup.screenshot({ path: `${OUT}/${name}-popup.png`, fullPage: true });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.screenshot({ path: `${OUT}/${name}-popup-dark.png`, fullPage: true });
      await popup.close();
      rows.push({ name, label: entry.label, state, signs: signs.map((s) => s.replace(/^[^\p{L}]+/u, '').trim()) });
    }
    console.log('\nCoin Shop Guard demo — verdicts in real Chromium\n');
    for (const r of rows) {
      console.log(`${r.name}`);
      console.log(`  toolbar: ${r.state ? `${r.state.title}  [badge ${r.state.badge}]` : 'Coin Shop Guard (no verdict: not a coin shop, page untouched)'}`);
      for (const s of r.signs) console.log(`  • ${s}`);
    }
    const scam = demos.find((d) => d.label === 'danger')?.url;
    const extra = (await extraScreens(h)) + (scam ? (await strictScreens(scam)) + (await localeScreens(scam)) : 0);
    console.log(`\nScreenshots: ${rows.length * 4 + extra} files in ${OUT}/`);
  } finally {
    await h.close();
  }
}

/** The options page, light and dark, when the build has one. Returns how many files it wrote. */
async function extraScreens(h: Harness): Promise<number> {
  if (!existsSync(`${CHROME_EXT}/options.html`)) {
    console.log('(no options page in this build: no options screenshots)');
    return 0;
  }
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'load' });
  await page.locator('main').waitFor();
  await page.screenshot({ path: `${OUT}/options.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${OUT}/options-dark.png`, fullPage: true });
  await page.close();
  return 2;
}

/** Parents' strict mode: the full-page warning on the scam page and the popup's strict line, light and dark. */
async function strictScreens(scam: string): Promise<number> {
  const h = await launchChromium();
  try {
    await h.worker.evaluate('globalThis.__name = (f) => f');
    await h.worker.evaluate(async (s) => {
      await chrome.storage.sync.set({ settings: s });
      await chrome.storage.local.set({ strictLatch: true });
    }, { ...DEFAULT_SETTINGS, mode: 'strict', allowList: [] });
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(scam, { waitUntil: 'load' });
    await page.locator('coin-shop-guard-strict[data-state="cover"]').waitFor({ state: 'attached' });
    await page.screenshot({ path: `${OUT}/strict-warning.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${OUT}/strict-warning-dark.png` });
    const bar = await waitForToolbar(h, scam);
    const popup = await openPopup(h, bar.tabId);
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.locator('.strict-status').waitFor();
    await popup.screenshot({ path: `${OUT}/strict-popup.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: `${OUT}/strict-popup-dark.png` });
    return 4;
  } finally {
    await h.close();
  }
}

/** The scam page's popup in French and in Indonesian (the browser launched in that language). */
async function localeScreens(scam: string): Promise<number> {
  let n = 0;
  for (const locale of ['fr', 'id']) {
    const h = await launchChromium({ locale });
    try {
      await h.worker.evaluate('globalThis.__name = (f) => f');
      const page = await h.context.newPage();
      await page.goto(scam, { waitUntil: 'load' });
      const bar = await waitForToolbar(h, scam);
      const popup = await openPopup(h, bar.tabId);
      await popup.setViewportSize({ width: 380, height: 640 });
      await popup.locator('main[data-verdict]').waitFor();
      await popup.screenshot({ path: `${OUT}/scam-password-popup-${locale}.png` });
      n++;
    } finally {
      await h.close();
    }
  }
  return n;
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
