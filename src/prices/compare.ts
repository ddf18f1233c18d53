/**
 * Comparing a reseller's package with the platform's own prices, and grading
 * the difference. The thresholds live in src/data/scoring.json ("discount"),
 * the one source of truth shared with the too-good-discount detector.
 */
import scoringJson from '../data/scoring.json';
import type { PriceEntry } from '../engine/types';
import { convert, fairPriceFloorPer100, noOfficialFigure, officialPer100, type Floor, type NoFigure, type OfficialPrice } from './catalogue';

export type DiscountGrade = 'danger' | 'caution' | 'fair' | 'unknown';

/**
 * How suspicious a difference against the official price is.
 * `diffPercent` ≤ dangerBelowPercent → danger; ≤ cautionBelowPercent → caution
 * (the same comparisons as src/detectors/too-good-discount.ts); null → unknown.
 */
export function gradeDiscount(diffPercent: number | null | undefined): DiscountGrade {
  if (diffPercent === null || diffPercent === undefined || !Number.isFinite(diffPercent)) return 'unknown';
  // Read straight from the JSON (validated by the data tests) so the popup and content code need no zod pass.
  const { cautionBelowPercent, dangerBelowPercent } = scoringJson.discount;
  if (diffPercent <= dangerBelowPercent) return 'danger';
  if (diffPercent <= cautionBelowPercent) return 'caution';
  return 'fair';
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Percent difference of `price` against `reference` (negative = cheaper), one decimal. */
export function diffPercent(price: number, reference: number): number | null {
  if (!(reference > 0) || !Number.isFinite(price)) return null;
  return round(((price - reference) / reference) * 100, 1);
}

export interface Comparison {
  /** Cheapest official channel (what `officialPer100` in the scan result is). */
  cheapest: OfficialPrice | null;
  /** Official web checkout (or a same-price-everywhere row). */
  web: OfficialPrice | null;
  /** In-app purchase (or a same-price-everywhere row). */
  app: OfficialPrice | null;
  diffVsCheapest: number | null;
  diffVsWeb: number | null;
  diffVsApp: number | null;
  /**
   * No official figure, but the package is under the documented fair-price
   * floor: percent under the floor (so at least this far under the official
   * price). Null otherwise.
   */
  diffVsFloor: number | null;
  floor: { per100: number; floor: Floor } | null;
  /** Graded on diffVsCheapest, or else on diffVsFloor. */
  grade: DiscountGrade;
  /** The catalogue says there is no official figure for this platform. */
  noFigure: NoFigure | null;
}

/** One package against every official channel, per 100 units, in the package's currency. */
export function compareWithOfficial(
  entry: Pick<PriceEntry, 'per100' | 'currency'>,
  platformId: string | null | undefined,
): Comparison {
  if (!platformId) {
    return { cheapest: null, web: null, app: null, diffVsCheapest: null, diffVsWeb: null, diffVsApp: null, diffVsFloor: null, floor: null, grade: 'unknown', noFigure: null };
  }
  const cheapest = officialPer100(platformId, entry.currency);
  const web = officialPer100(platformId, entry.currency, 'web');
  const app = officialPer100(platformId, entry.currency, 'app');
  const diffVsCheapest = cheapest ? diffPercent(entry.per100, cheapest.per100) : null;
  const floor = cheapest ? null : fairPriceFloorPer100(platformId, entry.currency);
  const underFloor = floor ? diffPercent(entry.per100, floor.per100) : null;
  const diffVsFloor = underFloor !== null && underFloor < 0 ? underFloor : null;
  return {
    cheapest,
    web,
    app,
    diffVsCheapest,
    diffVsWeb: web ? diffPercent(entry.per100, web.per100) : null,
    diffVsApp: app ? diffPercent(entry.per100, app.per100) : null,
    diffVsFloor,
    floor,
    grade: gradeDiscount(diffVsCheapest ?? diffVsFloor),
    noFigure: noOfficialFigure(platformId),
  };
}

export interface PriceSummary {
  /** The page's cheapest package per unit (compared in USD across currencies). */
  best: PriceEntry;
  /** Official web price per 100 in the best package's currency; falls back to the cheapest channel when the platform sells no web package. */
  reference: OfficialPrice | null;
  /** 'web' when `reference` is the official web price, otherwise its channel. */
  referenceChannel: string | null;
  diffPercent: number | null;
  grade: DiscountGrade;
}

/** The page's best deal against the official web price. Null when no prices were read. */
export function summarizePrices(prices: readonly PriceEntry[], platformId: string | null | undefined): PriceSummary | null {
  let best: PriceEntry | null = null;
  let bestUsd = Infinity;
  for (const p of prices) {
    const usd = convert(p.per100, p.currency, 'USD') ?? Infinity;
    if (best === null || usd < bestUsd) {
      best = p;
      bestUsd = usd;
    }
  }
  if (!best) return null;
  const reference = platformId
    ? (officialPer100(platformId, best.currency, 'web') ?? officialPer100(platformId, best.currency))
    : null;
  const diff = reference ? diffPercent(best.per100, reference.per100) : null;
  return {
    best,
    reference,
    referenceChannel: reference ? (reference.entry.channel === 'all' ? 'web' : reference.entry.channel) : null,
    diffPercent: diff,
    grade: gradeDiscount(diff),
  };
}
