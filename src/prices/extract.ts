/**
 * Coin packages on a page: a coin amount and the price charged for it, read
 * from the same text block or package option, then compared per 100 units with
 * the official catalogue.
 */
import type { Platform } from '../data';
import { data } from '../data';
import { compileTerms } from '../engine/terms';
import type { PageSnapshot, PriceEntry } from '../engine/types';
import { convert, officialPer100Usd } from './catalogue';
import { findMoney, findUnits } from './parse';

let unitWordsRe: RegExp | undefined;
function unitWords(): RegExp {
  if (!unitWordsRe) {
    const d = data();
    const words = [...Object.values(d.vocab.lists.coinWords).flat(), ...d.platforms.map((p) => p.unit)];
    unitWordsRe = compileTerms(words);
  }
  return unitWordsRe;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function extractPrices(snap: PageSnapshot, platform: Platform | null): PriceEntry[] {
  const out: PriceEntry[] = [];
  const seen = new Set<string>();
  const unit = platform?.unit ?? 'coins';
  const officialUsd = platform ? officialPer100Usd(platform.id) : null;
  // A package is usually one card: units and price in the same block, or in a block and the next one.
  const items = [...snap.options, ...snap.blocks];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || item.struck) continue;
    const units = findUnits(item.text, unitWords());
    if (units.length !== 1) continue;
    let money = findMoney(item.text);
    for (let j = i + 1; money.length === 0 && j < Math.min(items.length, i + 4); j++) {
      const next = items[j];
      if (!next || next.struck) continue;
      if (findUnits(next.text, unitWords()).length > 0) break;
      money = findMoney(next.text);
    }
    const m = money[money.length - 1];
    const u = units[0];
    if (!m || !u) continue;
    const key = `${u.units}|${m.amount}|${m.currency}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const per100 = (m.amount / u.units) * 100;
    const officialPer100 = officialUsd === null ? null : convert(officialUsd, 'USD', m.currency);
    out.push({
      units: u.units,
      unit,
      price: m.amount,
      currency: m.currency,
      per100: round(per100, 4),
      officialPer100: officialPer100 === null ? null : round(officialPer100, 4),
      diffPercent: officialPer100 === null ? null : round(((per100 - officialPer100) / officialPer100) * 100, 1),
      selector: item.selector,
    });
  }
  return out;
}
