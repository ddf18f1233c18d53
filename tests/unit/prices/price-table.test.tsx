/** @vitest-environment happy-dom */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PriceEntry } from '../../../src/engine/types';
import { PriceTable } from '../../../entrypoints/popup/PriceTable';
import { catalogue, getMessageIn } from '../helpers/i18n';

const en = catalogue('en');
/** browser.i18n.getMessage with the real English catalogue. */
const getMessage = getMessageIn(en);

const web = (0.74 / 70) * 100;
function entry(units: number, price: number, patch: Partial<PriceEntry> = {}): PriceEntry {
  const per100 = (price / units) * 100;
  return { units, unit: 'coins', price, currency: 'USD', per100, officialPer100: web, diffPercent: Math.round(((per100 - web) / web) * 1000) / 10, ...patch };
}

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('PriceTable', () => {
  test('says honestly when no prices were found', () => {
    render(<PriceTable prices={[]} />, root);
    expect(root.textContent).toContain(en.pricesNone?.message);
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('svg')).toBeNull();
  });

  test('table with headers, suspicious packages marked with symbol and word, not colour alone', () => {
    render(<PriceTable prices={[entry(1000, 1.99), entry(1000, 6.49), entry(70, 0.79)]} platform="tiktok" />, root);
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'));
    expect(headers.every((s) => s === 'col')).toBe(true);
    expect(root.querySelectorAll('tbody th[scope="row"]')).toHaveLength(3);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows[0]?.querySelector('svg[data-glyph="danger"]')).not.toBeNull();
    expect(rows[0]?.textContent).toContain('Far too cheap');
    expect(rows[0]?.textContent).toMatch(/81% below official/);
    expect(rows[1]?.querySelector('svg[data-glyph="caution"]')).not.toBeNull();
    expect(rows[1]?.textContent).toContain('Suspiciously cheap');
    expect(rows[2]?.textContent).not.toMatch(/too cheap|Suspiciously/);
    expect(rows[2]?.textContent).toMatch(/above official/);
  });

  test('summary, official date and source, chart with a title', () => {
    render(<PriceTable prices={[entry(70, 0.79), entry(1000, 6.49)]} platform="tiktok" />, root);
    const text = root.textContent ?? '';
    expect(text).toMatch(/Best deal on this page: 1,000 coins for \$6\.49\./);
    expect(text).toMatch(/Against the official web price \(\$1\.06 per 100\): −39%/);
    expect(text).toContain('Official prices as of 2024-04');
    expect(text).toContain('The Verge');
    const svg = root.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe('price-chart-title');
    expect(svg?.querySelector('title#price-chart-title')?.textContent).toBe(en.pricesChartLabel?.message);
    expect(svg?.querySelectorAll('rect.bar-page')).toHaveLength(3); // 2 packages + legend
  });

  test('no official figure: says so for the unit', () => {
    render(<PriceTable prices={[entry(60, 0.99, { unit: 'uc', officialPer100: null, diffPercent: null })]} platform="pubgmobile" />, root);
    expect(root.textContent).toContain('No official price known for uc.');
    expect(root.textContent).not.toContain('Official prices as of');
  });

  test('no official figure but under the fair-price floor: "at least", with the floor named', () => {
    const p: PriceEntry = { units: 10000, unit: 'diamonds', price: 250000, currency: 'IDR', per100: 2500, officialPer100: null, diffPercent: -75 };
    render(<PriceTable prices={[p]} platform="freefire" />, root);
    expect(root.textContent).toContain('Far too cheap');
    expect(root.textContent).toContain('at least 75% below official');
    expect(root.textContent).toMatch(/A fair price is at least .+ per 100 \(as of 2021\)/);
  });

  test('works with only the prices (platform derived from the unit)', () => {
    render(<PriceTable prices={[entry(1000, 6.49)]} />, root);
    expect(root.textContent).toContain('Official prices as of 2024-04');
  });
});
