/**
 * The engine as the benchmark injects it into a page (bundled to an IIFE by
 * scripts/bench.ts with esbuild): times the gate, the snapshot (packed, as the
 * content script sends it) and the analysis (unpacking included, as the
 * background does it) separately on the live document.
 */
import { isShopCandidate } from '../../src/content/candidate';
import { analyze } from '../../src/engine/analyze';
import { unpackSnapshot } from '../../src/engine/packed';
import type { PageSnapshot } from '../../src/engine/types';
import { buildPackedSnapshot } from '../../src/engine/snapshot';

function run(): { gate: number; snapshot: number; analyze: number; total: number; candidate: boolean; verdict: string; elements: number } {
  const t0 = performance.now();
  const candidate = isShopCandidate(document);
  const t1 = performance.now();
  // What the content script does on the page (read, packed for the message)…
  const packed = buildPackedSnapshot(document, location.href);
  const t2 = performance.now();
  // …and what the background does with it (unpack, analyse).
  const snap = unpackSnapshot(packed) as PageSnapshot;
  const result = analyze(snap);
  const t3 = performance.now();
  return { gate: t1 - t0, snapshot: t2 - t1, analyze: t3 - t2, total: t3 - t0, candidate, verdict: result.verdict, elements: snap.stats.elements };
}

(globalThis as unknown as { __csgBench: unknown }).__csgBench = { run };
