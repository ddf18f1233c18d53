/**
 * `npm run bench:frames`: what a page's cross-origin frames (ads, embeds,
 * widgets) cost with Coin Shop Guard installed. Its frame probe
 * (entrypoints/frame-probe.ts) is a content script in every frame, and each
 * frame is a world of its own to set up.
 *
 * Side by side and alternating, like scripts/bench.ts: B, the no-op floor in
 * every frame, and C, the built extension (.output/chrome-mv3: run
 * `npm run build` first), on an ordinary article with no frame and the same
 * article with FRAMES cross-origin ad frames. Site isolation is turned off so
 * that the frames run in the page's process and the page's JS time
 * (ScriptDuration + V8CompileDuration, measure.ts jsMs) counts them (with it
 * on, each frame's time is spent in a process of its own, where the page's
 * metrics do not see it). Prints C − B per page
 * (medians of the per-round differences) and what each frame adds. A
 * benchmark, not a test: it prints, it does not assert.
 *
 * Environment: BENCH_REPS (default 11) rounds; FRAMES (default 6); CHROMIUM_PATH.
 */
import type { BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchServing, median, oneScriptExtension, r2, scriptMs } from './measure';

const REPS = Number(process.env.BENCH_REPS ?? 11);
const FRAMES = Number(process.env.FRAMES ?? 6);
const OURS = resolve('.output/chrome-mv3');
const NO_SITE_ISOLATION = ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

if (!Number.isInteger(REPS) || REPS < 1 || !Number.isInteger(FRAMES) || FRAMES < 1) {
  console.error('bench:frames: BENCH_REPS and FRAMES must be positive integers');
  process.exit(2);
}
if (!existsSync(join(OURS, 'manifest.json'))) {
  console.error(`bench:frames: no build at ${OURS}; run npm run build first`);
  process.exit(2);
}

const article = (frames: string) =>
  `<!doctype html><html lang="en"><head><title>Local news</title></head><body><h1>Council approves the new park</h1>${'<p>The plan adds trees, benches and a playground along the river.</p>'.repeat(20)}${frames}</body></html>`;
const AD = '<!doctype html><html><body><div><a href="https://shoes.example/"><img alt="" width="300" height="200"><span>Spring sale on running shoes</span></a></div><script>var n = 0; for (var i = 0; i < 1000; i++) n += i;</script></body></html>';
const PAGES = {
  'article, no frame': 'https://news.bench.example/plain',
  [`article, ${FRAMES} ad frames`]: 'https://news.bench.example/ads',
};
const serve = new Map<string, string>([
  [PAGES['article, no frame'], article('')],
  [PAGES[`article, ${FRAMES} ad frames`] as string, article(Array.from({ length: FRAMES }, (_, i) => `<iframe src="https://ads${i}.adnet.example/ad" width="300" height="250"></iframe>`).join(''))],
  ...Array.from({ length: FRAMES }, (_, i) => [`https://ads${i}.adnet.example/ad`, AD] as [string, string]),
]);

async function main(): Promise<void> {
  const floorExt = oneScriptExtension('void 0;', 'floor-all-frames', true);
  const variants: { name: 'B' | 'C'; profile: string; context: BrowserContext; ms: Map<string, number[]> }[] = [];
  for (const [name, ext] of [['B', floorExt], ['C', OURS]] as const) {
    const profile = mkdtempSync(join(tmpdir(), 'csg-frames-profile-'));
    variants.push({ name, profile, context: await launchServing(ext, serve, profile, NO_SITE_ISOLATION), ms: new Map() });
  }
  // One load each first: the browsers' own first-load costs stay out of the rounds.
  for (const v of variants) await scriptMs(v.context, PAGES['article, no frame']);
  for (let rep = 0; rep < REPS; rep++) {
    for (const [page, url] of Object.entries(PAGES)) {
      for (const v of rep % 2 ? [...variants].reverse() : variants) v.ms.set(page, [...(v.ms.get(page) ?? []), await scriptMs(v.context, url)]);
    }
    process.stderr.write(`round ${rep + 1}/${REPS}\n`);
  }
  const [b, c] = variants as [(typeof variants)[number], (typeof variants)[number]];
  const paired = (page: string) => median((c.ms.get(page) ?? []).map((x, i) => x - (b.ms.get(page)?.[i] ?? NaN)));
  console.log(`\nCross-origin frames — ${REPS} rounds, JS time (ScriptDuration + V8CompileDuration) medians in ms (site isolation off: frames counted in the page)\n`);
  console.table(
    Object.keys(PAGES).map((page) => ({ page, 'B (no-op in every frame)': r2(median(b.ms.get(page) ?? [])), C: r2(median(c.ms.get(page) ?? [])), 'C−B paired': r2(paired(page)) })),
  );
  const perFrame = (paired(`article, ${FRAMES} ad frames`) - paired('article, no frame')) / FRAMES;
  console.log(`What each cross-origin frame adds with Coin Shop Guard, over the floor: ${r2(perFrame)} ms`);
  for (const v of variants) {
    await v.context.close();
    rmSync(v.profile, { recursive: true, force: true });
  }
  rmSync(floorExt, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
