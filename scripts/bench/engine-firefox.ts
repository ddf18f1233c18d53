/**
 * `npm run bench:firefox`: the engine on live pages in Firefox ESR, the
 * "engine on the live page" rows of `npm run bench` for Firefox shoppers.
 * The main benchmark drives Chromium only: Firefox has no CDP trace or
 * ScriptDuration to compare a page with and without the extension; what every
 * page pays there is read from Firefox's profiler instead
 * (scripts/bench/firefox-pages.ts), and the engine's work on a shop here.
 *
 *   npx tsx scripts/bench/engine-firefox.ts [--cold-pages N] [--warm-runs N] [sizes…]
 *
 * Each size (default 1000 5000 10000 elements, the benchmark's shopOfSize
 * pages) is loaded in fresh tabs of headless system Firefox (puppeteer-core,
 * WebDriver BiDi). scripts/bench/engine-entry.ts runs in a sandbox realm of
 * the page, where DOM access goes through Xray wrappers as it does for a
 * content script; the analysis is timed there too, though in Firefox the
 * extension runs it in its background page. Cold: medians of the first run on
 * each fresh tab. Warm: medians of the runs after ENGINE_WARMUP on the last
 * tab. Firefox rounds performance.now() to whole milliseconds unless told not
 * to: the pref privacy.reduceTimerPrecision is off here. A benchmark, not a
 * test: it prints, it does not assert.
 *
 * Environment: FIREFOX_PATH (default /usr/bin/firefox-esr).
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { answerFrom, bareWalkMs, ENGINE_WARMUP, engineFigures, type EngineRun } from './measure';
import { shopOfSize } from './pages';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const COLD_PAGES = option('--cold-pages', 5);
const WARM_RUNS = option('--warm-runs', ENGINE_WARMUP + 20);
const sizes = process.argv.slice(2).filter((a, i, all) => /^\d+$/.test(a) && !/^--/.test(all[i - 1] ?? '')).map(Number);
const SIZES = sizes.length ? sizes : [1000, 5000, 10_000];
if (!Number.isInteger(COLD_PAGES) || COLD_PAGES < 1 || !Number.isInteger(WARM_RUNS) || WARM_RUNS <= ENGINE_WARMUP) {
  console.error(`bench:firefox: --cold-pages must be a positive integer, --warm-runs an integer over ${ENGINE_WARMUP}`);
  process.exit(2);
}

/** A sandbox realm of the page's main frame: puppeteer's own (not part of its typed API), created over BiDi. */
interface Realm {
  evaluate(expression: string): Promise<unknown>;
}
function sandboxOf(page: Page): Realm {
  const realm = (page.mainFrame() as unknown as { isolatedRealm?: () => Realm }).isolatedRealm?.();
  if (!realm) throw new Error('bench:firefox: this puppeteer has no sandbox realm (Frame.isolatedRealm)');
  return realm;
}

const bundle = await build({ entryPoints: [resolve('scripts/bench/engine-entry.ts')], bundle: true, format: 'iife', minify: true, write: false, platform: 'browser', logLevel: 'error' });
const code = bundle.outputFiles[0]?.text ?? '';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false } });
try {
  const version = await browser.version();
  const rows: Record<string, Record<string, number | string>> = {};
  for (const size of SIZES) {
    const url = `https://scale-${size}.bench.example/`;
    const serve = new Map([[url, shopOfSize(size)]]);
    const firstRuns: EngineRun[] = [];
    let runs: EngineRun[] = [];
    let bare = 0;
    for (let k = 0; k < COLD_PAGES; k++) {
      const page = await browser.newPage();
      await answerFrom(page, serve);
      await page.goto(url, { waitUntil: 'load' });
      const realm = sandboxOf(page);
      await realm.evaluate(code);
      const run = async () => (await realm.evaluate('__csgBench.run()')) as EngineRun;
      firstRuns.push(await run());
      // The last tab goes on to warm up.
      if (k === COLD_PAGES - 1) {
        runs = [firstRuns[k] as EngineRun];
        while (runs.length < WARM_RUNS) runs.push(await run());
        bare = await bareWalkMs(realm);
      }
      await page.close();
    }
    const { cold, warm } = engineFigures(firstRuns, runs);
    rows[String(size)] = {
      elements: firstRuns[0]?.elements ?? 0,
      'cold gate': cold.gate,
      'cold snapshot': cold.snapshot,
      'cold analyze': cold.analyze,
      'cold total': cold.total,
      'warm gate': warm.gate,
      'warm snapshot': warm.snapshot,
      'warm analyze': warm.analyze,
      'warm total': warm.total,
      'bare walk, warm': bare,
      verdict: firstRuns[0]?.verdict ?? '',
    };
  }
  console.log(`Engine on the live page in ${version}, in a sandbox realm (gate + snapshot + analyze), ms: cold = medians of the first run on ${COLD_PAGES} fresh tabs, warm = medians of runs ${ENGINE_WARMUP + 1}–${WARM_RUNS} on one tab; bare walk = the DOM's own part of the snapshot on the same tab, warm (the machine's pace)`);
  console.table(rows);
} finally {
  await browser.close();
}
