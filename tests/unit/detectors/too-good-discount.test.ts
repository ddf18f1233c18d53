import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { englishGrouped, gradingDiff, tooGoodDiscount } from '../../../src/detectors/too-good-discount';
import { data } from '../../../src/data';
import type { PriceEntry } from '../../../src/engine/types';
import { contextFor, page } from './helpers';

const entry = (diffPercent: number | null): PriceEntry => ({
  units: 1000, unit: 'coins', price: 1, currency: 'USD', per100: 0.1, officialPer100: 1.06, diffPercent,
});

describe('too-good-discount grading (thresholds from scoring.json)', () => {
  const { cautionBelowPercent: c, dangerBelowPercent: d } = data().scoring.discount;
  test.each([
    ['at the official price', [0, 2, 5], []],
    ['just above the caution line', [c + 1], []],
    ['on the caution line', [c], ['too-good-discount']],
    ['between caution and danger', [(c + d) / 2], ['too-good-discount']],
    ['on the danger line', [d], ['too-good-discount-extreme']],
    ['all packages far below', [-85, -80, -88], ['too-good-discount-extreme']],
    ['one outlier among three honest prices does not set the grade', [-100, 3, 5], []],
    ['unknown official price', [null, null], []],
  ] as [string, (number | null)[], string[]][])('%s', (_n, diffs, ids) => {
    const hits = tooGoodDiscount.run({ snap: undefined as never, site: undefined as never, platform: null, prices: diffs.map(entry) });
    expect(hits.map((h) => h.id)).toEqual(ids);
  });

  test('gradingDiff: the cheapest, unless it is an outlier among three or more', () => {
    expect(gradingDiff([entry(-50), entry(-10)])).toBe(-50);
    expect(gradingDiff([entry(-90), entry(-50), entry(-10)])).toBe(-50);
    expect(gradingDiff([entry(-61), entry(-59.4), entry(-57.8)])).toBe(-61);
    expect(gradingDiff([])).toBeNull();
  });

  test('evidence names the package with thousands separators, the price and how far below it is', () => {
    const sized = (units: number, diffPercent: number): PriceEntry => ({ ...entry(diffPercent), units });
    const [hit] = tooGoodDiscount.run({ snap: undefined as never, site: undefined as never, platform: null, prices: [sized(1_000_000, -80), sized(70, -75), sized(12_500, -70)] });
    expect(hit?.evidence.map((e) => e.text)).toEqual([
      '1,000,000 coins for 1 USD: 80% below the official price',
      '70 coins for 1 USD: 75% below the official price',
      '12,500 coins for 1 USD: 70% below the official price',
    ]);
  });

  test('end to end: TikTok coins at a fifth of the web price', async () => {
    const ctx = await contextFor(page('<h1>TikTok coins</h1><div><b>1,000 Coins</b> <span>$1.99</span></div><div><b>5,000 Coins</b> <span>$7.99</span></div>'));
    const [hit] = tooGoodDiscount.run(ctx);
    expect(hit?.id).toBe('too-good-discount-extreme');
    expect(hit?.evidence[0]?.text).toMatch(/below the official price/);
    expect(hit?.evidence[0]?.selector).toBeTruthy();
  });
});

describe('englishGrouped: toLocaleString("en") without Intl', () => {
  test('the same text for every package size and for what it hands back', () => {
    const wrong: string[] = [];
    const check = (n: number) => {
      if (englishGrouped(n) !== n.toLocaleString('en')) wrong.push(String(n));
    };
    for (let n = 0; n <= 20_000; n++) check(n);
    for (let k = 0; k <= 15; k++) for (const d of [-1, 0, 1]) check(10 ** k + d);
    for (const n of [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21, 1e22, -0, -1, -1000, 0.5, 1234.5678, 1e-7, NaN, Infinity, -Infinity]) check(n);
    fc.assert(fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double()), (n) => check(n)), { numRuns: 5000 });
    expect(wrong).toEqual([]);
  });
});
