/**
 * Reading numbers, money and coin amounts out of shop text. Pure; never throws.
 */

/** Currency symbols and codes we recognise, mapped to ISO codes. Longest first when matching. */
const SYMBOLS: Record<string, string> = {
  'us$': 'USD', 'r$': 'BRL', 'a$': 'AUD', 'mx$': 'MXN', '$': 'USD', '€': 'EUR', '£': 'GBP', '₫': 'VND', 'rp': 'IDR',
  '₱': 'PHP', '₹': 'INR', 'đ': 'VND',
};
const CODES = ['USD', 'EUR', 'GBP', 'AUD', 'IDR', 'VND', 'BRL', 'MXN', 'PHP', 'INR'];
/** Currencies whose prices are written without minor units, so "15.000" is fifteen thousand. */
const NO_MINOR = new Set(['IDR', 'VND']);

/**
 * Parse a number written with either "." or "," as the thousands or decimal
 * separator. `noMinor` says the amount has no decimals (IDR, VND, coin counts).
 */
export function parseNumber(raw: string, noMinor = false): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let n: number;
  if (lastSep === -1) n = Number(s);
  else {
    const tail = s.length - lastSep - 1;
    const seps = s.match(/[.,]/g) ?? [];
    const mixed = new Set(seps).size > 1;
    const decimal = !noMinor && (mixed || seps.length === 1) && tail !== 3 && tail > 0;
    if (decimal) n = Number(s.slice(0, lastSep).replace(/[.,]/g, '') + '.' + s.slice(lastSep + 1));
    else if (tail === 3 || noMinor) n = Number(s.replace(/[.,]/g, ''));
    else return null;
  }
  return Number.isFinite(n) ? n : null;
}

export interface Money {
  amount: number;
  currency: string;
  index: number;
}

const NUM = String.raw`\d{1,3}(?:[.,\s\u00a0]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SYM = Object.keys(SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[$]/g, '\\$'))
  .join('|');
const CODE = CODES.join('|');
const MONEY_RE = new RegExp(
  String.raw`(?:(?<pre>${SYM}|${CODE})\s?(?<n1>${NUM}))|(?:(?<n2>${NUM})\s?(?<post>${SYM}|${CODE}))`,
  'giu',
);

function currencyOf(token: string): string | null {
  const t = token.toLowerCase();
  if (SYMBOLS[t]) return SYMBOLS[t] ?? null;
  const up = token.toUpperCase();
  return CODES.includes(up) ? up : null;
}

/** Every money amount in a text, in order. */
export function findMoney(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY_RE)) {
    const g = m.groups ?? {};
    const token = g.pre ?? g.post;
    const num = g.n1 ?? g.n2;
    if (!token || !num) continue;
    // "Rp" must not be the end of a word ("grp 5").
    const before = text[m.index - 1];
    if (g.pre && /[\p{L}]/u.test(before ?? '') && /^[a-z]/i.test(token)) continue;
    const currency = currencyOf(token);
    if (!currency) continue;
    const amount = parseNumber(num.trim(), NO_MINOR.has(currency));
    if (amount !== null && amount > 0) out.push({ amount, currency, index: m.index });
  }
  return out;
}

export interface UnitAmount {
  units: number;
  index: number;
}

/** Coin amounts: "1,000 coins", "70 koin", "1.4K coins", "1000 + 100 bonus coins". `unitWords` is a matcher source. */
export function findUnits(text: string, unitWords: RegExp): UnitAmount[] {
  const re = new RegExp(
    String.raw`(?<![\d.,])(?<n>\d{1,3}(?:[.,\s\u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*(?<k>k\b)?\s*(?:\+\s*(?<bonus>\d[\d.,]*)\s*(?:bonus)?\s*)?(?=${unitWords.source})`,
    'giu',
  );
  const out: UnitAmount[] = [];
  for (const m of text.matchAll(re)) {
    const g = m.groups ?? {};
    let n = g.k ? Number((g.n ?? '').replace(',', '.')) * 1000 : parseNumber(g.n ?? '', true);
    if (n === null || !Number.isFinite(n) || n <= 0) continue;
    if (g.bonus) {
      const b = parseNumber(g.bonus, true);
      if (b) n += b;
    }
    out.push({ units: Math.round(n), index: m.index });
  }
  return out;
}
