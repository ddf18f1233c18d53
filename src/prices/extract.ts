/**
 * Coin packages on a page: a package size and the price actually charged for
 * it, compared per 100 units with the official catalogue.
 *
 * Layouts read:
 *   - one text holds both ("1,000 Coins — $10.99", a select option, a radio label, a button);
 *   - a card or table row splits them over neighbouring blocks ("1,000 Coins" | "$10.99");
 *     the page's own order (size first or price first) is detected from the page;
 *   - on a page about a known platform, bare numbers in cards or table cells
 *     ("70" | "$0.74") when at least two of them pair with a price;
 *   - a calculator's rate ("1 coin = $0.0105", "$0.011 per coin"): a one-unit package.
 * Not read as a package price: struck-through or "was" prices, shipping, fees,
 * savings, minimums, "from" prices, a "per 100" column, money far from any size.
 *
 * Bounded: at most LIMITS.blocks + LIMITS.options texts of at most MAX_TEXT
 * characters, each tokenized once in linear time; at most MAX_ENTRIES results.
 */
import type { Platform } from '../data';
import platformsJson from '../data/platforms.json';
import type { PageSnapshot, PriceEntry, TextBlock } from '../engine/types';
import { compareWithOfficial, round } from './compare';
import { parseNumber, readText, type Money, type ParseOptions, type UnitAmount } from './parse';
import { ALL_FAMILIES, platformForFamily, type UnitFamily } from './units';

/**
 * Packages kept, in page order. The official shops list fewer than ten per platform (the
 * catalogue in src/data/prices.json), and the popup's chart shows eight; 100 leaves room for a
 * reseller selling for several games on one page. A page of hundreds of packages is read only
 * this far (docs/performance.md, items 32 and 40).
 */
export const MAX_ENTRIES = 100;
/** How many blocks apart a card's size and price may be ("1,000 Coins" · struck old price · price). */
const WINDOW = 4;
/**
 * A text with more ordinary words than this is a sentence (an article, a forum
 * post: "a site sells 1,000 coins for $2"), not a package label.
 */
const PROSE_WORDS = 6;
/** Bare numbers count as package sizes only when this many of them pair with a price. */
const MIN_BARE_PAIRS = 2;

const FAMILY_LABEL: Record<Exclude<UnitFamily, 'other'>, string> = {
  coins: 'coins',
  robux: 'robux',
  vbucks: 'v-bucks',
  diamonds: 'diamonds',
  uc: 'uc',
  crystals: 'genesis crystals',
  bits: 'bits',
};

function unitLabel(platformId: string | null, u: { family?: UnitFamily; word?: string }): string {
  if (platformId && UNIT_OF[platformId]) return UNIT_OF[platformId] ?? 'coins';
  if (u.family === 'other') return u.word ?? 'coins';
  return u.family ? FAMILY_LABEL[u.family] : 'coins';
}

/** Platform id → its unit (platforms.json, validated by the data tests). */
const UNIT_OF: Record<string, string> = Object.fromEntries(platformsJson.platforms.map((p) => [p.id, p.unit]));

/** What a bare "$" means, by country: from the page's language tag or its top-level domain (a Map: the page names the key). */
const DOLLAR_BY_COUNTRY: ReadonlyMap<string, string> = new Map(Object.entries({
  mx: 'MXN', au: 'AUD', ca: 'CAD', nz: 'NZD', sg: 'SGD', ar: 'ARS', co: 'COP', cl: 'CLP', hk: 'HKD', tw: 'TWD',
}));

export function dollarFor(snap: Pick<PageSnapshot, 'lang' | 'url'>): string {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(snap.lang)?.[1]?.toLowerCase();
  const byRegion = region ? DOLLAR_BY_COUNTRY.get(region) : undefined;
  if (byRegion) return byRegion;
  let host = '';
  try {
    host = new URL(snap.url).hostname;
  } catch {
    // not a URL: no hint
  }
  const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  return DOLLAR_BY_COUNTRY.get(tld) ?? 'USD';
}

interface Pair {
  /** Index of the block it was read from (page order). */
  idx: number;
  units: number;
  family?: UnitFamily;
  word?: string;
  money: Money;
  selector: string;
}

