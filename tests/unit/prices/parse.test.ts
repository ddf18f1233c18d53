import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findMoney, findUnits, parseMoney, parseNumber, readText, tokenize } from '../../../src/prices/parse';
import { platformForFamily } from '../../../src/prices/units';

describe('parseNumber', () => {
  test.each([
    ['10.99', false, 10.99],
    ['0,99', false, 0.99],
    ['5,90', false, 5.9],
    ['1,000', false, 1000],
    ['15.000', false, 15000],
    ['1.234.568', false, 1234568],
    ['1,234,567.89', false, 1234567.89],
    ['1.234.567,89', false, 1234567.89],
    ['1 234 567,89', false, 1234567.89],
    ['1\u202f234,56', false, 1234.56],
    ["1'234.50", false, 1234.5],
    ['0.074', false, 0.074],
    ['0.0106', false, 0.0106],
    ['1,00,000', false, 100000],
    ['99', false, 99],
    ['1,000', true, 1000],
    ['16.500', true, 16500],
    ['1.4', true, null],
    ['1.2.3', false, null],
    ['1,,000', false, null],
    ['1.', false, null],
    ['1,234.5,6', false, null],
    ['abc', false, null],
    ['', false, null],
    ['9'.repeat(500), false, null],
  ] as const)('%j (integer=%s) → %s', (raw, integer, expected) => {
    expect(parseNumber(raw, integer)).toBe(expected);
  });
});

/** [text, expected money [amount, currency] list, expected package sizes] */
const FORMATS: [string, [number, string][], number[]][] = [
  ['1,000 Coins — $10.99', [[10.99, 'USD']], [1000]],
  ['Rp 15.000', [[15000, 'IDR']], []],
  ['Rp. 15.000', [[15000, 'IDR']], []],
  ['Rp15rb', [[15000, 'IDR']], []],
  ['15.000 IDR', [[15000, 'IDR']], []],
  ['0,99 €', [[0.99, 'EUR']], []],
  ['€0.99', [[0.99, 'EUR']], []],
  ['R$ 5,90', [[5.9, 'BRL']], []],
  ['R$\u00a05,90', [[5.9, 'BRL']], []],
  ['25.000 ₫', [[25000, 'VND']], []],
  ['25.000đ', [[25000, 'VND']], []],
  ['25k ₫', [[25000, 'VND']], []],
  ['70 koin', [], [70]],
  ['70 koin Rp 15.000', [[15000, 'IDR']], [70]],
  ['1.4K coins', [], [1400]],
  ['1,4k coins', [], [1400]],
  ['1000 + 100 bonus', [], [1100]],
  ['1,000 Coins + 100 Bonus', [], [1100]],
  ['1000 + 100 bonus coins for $9.99', [[9.99, 'USD']], [1100]],
  ['$ 99 MXN', [[99, 'MXN']], []],
  ['99.00 MXN', [[99, 'MXN']], []],
  ['US$ 10', [[10, 'USD']], []],
  ['£0.89', [[0.89, 'GBP']], []],
  ['A$1.49', [[1.49, 'AUD']], []],
  ['1 234,56 €', [[1234.56, 'EUR']], []],
  ['400 Robux - $4.99', [[4.99, 'USD']], [400]],
  ['1,000 V-Bucks $8.99', [[8.99, 'USD']], [1000]],
  ['86 Diamonds Rp 20.000', [[20000, 'IDR']], [86]],
  ['100 diamantes R$ 4,90', [[4.9, 'BRL']], [100]],
  ['172 berlian Rp 45.000', [[45000, 'IDR']], [172]],
  ['1000 kim cương 200.000đ', [[200000, 'VND']], [1000]],
  ['60 UC $0.99', [[0.99, 'USD']], [60]],
  ['300 Genesis Crystals $4.99', [[4.99, 'USD']], [300]],
  ['500 Bits $7.00', [[7, 'USD']], [500]],
  ['1000 xu 250.000 ₫', [[250000, 'VND']], [1000]],
  ['350 moedas R$ 19,90', [[19.9, 'BRL']], [350]],
  ['700 monedas $ 139 MXN', [[139, 'MXN']], [700]],
  ['1 000 pièces 10,99 €', [[10.99, 'EUR']], [1000]],
  ['No prices here at all', [], []],
  ['Call 0812 3456 7890', [], []],
  ['10% off', [], []],
];

