/**
 * Reading numbers, money and package sizes out of shop text. Pure; never throws.
 *
 * Why a tokenizer and not one big regular expression: shop text is hostile
 * input (a page can hold thousands of prices or a megabyte of digits). Every
 * pattern here is a single left-to-right pass with no nested, overlapping
 * quantifiers, so the cost is linear in the text (no catastrophic
 * backtracking); the package logic then runs over the short token list.
 */
import { UNIT_PHRASES, type UnitFamily } from './units';

/*
 * The tables below are looked up with words taken from the page, so they are
 * Maps: a plain object would answer "constructor" (or any other name on
 * Object.prototype) with a function, and a page writing "constructor 5" would
 * have had a price in the currency `Object`.
 */

/** Currency symbols, mapped to ISO codes. "$" alone is the page's dollar (USD unless told otherwise). */
const SYMBOLS: ReadonlyMap<string, string> = new Map(Object.entries({
  'US$': 'USD',
  'R$': 'BRL',
  'A$': 'AUD',
  'AU$': 'AUD',
  'MX$': 'MXN',
  'C$': 'CAD',
  'NZ$': 'NZD',
  'S$': 'SGD',
  '$': '$',
  '€': 'EUR',
  '£': 'GBP',
  '₫': 'VND',
  '₱': 'PHP',
  '₹': 'INR',
  '¥': 'JPY',
  '₩': 'KRW',
}));

/** Currency words (lower case): ISO codes and local abbreviations. */
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  usd: 'USD', eur: 'EUR', gbp: 'GBP', aud: 'AUD', idr: 'IDR', vnd: 'VND', brl: 'BRL', mxn: 'MXN', php: 'PHP',
  inr: 'INR', cad: 'CAD', nzd: 'NZD', sgd: 'SGD', myr: 'MYR', thb: 'THB', jpy: 'JPY', krw: 'KRW',
  usdt: 'USDT', usdc: 'USDC', rp: 'IDR', 'đ': 'VND', 'vnđ': 'VND', 'đồng': 'VND', dong: 'VND', euro: 'EUR', euros: 'EUR', rm: 'MYR',
}));

/** Multipliers written after a number: "1.4K coins", "Rp 15rb", "25k ₫", "2 jt". */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map(Object.entries({
  k: 1_000, rb: 1_000, ribu: 1_000, ngàn: 1_000, nghìn: 1_000, jt: 1_000_000, juta: 1_000_000, tr: 1_000_000,
  triệu: 1_000_000,
}));

/** Words before a price that say it is not what you pay now, or not the package's price. */
const OLD_WORDS = new Set([
  'was', 'before', 'originally', 'regular', 'normal', 'antes', 'avant', 'gốc', 'cũ', 'coret', 'instead', 'usual',
  'msrp', 'list',
]);
const NOT_PACKAGE_WORDS = new Set([
  'shipping', 'delivery', 'fee', 'fees', 'tax', 'taxes', 'vat', 'ongkir', 'biaya', 'envío', 'envio', 'frete',
  'livraison', 'phí', 'save', 'saving', 'savings', 'hemat', 'ahorra', 'ahorras', 'economize', 'économisez', 'off',
  'discount', 'diskon', 'giảm', 'desconto', 'descuento', 'réduction', 'cashback', 'tip', 'over', 'above', 'min',
  'minimum', 'tối', 'thiểu', 'minimal', 'mínimo', 'from', 'desde', 'mulai', 'dari', 'từ', 'partir', 'balance', 'saldo', 'earned', 'wallet',
]);
/** Words that make a price a rate per single unit: "$0.0105 per coin", "Rp 250/koin". */
const PER_WORDS = new Set(['per', 'each', 'por', 'par', 'mỗi', 'setiap', 'cada', 'ea', 'a', 'an']);

export type Token =
  | { kind: 'num'; raw: string; start: number; end: number }
  | { kind: 'cur'; code: string; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'punct'; ch: string; start: number; end: number };

/**
 * One pass over the text. Numbers: digit runs joined by "." "," "'" (any
 * count) or by a space-like character only when exactly three digits follow.
 */
const TOKEN_RE =
  /(\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*)|((?:US|AU|NZ|MX|R|A|C|S)\$|[$€£₫₱₹¥₩])|(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)|([+=/:|()–—%-])/gu;
