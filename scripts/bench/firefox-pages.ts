/**
 * `npm run bench:firefox-pages` (after `npm run build`): what every page pays for Coin Shop Guard
 * in Firefox, which `npm run bench` (Chromium) cannot say: Firefox has no per-script page time to
 * read. Firefox's own sampling profiler can. Two variants:
 *   B  the floor: a minimal MV2 extension whose only content script is a no-op,
 *   C  Coin Shop Guard (.output/firefox-mv2).
 * Each round, a fresh headless Firefox ESR of each (one at a time, the order turning each round),
 * started with the Gecko profiler on (MOZ_PROFILER_STARTUP: JavaScript stacks, the main thread,
 * one sample every 0.1 ms), loads the benchmark pages (scripts/bench/pages.ts) once each in fresh
 * tabs. A load's window runs from the navigation to two frames and 300 ms after the load (in C on
 * a shop, after the badge's verdict). The browser then quits and writes its profile, and
 * scripts/bench/gecko-profile.ts sorts each window's samples in the pages' processes into our
 * scripts' time, the compile of content scripts, and Firefox's other extension machinery.
 *
 * Sampled time under a profiler: each sample costs something, so the figures run high; a sample
 * every 0.1 ms puts a 1 ms cost at about ten samples, so single loads are noisy and medians over
 * rounds are what to read. Firefox gives each new tab a fresh content process here, which then
 * compiles our content script (it keeps the result for that process): the compile column is what
 * a page in a new process pays.
 *
 *   npx tsx scripts/bench/firefox-pages.ts [--rounds N]     (default 5)
 *
 * Environment: FIREFOX_PATH (default /usr/bin/firefox-esr). A benchmark, not a test: it prints a
 * table and writes bench-firefox-pages.json; it does not assert.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { partsByWindow, type PartsMs, type LoadWindow } from './gecko-profile';
import { answerFrom, median, r2, settle } from './measure';
import { benchPages, type BenchPage } from './pages';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const OURS = resolve('.output/firefox-mv2');
const at = process.argv.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(process.argv[at + 1]) : 5;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('bench:firefox-pages: --rounds must be a positive integer');
  process.exit(2);
}
if (!existsSync(join(OURS, 'manifest.json'))) {
  console.error(`bench:firefox-pages: no Firefox build at ${OURS}; run npm run build first`);
  process.exit(2);
}

/** How long Firefox may take to quit and write its profile (a few seconds here). */
const QUIT_MS = 120_000;

type Variant = 'B' | 'C';
interface Run {
  variant: Variant;
  browser: Browser;
  profile: string;
}

/** B, in `dir`: an MV2 extension whose only content script, on every http(s) page at document_idle, is a no-op. */
function writeFloor(dir: string): string {
  const manifest = {
    manifest_version: 2,
    name: 'floor',
    version: '1.0',
    browser_specific_settings: { gecko: { id: 'floor@bench.example' } },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['script.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'script.js'), 'void 0;\n');
  return dir;
}

async function launch(variant: Variant, work: string): Promise<Run> {
  const profile = join(work, `profile-${variant}.json`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: {
      ...process.env,
      MOZ_PROFILER_STARTUP: '1',
      MOZ_PROFILER_STARTUP_FEATURES: 'js',
      MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
      MOZ_PROFILER_STARTUP_INTERVAL: '0.1',
      MOZ_PROFILER_STARTUP_ENTRIES: '8000000',
      MOZ_PROFILER_SHUTDOWN: profile,
    },
  });
  await browser.installExtension(variant === 'C' ? OURS : writeFloor(mkdtempSync(join(work, 'floor-'))));
  return { variant, browser, profile };
}

/** One load of `p` in a fresh tab; its window, in ms since the epoch (the profile's clock). */
async function load(run: Run, p: BenchPage, serve: Map<string, string>): Promise<LoadWindow> {
  const page = await run.browser.newPage();
  await answerFrom(page, serve);
  const start = Date.now();
  await page.goto(p.url, { waitUntil: 'load' });
  if (run.variant === 'C' && p.kind === 'shop') await page.waitForSelector('coin-shop-guard[data-verdict]', { timeout: 15_000 });
  // The Chromium benchmark's window: alike for B and C.
  await settle(page);
  const end = Date.now();
  await page.close();
  return { start, end };
}

/**
 * Quits Firefox the way a user does (WebDriver BiDi browser.close), then waits for the process to
 * end: Firefox writes the profile as it shuts down, and puppeteer's own close() kills the process
 * before that is done.
 */
async function quit(run: Run): Promise<void> {
  const proc = run.browser.process();
  const exited = proc && proc.exitCode === null ? new Promise((r) => proc.once('exit', r)) : Promise.resolve();
  const connection = (run.browser as unknown as { connection?: { send(method: string, params: object): Promise<unknown> } }).connection;
  if (!connection) throw new Error('bench:firefox-pages: this puppeteer has no BiDi connection to quit Firefox with');
  await connection.send('browser.close', {}).catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), QUIT_MS)));
  const how = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (how === 'late') throw new Error(`bench:firefox-pages: Firefox did not quit within ${QUIT_MS / 1000} s, so its profile is not complete`);
}

