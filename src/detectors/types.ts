import type { Platform } from '../data';
import { foldSpace } from '../engine/space';
import type { SiteInfo } from '../engine/site';
import type { Evidence, PageSnapshot, PriceEntry } from '../engine/types';

/** What every detector may read. Plain data: no DOM, no globals. */
export interface DetectContext {
  snap: PageSnapshot;
  site: SiteInfo;
  /** The platform the page sells for or impersonates. */
  platform: Platform | null;
  prices: PriceEntry[];
}

/** A detector's finding: a signal id (a key of scoring.json weights) and its evidence. */
export interface Hit {
  id: string;
  evidence: Evidence[];
}

export interface Detector {
  /** Equals the module's file name. */
  id: string;
  /** Signal ids this detector can emit; each has a weight in scoring.json and a locale text. */
  emits: readonly string[];
  run(ctx: DetectContext): Hit[];
}

/** At most this many pieces of evidence per signal. */
export const MAX_EVIDENCE = 3;

export function clipEvidence(text: string, max = 160): string {
  const t = foldSpace(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