// Groups, by number (named groups would allocate an object per match): 1 number, 2 currency symbol, 3 word, 4 punctuation.

const GLUED_RE = /^(\p{L}+?)(Rp|[A-Z]{3})$/u;
const GLUED_DOLLAR_RE = /^(\p{L}+?)(US|AU|NZ|MX|R)$/u;

const ASCII = /^[\x00-\x7f]*$/;

/** Texts longer than this are cut: no shop package needs more, and it bounds the work per block. */
export const MAX_TEXT = 4000;

export function tokenize(input: string): Token[] {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const out: Token[] = [];
  // An exec loop over the one shared regex: String#matchAll would construct a fresh RegExp on every call.
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const num = m[1];
    const sym = m[2];
    const word = m[3];
    const punct = m[4];
    const start = m.index;
    const end = start + m[0].length;
    if (num) out.push({ kind: 'num', raw: num, start, end });
    else if (sym) out.push({ kind: 'cur', code: SYMBOLS.get(sym) ?? '$', start, end });
    else if (word) {
      const w = word.toLowerCase();
      const code = CURRENCY_WORDS.get(w);
      if (code) out.push({ kind: 'cur', code, start, end });
      else {
        // "DiamondRp" / "CoinsUSD": two texts glued together where a <br> stood.
        // Only a word ending in "Rp" or three capitals can be glued (most words are not: skip the regex).
        const last = word.charCodeAt(word.length - 1);
        const glued = last === 112 || (last >= 65 && last <= 90) ? GLUED_RE.exec(word) : null;
        const suffix = glued?.[2] ? CURRENCY_WORDS.get(glued[2].toLowerCase()) : undefined;
        if (glued?.[1] && suffix) {
          const cut = start + glued[1].length;
          out.push({ kind: 'word', text: glued[1].toLowerCase(), start, end: cut });
          out.push({ kind: 'cur', code: suffix, start: cut, end });
        } else out.push({ kind: 'word', text: w, start, end });
      }
    } else if (punct) out.push({ kind: 'punct', ch: punct, start, end });
    // "60 UCUS$0.99": "UC" and "US$" glued where a <br> stood. (Checked only after a "$": reading
    // out[-1] when there is no previous token is a slow property lookup, once per token.)
    const prev = sym === '$' && out.length >= 2 ? out[out.length - 2] : undefined;
    const cur = out[out.length - 1];
    if (prev?.kind === 'word' && cur && prev.end === cur.start) {
      const glued = GLUED_DOLLAR_RE.exec(text.slice(prev.start, prev.end));
      const code = glued?.[2] ? SYMBOLS.get(glued[2] + '$') : undefined;
      if (glued?.[1] && code) {
        const cut = prev.start + glued[1].length;
        out.splice(out.length - 2, 2, { kind: 'word', text: glued[1].toLowerCase(), start: prev.start, end: cut }, { kind: 'cur', code, start: cut, end });
      }
    }
  }
  return out;
}

/**
 * Parse a number written with "." or "," as the thousands or the decimal
 * separator (and spaces or apostrophes as thousands separators).
 *
 * - both "." and "," present: the last one is the decimal separator ("1.234,56", "1,234.56");
 * - one separator used several times: thousands ("1.000.000", "1,000,000");
 * - one separator once: three digits after it means thousands ("15.000", "1,000")
 *   unless the number starts with "0" ("0.074"); otherwise decimal ("0,99", "10.5").
 *
 * `integer` (package sizes, no minor units) rejects a result with decimals.
 * Returns null for anything malformed.
 */
