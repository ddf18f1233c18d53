/**
 * Node-side micro-benchmark of the engine (issue 7), fast enough to iterate
 * with: `npx tsx scripts/bench/engine-micro.ts [--reps N] [--only analyze|snapshot] [--dump out.json]`.
 *
 * Pages: the benchmark's shops (scripts/bench/pages.ts) at 1k/5k/10k elements
 * and every corpus page (tests/fixtures/pages/manifest.json). The snapshot runs
 * on happy-dom (much slower than a browser's DOM: read its figures as relative
 * only); analyze() is pure, so its figures are close to what the background
 * pays. `--dump` writes every page's snapshot and ScanResult, so a change can
 * be checked to leave them byte-for-byte identical (`--compare old.json`).
 * Profile with: `node --cpu-prof --import tsx scripts/bench/engine-micro.ts --only analyze`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/engine/analyze';
import { buildSnapshot } from '../../src/engine/snapshot';
import type { PageSnapshot } from '../../src/engine/types';
import { parseHtml } from '../../src/node/scan-html';
import { benchPages, shopOfSize } from './pages';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const REPS = Number(opt('--reps') ?? 15);
const only = opt('--only');
const dump = opt('--dump');
const compare = opt('--compare');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

interface P {
  name: string;
  url: string;
  html: string;
}
const pages: P[] = [
  ...[1000, 5000, 10000].map((n) => ({ name: `shop-${n}`, url: `https://shop-${n}-elements.bench.example/`, html: shopOfSize(n) })),
  ...benchPages().filter((p) => p.kind === 'shop' || p.name === 'numismatic-shop'),
];
const dir = join(process.cwd(), 'tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const corpus: P[] = manifest.pages.map((p) => ({ name: p.file, url: p.url, html: readFileSync(join(dir, p.file), 'utf8') }));

const out: Record<string, unknown> = {};
const rows: string[] = [];
function run(p: P, reps: number, report: boolean): { snap: number; analyze: number } {
  const { document, close } = parseHtml(p.html, p.url);
  const snapTimes: number[] = [];
  let snap: PageSnapshot | null = null;
  for (let i = 0; i < (only === 'analyze' ? 1 : reps); i++) {
    const t = performance.now();
    snap = buildSnapshot(document, p.url);
    snapTimes.push(performance.now() - t);
  }
  void close();
  const s = snap as PageSnapshot;
  const times: number[] = [];
  let result = analyze(s);
  for (let i = 0; i < (only === 'snapshot' ? 1 : reps); i++) {
    // A fresh object each time: per-snapshot caches (WeakMaps) must not make later reps free.
    const copy = structuredClone(s);
    const t = performance.now();
    result = analyze(copy);
    times.push(performance.now() - t);
  }
  if (dump || compare) out[p.name] = { snapshot: s, result };
  const r = { snap: median(snapTimes), analyze: median(times) };
  if (report) rows.push(`${p.name.padEnd(40)} ${String(s.stats.elements).padStart(6)} el  snapshot ${String(r1(r.snap)).padStart(7)} ms  analyze ${String(r1(r.analyze)).padStart(7)} ms  ${result.verdict} ${result.prices.length} prices`);
  return r;
}

for (const p of pages) run(p, REPS, true);
let corpusSnap = 0;
let corpusAnalyze = 0;
for (const p of corpus) {
  const r = run(p, Math.max(3, Math.round(REPS / 5)), false);
  corpusSnap += r.snap;
  corpusAnalyze += r.analyze;
}
rows.push(`corpus (${corpus.length} pages, sum of medians)          snapshot ${r1(corpusSnap)} ms  analyze ${r1(corpusAnalyze)} ms`);
console.log(rows.join('\n'));

if (dump) writeFileSync(dump, JSON.stringify(out));
if (compare) {
  const old = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, unknown>;
  const now = JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
  let diff = 0;
  for (const k of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JSON.stringify(old[k]) !== JSON.stringify(now[k])) {
      diff++;
      const part = (x: unknown, key: 'snapshot' | 'result') => JSON.stringify((x as Record<string, unknown> | undefined)?.[key]);
      const which = ['snapshot', 'result'].filter((key) => part(old[k], key as 'snapshot') !== part(now[k], key as 'snapshot'));
      console.log(`DIFFERENT: ${k} (${which.join(' and ') || 'entry'})`);
    }
  }
  console.log(diff ? `${diff} pages differ from ${compare}` : `identical to ${compare} (${Object.keys(now).length} pages: snapshots and results)`);
  if (diff) process.exitCode = 1;
}
