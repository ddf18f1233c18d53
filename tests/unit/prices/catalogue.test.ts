import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import platformsJson from '../../../src/data/platforms.json';
import pricesJson from '../../../src/data/prices.json';
import {
  canonicalCatalogueJson,
  CatalogueSchema,
  compareEntries,
  convert,
  entryKey,
  entryPer100,
  fairPriceFloorPer100,
  formatMoney,
  formatMoneyFor,
  noOfficialFigure,
  officialPer100,
  priceData,
  RatesSchema,
  supportedCurrencies,
  type CatalogueEntry,
} from '../../../src/prices/catalogue';

const PRICES_FILE = fileURLToPath(new URL('../../../src/data/prices.json', import.meta.url));
const RESEARCH = fileURLToPath(new URL('../../../../shared/research/prices-and-policies.md', import.meta.url));

function duplicates(entries: CatalogueEntry[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const e of entries) {
    const k = entryKey(e);
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

function isSorted(entries: CatalogueEntry[]): boolean {
  return entries.every((e, i) => i === 0 || compareEntries(entries[i - 1] as CatalogueEntry, e) < 0);
}

describe('price catalogue (src/data/prices.json)', () => {
  const cat = priceData().catalogue;

  test('matches its zod schema', () => {
    expect(() => CatalogueSchema.parse(pricesJson)).not.toThrow();
  });

  test('the schema rejects an entry without source, a bad date or a bad channel', () => {
    const e = cat.entries[0] as CatalogueEntry;
    const bad = (patch: Record<string, unknown>) => ({ ...pricesJson, entries: [{ ...e, ...patch }] });
    expect(CatalogueSchema.safeParse(bad({ source: '' })).success).toBe(false);
    expect(CatalogueSchema.safeParse(bad({ asOf: 'last year' })).success).toBe(false);
    expect(CatalogueSchema.safeParse(bad({ channel: 'shop' })).success).toBe(false);
    expect(CatalogueSchema.safeParse(bad({ price: -1 })).success).toBe(false);
    expect(CatalogueSchema.safeParse(bad({ invented: true })).success).toBe(false);
  });

  test('every entry has a source and an as-of date', () => {
    for (const e of cat.entries) {
      expect(e.source.trim().length, entryKey(e)).toBeGreaterThan(2);
      expect(e.asOf, entryKey(e)).toMatch(/^(\d{4}(-\d{2}){0,2}|undated)$/);
    }
    for (const n of cat.noOfficialFigure) expect(n.source.length).toBeGreaterThan(2);
  });

  test('has no duplicate offers (and the check catches one)', () => {
    expect(duplicates(cat.entries)).toEqual([]);
    expect(duplicates([...cat.entries, cat.entries[3] as CatalogueEntry])).toHaveLength(1);
  });

  test('is sorted in canonical order (and the check catches a swap)', () => {
    expect(isSorted(cat.entries)).toBe(true);
    const swapped = [...cat.entries];
    [swapped[0], swapped[1]] = [swapped[1] as CatalogueEntry, swapped[0] as CatalogueEntry];
    expect(isSorted(swapped)).toBe(false);
  });

  test('the file equals its canonical formatting', () => {
    expect(readFileSync(PRICES_FILE, 'utf8')).toBe(canonicalCatalogueJson(cat));
  });

  test('covers every platform: an official figure or an explicit "no official figure" record', () => {
    for (const p of platformsJson.platforms) {
      const rows = cat.entries.filter((e) => e.platform === p.id);
      const none = noOfficialFigure(p.id);
      expect(rows.length > 0 || none !== null, p.id).toBe(true);
      for (const e of rows) expect(e.unit, `${p.id} unit`).toBe(p.unit);
      if (none) expect(none.unit).toBe(p.unit);
    }
    expect(noOfficialFigure('pubgmobile')).not.toBeNull();
    expect(noOfficialFigure('freefire')).not.toBeNull();
    expect(noOfficialFigure('tiktok')).toBeNull();
  });

  test('the Free Fire fair-price floor is the research figure (over Rp 1M for 10,000 diamonds)', () => {
    expect(noOfficialFigure('freefire')?.fairPriceAtLeast).toMatchObject({ units: 10000, price: 1000000, currency: 'IDR', asOf: '2021' });
    expect(fairPriceFloorPer100('freefire', 'IDR')?.per100).toBeCloseTo(10000, 6);
    expect(fairPriceFloorPer100('tiktok', 'IDR')).toBeNull();
  });

  test('every catalogue entry names a platform from platforms.json', () => {
    const ids = new Set(platformsJson.platforms.map((p) => p.id));
    for (const e of cat.entries) expect(ids.has(e.platform), e.platform).toBe(true);
  });

  test('TikTok: the web row is the confirmed 70 coins for USD 0.74; app rows are estimates', () => {
    const web = cat.entries.filter((e) => e.platform === 'tiktok' && e.channel === 'web');
    expect(web).toEqual([expect.objectContaining({ units: 70, price: 0.74, currency: 'USD', status: 'confirmed', region: 'US' })]);
    const app = cat.entries.filter((e) => e.platform === 'tiktok' && e.channel === 'app');
    expect(app.length).toBeGreaterThan(10);
    expect(app.every((e) => e.status === 'estimate')).toBe(true);
    expect(new Set(app.map((e) => e.region))).toEqual(new Set(['US', 'GB', 'AU', 'VN']));
  });

  test('every price is a figure written in the shared research (no invented numbers)', () => {
    if (!existsSync(RESEARCH)) return; // the research lives beside the repository, not in it
    const research = readFileSync(RESEARCH, 'utf8');
    for (const e of cat.entries) {
      const forms = [String(e.price), e.price.toFixed(2), e.price.toLocaleString('en-US')];
      expect(forms.some((f) => research.includes(f)), `${entryKey(e)} price ${e.price}`).toBe(true);
      const units = [String(e.units), e.units.toLocaleString('en-US')];
      expect(units.some((f) => research.includes(f)), `${entryKey(e)} units`).toBe(true);
    }
  });
});

describe('rates (src/data/rates.json)', () => {
  const rates = priceData().rates;
  test('dated, sourced, honest about being an estimate', () => {
    expect(() => RatesSchema.parse(rates)).not.toThrow();
    expect(rates.asOf).toMatch(/^\d{4}-\d{2}/);
    expect(rates.status).toBe('estimate');
    expect(rates.rates.USD).toBe(1);
  });
  test('can convert every currency in the catalogue and every supported page currency', () => {
    const needed = new Set([...priceData().catalogue.entries.map((e) => e.currency), 'USD', 'IDR', 'VND', 'BRL', 'MXN', 'EUR', 'GBP']);
    for (const c of needed) expect(supportedCurrencies(), c).toContain(c);
  });
  test('convert: identity, round trip, unknown currency → null', () => {
    expect(convert(10, 'EUR', 'EUR')).toBe(10);
    expect(convert(convert(10, 'USD', 'IDR') ?? 0, 'IDR', 'USD')).toBeCloseTo(10, 9);
    expect(convert(1, 'USD', 'IDR')).toBe(rates.rates.IDR);
    expect(convert(1, 'USD', 'XYZ')).toBeNull();
  });
});

describe('official price per 100', () => {
  test('TikTok cheapest = confirmed web price, 0.74 / 70 × 100', () => {
    const o = officialPer100('tiktok', 'USD');
    expect(o?.per100).toBeCloseTo((0.74 / 70) * 100, 6);
    expect(o?.entry.channel).toBe('web');
  });
  test('TikTok app in USD uses the US app rows (same currency first)', () => {
    const o = officialPer100('tiktok', 'USD', 'app');
    expect(o?.entry.region).toBe('US');
    const us = priceData().catalogue.entries.filter((e) => e.platform === 'tiktok' && e.channel === 'app' && e.region === 'US');
    expect(o?.per100).toBeCloseTo(Math.min(...us.map(entryPer100)), 9);
    expect(o?.per100).toBeCloseTo((4.99 / 330) * 100, 9);
  });
  test('TikTok app in GBP uses the UK rows', () => {
    expect(officialPer100('tiktok', 'GBP', 'app')?.entry.currency).toBe('GBP');
  });
  test('in another currency via the bundled rates', () => {
    const usd = officialPer100('tiktok', 'USD')?.per100 ?? 0;
    expect(officialPer100('tiktok', 'IDR')?.per100).toBeCloseTo(usd * (priceData().rates.rates.IDR ?? 0), 4);
  });
  test('Fortnite ignores the superseded 2023 list', () => {
    const o = officialPer100('fortnite', 'USD');
    expect(o?.entry.superseded).toBeUndefined();
    expect(o?.per100).toBeCloseTo((89.99 / 12500) * 100, 6);
  });
  test('no figure → null', () => {
    expect(officialPer100('pubgmobile', 'USD')).toBeNull();
    expect(officialPer100('freefire', 'IDR')).toBeNull();
    expect(officialPer100('nosuch', 'USD')).toBeNull();
  });
  test('an entry with bonus counts the bonus units', () => {
    const e = { ...(priceData().catalogue.entries[0] as CatalogueEntry), units: 100, bonus: 10, price: 1.1 };
    expect(entryPer100(e)).toBeCloseTo(1, 9);
  });
});

describe('formatMoney', () => {
  test.each([
    [10.99, 'USD', 'en-US', '$10.99'],
    [15000, 'IDR', 'id-ID', /^Rp\s?15\.000/],
    [0.99, 'EUR', 'fr-FR', /^0,99\s€$/],
    [5.9, 'BRL', 'pt-BR', /^R\$\s5,90$/],
    [0.0106, 'USD', 'en-US', '$0.0106'],
  ] as const)('%s %s in %s', (amount, currency, locale, expected) => {
    const s = formatMoney(amount, currency, locale);
    if (typeof expected === 'string') expect(s).toBe(expected);
    else expect(s).toMatch(expected);
  });
  test('unknown currency code never throws', () => {
    expect(formatMoney(5, 'NOTACODE', 'en-US')).toContain('5');
  });
  test('formatMoneyFor adds the user currency when it differs', () => {
    expect(formatMoneyFor(16000, 'IDR', 'USD', 'en-US')).toMatch(/\(≈ \$1\.00\)$/);
    expect(formatMoneyFor(1, 'USD', 'USD', 'en-US')).toBe('$1.00');
    expect(formatMoneyFor(1, 'USD', 'XYZ', 'en-US')).toBe('$1.00');
  });
});
