import { describe, expect, test } from 'vitest';
import type { PriceEntry } from '../../../src/engine/types';
import { priceData } from '../../../src/prices/catalogue';
import { CHART_MAX, percent, priceBlockView, signedPercent } from '../../../src/prices/view';

const web = (0.74 / 70) * 100;

function entry(units: number, price: number, patch: Partial<PriceEntry> = {}): PriceEntry {
  const per100 = (price / units) * 100;
  return {
    units,
    unit: 'coins',
    price,
    currency: 'USD',
    per100,
    officialPer100: web,
    diffPercent: Math.round(((per100 - web) / web) * 1000) / 10,
    ...patch,
  };
}

describe('priceBlockView', () => {
  test('rows: label, money, per 100, official, grade', () => {
    const v = priceBlockView([entry(1000, 1.99), entry(1000, 6.49), entry(70, 0.79)], 'tiktok', { locale: 'en-US' });
    expect(v.rows.map((r) => [r.label, r.priceText, r.grade])).toEqual([
      ['1,000 coins', '$1.99', 'danger'],
      ['1,000 coins', '$6.49', 'caution'],
      ['70 coins', '$0.79', 'fair'],
    ]);
    expect(v.rows[0]?.officialText).toBe('$1.06');
  });

  test('best deal against the official web price, with its date and source', () => {
    const v = priceBlockView([entry(70, 0.79), entry(1000, 6.49)], 'tiktok', { locale: 'en-US' });
    expect(v.best).toMatchObject({ label: '1,000 coins', priceText: '$6.49', reference: 'web', referenceText: '$1.06', grade: 'caution' });
    expect(v.asOf).toEqual({ date: '2024-04', source: expect.stringContaining('The Verge'), estimate: false });
    expect(v.app?.estimate).toBe(true);
    expect(v.ratesAsOf).toBeNull();
  });

  test('no prices on a TikTok page: nothing to compare, but the official reference is named', () => {
    const v = priceBlockView([], 'tiktok');
    expect(v.rows).toEqual([]);
    expect(v.best).toBeNull();
    expect(v.chart).toEqual([]);
    expect(v.asOf?.date).toBe('2024-04');
  });

  test('PUBG UC: "no official price known", with the reason', () => {
    const v = priceBlockView([entry(60, 0.99, { unit: 'uc', officialPer100: null, diffPercent: null })], 'pubgmobile');
    expect(v.noFigure).toEqual([expect.objectContaining({ unit: 'uc', reason: expect.stringContaining('midasbuy') })]);
    expect(v.rows[0]?.grade).toBe('unknown');
    expect(v.best?.diff).toBeNull();
    expect(priceBlockView([], 'freefire').noFigure.map((n) => n.unit)).toEqual(['diamonds']);
  });

  test('Free Fire: the fair-price floor is named, and a package under it is marked "at least"', () => {
    const p: PriceEntry = { units: 10000, unit: 'diamonds', price: 250000, currency: 'IDR', per100: 2500, officialPer100: null, diffPercent: -75 };
    const v = priceBlockView([p], 'freefire', { locale: 'en-US' });
    expect(v.rows[0]).toMatchObject({ atLeast: true, grade: 'danger', officialText: null });
    expect(v.noFigure).toEqual([expect.objectContaining({ unit: 'diamonds', floorAsOf: '2021', floorText: expect.stringMatching(/10,000/) })]);
  });

  test('IDR page: converted official price, rates date shown', () => {
    const idr = priceData().rates.rates.IDR ?? 0;
    const p: PriceEntry = { units: 1000, unit: 'coins', price: 170000, currency: 'IDR', per100: 17000, officialPer100: web * idr, diffPercent: -10 };
    const v = priceBlockView([p], 'tiktok', { locale: 'en-US' });
    expect(v.ratesAsOf).toBe(priceData().rates.asOf);
  });

  test("the user's currency is added", () => {
    const v = priceBlockView([entry(1000, 16)], 'tiktok', { userCurrency: 'IDR', locale: 'en-US' });
    expect(v.rows[0]?.priceText).toMatch(/^\$16\.00 \(≈ IDR/);
    expect(v.ratesAsOf).not.toBeNull();
  });

  test('chart: same currency only, at most CHART_MAX packages', () => {
    const many = Array.from({ length: 20 }, (_, i) => entry(100 * (i + 1), i + 1));
    const eur: PriceEntry = { ...entry(100, 1), currency: 'EUR' };
    const v = priceBlockView([...many, eur], 'tiktok');
    expect(v.chart).toHaveLength(CHART_MAX);
    expect(v.rows).toHaveLength(21);
  });

  test('percent texts', () => {
    expect(percent(-38.6, 'en-US')).toBe('39');
    expect(signedPercent(-38.6, 'en-US')).toBe('−39');
    expect(signedPercent(5, 'en-US')).toBe('+5');
    expect(signedPercent(0, 'en-US')).toBe('0');
  });
});
