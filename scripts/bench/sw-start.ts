/**
 * `npm run bench:sw`: how long the background takes to start. Chrome stops an
 * idle extension service worker after about 30 s, and the first check of a
 * page after that waits for the background's script to run again before the
 * analysis can start.
 *
 * Two variants, each started BENCH_REPS times in a fresh headless Chromium:
 * the built background (.output/chrome-mv3: run `npm run build` first), and
 * psl alone (the public-suffix library, whose module builds its rule table
 * when it is loaded). Each script is wrapped between two `performance.now()`
 * reads in a copy of the extension, and the difference is what its
 * evaluation took in the service worker. A benchmark, not a test: it prints,
 * it does not assert.
 *
 * Environment: BENCH_REPS (default 7); CHROMIUM_PATH.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchServing, median, r2 } from './measure';

const REPS = Number(process.env.BENCH_REPS ?? 7);
const OURS = resolve('.output/chrome-mv3');
if (!Number.isInteger(REPS) || REPS < 1) {
  console.error('bench:sw: BENCH_REPS must be a positive integer');
  process.exit(2);
}
if (!existsSync(join(OURS, 'background.js'))) {
  console.error(`bench:sw: no build at ${OURS}; run npm run build first`);
  process.exit(2);
}

/** psl's self-contained browser build, next to its package entry. */
const require = createRequire(import.meta.url);
const PSL = join(dirname(require.resolve('psl')), 'psl.umd.cjs');

const timed = (js: string) => `self.__csgT0 = performance.now();\n${js}\n;self.__csgT1 = performance.now();\n`;

/** A copy of the built extension whose background is `js`, timed. */
function variant(js: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'csg-sw-'));
  cpSync(OURS, dir, { recursive: true });
  writeFileSync(join(dir, 'background.js'), timed(js));
  return dir;
}

async function startMs(ext: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'csg-sw-profile-'));
  // No page is loaded: the background starts with the extension.
  const context = await launchServing(ext, new Map(), profile);
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return await sw.evaluate(() => {
      const g = self as unknown as { __csgT0?: number; __csgT1?: number };
      return g.__csgT1 !== undefined && g.__csgT0 !== undefined ? g.__csgT1 - g.__csgT0 : NaN;
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const variants: [string, string][] = [
    ['the built background (background.js)', variant(readFileSync(join(OURS, 'background.js'), 'utf8'))],
    ['psl alone (psl.umd.cjs)', variant(readFileSync(PSL, 'utf8'))],
  ];
  const ms = new Map<string, number[]>(variants.map(([n]) => [n, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const [name, dir] of rep % 2 ? [...variants].reverse() : variants) ms.get(name)?.push(await startMs(dir));
    process.stderr.write(`round ${rep + 1}/${REPS}\n`);
  }
  console.log(`\nService worker start — ${REPS} starts each, the script's evaluation in ms\n`);
  console.table(variants.map(([name]) => ({ script: name, median: r2(median(ms.get(name) ?? [])), runs: (ms.get(name) ?? []).map((x) => r2(x)).join(' ') })));
  for (const [, dir] of variants) rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