export function parseNumber(raw: string, integer = false): number | null {
  if (raw.length > 40) return null;
  // Fast path for the usual shapes, plain digits ("1000") or one separator between digits ("1.09",
  // "15.000"): the same rules as below (thousands when three digits follow one separator), without
  // the regular expressions and splits. Anything else takes the general path.
  let sep = -1;
  let simple = raw.length > 0;
  for (let k = 0; simple && k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && sep < 0 && k > 0 && k < raw.length - 1) sep = k;
    else {
      simple = false;
      break;
    }
  }
  if (simple) {
    if (sep < 0) return Number(raw);
    const head = raw.slice(0, sep);
    const tail = raw.slice(sep + 1);
    const thousands = tail.length === 3 && head.length <= 3 && !(head === '0' && !integer);
    // A decimal point already in place ("0.50") is read as it is, without building the same string again.
    const v = Number(thousands ? head + tail : raw.charCodeAt(sep) === 46 ? raw : head + '.' + tail);
    return !Number.isFinite(v) || (integer && !Number.isInteger(v)) ? null : v;
  }
  const s = raw.replace(/[ \u00a0\u202f\u2009'’]/g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s) || /[.,]{2}/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let n: number;
  if (dots === 0 && commas === 0) n = Number(s);
  else if (dots > 0 && commas > 0) {
    const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const dec = s[last];
    const intPart = s.slice(0, last);
    // The decimal separator appears once, and only after the thousands separators.
    if (intPart.includes(dec ?? '') || !groupsOk(intPart.split(dec === '.' ? ',' : '.'))) return null;
    n = Number(intPart.replace(/[.,]/g, '') + '.' + s.slice(last + 1));
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      if (!groupsOk(parts)) return null;
      n = Number(parts.join(''));
    } else {
      const [head = '', tail = ''] = parts;
      const thousands = tail.length === 3 && head.length <= 3 && !(head === '0' && !integer);
      n = thousands ? Number(head + tail) : Number(head + '.' + tail);
    }
  }
  if (!Number.isFinite(n)) return null;
  if (integer && !Number.isInteger(n)) return null;
  return n;
}

/** Thousands groups: the last groups are three digits; the first one to three (Indian "1,00,000" is two-digit groups). */
function groupsOk(parts: string[]): boolean {
  const [first, ...rest] = parts;
  if (!first || first.length > 3 || rest.length === 0) return rest.length === 0 && !!first;
  const last = rest[rest.length - 1];
  if (last?.length !== 3) return false;
  return rest.slice(0, -1).every((g) => g.length === 3 || g.length === 2);
}

export interface ParseOptions {
  /** What a bare "$" means on this page (MXN on a Mexican shop). Default USD. */
  dollar?: string;
  /** Unit families this page sells; default: all. */
  families?: ReadonlySet<UnitFamily>;
}

export interface Money {
  amount: number;
  currency: string;
  /** Token index where the amount starts. */
  at: number;
  /** Marked as an old/regular price ("was $10.99"). */
  old: boolean;
  /** Not a package price: shipping, a saving, a fee, a minimum. */
  notPackage: boolean;
  /** A rate per single unit ("$0.0105 per coin"). */
  perUnit: boolean;
  /** Index of the last token of the match. */
  last: number;
}

export interface UnitAmount {
  units: number;
  /** Which kind of unit was named; absent for "1000 + 100 bonus" with no unit word. */
  family?: UnitFamily;
  /** The unit phrase as matched, lower case ("oneiric shards"). */
  word?: string;
  /** Token index where the package size starts. */
  at: number;
  last: number;
}

/** The text between two tokens is only white space, "." or ":" ("Rp. 15.000", "USD: 10"). */
function tight(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap === 0) return true;
  if (gap < 0 || gap > 3) return false;
  return /^[\s.:]*$/u.test(text.slice(a.end, b.start));
}

function multiplierAt(tokens: Token[], i: number, text: string, prev: Token): number {
  const t = tokens[i];
  if (t?.kind !== 'word' || !tight(text, prev, t)) return 1;
  return MULTIPLIERS.get(t.text) ?? 1;
}

/** A number token with an optional multiplier: value and index of the last token used. */
function readNumber(tokens: Token[], i: number, text: string, integer: boolean): { value: number; last: number } | null {
  const t = tokens[i];
  if (t?.kind !== 'num') return null;
  const mult = multiplierAt(tokens, i + 1, text, t);
  if (mult > 1) {
    // "1.4K", "1,5 rb": the separator is a decimal point here.
    const v = parseNumber(t.raw, false);
    if (v === null) return null;
    const value = Math.round(v * mult * 100) / 100;
    return integer && !Number.isInteger(value) ? null : { value, last: i + 1 };
  }
  const v = parseNumber(t.raw, integer);
  return v === null ? null : { value: v, last: i };
}

