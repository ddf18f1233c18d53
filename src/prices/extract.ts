/**
 * Coin packages on a page: a package size and the price actually charged for
 * it, compared per 100 units with the official catalogue.
 *
 * Layouts read:
 *   - one text holds both ("1,000 Coins — $10.99", a select option, a radio label, a button);
 *   - a card or table row splits them over neighbouring blocks ("1,000 Coins" | "$10.99");
 *     the page's own order (size first or price first) is detected from the page;
 *   - a calculator's rate ("1 coin = $0.0105", "Rp 250/koin").
 * Not read as a package price: struck-through or "was" prices, shipping, fees,
 * savings, minimums, "from" prices, and money far from any package size.
 *
 * Bounded: at most LIMITS.blocks + LIMITS.options texts of at most MAX_TEXT
 * characters, each tokenized once in linear time; at most MAX_ENTRIES results.
 */
import type { Platform } from '../data';
import type { PageSnapshot, PriceEntry, TextBlock } from '../engine/types';
import { compareWithOfficial, round } from './compare';
import { readText, type Money, type ParseOptions, type UnitAmount } from './parse';
import { familiesFor, type UnitFamily } from './units';

/** More packages than any real shop lists; the popup and the detector need only a handful. */
export const MAX_ENTRIES = 300;
/** How many blocks apart a card's size and price may be ("1,000 Coins" · struck old price · price). */
const WINDOW = 4;

const UNIT_LABEL: Record<UnitFamily, string> = {
  coins: 'coins',
  robux: 'robux',
  vbucks: 'v-bucks',
  diamonds: 'diamonds',
  uc: 'uc',
  crystals: 'genesis crystals',
  bits: 'bits',
};

/** What a bare "$" means, by country: from the page's language tag or its top-level domain. */
const DOLLAR_BY_COUNTRY: Record<string, string> = {
  mx: 'MXN', au: 'AUD', ca: 'CAD', nz: 'NZD', sg: 'SGD', ar: 'ARS', co: 'COP', cl: 'CLP', hk: 'HKD', tw: 'TWD',
};

export function dollarFor(snap: Pick<PageSnapshot, 'lang' | 'url'>): string {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(snap.lang)?.[1]?.toLowerCase();
  if (region && DOLLAR_BY_COUNTRY[region]) return DOLLAR_BY_COUNTRY[region] ?? 'USD';
  let host = '';
  try {
    host = new URL(snap.url).hostname;
  } catch {
    // not a URL: no hint
  }
  const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  return DOLLAR_BY_COUNTRY[tld] ?? 'USD';
}

interface Pair {
  /** Index of the block it was read from (page order). */
  idx: number;
  units: number;
  family?: UnitFamily;
  money: Money;
  selector: string;
}

function usable(m: Money, struck: boolean): boolean {
  return !struck && !m.old && !m.notPackage && !m.perUnit;
}

/** The price charged among several for one package: the lowest in the first currency (an unmarked old price is the higher one). */
function charged(candidates: Money[]): Money | undefined {
  const first = candidates[0];
  if (!first) return undefined;
  let best = first;
  for (const m of candidates) if (m.currency === first.currency && m.amount < best.amount) best = m;
  return best;
}

interface Reading {
  item: TextBlock;
  units: UnitAmount[];
  /** Money usable as a package price. */
  money: Money[];
  pairs: Pair[];
}

/** Pairs inside one text; returns what is left for neighbours. */
function readItem(item: TextBlock, opts: ParseOptions, idx: number): Reading {
  const r = readText(item.text, opts);
  const struck = item.struck === true;
  const money = r.money.filter((m) => usable(m, struck));
  const pairs: Pair[] = [];
  const used = new Set<Money>();
  for (let k = 0; k < r.units.length; k++) {
    const u = r.units[k];
    if (!u) continue;
    const next = r.units[k + 1]?.at ?? Infinity;
    const prevEnd = r.units[k - 1]?.last ?? -1;
    let cands = money.filter((m) => m.at > u.last && m.at < next && !used.has(m));
    // "$10.99 — 1,000 coins": the price came first.
    if (cands.length === 0) cands = money.filter((m) => m.at < u.at && m.at > prevEnd && !used.has(m));
    const m = charged(cands);
    if (!m) continue;
    for (const c of cands) used.add(c);
    pairs.push({ idx, units: u.units, ...(u.family ? { family: u.family } : {}), money: m, selector: item.selector });
  }
  // A calculator's rate: "1 coin = $0.0105" is read above; "$0.0105 per coin" here.
  if (!struck) {
    for (const m of r.money) {
      if (m.perUnit && !m.old && !m.notPackage) pairs.push({ idx, units: 1, money: m, selector: item.selector });
    }
  }
  const pairedUnits = pairs.length > 0 && r.units.length > 0;
  return {
    item,
    units: pairedUnits ? [] : r.units,
    money: pairs.length > 0 ? [] : money.filter((m) => !used.has(m)),
    pairs,
  };
}

