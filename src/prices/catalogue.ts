/** The official price catalogue and bundled rates, validated once. */
import { z } from 'zod';
import pricesJson from '../data/prices.json';
import ratesJson from '../data/rates.json';

export const CatalogueEntrySchema = z.object({
  platform: z.string(),
  unit: z.string(),
  channel: z.enum(['web', 'app', 'all']),
  region: z.string(),
  currency: z.string().length(3),
  units: z.number().int().positive(),
  price: z.number().positive(),
  bonus: z.number().int().nonnegative(),
  asOf: z.string().min(4),
  status: z.enum(['confirmed', 'estimate']),
  source: z.string().min(3),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;
export const CatalogueSchema = z.object({ asOf: z.string(), entries: z.array(CatalogueEntrySchema) });
export const RatesSchema = z.object({
  base: z.literal('USD'),
  asOf: z.string(),
  status: z.enum(['confirmed', 'estimate']),
  source: z.string().min(3),
  rates: z.record(z.string().length(3), z.number().positive()),
});

let cache: { catalogue: z.infer<typeof CatalogueSchema>; rates: z.infer<typeof RatesSchema> } | undefined;
export function priceData() {
  cache ??= { catalogue: CatalogueSchema.parse(pricesJson), rates: RatesSchema.parse(ratesJson) };
  return cache;
}

/** Convert between currencies with the bundled table; null when a currency is unknown. */
export function convert(amount: number, from: string, to: string): number | null {
  const r = priceData().rates.rates;
  const a = r[from];
  const b = r[to];
  if (!a || !b) return null;
  return (amount / a) * b;
}

/** Cheapest official price per 100 units in USD for a platform, optionally for one channel. */
export function officialPer100Usd(platform: string, channel?: 'web' | 'app'): number | null {
  let best: number | null = null;
  for (const e of priceData().catalogue.entries) {
    if (e.platform !== platform || (channel && e.channel !== channel && e.channel !== 'all')) continue;
    const usd = convert(e.price, e.currency, 'USD');
    if (usd === null) continue;
    const per100 = (usd / (e.units + e.bonus)) * 100;
    if (best === null || per100 < best) best = per100;
  }
  return best;
}
