/**
 * Re-check timing, shared by the every-page first look (src/content/look.ts)
 * and the guard (entrypoints/guard.ts). Gate checks on a page that is no
 * shop: first 500 ms after a change, doubling to 8 s, at most 6 in a row
 * without a change of mind (so a page that mutates forever costs ≤ 6 gate
 * runs, ~2 ms each). Re-scans of a shop page: ≥ 2 s apart, doubling to 30 s,
 * stop after 5 unchanged. Without the Navigation API (Firefox ESR) a page
 * watch that rests between looks compares the URL again 1 s after it rested
 * (src/content/watch.ts).
 */
export const GATE = { minInterval: 500, maxInterval: 8000, budget: 6 } as const;
export const RESCAN = { minInterval: 2000, maxInterval: 30_000, budget: 5 } as const;
export const WATCH = { restedUrlCheck: 1000 } as const;
