/**
 * Two builds of the engine on one live page, their runs alternating:
 * `npx tsx scripts/bench/engine-ab.ts <other-tree> [runs] [size]` (defaults 121 and 5000), where
 * <other-tree> is a checkout of another commit (`git worktree add /tmp/old <commit>`, with a
 * node_modules link). Each build's scripts/bench/engine-entry.ts is bundled and run on the same page
 * of the benchmark's shop, in an isolated world as a content script is; the runs take turns, in both
 * orders, so both builds meet the same machine from moment to moment. On this machine the engine's
 * separate runs drift by 10-30% within minutes, which hides a change of a few percent; paired runs
 * on one page do not. Prints the medians of gate, snapshot and analysis (the first ENGINE_WARMUP
 * runs of each dropped). `PRETTY=1` indents the page's HTML, as most real pages are.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { CHROMIUM, ENGINE_WARMUP, FLAGS, isolatedWorld, median, r2 } from './measure';
import { shopOfSize } from './pages';

const [otherRoot, runsArg = '121', sizeArg = '5000'] = process.argv.slice(2);
if (!otherRoot) {
  console.error('usage: npx tsx scripts/bench/engine-ab.ts <other-tree> [runs] [size]');
  process.exit(2);
}
const runs = Number(runsArg);
const size = Number(sizeArg);
if (!Number.isInteger(runs) || runs <= ENGINE_WARMUP + 1 || !Number.isInteger(size) || size < 1) {
  console.error(`engine-ab: runs must be an integer over ${ENGINE_WARMUP + 1}, size a positive integer`);
  process.exit(2);
}

/** The engine entry of the tree at `root`, bundled, with its global renamed to `name`. */
async function engineOf(root: string, name: string): Promise<string> {
  const out = await build({ entryPoints: [resolve(root, 'scripts/bench/engine-entry.ts')], bundle: true, format: 'iife', minify: true, write: false, platform: 'browser', logLevel: 'error' });
  return (out.outputFiles[0]?.text ?? '').replace('__csgBench', name);
}

const other = await engineOf(otherRoot, '__csgOther');
const here = await engineOf(process.cwd(), '__csgHere');
const shop = shopOfSize(size);
const html = process.env.PRETTY ? shop.replace(/></g, '>\n      <') : shop;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
try {
  const context = await browser.newContext();
  await context.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto('https://ab.bench.example/');
  // In a world of its own, as the content script runs (the analysis too, though the background runs that without a page).
  const world = await isolatedWorld(page);
  await world.evaluate(other);
  await world.evaluate(here);
  // A string, not a function: tsx would wrap a function's inner helpers in a __name() the page lacks.
  type Times = Record<'gate' | 'snapshot' | 'analyze', number[]>;
  const times = (await world.evaluate(`(() => {
    const keys = ['gate', 'snapshot', 'analyze'];
    const times = { other: {}, here: {} };
    for (const b of ['other', 'here']) for (const k of keys) times[b][k] = [];
    for (let i = 0; i < ${runs}; i++) {
      for (const b of i % 2 ? ['other', 'here'] : ['here', 'other']) {
        const r = b === 'other' ? globalThis.__csgOther.run() : globalThis.__csgHere.run();
        for (const k of keys) times[b][k].push(r[k]);
      }
    }
    return times;
  })()`)) as { other: Times; here: Times };
  const warm = (t: Times) => ({
    gate: r2(median(t.gate.slice(ENGINE_WARMUP))),
    snapshot: r2(median(t.snapshot.slice(ENGINE_WARMUP))),
    analyze: r2(median(t.analyze.slice(ENGINE_WARMUP))),
  });
  const medians = { other: warm(times.other), here: warm(times.here) };
  console.log(JSON.stringify(medians));
} finally {
  await browser.close();
}