/**
 * One browser of `variant` loads every page once, quits, and its profile is read: each page's
 * parts, in the order of `pages`. One browser at a time: two profiled Firefox browsers side by
 * side overloaded this 2-core machine until page loads timed out.
 */
async function round(variant: Variant, pages: readonly BenchPage[], serve: Map<string, string>): Promise<{ parts: PartsMs[]; version: string }> {
  const run = await launch(variant, work);
  try {
    const version = await run.browser.version();
    const windows: LoadWindow[] = [];
    for (const p of pages) windows.push(await load(run, p, serve));
    await quit(run);
    return { parts: partsByWindow(JSON.parse(readFileSync(run.profile, 'utf8')), windows), version };
  } catch (error) {
    // No browser is left running after an error.
    await run.browser.close().catch(() => undefined);
    throw error;
  } finally {
    rmSync(run.profile, { force: true });
  }
}

const work = mkdtempSync(join(tmpdir(), 'csg-fxpages-'));
try {
  const pages = benchPages();
  const serve = new Map(pages.map((p) => [p.url, p.html]));
  const parts: Record<Variant, PartsMs[][]> = { B: [], C: [] };
  let version = '';
  for (let r = 0; r < ROUNDS; r++) {
    // The order turns each round, so that a drift of the machine weighs on both alike.
    for (const variant of r % 2 ? (['C', 'B'] as const) : (['B', 'C'] as const)) {
      const one = await round(variant, pages, serve);
      parts[variant].push(one.parts);
      version = one.version;
    }
    console.log(`round ${r + 1}/${ROUNDS}`);
  }

  const ours = (x: PartsMs) => x.script + x.compile;
  const all = (x: PartsMs) => x.script + x.compile + x.machinery;
  const rows = pages.map((p, i) => {
    const of = (v: Variant) => parts[v].map((perPage) => perPage[i] as PartsMs);
    const b = of('B');
    const c = of('C');
    const paired = (f: (x: PartsMs) => number) => r2(median(c.map((x, r) => f(x) - f(b[r] as PartsMs))));
    return {
      page: p.name,
      kind: p.kind,
      'C script': r2(median(c.map((x) => x.script))),
      'C compile': r2(median(c.map((x) => x.compile))),
      'B compile': r2(median(b.map((x) => x.compile))),
      'C machinery': r2(median(c.map((x) => x.machinery))),
      'B machinery': r2(median(b.map((x) => x.machinery))),
      'C−B script+compile, paired': paired(ours),
      'C−B all, paired': paired(all),
    };
  });
  console.log(`\nCoin Shop Guard in ${version}: sampled main-thread ms in the pages' processes (Gecko profiler, 0.1 ms), medians of ${ROUNDS} rounds; B the no-op floor, C ours; paired: medians of per-round differences\n`);
  console.table(rows);
  writeFileSync('bench-firefox-pages.json', `${JSON.stringify({ date: new Date().toISOString(), firefox: version, rounds: ROUNDS, intervalMs: 0.1, pages: rows }, null, 2)}\n`);
  console.log('\nwrote bench-firefox-pages.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