/** Does a unit phrase start at token i? Returns the index of its last token and its family. */
function unitAt(
  tokens: Token[],
  i: number,
  families: ReadonlySet<UnitFamily> | undefined,
): { last: number; family: UnitFamily; word: string } | null {
  const t = tokens[i];
  if (t?.kind !== 'word') return null;
  const candidates = UNIT_PHRASES.get(t.text);
  if (!candidates) return null;
  for (const c of candidates) {
    if (families && !families.has(c.family)) continue;
    let ok = true;
    for (let k = 1; k < c.words.length; k++) {
      const n = tokens[i + k];
      if (n?.kind !== 'word' || n.text !== c.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { last: i + c.words.length - 1, family: c.family, word: c.phrase };
  }
  return null;
}

/** A package size, with the unit's family and word when one was named (assigned, not spread: this runs once per size). */
function unitAmount(units: number, at: number, last: number, unit: { family: UnitFamily; word: string } | null): UnitAmount {
  const out: UnitAmount = { units, at, last };
  if (unit) {
    out.family = unit.family;
    out.word = unit.word;
  }
  return out;
}

function isWord(t: Token | undefined, set: Set<string>): boolean {
  return t?.kind === 'word' && set.has(t.text);
}

export interface ItemReading {
  units: UnitAmount[];
  money: Money[];
  /** Words that are neither units, currencies nor multipliers: many of them mean a sentence, not a label. */
  otherWords: number;
}

/**
 * Read one text (a card, a row, an option label): every package size and every
 * money amount, in order. Units win over money for the same number ("1000 coins").
 */
export function readText(input: string, opts: ParseOptions = {}): ItemReading {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  // NFKC leaves ASCII text as it is: most shop texts skip the call.
  const norm = ASCII.test(text) ? text : text.normalize('NFKC');
  const tokens = tokenize(norm);
  const units: UnitAmount[] = [];
  const money: Money[] = [];
  const dollar = opts.dollar ?? 'USD';
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    // Units: N [k] [+ M [bonus]] unit | N [k] unit [+ M bonus] | N + M bonus
    if (t.kind === 'num') {
      const base = readNumber(tokens, i, norm, true);
      if (base) {
        let j = base.last + 1;
        let total = base.value;
        let bonusLast = -1;
        const plus = tokens[j];
        if (plus?.kind === 'punct' && plus.ch === '+') {
          const b = readNumber(tokens, j + 1, norm, true);
          if (b) {
            total += b.value;
            j = b.last + 1;
            if (isWord(tokens[j], BONUS_WORDS)) {
              bonusLast = j;
              j++;
            }
          }
        }
        const u = unitAt(tokens, j, opts.families);
        if ((u !== null || bonusLast >= 0) && (isRangeEnd(tokens, i) || isReward(tokens, i))) {
          // "30–2,500,000 coins": a calculator's limits; "+ 24.900 koin": coins earned back. Not packages.
          i = (u?.last ?? bonusLast) + 1;
          continue;
        }
        if (u !== null || bonusLast >= 0) {
          let last = u?.last ?? bonusLast;
          // "1,000 Coins + 100 Bonus"
          const p2 = tokens[last + 1];
          if (u !== null && total === base.value && p2?.kind === 'punct' && p2.ch === '+') {
            const b = readNumber(tokens, last + 2, norm, true);
            if (b && isWord(tokens[b.last + 1], BONUS_WORDS)) {
              total += b.value;
              last = b.last + 1;
            }
          }
          if (total >= 1 && total <= 100_000_000) units.push(unitAmount(total, i, last, u));
          i = last + 1;
          continue;
        }
      }
    }
    // A rate written the other way round: "price per coin: $0.011", "harga per koin Rp 250".
    if (isWord(t, PER_WORDS)) {
      const u = unitAt(tokens, i + 1, opts.families);
      const after = u ? readMoney(tokens, u.last + 1, norm, dollar) : null;
      if (u && after) {
        if (after.amount > 0 && after.amount < 1e12) {
          money.push({ amount: after.amount, currency: after.currency, at: u.last + 1, last: after.last, old: false, notPackage: false, perUnit: true });
        }
        i = after.last + 1;
        continue;
      }
    }
    // Money: CUR N [mult] [CODE] | N [mult] CUR
    const m = readMoney(tokens, i, norm, dollar);
    if (m) {
      let old = false;
      let notPackage = false;
      // Look back over a few words, not past a number (that belongs to something else).
      for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
        const b = tokens[k];
        if (!b || b.kind === 'num' || b.kind === 'cur') break;
        if (isWord(b, OLD_WORDS)) old = true;
        if (isWord(b, NOT_PACKAGE_WORDS)) notPackage = true;
      }
      // "$10 off", "10% off": the word right after.
      if (isWord(tokens[m.last + 1], NOT_PACKAGE_WORDS)) notPackage = true;
      // "$0.0105 per coin", "Rp 250/koin", "$0.01 a coin"
      let perUnit = false;
      let last = m.last;
      const n1 = tokens[m.last + 1];
      if ((n1?.kind === 'punct' && n1.ch === '/') || isWord(n1, PER_WORDS)) {
        const u = unitAt(tokens, m.last + 2, opts.families);
        if (u !== null) {
          perUnit = true;
          last = u.last;
        }
      }
      if (m.amount > 0 && m.amount < 1e12) money.push({ amount: m.amount, currency: m.currency, at: i, last, old, notPackage, perUnit });
      i = last + 1;
      continue;
    }
    i++;
  }
  let otherWords = 0;
  for (const t of tokens) if (t.kind === 'word' && !UNIT_PHRASES.has(t.text) && !MULTIPLIERS.has(t.text)) otherWords++;
  return { units, money, otherWords };
}