/** A pair, with the size's family and word only when it names them (no spread objects: this runs once per package). */
function pairOf(idx: number, u: Pick<UnitAmount, 'units' | 'family' | 'word'>, money: Money, selector: string): Pair {
  const p: Pair = { idx, units: u.units, money, selector };
  if (u.family) p.family = u.family;
  if (u.word) p.word = u.word;
  return p;
}

function usable(m: Money, struck: boolean): boolean {
  return !struck && !m.old && !m.notPackage && !m.perUnit;
}

/** Same amount to the cent (or to 1% for large amounts). */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.01);
}

/**
 * Drop candidates that are another candidate divided by the package size: a
 * "per 100 coins" or "per coin" column beside the price.
 */
function withoutDerived(cands: readonly Money[], units: number): readonly Money[] {
  if (cands.length < 2) return cands;
  return cands.filter(
    (m) => !cands.some((o) => o !== m && o.currency === m.currency && o.amount > m.amount && (near(m.amount, (o.amount / units) * 100) || near(m.amount, o.amount / units))),
  );
}

/** Inside one text, the price charged among several: the lowest in the first currency (an unmarked old price is the higher one). */
function lowest(cands: readonly Money[]): Money | undefined {
  const first = cands[0];
  if (!first) return undefined;
  let best = first;
  for (const m of cands) if (m.currency === first.currency && m.amount < best.amount) best = m;
  return best;
}

interface Reading {
  item: TextBlock;
  /** Sizes not paired inside the text. */
  units: readonly UnitAmount[];
  /** Money usable as a package price and not paired inside the text. */
  money: readonly Money[];
  pairs: readonly Pair[];
  /** The whole text is one integer ("70", "1,400"): maybe a size in a card or table cell. */
  bare: number | null;
}

/** Shared by every reading with nothing in it (most blocks of a page): never written to. */
const NONE: readonly never[] = [];

const BARE_RE = /^\d{1,3}(?:[.,\s]\d{3})*$|^\d{2,7}$/;

/** Does `s` hold a digit 0–9 (what `\d` means in the tokenizer)? A loop: most blocks of a page are tested, and a regex call costs more per short text. */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The money of `money` between token indices `after` and `before` (exclusive) not yet `used`. */
function moneyBetween(money: readonly Money[], after: number, before: number, used: readonly Money[]): Money[] {
  const out: Money[] = [];
  for (const m of money) if (m.at > after && m.at < before && !used.includes(m)) out.push(m);
  return out;
}

/** Pairs inside one text; returns what is left for neighbours. */
function readItem(item: TextBlock, opts: ParseOptions, idx: number, isOption = false): Reading {
  // Most blocks of a page hold no digit at all: nothing to read or pair (and no bare number).
  if (!hasDigit(item.text)) return { item, units: NONE, money: NONE, pairs: NONE, bare: null };
  const read = readText(item.text, opts);
  // Options (select options, radio labels, buttons) are package pickers by construction, however wordy.
  const prose = !isOption && read.otherWords > PROSE_WORDS;
  const units = prose ? NONE : read.units;
  const allMoney = prose ? NONE : read.money;
  const struck = item.struck === true;
  const money = allMoney.filter((m) => usable(m, struck));
  const pairs: Pair[] = [];
  const used: Money[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (!u) continue;
    const next = units[k + 1]?.at ?? Infinity;
    const prevEnd = units[k - 1]?.last ?? -1;
    let cands = moneyBetween(money, u.last, next, used);
    // "$10.99 — 1,000 coins": the price came first.
    if (cands.length === 0) cands = moneyBetween(money, prevEnd, u.at, used);
    const m = lowest(withoutDerived(cands, u.units));
    if (!m) continue;
    used.push(...cands);
    pairs.push(pairOf(idx, u, m, item.selector));
  }
  // A calculator's rate: "1 coin = $0.0105" is read above; "$0.0105 per coin" here.
  if (!struck) {
    for (const m of allMoney) {
      if (m.perUnit && !m.old && !m.notPackage) pairs.push({ idx, units: 1, money: m, selector: item.selector });
    }
  }
  const text = read.units.length === 0 && read.money.length === 0 ? item.text.trim() : '';
  const bareValue = text !== '' && BARE_RE.test(text) ? parseNumber(text, true) : null;
  return {
    item,
    units: pairs.length > 0 ? NONE : units,
    // Nothing is used until a pair is made: without pairs every usable amount is left.
    money: pairs.length > 0 ? NONE : money,
    pairs,
    bare: bareValue !== null && bareValue >= 10 ? bareValue : null,
  };
}