/**
 * Cards and rows: a block with a package size and no price takes the price of
 * a neighbouring block that has a price and no size. Which neighbour (next or
 * previous) is decided once for the page, by which way more sizes find a price.
 */
function pairAcross(readings: Reading[]): Pair[] {
  const out: Pair[] = [];
  const sizeOnly = (r: Reading) => r.units.length === 1 && r.money.length === 0;
  const priceOnly = (r: Reading) => r.units.length === 0 && r.money.length > 0;
  const isSize = (r: Reading) => r.units.length > 0 || r.pairs.length > 0;

  /** Price-only blocks next to block i in one direction, up to the next size block. */
  function neighbours(i: number, step: 1 | -1): number[] {
    const found: number[] = [];
    for (let j = i + step, n = 0; j >= 0 && j < readings.length && n < WINDOW; j += step, n++) {
      const r = readings[j];
      if (!r) break;
      if (isSize(r)) break;
      if (priceOnly(r)) found.push(j);
    }
    return found;
  }

  let forward = 0;
  let backward = 0;
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (!r || !sizeOnly(r)) continue;
    if (neighbours(i, 1).length > 0) forward++;
    if (neighbours(i, -1).length > 0) backward++;
  }
  const step: 1 | -1 = backward > forward ? -1 : 1;
  const used = new Set<number>();
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    const u = r?.units[0];
    if (!r || !u || !sizeOnly(r)) continue;
    const js = neighbours(i, step).filter((j) => !used.has(j));
    // A price block after its card's size block, when the page reads the other way round.
    const m = charged(js.flatMap((j) => readings[j]?.money ?? []));
    if (!m) continue;
    for (const j of js) used.add(j);
    out.push({ idx: i, units: u.units, ...(u.family ? { family: u.family } : {}), money: m, selector: r.item.selector });
  }
  return out;
}

/** The packages on a page, compared with the official catalogue. Never throws on odd text. */
export function extractPrices(snap: PageSnapshot, platform: Platform | null): PriceEntry[] {
  const opts: ParseOptions = { dollar: dollarFor(snap), families: familiesFor(platform?.id) };
  const pairs: Pair[] = [];
  snap.options.forEach((o, i) => pairs.push(...readItem(o, opts, i).pairs));
  const readings = snap.blocks.map((b, i) => readItem(b, opts, i));
  const inBlocks = readings.flatMap((r) => r.pairs);
  // Page order: pairs read inside a block and across blocks, merged by block index.
  pairs.push(...[...inBlocks, ...pairAcross(readings)].sort((a, b) => a.idx - b.idx));

  const out: PriceEntry[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    if (out.length >= MAX_ENTRIES) break;
    const key = `${p.units}|${p.money.amount}|${p.money.currency}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const unit = platform?.unit ?? (p.family ? UNIT_LABEL[p.family] : 'coins');
    const per100 = (p.money.amount / p.units) * 100;
    const cmp = compareWithOfficial({ per100, currency: p.money.currency }, platform?.id);
    out.push({
      units: p.units,
      unit,
      price: p.money.amount,
      currency: p.money.currency,
      per100: round(per100, 4),
      officialPer100: cmp.cheapest ? round(cmp.cheapest.per100, 4) : null,
      diffPercent: cmp.diffVsCheapest,
      ...(p.selector ? { selector: p.selector } : {}),
    });
  }
  return out;
}