const RANGE_WORDS = new Set(['to', 'até', 'hasta', 'hingga', 'sampai', 'đến', 'à', 'au']);

/** Is the number at token i the upper end of a range ("30–2,500,000", "30 to 2500")? */
function isRangeEnd(tokens: Token[], i: number): boolean {
  const sep = tokens[i - 1];
  const before = tokens[i - 2];
  // A price before the dash is a price-first layout ("$10.99 - 1000 coins"), not a range.
  if (!sep || before?.kind !== 'num' || tokens[i - 3]?.kind === 'cur') return false;
  if (sep.kind === 'punct') return (sep.ch === '–' || sep.ch === '-' || sep.ch === '—') && sep.start - before.end <= 1;
  return isWord(sep, RANGE_WORDS);
}

/** "+ 24.900 koin" on its own: a reward or cashback, not something sold. */
function isReward(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  return p?.kind === 'punct' && p.ch === '+' && tokens[i - 2]?.kind !== 'num';
}

const BONUS_WORDS = new Set(['bonus', 'extra', 'free', 'gratis', 'grátis', 'tặng', 'thưởng', 'bônus', 'bono', 'cadeau', 'offert', 'offerts']);

function readMoney(
  tokens: Token[],
  i: number,
  text: string,
  dollar: string,
): { amount: number; currency: string; last: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'cur') {
    const n = tokens[i + 1];
    if (n?.kind !== 'num' || !tight(text, t, n)) return null;
    const v = readNumber(tokens, i + 1, text, false);
    if (!v) return null;
    let currency = t.code === '$' ? dollar : t.code;
    let last = v.last;
    // "$ 99 MXN", "US$ 10 USD": a code after the amount names the currency.
    const after = tokens[v.last + 1];
    const lastTok = tokens[v.last];
    if (after?.kind === 'cur' && after.code !== '$' && lastTok && tight(text, lastTok, after)) {
      if (t.code === '$' || after.code === currency) currency = after.code;
      last = v.last + 1;
    }
    return { amount: v.value, currency, last };
  }
  if (t.kind === 'num') {
    const v = readNumber(tokens, i, text, false);
    if (!v) return null;
    const lastTok = tokens[v.last];
    const c = tokens[v.last + 1];
    if (c?.kind !== 'cur' || !lastTok || !tight(text, lastTok, c)) return null;
    return { amount: v.value, currency: c.code === '$' ? dollar : c.code, last: v.last + 1 };
  }
  return null;
}

/** Every money amount in a text, in order (old and non-package amounts included, flagged). */
export function findMoney(text: string, opts: ParseOptions = {}): Money[] {
  return readText(text, opts).money;
}

/** Every package size in a text, in order: "1,000 coins", "70 koin", "1.4K coins", "1000 + 100 bonus". */
export function findUnits(text: string, opts: ParseOptions = {}): UnitAmount[] {
  return readText(text, opts).units;
}

/** The first money amount of a text, or null: the inverse of Intl.NumberFormat for the supported locales. */
export function parseMoney(text: string, opts: ParseOptions = {}): { amount: number; currency: string } | null {
  const m = findMoney(text, opts)[0];
  return m ? { amount: m.amount, currency: m.currency } : null;
}