/**
 * Cards and rows: a block with a package size and no price takes the price of
 * the neighbouring blocks that have a price and no size. Which neighbour (next
 * or previous) is decided once for the page, by which way more sizes find a price.
 */
function pairAcross(readings: Reading[], sizeOf: (r: Reading) => UnitAmount | null): Pair[] {
  const priceOnly = (r: Reading) => r.units.length === 0 && r.money.length > 0;
  const isSize = (r: Reading) => r.units.length > 0 || r.pairs.length > 0 || r.bare !== null;

  /** Price-only blocks next to block i in one direction, up to the next size block, whose price is not `used` yet. */
  function neighbours(i: number, step: 1 | -1, used: Uint8Array): number[] {
    const found: number[] = [];
    for (let j = i + step, n = 0; j >= 0 && j < readings.length && n < WINDOW; j += step, n++) {
      const r = readings[j];
      if (!r || isSize(r)) break;
      if (priceOnly(r) && !used[j]) found.push(j);
    }
    return found;
  }

  /** Is there a price-only block next to block i in one direction (neighbours(i, step).length > 0, without the array)? */
  function hasNeighbour(i: number, step: 1 | -1): boolean {
    for (let j = i + step, n = 0; j >= 0 && j < readings.length && n < WINDOW; j += step, n++) {
      const r = readings[j];
      if (!r || isSize(r)) return false;
      if (priceOnly(r)) return true;
    }
    return false;
  }

  let forward = 0;
  let backward = 0;
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (!r || !sizeOf(r)) continue;
    if (hasNeighbour(i, 1)) forward++;
    if (hasNeighbour(i, -1)) backward++;
  }
  const step: 1 | -1 = backward > forward ? -1 : 1;
  /** 1 where a block's price is paired already. */
  const used = new Uint8Array(readings.length);
  const out: Pair[] = [];
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    const u = r ? sizeOf(r) : null;
    if (!r || !u) continue;
    const js = neighbours(i, step, used);
    const cands: Money[] = [];
    for (const j of js) for (const m of readings[j]?.money ?? NONE) cands.push(m);
    // Across blocks the first price is the one charged: an old price is struck (and skipped), a "per 100" column is dropped.
    const m = withoutDerived(cands, u.units)[0];
    if (!m) continue;
    for (const j of js) used[j] = 1;
    out.push(pairOf(i, u, m, r.item.selector));
  }
  return out;
}

function sizeOnly(r: Reading): UnitAmount | null {
  return r.units.length === 1 && r.money.length === 0 ? (r.units[0] ?? null) : null;
}

function bareSize(r: Reading): UnitAmount | null {
  return r.bare !== null ? { units: r.bare, at: 0, last: 0 } : null;
}

/** The pairs of the blocks read (`readings`, from the first block on), in page order. */
function blockPairs(readings: Reading[], platform: Platform | null): Pair[] {
  const inBlocks: Pair[] = [];
  for (const r of readings) if (r.pairs.length > 0) for (const p of r.pairs) inBlocks.push(p);
  const across = pairAcross(readings, sizeOnly);
  // Bare numbers only on a known platform's page, and only as a pattern (several cards or rows), never one stray number.
  const bare = platform ? pairAcross(readings, bareSize) : [];
  // Page order: pairs read inside a block and across blocks, merged by block index (a stable sort).
  return inBlocks.concat(across, bare.length >= MIN_BARE_PAIRS ? bare : NONE).sort((a, b) => a.idx - b.idx);
}

/**
 * The entries of `pairs` (the options' first, then the blocks' in page order), each package once,
 * at most MAX_ENTRIES. null when they need a block pair from block `settled` on, or fall short of
 * MAX_ENTRIES while blocks from `settled` on are left: the pairs there are not final.
 */
