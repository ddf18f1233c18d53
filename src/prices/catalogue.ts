/**
 * The official price catalogue (src/data/prices.json) and the bundled currency
 * rates (src/data/rates.json), validated once at first use.
 *
 * Every figure comes from ../shared/research/prices-and-policies.md and keeps
 * its source and as-of date; "estimate" marks a low-authority source. Where no
 * official figure exists (PUBG Mobile UC, Free Fire diamonds) the catalogue
 * says so in `noOfficialFigure`, and the popup tells the shopper.
 */
import { z } from 'zod';
import pricesJson from '../data/prices.json';
import ratesJson from '../data/rates.json';
import { asParsed } from '../data';

/** "2024-04", "2023-10-27", "2020", or "undated" when the source gives no date. */
const AS_OF = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|undated)$/;
const currency = z.string().regex(/^[A-Z]{3}$/);

export const CHANNELS = ['all', 'app', 'unknown', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CatalogueEntrySchema = z.strictObject({
  platform: z.string().regex(/^[a-z0-9]+$/),
  /** The platform's unit, as in platforms.json. */
  unit: z.string().min(1),
  /** web = the platform's own web checkout; app = in-app purchase; all = same price everywhere; unknown = the source does not say. */
  channel: z.enum(CHANNELS),
  /** In-app store, when the source tells the two apart. */
  store: z.enum(['app-store', 'google-play']).optional(),
  /** ISO 3166 country, or "unspecified" when the source gives none. */
  region: z.string().regex(/^(?:[A-Z]{2}|unspecified)$/),
  currency,
  units: z.number().int().positive(),
  price: z.number().positive(),
  bonus: z.number().int().nonnegative(),
  /** The source gives an approximate figure ("≈ Rp 250 per coin"). */
  approx: z.literal(true).optional(),
  /** Replaced by a later price list; kept for the record, not compared against. */
  superseded: z.literal(true).optional(),
  asOf: z.string().regex(AS_OF),
  status: z.enum(['confirmed', 'estimate']),
  source: z.string().min(3),
  note: z.string().min(3).optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/**
 * A documented lower bound on the fair price where no official price list
 * exists ("10,000 diamonds … when the fair price is over Rp 1M"). Never shown
 * as an official price; a package priced under it is at least that much
 * under the official price, so grading against it can only under-warn.
 */
export const FloorSchema = z.strictObject({
  region: z.string().regex(/^(?:[A-Z]{2}|unspecified)$/),
  currency,
  units: z.number().int().positive(),
  price: z.number().positive(),
  asOf: z.string().regex(AS_OF),
  source: z.string().min(3),
});
export type Floor = z.infer<typeof FloorSchema>;

export const NoFigureSchema = z.strictObject({
  platform: z.string().regex(/^[a-z0-9]+$/),
  unit: z.string().min(1),
  reason: z.string().min(10),
  asOf: z.string().regex(AS_OF),
  source: z.string().min(3),
  fairPriceAtLeast: FloorSchema.optional(),
});
export type NoFigure = z.infer<typeof NoFigureSchema>;

export const CatalogueSchema = z.strictObject({
  $comment: z.string(),
  /** When the research was collected. */
  collected: z.string().regex(AS_OF),
  entries: z.array(CatalogueEntrySchema).min(1),
  noOfficialFigure: z.array(NoFigureSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

export const RatesSchema = z.strictObject({
  $comment: z.string(),
  base: z.literal('USD'),
  asOf: z.string().regex(AS_OF),
  status: z.enum(['confirmed', 'estimate']),
  source: z.string().min(3),
  rates: z.record(currency, z.number().positive()),
});
export type Rates = z.infer<typeof RatesSchema>;

let cache: { catalogue: Catalogue; rates: Rates } | undefined;

/** Catalogue and rates, as checked by the tests (asParsed in src/data/index.ts). */
export function priceData(): { catalogue: Catalogue; rates: Rates } {
  cache ??= { catalogue: asParsed(CatalogueSchema, pricesJson), rates: asParsed(RatesSchema, ratesJson) };
  return cache;
}

/** What makes two entries the same offer. */
export function entryKey(e: CatalogueEntry): string {
  return [e.platform, e.channel, e.region, e.currency, e.store ?? '', e.units, e.bonus].join('|');
}

/** Canonical order: platform, channel, region, currency, store, package size. */
export function compareEntries(a: CatalogueEntry, b: CatalogueEntry): number {
  const fields = ['platform', 'channel', 'region', 'currency'] as const;
  for (const f of fields) {
    if (a[f] !== b[f]) return a[f] < b[f] ? -1 : 1;
  }
  const sa = a.store ?? '';
  const sb = b.store ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.units - b.units || a.bonus - b.bonus;
}

const ENTRY_KEYS = Object.keys(CatalogueEntrySchema.shape) as (keyof CatalogueEntry)[];
const NOFIG_KEYS = Object.keys(NoFigureSchema.shape) as (keyof NoFigure)[];

function ordered<T extends object>(o: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The catalogue file as it should be written: sorted, keys in schema order, one entry per line. */
export function canonicalCatalogueJson(cat: Catalogue): string {
  const line = (o: object) =>
    '    {' + Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ') + '}';
  const entries = [...cat.entries].sort(compareEntries).map((e) => line(ordered(e, ENTRY_KEYS)));
  const nofig = [...cat.noOfficialFigure]
    .sort((a, b) => (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0))
    .map((e) => line(ordered(e, NOFIG_KEYS)));
  return [
    '{',
    `  "$comment": ${JSON.stringify(cat.$comment)},`,
    `  "collected": ${JSON.stringify(cat.collected)},`,
    '  "entries": [',
    entries.join(',\n'),
    '  ],',
    '  "noOfficialFigure": [',
    nofig.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

/**
 * Crypto "dollars" that crypto-only shops price in. They are pegged 1:1 to the
 * US dollar by design; the rates table is only good to about ±10% anyway.
 */
const STABLECOINS: Record<string, string> = { USDT: 'USD', USDC: 'USD' };

/** Convert between currencies with the bundled table; null when a currency is not in it. */
export function convert(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  const r = priceData().rates.rates;
  const a = r[STABLECOINS[from] ?? from];
  const b = r[STABLECOINS[to] ?? to];
  if (!a || !b || !Number.isFinite(amount)) return null;
  return (amount / a) * b;
}

/** Currencies the bundled table can convert (for the options page's currency picker). */
export function supportedCurrencies(): string[] {
  return Object.keys(priceData().rates.rates).sort();
}

/** Official price per 100 units of one catalogue entry, in its own currency (bonus units count). */
export function entryPer100(e: CatalogueEntry): number {
  return (e.price / (e.units + e.bonus)) * 100;
}

/** Catalogue rows compared against: this platform's, not superseded. */
export function officialEntries(platform: string): CatalogueEntry[] {
  return priceData().catalogue.entries.filter((e) => e.platform === platform && !e.superseded);
}

export interface OfficialPrice {
  /** Price per 100 units in the requested currency. */
  per100: number;
  entry: CatalogueEntry;
}

/**
 * The cheapest official price per 100 units for a platform, in `currency`.
 * `channel`: 'web' or 'app' restricts to that channel (rows sold the same
 * everywhere, channel "all", count for both); omitted = any channel.
 *
 * Which rows: confirmed figures when the platform has any for that channel
 * (estimates are only a fallback, as the research asks), and among those the
 * rows already in the page's currency when there are some (no conversion
 * error). Then the cheapest, because a warning must survive the most generous
 * honest comparison: a reseller is only "too cheap" against the best official deal.
 */
export function officialPer100(platform: string, currency: string, channel?: 'web' | 'app'): OfficialPrice | null {
  // The catalogue is fixed once loaded: one answer per question, however many packages a page lists.
  const key = `${platform}|${currency}|${channel ?? ''}`;
  const known = officialMemo.get(key);
  if (known !== undefined) return known;
  const best = cheapestOfficial(platform, currency, channel);
  officialMemo.set(key, best);
  return best;
}

const officialMemo = new Map<string, OfficialPrice | null>();

function cheapestOfficial(platform: string, currency: string, channel?: 'web' | 'app'): OfficialPrice | null {
  let rows = officialEntries(platform).filter((e) => !channel || e.channel === channel || e.channel === 'all');
  if (rows.some((e) => e.status === 'confirmed')) rows = rows.filter((e) => e.status === 'confirmed');
  const same = rows.filter((e) => e.currency === currency);
  if (same.length > 0) rows = same;
  let best: OfficialPrice | null = null;
  for (const e of rows) {
    const per100 = convert(entryPer100(e), e.currency, currency);
    if (per100 === null) continue;
    if (best === null || per100 < best.per100) best = { per100, entry: e };
  }
  return best;
}

/** The documented fair-price floor per 100 units for a platform without official figures, in `currency`. */
export function fairPriceFloorPer100(platform: string, currency: string): { per100: number; floor: Floor } | null {
  const floor = noOfficialFigure(platform)?.fairPriceAtLeast;
  if (!floor) return null;
  const per100 = convert((floor.price / floor.units) * 100, floor.currency, currency);
  return per100 === null ? null : { per100, floor };
}

/** The catalogue's "no official figure" record for a platform, if any. */
export function noOfficialFigure(platform: string): NoFigure | null {
  return priceData().catalogue.noOfficialFigure.find((n) => n.platform === platform) ?? null;
}

/**
 * An amount in a currency for display, e.g. formatMoney(10.99, 'USD', 'en-US') → "$10.99".
 * Per-coin rates under a tenth keep three significant digits ("$0.0106"). Never throws.
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const small = amount !== 0 && Math.abs(amount) < 0.1;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(small ? { maximumSignificantDigits: 3 } : {}),
    }).format(amount);
  } catch {
    try {
      return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
    } catch {
      return `${amount} ${currency}`;
    }
  }
}

/**
 * An amount shown in the page's currency and, when the user chose another one
 * and the bundled rates can convert it, in the user's currency too:
 * "Rp 15.000 (≈ $0.94)".
 */
export function formatMoneyFor(amount: number, currency: string, userCurrency?: string | null, locale?: string): string {
  const own = formatMoney(amount, currency, locale);
  if (!userCurrency || userCurrency === currency) return own;
  const other = convert(amount, currency, userCurrency);
  return other === null ? own : `${own} (≈ ${formatMoney(other, userCurrency, locale)})`;
}