describe('readText: every format of the issue', () => {
  test.each(FORMATS)('%j', (text, money, units) => {
    const r = readText(text);
    expect(r.money.map((m) => [m.amount, m.currency])).toEqual(money);
    expect(r.units.map((u) => u.units)).toEqual(units);
  });
});

describe('readText: what is not a package price', () => {
  test.each([
    ['Was $10.99 now $6.49', [true, false]],
    ['Regular price Rp 20.000', [true]],
    ['Antes R$ 10,00', [true]],
  ] as const)('%j marks the old price', (text, old) => {
    expect(findMoney(text).map((m) => m.old)).toEqual(old);
  });
  test.each(['Shipping $4.99', 'Service fee: $0.50', 'Save $4', '$10 off', 'Free delivery over $50', 'Ongkir Rp 10.000', 'Starting from $0.99', 'Harga mulai dari Rp 15.000'])(
    '%j is not a package price',
    (text) => {
      const m = findMoney(text);
      expect(m.length).toBe(1);
      expect(m[0]?.notPackage).toBe(true);
    },
  );
  test.each([
    ['$0.0105 per coin', 0.0105],
    ['Rp 250/koin', 250],
    ['$0.01 each coin', 0.01],
  ])('%j is a rate per coin', (text, amount) => {
    const m = findMoney(text);
    expect(m).toEqual([expect.objectContaining({ amount, perUnit: true })]);
  });
  test('"1 coin = $0.0105": a one-unit package', () => {
    const r = readText('Custom amount: 1 coin = $0.0105');
    expect(r.units.map((u) => u.units)).toEqual([1]);
    expect(r.money.map((m) => m.amount)).toEqual([0.0105]);
  });
  test('a page dollar other than USD', () => {
    expect(parseMoney('$99.00', { dollar: 'MXN' })).toEqual({ amount: 99, currency: 'MXN' });
    expect(parseMoney('US$ 5', { dollar: 'MXN' })).toEqual({ amount: 5, currency: 'USD' });
  });
});

describe("readText: words that are names on Object.prototype", () => {
  // The currency, multiplier and symbol tables are looked up with the page's words; an object
  // literal answered "constructor" with a function (a price in the currency `Object`).
  const names = Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase());
  test.each(names)('%j is an ordinary word, before or after a number', (name) => {
    for (const text of [`${name} 5`, `5 ${name}`, `1,000 coins ${name} 5`, `5${name} coins`]) {
      expect(tokenize(text).filter((t) => t.kind === 'cur')).toEqual([]);
      const r = readText(text);
      expect(r.money).toEqual([]);
      for (const u of r.units) expect(typeof u.units).toBe('number');
    }
    // Counted as a word of a sentence, as any other word is (not taken for a multiplier such as "k").
    expect(readText(`5 ${name}`).otherWords).toBe(1);
  });
  test('a real currency word beside them still reads', () => {
    expect(readText('constructor 1,000 coins USD 5').money.map((m) => [m.amount, m.currency])).toEqual([[5, 'USD']]);
  });
});

describe('units: families and platforms', () => {
  test('each family names its platform; diamonds are ambiguous without the page', () => {
    expect(findUnits('500 coins').map((u) => u.family)).toEqual(['coins']);
    expect(platformForFamily('coins', null)).toBe('tiktok');
    expect(platformForFamily('robux', 'tiktok')).toBe('roblox');
    expect(platformForFamily('diamonds', 'freefire')).toBe('freefire');
    expect(platformForFamily('diamonds', 'mobilelegends')).toBe('mobilelegends');
    expect(platformForFamily('diamonds', 'tiktok')).toBeNull();
    expect(platformForFamily('other', 'tiktok')).toBeNull();
    expect(platformForFamily(undefined, 'twitch')).toBe('twitch');
  });
  test('"uc" and "bits" are whole words only', () => {
    expect(findUnits('60 ucapan')).toEqual([]);
    expect(findUnits('8 bitsy')).toEqual([]);
  });
  test('every family, with its family and phrase', () => {
    expect(findUnits('400 robux and 1000 v-bucks, 60 Oneiric Shards').map((u) => [u.units, u.family, u.word])).toEqual([
      [400, 'robux', 'robux'],
      [1000, 'vbucks', 'v-bucks'],
      [60, 'other', 'oneiric shards'],
    ]);
  });
  test('ranges, percentages and rewards are not packages', () => {
    expect(findUnits('Custom amount (30–2,500,000 coins)')).toEqual([]);
    expect(findUnits('30 to 2500 coins')).toEqual([]);
    expect(findUnits('Cashback 10% Koin')).toEqual([]);
    expect(findUnits('+ 24.900 koin')).toEqual([]);
    expect(findUnits('$10.99 - 1000 coins').map((u) => u.units)).toEqual([1000]);
  });
  test('texts glued where a <br> stood', () => {
    expect(readText('5 DiamondRp 1.000').money.map((m) => [m.amount, m.currency])).toEqual([[1000, 'IDR']]);
    expect(readText('60 UCUS$0.99').units.map((u) => u.units)).toEqual([60]);
    expect(readText('60 UCUS$0.99').money.map((m) => [m.amount, m.currency])).toEqual([[0.99, 'USD']]);
  });
  test('crypto dollars', () => {
    expect(parseMoney('10.50 USDT')).toEqual({ amount: 10.5, currency: 'USDT' });
  });
});

