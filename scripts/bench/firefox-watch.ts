/**
 * `npm run bench:firefox-watch` (after `npm run build`): how often a page that keeps changing calls
 * our page watch in Firefox, which has no Navigation API (docs/performance.md, item 64). The page is
 * tests/fixtures/hostile/ticker.html: no shop, ten changes every 10 ms. A copy of each Firefox build
 * given (default .output/firefox-mv2; give an older build's directory beside it to compare) has its
 * content script's MutationObserver callbacks counted into a number the page can read; each build
 * runs in a fresh headless Firefox ESR, one after the other, and the counts are printed every five
 * seconds. Chrome's counterpart is a test (tests/e2e/chromium/dynamic.spec.ts counts every call of
 * our scripts in a trace).
 *
 *   npx tsx scripts/bench/firefox-watch.ts [--seconds N] [firefox-build-dir ...]   (default 30 s)
 *
 * Environment: FIREFOX_PATH (default /usr/bin/firefox-esr). A benchmark, not a test: it prints, it
 * does not assert.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { answerFrom } from './measure';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const SECONDS = at >= 0 ? Number(args[at + 1]) : 30;
const builds = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
const dirs = (builds.length > 0 ? builds : ['.output/firefox-mv2']).map((d) => resolve(d));
if (!Number.isInteger(SECONDS) || SECONDS < 5) {
  console.error('bench:firefox-watch: --seconds must be an integer of at least 5');
  process.exit(2);
}
for (const d of dirs) {
  if (!existsSync(join(d, 'manifest.json')) || !existsSync(join(d, 'guard.js'))) {
    console.error(`bench:firefox-watch: no Firefox build at ${d} (manifest.json and guard.js); run npm run build first`);
    process.exit(2);
  }
}

/** The minified callback's start, `new MutationObserver(x=>{`: the count goes in front of its body. */
const CALLBACK = /new MutationObserver\(([A-Za-z_$][\w$]*)=>\{/g;
const COUNT = 'try{const W=window.wrappedJSObject;W.__csgBatches=(W.__csgBatches|0)+1}catch{}';

/** A copy of the build whose content script counts its observers' callbacks in the page's `__csgBatches`. */
function counting(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'csg-fx-watch-'));
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, 'guard.js');
  const code = readFileSync(file, 'utf8');
  const counted = code.replace(CALLBACK, (m) => m + COUNT);
  if (counted === code) {
    rmSync(copy, { recursive: true, force: true });
    throw new Error(`bench:firefox-watch: no MutationObserver callback found in ${join(dir, 'guard.js')} (is it a minified Firefox build?)`);
  }
  writeFileSync(file, counted);
  return copy;
}

const TICKER = 'https://live-scores.example/division-two';
const serve = new Map([[TICKER, readFileSync(resolve('tests/fixtures/hostile/ticker.html'), 'utf8')]]);

async function countBatches(dir: string): Promise<string[]> {
  const copy = counting(dir);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(copy);
    const page = await browser.newPage();
    await answerFrom(page, serve);
    await page.goto(TICKER, { waitUntil: 'load' });
    const t0 = Date.now();
    const lines: string[] = [];
    for (let s = 5; s <= SECONDS; s += 5) {
      // The page's own clock of changes (1,000 a second), not ours.
      await page.waitForFunction(`window.__mutations >= ${s * 1000}`, { timeout: 60_000 + s * 2000, polling: 200 });
      const [batches, changes] = (await page.evaluate('[window.__csgBatches | 0, window.__mutations]')) as [number, number];
      lines.push(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${changes} changes, ${batches} callbacks`);
    }
    return lines;
  } finally {
    await browser.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

try {
  for (const d of dirs) {
    const lines = await countBatches(d);
    console.log(`${d}\n  ${lines.join('\n  ')}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
