/**
 * The engine on live pages in headless system Chromium, without building the
 * extension: `npx tsx scripts/bench/engine-live.ts [--reps N] [sizes…]`
 * (default 1000 5000 10000 100000). The same measurement as the "engine on the
 * live page" table of `npm run bench` (scripts/bench/engine-entry.ts run on a
 * page with no extension, in an isolated world as the content script runs:
 * scripts/bench/measure.ts isolatedWorld), for iterating on the snapshot and
 * analysis in a minute instead of a full benchmark run. Prints medians in ms of
 * the runs after the first ENGINE_WARMUP (all of them with --reps 5 or fewer):
 * the first runs on a page, before V8 has optimised the engine, are slow, and a
 * median over all runs held them (until session 19: --reps 25 gave 23 and 26 ms
 * at 5,000 elements where --reps 60 gave 12.3; runs 6–25 then gave 14.6 and 17).
 * `--profile <file>`: also writes a CPU profile (Chrome DevTools format) of the
 * runs on the last page size, to see where the time goes inside the browser.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENGINE_WARMUP, isolatedWorld } from './measure';
import { shopOfSize } from './pages';

const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Number(args[repsAt + 1]) : 9;
const profileAt = args.indexOf('--profile');
const profileFile = profileAt >= 0 ? args[profileAt + 1] : undefined;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== repsAt + 1).map(Number);
const SIZES = sizes.length ? sizes : [1000, 5000, 10_000, 100_000];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

const bundle = await build({ entryPoints: [resolve('scripts/bench/engine-entry.ts')], bundle: true, format: 'iife', minify: !profileFile, write: false, platform: 'browser', logLevel: 'error' });
const code = bundle.outputFiles[0]?.text ?? '';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext();
  const pages = new Map<string, string>();
  await context.route('**/*', (route) => {
    const body = pages.get(route.request().url());
    return body === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  console.log('size     elements   gate  snapshot  analyze   total  verdict');
  for (const size of SIZES) {
    const url = `https://scale-${size}.bench.example/`;
    pages.set(url, shopOfSize(size));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const world = await isolatedWorld(page);
    await world.evaluate(code);
    type Run = { gate: number; snapshot: number; analyze: number; total: number; verdict: string; elements: number };
    const runs: Run[] = [];
    const cdp = profileFile && size === SIZES[SIZES.length - 1] ? world.cdp : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    for (let i = 0; i < REPS; i++) runs.push((await world.evaluate('__csgBench.run()')) as Run);
    if (cdp && profileFile) writeFileSync(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    // As the benchmark's warm rows: the first ENGINE_WARMUP runs, before V8 has optimised the engine, left out.
    const warm = runs.length > ENGINE_WARMUP ? runs.slice(ENGINE_WARMUP) : runs;
    const m = (k: 'gate' | 'snapshot' | 'analyze' | 'total') => String(r1(median(warm.map((r) => r[k])))).padStart(7);
    console.log(`${String(size).padEnd(8)} ${String(runs[0]?.elements).padStart(8)} ${m('gate')} ${m('snapshot')}  ${m('analyze')} ${m('total')}  ${runs[0]?.verdict}`);
    await page.close();
  }
} finally {
  await browser.close();
}
