/**
 * npm run demo: the built extension in headless Chromium over the bundled demo
 * pages (a scam shop, a caution shop, a good reseller, the official page, an
 * ordinary page). Prints each page's verdict and signs as the toolbar and popup
 * show them, and saves screenshots of every page with its badge and of its
 * popup (light and dark) into demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium, openPopup, tabIds, waitForToolbar, type ToolbarState } from '../tests/e2e/support/chromium';
import { corpus } from '../tests/e2e/support/corpus';

const OUT = 'demo-output';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const demos = corpus().filter((e) => e.demo);
  if (demos.length === 0) throw new Error('no demo pages in tests/fixtures/pages/manifest.json');
  const h = await launchChromium();
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
    console.log(`\nScreenshots: ${rows.length * 3} files in ${OUT}/`);
  } finally {
    await h.close();
  }
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
