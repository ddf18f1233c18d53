/**
 * Shared by the benchmarks (scripts/bench.ts, scripts/bench/floor.ts):
 * Chromium flags, a minimal extension whose one content script is given,
 * a persistent context serving pages from memory, the settle after a load,
 * and the engine's cold and warm figures.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
export const r2 = (x: number) => Math.round(x * 100) / 100;

/** One timed run of the engine on a live page (scripts/bench/engine-entry.ts), ms. */
export interface EngineRun {
  gate: number;
  snapshot: number;
  analyze: number;
  total: number;
  verdict: string;
  elements: number;
}

/** Runs on one page before the engine counts as warm (the JIT has optimised it). */
export const ENGINE_WARMUP = 5;

type EnginePart = 'gate' | 'snapshot' | 'analyze' | 'total';
export type EngineFigures = Record<EnginePart, number>;

/**
 * The engine's figures for one page size. `cold`: medians of the first run on each of several
 * freshly loaded pages (the engine's objects, patterns and optimised code are new there, though the
 * renderer may keep compiled bytecode between pages: close to what a page pays, and a lower bound
 * for the background's first scan after its service worker starts). `warm`: medians of the runs
 * after ENGINE_WARMUP on one page (as in a background that has scanned several pages).
 */
export function engineFigures(firstRuns: EngineRun[], runs: EngineRun[]): { cold: EngineFigures; warm: EngineFigures } {
  const fig = (rs: EngineRun[]): EngineFigures => ({
    gate: r2(median(rs.map((r) => r.gate))),
    snapshot: r2(median(rs.map((r) => r.snapshot))),
    analyze: r2(median(rs.map((r) => r.analyze))),
    total: r2(median(rs.map((r) => r.total))),
  });
  return { cold: fig(firstRuns), warm: fig(runs.slice(ENGINE_WARMUP)) };
}

/**
 * The bare walk of scripts/bench/engine-entry.ts, warm, in ms: the median of ENGINE_WARMUP + 20
 * runs in `world` (a page's isolated world or sandbox, the engine script already in it) after the
 * first ENGINE_WARMUP, as engineFigures() reads the engine's warm runs.
 */
export async function bareWalkMs(world: { evaluate(expression: string): Promise<unknown> }): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < ENGINE_WARMUP + 20; i++) runs.push((await world.evaluate('__csgBench.bareWalk()')) as number);
  return r2(median(runs.slice(ENGINE_WARMUP)));
}

/**
 * An MV3 extension (in a new temp dir) whose only content script, on every http(s) page at
 * document_idle, is `js`: in the top frame only, or in every frame with `allFrames`.
 */
export function oneScriptExtension(js: string, name = 'floor', allFrames = false): string {
  const dir = mkdtempSync(join(tmpdir(), `csg-${name}-`));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name,
      version: '1.0',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['script.js'], run_at: 'document_idle', ...(allFrames ? { all_frames: true } : {}) }],
    }),
  );
  writeFileSync(join(dir, 'script.js'), `${js}\n`);
  return dir;
}

/**
 * The id Chromium gives an extension loaded unpacked from `dir` without a manifest key: the first
 * 128 bits of the SHA-256 of its absolute path, each hex digit written as a letter a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/**
 * Headless system Chromium with `ext` loaded (none for null), serving `serve` (URL → HTML) and 404
 * for the rest; `args` are added to FLAGS.
 */
export async function launchServing(ext: string | null, serve: Map<string, string>, profileDir: string, args: string[] = []): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []), ...FLAGS, ...args],
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url().split('#')[0]?.split('?')[0] ?? '';
    if (url.startsWith('chrome-extension://')) return route.continue();
    const body = serve.get(url);
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
  return context;
}

/**
 * After a load: document_idle scripts have run by then at the latest; two frames and 300 ms let
 * their work finish. A fixed wait on purpose: a benchmark window, the same for every variant.
 */
export async function settle(page: { evaluate(fn: () => Promise<unknown>): Promise<unknown> }): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
}

/**
 * Answers every request of a puppeteer `page` (Firefox, over WebDriver BiDi) from `serve` (URL
 * without its fragment → HTML), 404 for the rest: the Firefox benchmarks' counterpart of
 * launchServing()'s route. Call before the page navigates.
 */
export async function answerFrom(page: PuppeteerPage, serve: ReadonlyMap<string, string>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const body = serve.get(req.url().split('#')[0] ?? '');
    const answer = body !== undefined ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }) : req.respond({ status: 404, contentType: 'text/plain', body: '' });
    void answer.catch(() => undefined);
  });
}

/**
 * The JavaScript time of a page, from Chrome's CDP Performance.getMetrics, in ms: `ScriptDuration`
 * (running scripts, and compiling the functions they call for the first time) plus
 * `V8CompileDuration` (compiling each script as it is loaded, a content script's included), which
 * Chrome keeps apart: making V8 compile every function of our content script up front (its
 * `//# allFunctionsCalledOnLoad` hint) moved about 1.5–2 ms out of the first and 6–7 ms into
 * the second (docs/performance.md, item 54). Until session 15 the benchmarks read `ScriptDuration`
 * alone, which left out the compile of our 40 KB content script on every page.
 */
