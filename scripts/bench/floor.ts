/**
 * `npm run bench:floor`: what the first touches of the page cost a content
 * script, whatever it does with them (issue 7, "where the cost goes").
 *
 * Each variant is a one-file extension whose content script does one small
 * thing; side by side and alternating in one run, like scripts/bench.ts, with
 * Chrome's ScriptDuration plus V8CompileDuration as the measure (measure.ts
 * jsMs). Variant `floor` is B of the main benchmark (a no-op); the others read
 * the document's title, touch one element, take a bounded text sample as our
 * gate does, and so on; the last two run the gate's own reads (bundled from
 * src/engine/gate.ts): the full read, and the first look that touches no
 * element (item 51). The
 * difference to `floor` is what that first touch costs from an extension's
 * isolated world, where every DOM interface the script uses is set up on
 * first use. A benchmark, not a test: it prints, it does not assert.
 *
 * Environment: BENCH_REPS (default 11) rounds; CHROMIUM_PATH; BENCH_VARIANTS, a comma-separated
 * list of words, runs only the variants whose name holds one of them, beside the floor (all
 * fourteen at once, each its own browser, are a heavy load for a 2-core machine: session 22's run
 * of all of them gave the floor itself 1.8–1.98 ms and one-line reads up to +2.1 ms over it).
 */
import type { BrowserContext } from '@playwright/test';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchServing, median, oneScriptExtension, r2, scriptMs } from './measure';
import { benchPages } from './pages';

const REPS = Number(process.env.BENCH_REPS ?? 11);

/** The bounded text sample our gate takes (src/engine/gate.ts readGateInput), written out as one script. */
const SAMPLE = `(function(){var w=document.createTreeWalker(document.body,4),s='',k=0,S=new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE']);
for(var n=w.nextNode();n&&k<400;n=w.nextNode()){k++;var p=n.parentElement;if(S.has(p?p.tagName:''))continue;var v=n.nodeValue;if(!v||!v.trim())continue;s+=' '+v;if(s.length>=4000)break;}window.__x=s;})();`;

/** The gate's own code (src/engine/gate.ts), bundled: `read` is the call whose text the prefilter is asked about. */
function gateRead(read: 'readGateInput' | 'readFirstLook'): string {
  const contents = `import { mayPassGate, ${read} } from './src/engine/gate'; (window as any).__x = mayPassGate(${read}(document));`;
  const out = buildSync({ stdin: { contents, loader: 'ts', resolveDir: process.cwd() }, bundle: true, format: 'iife', minify: true, write: false, logLevel: 'error' });
  return out.outputFiles[0]?.text ?? '';
}

const VARIANTS: [name: string, js: string][] = [
  ['floor (no-op)', 'void 0;'],
  ['window.top check', 'window.__x = window.top === window;'],
  ['document.title', 'window.__x = document.title;'],
  ['title + location.href', 'window.__x = document.title + location.href;'],
  ['extension API (runtime.id)', 'window.__x = !!((globalThis.browser && globalThis.browser.runtime && globalThis.browser.runtime.id) || (globalThis.chrome && globalThis.chrome.runtime && globalThis.chrome.runtime.id));'],
  ['title + MutationObserver', 'window.__x = document.title; new MutationObserver(function () {}).observe(document, { childList: true, subtree: true });'],
  ['document.body (one element)', 'window.__x = document.body;'],
  // The gate's other reads: its meta query (no match on these pages: no element reached) and its first heading.
  ['meta description query', 'window.__x = document.querySelector(\'meta[name="description"]\');'],
  ['first h1 (querySelectorAll, textContent)', 'var h = document.querySelectorAll("h1")[0]; window.__x = h ? h.textContent : "";'],
  // Text nodes only, from the document: no element is touched, but script and style text cannot be told apart.
  ['text walker from the document, no parent check', 'var w = document.createTreeWalker(document, 4), s = "", k = 0; for (var n = w.nextNode(); n && k < 400; n = w.nextNode()) { k++; var v = n.nodeValue; if (v && v.trim()) s += " " + v; if (s.length >= 4000) break; } window.__x = s;'],
  ['body.textContent', 'window.__x = (document.body.textContent || "").slice(0, 4000);'],
  ['bounded text sample', SAMPLE],
  // The real gate's two reads with its prefilter (item 51): every element-free first look, then the full read only where it passes.
  ['gate: full read (readGateInput) + prefilter', gateRead('readGateInput')],
  ['gate: first look (readFirstLook) + prefilter', gateRead('readFirstLook')],
];

/** The variants BENCH_VARIANTS names (see above), the floor always first; all of them without it. */
function chosenVariants(all: readonly (readonly [string, string])[], wanted: string | undefined): (readonly [string, string])[] {
  const words = (wanted ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return [...all];
  return all.filter(([name], i) => i === 0 || words.some((w) => name.toLowerCase().includes(w)));
}

async function main(): Promise<void> {
  const variants = chosenVariants(VARIANTS, process.env.BENCH_VARIANTS);
  if (variants.length < 2) {
    console.error(`bench:floor: BENCH_VARIANTS="${process.env.BENCH_VARIANTS}" names no variant; the variants are:\n${VARIANTS.slice(1).map(([n]) => `  ${n}`).join('\n')}`);
    process.exit(2);
  }
  const pages = benchPages().filter((p) => p.name === 'article' || p.name === 'table-20k-cells');
  const serve = new Map(pages.map((p) => [p.url, p.html]));
  const runs: { name: string; ext: string; profile: string; context: BrowserContext; ms: Map<string, number[]> }[] = [];
  for (const [name, js] of variants) {
    const ext = oneScriptExtension(js, 'variant');
    const profile = mkdtempSync(join(tmpdir(), 'csg-floor-profile-'));
    runs.push({ name, ext, profile, context: await launchServing(ext, serve, profile), ms: new Map() });
  }
  for (const r of runs) await scriptMs(r.context, pages[0]?.url ?? '');
  for (let rep = 0; rep < REPS; rep++) {
    for (const p of pages) {
      const order = [...runs.slice(rep % runs.length), ...runs.slice(0, rep % runs.length)];
      for (const r of order) r.ms.set(p.name, [...(r.ms.get(p.name) ?? []), await scriptMs(r.context, p.url)]);
    }
    process.stderr.write(`round ${rep + 1}/${REPS}\n`);
  }
  const floor = runs[0] as (typeof runs)[number];
  console.log(`\nFirst touches from a content script — ${REPS} rounds, JS time (ScriptDuration + V8CompileDuration) medians in ms, and over the no-op floor\n`);
  console.table(
    runs.map((r) =>
      Object.fromEntries([
        ['variant', r.name],
        ...pages.flatMap((p) => {
          const m = median(r.ms.get(p.name) ?? []);
          return [
            [p.name, r2(m)],
            [`${p.name} over floor`, r2(m - median(floor.ms.get(p.name) ?? []))],
          ];
        }),
      ]),
    ),
  );
  for (const r of runs) {
    await r.context.close();
    rmSync(r.ext, { recursive: true, force: true });
    rmSync(r.profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