function entriesOf(optionPairs: readonly Pair[], pairs: readonly Pair[], platform: Platform | null, settled: number, blocks: number): PriceEntry[] | null {
  const out: PriceEntry[] = [];
  const seen = new Set<string>();
  const all = optionPairs.length ? optionPairs.concat(pairs) : pairs;
  for (let k = 0; k < all.length && out.length < MAX_ENTRIES; k++) {
    const p = all[k] as Pair;
    if (k >= optionPairs.length && p.idx >= settled) return null;
    const platformId = platformForFamily(p.family, platform?.id);
    const unit = unitLabel(platformId, p);
    // The same package shown twice (a card and a select option) is one package.
    const key = `${p.units}|${p.money.amount}|${p.money.currency}|${unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const per100 = (p.money.amount / p.units) * 100;
    const cmp = compareWithOfficial({ per100, currency: p.money.currency }, platformId);
    const entry: PriceEntry = {
      units: p.units,
      unit,
      price: p.money.amount,
      currency: p.money.currency,
      per100: round(per100, 4),
      officialPer100: cmp.cheapest ? round(cmp.cheapest.per100, 4) : null,
      // No official figure: officialPer100 stays null; a price under the documented fair-price floor still gets its (lower-bound) discount.
      diffPercent: cmp.diffVsCheapest ?? cmp.diffVsFloor,
    };
    // Added last, as before: the entry's keys keep their order (results are compared as JSON).
    if (p.selector) entry.selector = p.selector;
    out.push(entry);
  }
  return out.length < MAX_ENTRIES && settled < blocks ? null : out;
}

/**
 * The packages on a page, compared with the official catalogue. Never throws on odd text.
 *
 * Blocks are read in page order until the packages met (the options' pairs, pairs inside blocks,
 * sizes that may pair with a neighbour) could fill MAX_ENTRIES, and WINDOW blocks further, where
 * the last card's price may sit: the entries are the first MAX_ENTRIES packages of the page, so
 * a page listing hundreds of packages (or a hostile one) is not read to its end for entries that
 * would be dropped. When the blocks read give fewer (a size with no price, a package repeated),
 * the rest is read. Which way a card's size finds its price (pairAcross) is then decided by the
 * blocks read.
 */
export function extractPrices(snap: PageSnapshot, platform: Platform | null): PriceEntry[] {
  const opts: ParseOptions = { dollar: dollarFor(snap), families: ALL_FAMILIES };
  const optionPairs: Pair[] = [];
  snap.options.forEach((o, i) => {
    for (const p of readItem(o, opts, i, true).pairs) optionPairs.push(p);
  });
  const blocks = snap.blocks;
  const readings: Reading[] = [];
  let met = optionPairs.length;
  /** Pairs of the blocks before this index are final once the blocks up to `end` are read. */
  let settled = blocks.length;
  let end = blocks.length;
  for (let i = 0; i < end; i++) {
    const r = readItem(blocks[i] as TextBlock, opts, i);
    readings.push(r);
    if (settled < blocks.length) continue;
    met += r.pairs.length + (sizeOnly(r) || (platform && r.bare !== null) ? 1 : 0);
    if (met >= MAX_ENTRIES) {
      settled = i + 1;
      end = Math.min(blocks.length, settled + WINDOW);
    }
  }
  const first = entriesOf(optionPairs, blockPairs(readings, platform), platform, settled, blocks.length);
  if (first) return first;
  for (let i = readings.length; i < blocks.length; i++) readings.push(readItem(blocks[i] as TextBlock, opts, i));
  return entriesOf(optionPairs, blockPairs(readings, platform), platform, blocks.length, blocks.length) ?? [];
}

/**
 * The platform a price entry belongs to, for the popup's comparison: the
 * page's platform when the unit is its own, otherwise the one platform with
 * that unit; null when ambiguous or unknown.
 */
export function platformOfEntry(entry: Pick<PriceEntry, 'unit'>, pagePlatformId: string | null | undefined): string | null {
  if (pagePlatformId && UNIT_OF[pagePlatformId] === entry.unit) return pagePlatformId;
  const ids = Object.keys(UNIT_OF).filter((id) => UNIT_OF[id] === entry.unit);
  return ids.length === 1 ? (ids[0] ?? null) : null;
}
