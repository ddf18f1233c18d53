/**
 * Packages priced far below the platform's own price per coin. Thresholds:
 * scoring.json "discount" (one source of truth, with the reasons).
 *
 * The grade follows the page's prices, not one stray number: with three or
 * more packages, a cheapest one far apart from the rest (a misread "price per
 * coin" line, a custom amount) does not set the grade; the next one does.
 */
import { data } from '../data';
import type { PriceEntry } from '../engine/types';
import { MAX_EVIDENCE, type Detector } from './types';

/**
 * `n.toLocaleString('en')` without Intl for the numbers evidence shows (whole, not negative: a
 * package size): the first toLocaleString in a fresh JavaScript world sets up ICU's number
 * formatting, 38–68 ms in Chromium, which the background paid on its first scan of a cut-price
 * shop after every start. Anything else goes to toLocaleString itself.
 * tests/unit/detectors/too-good-discount.test.ts compares the two.
 */
export function englishGrouped(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return n.toLocaleString('en');
  return String(n).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

/** A cheapest package this many points below the next one, among three or more, is an outlier. */
export const OUTLIER_GAP_POINTS = 20;

/**
 * The discount that grades the page: the cheapest package's, unless (with three
 * or more packages) it stands far apart from the rest; then the next one's.
 */
export function gradingDiff(prices: readonly PriceEntry[]): number | null {
  const diffs = prices.map((p) => p.diffPercent).filter((d): d is number => d !== null).sort((a, b) => a - b);
  const [worst, second] = diffs;
  if (worst === undefined) return null;
  if (diffs.length >= 3 && second !== undefined && second - worst > OUTLIER_GAP_POINTS) return second;
  return worst;
}

export const tooGoodDiscount: Detector = {
  id: 'too-good-discount',
  emits: ['too-good-discount', 'too-good-discount-extreme'],
  run({ prices }) {
    const { cautionBelowPercent, dangerBelowPercent } = data().scoring.discount;
    const grade = gradingDiff(prices);
    if (grade === null || grade > cautionBelowPercent) return [];
    const id = grade <= dangerBelowPercent ? 'too-good-discount-extreme' : 'too-good-discount';
    const graded = prices
      .filter((p) => p.diffPercent !== null && p.diffPercent <= cautionBelowPercent)
      .sort((a, b) => (a.diffPercent ?? 0) - (b.diffPercent ?? 0));
    const evidence = graded.slice(0, MAX_EVIDENCE).map((p) => ({
      text: `${englishGrouped(p.units)} ${p.unit} for ${p.price} ${p.currency}: ${Math.abs(p.diffPercent ?? 0)}% below the official price`,
      ...(p.selector ? { selector: p.selector } : {}),
    }));
    return [{ id, evidence }];
  },
};
