/**
 * The engine as the benchmark injects it into a page (bundled to an IIFE by
 * scripts/bench.ts with esbuild): times the gate, the snapshot (packed, as the
 * content script sends it) and the analysis (unpacking included, as the
 * background does it) separately on the live document. Also a bare walk
 * (bareWalk), the machine's pace for the snapshot's row.
 */
import { isShopCandidate } from '../../src/content/candidate';
import { analyze } from '../../src/engine/analyze';
import { unpackSnapshot } from '../../src/engine/packed';
import type { PageSnapshot } from '../../src/engine/types';
import { buildPackedSnapshot, SKIP } from '../../src/engine/snapshot';

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

/**
 * The DOM's own part of a snapshot, as a yardstick: the same elements in the same order, the same
 * text reads (a leaf's textContent, other elements' own text nodes), and nothing else (no paths,
 * no blocks, no fields, no budgets). Its time says how fast this machine and browser are at the
 * moment: the benchmark's runs differ by two times with unchanged code (docs/performance.md,
 * session 19), and the snapshot's row is read against this one. Returns ms.
 */
function bareWalk(): number {
  const t0 = performance.now();
  const texts: string[] = [];
  const visit = (el: Element): void => {
    if (SKIP.has(el.localName)) return;
    const first = el.firstElementChild;
    if (!first) {
      texts.push(el.textContent ?? '');
      return;
    }
    let own = '';
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue ?? '';
    texts.push(own);
    for (let c: Element | null = first; c; c = c.nextElementSibling) visit(c);
  };
  visit(document.body);
  return performance.now() - t0;
}

(globalThis as unknown as { __csgBench: unknown }).__csgBench = { run, bareWalk };