/** The locales and currencies the extension supports, as Intl formats them. */
const LOCALES = [
  ['en-US', 'USD', 'USD'],
  ['id-ID', 'IDR', 'USD'],
  ['vi-VN', 'VND', 'USD'],
  ['pt-BR', 'BRL', 'USD'],
  ['es-MX', 'MXN', 'MXN'],
  ['fr-FR', 'EUR', 'USD'],
  ['en-GB', 'GBP', 'USD'],
] as const;

describe('property: Intl-formatted amounts parse back to themselves', () => {
  test.each(LOCALES)('%s %s', (locale, currency, dollar) => {
    const nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
    const scale = 10 ** digits;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (minor) => {
        const amount = minor / scale;
        const text = nf.format(amount);
        const parsed = parseMoney(text, { dollar });
        expect(parsed, text).not.toBeNull();
        expect(parsed?.currency, text).toBe(currency);
        expect(Math.abs((parsed?.amount ?? NaN) - amount), text).toBeLessThan(0.5 / scale);
      }),
      { numRuns: 400 },
    );
  });

  test.each(LOCALES)('%s %s inside a package label', (locale, currency, dollar) => {
    const nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 10, max: 100_000 }), (minor, units) => {
        const amount = minor / 10 ** digits;
        const size = new Intl.NumberFormat(locale).format(units);
        const text = `${size} coins – ${nf.format(amount)}`;
        const r = readText(text, { dollar });
        expect(r.units.map((u) => u.units), text).toEqual([units]);
        expect(r.money.map((m) => m.currency), text).toEqual([currency]);
        expect(r.money[0]?.amount, text).toBeCloseTo(amount, digits);
      }),
      { numRuns: 200 },
    );
  });

  test('a number formatted with Intl in each locale parses back (integers and two decimals)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES.map((l) => l[0])), fc.integer({ min: 0, max: 1e12 }), (locale, n) => {
        const text = new Intl.NumberFormat(locale).format(n);
        expect(parseNumber(text, true), `${locale} ${text}`).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('property: arbitrary text never throws and stays fast', () => {
  const shopChars = fc.constantFrom(...'0123456789.,  \u00a0\u202f$€£₫Rp+kK-–—/=:()coins koin robux UC bits đ IDR'.split(''));
  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(() => readText(s)).not.toThrow();
        expect(() => tokenize(s)).not.toThrow();
        expect(() => parseNumber(s)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
  test('strings made of shop characters: results are finite and positive', () => {
    fc.assert(
      fc.property(fc.array(shopChars, { maxLength: 200 }).map((a) => a.join('')), (s) => {
        const r = readText(s);
        for (const m of r.money) expect(Number.isFinite(m.amount) && m.amount > 0).toBe(true);
        for (const u of r.units) expect(Number.isInteger(u.units) && u.units > 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  test.each([
    ['a megabyte of digits and separators', '1,'.repeat(500_000)],
    ['long digit run', '9'.repeat(1_000_000)],
    ['separators and spaces', '1 000 '.repeat(200_000)],
    ['currency soup', '$R$€Rp'.repeat(200_000)],
    ['many prices', '1,000 coins $10.99 · '.repeat(50_000)],
  ])('%s: bounded time', (_name, text) => {
    const t0 = performance.now();
    readText(text);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