export function jsMs(metrics: readonly { name: string; value: number }[]): { script: number; compile: number; total: number } {
  const m = (n: string) => (metrics.find((x) => x.name === n)?.value ?? 0) * 1000;
  const script = m('ScriptDuration');
  const compile = m('V8CompileDuration');
  return { script, compile, total: script + compile };
}

/** jsMs().total of one load of `url` in a new page, once it has settled. */
export async function scriptMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await page.close();
  return jsMs(metrics).total;
}

/**
 * A world of its own on `page` (CDP Page.createIsolatedWorld), as a content script gets one: the
 * page's DOM through wrappers of that world, which cost more per DOM call than the page's own (the
 * 5,000-element shop's snapshot measured about 2 ms more there). Returns an evaluator of script
 * text in that world (values come back as JSON) and the CDP session, for a profiler.
 */
export async function isolatedWorld(page: Page, name = 'csg-bench'): Promise<{ evaluate: (expression: string) => Promise<unknown>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = (await cdp.send('Page.createIsolatedWorld', { frameId: tree.frameTree.frame.id, worldName: name })) as { executionContextId: number };
  const evaluate = async (expression: string): Promise<unknown> => {
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world.executionContextId, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text?: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`in the isolated world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'an exception'}`);
    return r.result.value;
  };
  return { evaluate, cdp };
}

/** A Chrome trace event, as much of it as the benchmark reads. */
export interface TraceEvent {
  ph: string;
  name: string;
  cat: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: unknown; scriptName?: unknown } };
}

/**
 * What our scripts cost the page's threads, from a trace, in ms, wall clock:
 *  - `longest`: the longest task that runs one of `ours`: the outermost top-level work item around
 *    it on its thread (a task, or a message handler such as the background's reply), whole, so what
 *    runs after our call in that task counts too;
 *  - `calls`: the time inside our calls themselves (`ours`, overlapping ones merged per thread).
 *    Unlike ScriptDuration it includes the time our code blocks the page waiting on the browser (a
 *    synchronous IPC such as a content script's first i18n.getMessage, item 57), and unlike a sum of
 *    tasks it leaves out the page's own work in a task where our observer ran.
 * `orphans` are events no task was found around (counted as themselves; a changed trace format).
 */
export function ownTasks(events: readonly TraceEvent[], ours: readonly TraceEvent[]): { longest: number; calls: number; orphans: TraceEvent[] } {
  const tasks = events.filter((e) => e.ph === 'X' && e.cat.split(',').includes('toplevel'));
  const counted = new Set<TraceEvent>();
  const orphans: TraceEvent[] = [];
  for (const o of ours) {
    const task = tasks
      .filter((t) => t.tid === o.tid && t.ts <= o.ts && t.ts + (t.dur ?? 0) >= o.ts + (o.dur ?? 0))
      .reduce<TraceEvent | undefined>((a, t) => (!a || (t.dur ?? 0) > (a.dur ?? 0) ? t : a), undefined);
    if (!task) orphans.push(o);
    counted.add(task ?? o);
  }
  let longest = 0;
  for (const t of counted) longest = Math.max(longest, t.dur ?? 0);
  // Our calls' intervals, merged per thread (an evaluation holds the calls it makes).
  let calls = 0;
  const sorted = [...ours].sort((a, b) => a.tid - b.tid || a.ts - b.ts);
  let tid = Number.NaN;
  let end = -Infinity;
  for (const o of sorted) {
    const oEnd = o.ts + (o.dur ?? 0);
    if (o.tid !== tid) {
      tid = o.tid;
      end = -Infinity;
    }
    if (oEnd <= end) continue;
    calls += oEnd - Math.max(o.ts, end);
    end = oEnd;
  }
  return { longest: longest / 1000, calls: calls / 1000, orphans };
}

const isExtensionScript = (e: TraceEvent) => String(e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith('chrome-extension://');

/**
 * The trace's complete events that run our scripts: an EvaluateScript or FunctionCall of an
 * extension's script; and, in Chrome, where look.js imports guard.js (entrypoints/look.ts), the
 * evaluation of the imported module (the guard's start, its first check and first slice), which the
 * trace gives no script URL. That is counted as ours when one of our modules was compiled and the
 * page (its HTML) has no module of its own; `pageModules` says when it was left uncounted for that.
 */
export function ownScriptEvents(events: readonly TraceEvent[], pageHtml: string): { events: TraceEvent[]; pageModules: boolean } {
  const ourModule = events.some((e) => e.name === 'v8.compileModule' && isExtensionScript(e));
  const pageModules = ourModule && /<script[^>]*type=["']?module|\bimport\s*\(/i.test(pageHtml);
  return {
    events: events.filter(
      (e) => e.ph === 'X' && (((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isExtensionScript(e)) || (ourModule && !pageModules && e.name === 'v8.evaluateModule')),
    ),
    pageModules,
  };
}
