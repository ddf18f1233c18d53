import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { Platform } from '../../../src/data';
import platformsJson from '../../../src/data/platforms.json';
import scoringJson from '../../../src/data/scoring.json';
import { buildSnapshot } from '../../../src/engine/snapshot';
import type { PageSnapshot, PriceEntry } from '../../../src/engine/types';
import { parseHtml } from '../../../src/node/scan-html';
import { priceData } from '../../../src/prices/catalogue';
import { compareWithOfficial, gradeDiscount, summarizePrices } from '../../../src/prices/compare';
import { dollarFor, extractPrices, hasDigit, MAX_ENTRIES, platformOfEntry } from '../../../src/prices/extract';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function platform(id: string): Platform {
  const p = platformsJson.platforms.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p as unknown as Platform;
}

function snap(body: string, url = 'https://shop.example/', lang = 'en'): PageSnapshot {
  const { document, close } = parseHtml(`<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body>${body}</body></html>`, url);
  closers.push(close);
  return buildSnapshot(document, url);
}

function read(body: string, platformId: string | null = 'tiktok', url?: string, lang?: string): [number, number, string][] {
  return extractPrices(snap(body, url, lang), platformId ? platform(platformId) : null).map((p) => [p.units, p.price, p.currency]);
}

describe('extraction from real shop layouts', () => {
  test('cards with a struck-through old price: the price charged', () => {
    const html = `
      <div class="pk"><b>1,000 Coins</b><br><s>$10.99</s> <span class="price">$1.99</span></div>
      <div class="pk"><b>5,000 Coins</b><br><del>$54.99</del> <span class="price">$7.99</span></div>
      <div class="pk"><b>10,000 Coins</b><br><span style="text-decoration: line-through">$109.99</span> <span>$12.99</span></div>`;
    expect(read(html)).toEqual([
      [1000, 1.99, 'USD'],
      [5000, 7.99, 'USD'],
      [10000, 12.99, 'USD'],
    ]);
  });

  test('cards with the price first', () => {
    const html = `
      <div class="c"><span class="p">Rp 15.000</span><span class="u">70 Koin</span></div>
      <div class="c"><span class="p">Rp 75.000</span><span class="u">350 Koin</span></div>
      <div class="c"><span class="p">Rp 150.000</span><span class="u">700 Koin</span></div>`;
    expect(read(html, 'tiktok', 'https://koin.example.id/', 'id')).toEqual([
      [70, 15000, 'IDR'],
      [350, 75000, 'IDR'],
      [700, 150000, 'IDR'],
    ]);
  });

  test('a table with units and a per-100 column: the price, not the per-100 figure', () => {
    const html = `<table><tr><th>Coins</th><th>Price</th><th>Per 100 coins</th></tr>
      <tr><td>70</td><td>US$0.79</td><td>$1.13</td></tr>
      <tr><td>350</td><td>US$3.89</td><td>$1.11</td></tr>
      <tr><td>17,500</td><td>US$187.00</td><td>$1.07</td></tr></table>`;
    expect(read(html)).toEqual([
      [70, 0.79, 'USD'],
      [350, 3.89, 'USD'],
      [17500, 187, 'USD'],
    ]);
  });

  test('a table with the unit in each row', () => {
    const html = `<table><tr><td>1,000 Coins</td><td>10.50 USDT</td></tr><tr><td>5,000 Coins</td><td>51.00 USDT</td></tr></table>`;
    expect(read(html)).toEqual([
      [1000, 10.5, 'USDT'],
      [5000, 51, 'USDT'],
    ]);
  });

  test('one stray bare number is not a package', () => {
    expect(read('<p>Since</p><b>2019</b><span>$5.00</span>')).toEqual([]);
  });

  test('select options and radio buttons (each package once)', () => {
    const html = `<form>
      <label><input type="radio" name="p" value="1"> 350 coins — $3.89</label>
      <label><input type="radio" name="p" value="2"> 1,400 coins — $15.49</label>
      <select name="q"><option>70 Coins ($0.79)</option><option>350 Coins ($3.89)</option></select></form>`;
    const got = read(html);
    expect(got).toHaveLength(3);
    expect(got).toEqual(expect.arrayContaining([[350, 3.89, 'USD'], [1400, 15.49, 'USD'], [70, 0.79, 'USD']]));
  });

  test('an option label with an old and a new price: the lower one', () => {
    const html = `<label><input type="radio" name="p"> 1000 coins <s>$10.99</s> $6.49</label>`;
    expect(read(html)).toEqual([[1000, 6.49, 'USD']]);
  });

  test('a custom-amount calculator: its rate, not its limits', () => {
    const html = `<p><label>Custom amount (30–2,500,000 coins): <input name="custom" type="number" value="2000"></label>
      = <output>$22.00</output> <small>(price per coin $0.011)</small></p>`;
    expect(read(html)).toEqual([[1, 0.011, 'USD']]);
  });

  test('"1 coin = Rp 250" calculator rate', () => {
    expect(read('<div class="calc">Kalkulator: 1 koin = Rp 250</div>')).toEqual([[1, 250, 'IDR']]);
  });

  test('shipping, fees, savings, other products and prose are ignored', () => {
    const html = `
      <p>Free shipping on orders over $50</p>
      <div class="pk"><b>1,000 Coins</b><span>$10.99</span><small>Service fee $0.50</small></div>
      <div class="other"><b>Phone case</b><span>$12.00</span></div>
      <p>If a site sells 1,000 coins for $2 when TikTok charges about $10.60, the coins were probably stolen.</p>`;
    expect(read(html)).toEqual([[1000, 10.99, 'USD']]);
  });

  test('bonus packages and K amounts', () => {
    const html = `<div class="card"><b>1.4K coins</b><br>$15.49</div>
      <div class="card"><b>1000 + 100 bonus</b><div class="bonus">+10% bonus coins</div>$11.29</div>`;
    expect(read(html)).toEqual([
      [1400, 15.49, 'USD'],
      [1100, 11.29, 'USD'],
    ]);
  });

  test('texts joined without a space at <br> still read', () => {
    const html = `<div class="d">5 Diamond<br>Rp 1.000</div><div class="d">12 Diamond<br>Rp 2.000</div>`;
    expect(read(html, 'freefire')).toEqual([
      [5, 1000, 'IDR'],
      [12, 2000, 'IDR'],
    ]);
  });

  test.each([
    ['roblox', '<li>400 Robux - $4.99</li><li>800 Robux - $9.99</li>', [[400, 4.99, 'USD'], [800, 9.99, 'USD']], 'robux'],
    ['fortnite', '<li>1,000 V-Bucks — 8,99 €</li>', [[1000, 8.99, 'EUR']], 'v-bucks'],
    ['mobilelegends', '<li>86 Diamantes R$ 7,90</li>', [[86, 7.9, 'BRL']], 'diamonds'],
    ['pubgmobile', '<li>60 UC US$0.99</li>', [[60, 0.99, 'USD']], 'uc'],
    ['genshin', '<li>300 Genesis Crystals $4.99</li>', [[300, 4.99, 'USD']], 'genesis crystals'],
    ['twitch', '<li>500 Bits $7.00</li>', [[500, 7, 'USD']], 'bits'],
    ['tiktok', '<li>1.000 xu 250.000 ₫</li>', [[1000, 250000, 'VND']], 'coins'],
    ['tiktok', '<li>700 monedas $ 139 MXN</li>', [[700, 139, 'MXN']], 'coins'],
    ['tiktok', '<li>1 000 pièces 10,99 €</li>', [[1000, 10.99, 'EUR']], 'coins'],
  ] as const)('%s: %s', (id, html, expected, unit) => {
    const got = extractPrices(snap(html), platform(id));
    expect(got.map((p) => [p.units, p.price, p.currency])).toEqual(expected);
    for (const p of got) expect(p.unit).toBe(unit);
  });

  test('a multi-game shop: each package with its own unit and catalogue', () => {
    const html = `<h2>TikTok</h2><li>70 Coins US$0.79</li><h2>Roblox</h2><li>1,000 Robux US$9.99</li><li>60 Oneiric Shards US$0.99</li>`;
    const got = extractPrices(snap(html), platform('tiktok'));
    expect(got.map((p) => [p.units, p.unit])).toEqual([
      [70, 'coins'],
      [1000, 'robux'],
      [60, 'oneiric shards'],
    ]);
    expect(got[1]?.diffPercent).toBe(0);
    expect(got[2]?.officialPer100).toBeNull();
  });

  test('a bare "$" is the page\'s dollar: MXN on a Mexican shop', () => {
    expect(read('<li>700 monedas $139.00</li>', 'tiktok', 'https://monedas.example.mx/', 'es-MX')).toEqual([[700, 139, 'MXN']]);
    expect(dollarFor({ lang: 'es-MX', url: 'https://x.example/' })).toBe('MXN');
    expect(dollarFor({ lang: 'es', url: 'https://x.example.com.mx/' })).toBe('MXN');
    expect(dollarFor({ lang: 'en', url: 'https://x.example/' })).toBe('USD');
    expect(dollarFor({ lang: '', url: 'not a url' })).toBe('USD');
  });

  test('a word that names something on Object.prototype is no currency, and no country', () => {
    expect(read('<li><b>1,000 Coins</b> <i>constructor 5</i></li><li><b>2,000 Coins</b> <i>$20.00</i></li>')).toEqual([[2000, 20, 'USD']]);
    expect(dollarFor({ lang: 'en', url: 'https://shop.constructor/' })).toBe('USD');
    expect(dollarFor({ lang: 'en', url: 'https://shop.__proto__/' })).toBe('USD');
  });

  test('no prices → empty', () => {
    expect(read('<h1>Buy TikTok coins</h1><p>Enter your username</p>')).toEqual([]);
  });
});

describe('comparison with the official catalogue', () => {
  const webPer100 = (0.74 / 70) * 100;

  test('TikTok in USD: per100, officialPer100 = web price, diffPercent', () => {
    const [p] = extractPrices(snap('<li>1,000 Coins – $6.49</li>'), platform('tiktok'));
    expect(p?.per100).toBeCloseTo(0.649, 4);
    expect(p?.officialPer100).toBeCloseTo(webPer100, 4);
    expect(p?.diffPercent).toBeCloseTo(((0.649 - webPer100) / webPer100) * 100, 1);
    expect(gradeDiscount(p?.diffPercent)).toBe('caution');
  });

  test('TikTok in IDR: the official price converted with the bundled rates', () => {
    const [p] = extractPrices(snap('<li>1.000 koin Rp 170.000</li>'), platform('tiktok'));
    const idr = priceData().rates.rates.IDR ?? 0;
    expect(p?.officialPer100).toBeCloseTo(webPer100 * idr, 2);
  });

  test('no official figure (PUBG UC) → null, not a guess', () => {
    const [p] = extractPrices(snap('<li>60 UC $0.99</li>'), platform('pubgmobile'));
    expect(p?.officialPer100).toBeNull();
    expect(p?.diffPercent).toBeNull();
    expect(compareWithOfficial(p as PriceEntry, 'pubgmobile').noFigure?.unit).toBe('uc');
  });

  test('Free Fire: no official price, but under the documented fair-price floor → a lower-bound discount', () => {
    const got = extractPrices(snap('<li>10.000 Diamond Rp 250.000</li><li>100 Diamond Rp 20.000</li>'), platform('freefire'));
    expect(got[0]?.officialPer100).toBeNull();
    // fair price > Rp 1M per 10,000 (research, 2021): Rp 2,500 per 100 is at least 75% under it
    expect(got[0]?.diffPercent).toBe(-75);
    expect(gradeDiscount(got[0]?.diffPercent)).toBe('danger');
    // above the floor says nothing about the official price
    expect(got[1]?.officialPer100).toBeNull();
    expect(got[1]?.diffPercent).toBeNull();
  });

  test('compareWithOfficial: web, app and cheapest for TikTok', () => {
    const c = compareWithOfficial({ per100: 1, currency: 'USD' }, 'tiktok');
    expect(c.web?.per100).toBeCloseTo(webPer100, 6);
    expect(c.app?.entry.channel).toBe('app');
    expect(c.app?.entry.status).toBe('estimate');
    expect((c.app?.per100 ?? 0) > (c.web?.per100 ?? 0)).toBe(true);
    expect(c.diffVsApp).toBeLessThan(c.diffVsWeb ?? 0);
    expect(c.grade).toBe('fair');
    expect(compareWithOfficial({ per100: 1, currency: 'USD' }, null).grade).toBe('unknown');
  });

  test('summary: best deal against the official web price, across currencies', () => {
    const prices = extractPrices(snap('<li>70 Coins $0.79</li><li>1,000 Coins $1.99</li><li>1.000 koin Rp 170.000</li>'), platform('tiktok'));
    const s = summarizePrices(prices, 'tiktok');
    expect(s?.best.units).toBe(1000);
    expect(s?.best.price).toBe(1.99);
    expect(s?.referenceChannel).toBe('web');
    expect(s?.grade).toBe('danger');
    expect(summarizePrices([], 'tiktok')).toBeNull();
  });

  test('platformOfEntry: page platform, unique unit owner, or null', () => {
    expect(platformOfEntry({ unit: 'coins' }, null)).toBe('tiktok');
    expect(platformOfEntry({ unit: 'robux' }, 'tiktok')).toBe('roblox');
    expect(platformOfEntry({ unit: 'diamonds' }, 'freefire')).toBe('freefire');
    expect(platformOfEntry({ unit: 'diamonds' }, null)).toBeNull();
  });
});

describe('gradeDiscount: one source of truth with the detector (scoring.json "discount")', () => {
  const { cautionBelowPercent: caution, dangerBelowPercent: danger } = scoringJson.discount;
  test.each([
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
    [25, 'fair'],
    [0, 'fair'],
    [caution + 0.1, 'fair'],
    [caution, 'caution'],
    [danger + 0.1, 'caution'],
    [danger, 'danger'],
    [-95, 'danger'],
  ] as const)('%s → %s', (diff, grade) => {
    expect(gradeDiscount(diff)).toBe(grade);
  });
});

describe('property: any snapshot text', () => {
  const piece = fc.constantFrom('1,000', '70', '1.4K', '+', '100', 'bonus', 'coins', 'koin', 'Robux', 'UC', '$', '€', 'Rp', '₫', 'R$', '10.99', '0,99', '15.000', 'MXN', 'was', 'shipping', 'per', 'coin', '–', '/', ' ', '\u00a0');
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(piece, { maxLength: 12 }).map((a) => a.join(' ')));
  const block = fc.record({ text, selector: fc.constant('#x'), struck: fc.option(fc.boolean(), { nil: undefined }) }).map((b) => (b.struck === undefined ? { text: b.text, selector: b.selector } : b));
  test('never throws; every entry is finite, positive and consistent', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), fc.array(block, { maxLength: 10 }), fc.constantFrom(null, 'tiktok', 'freefire', 'pubgmobile', 'roblox'), (blocks, options, pid) => {
        const s: PageSnapshot = { url: 'https://x.example/', title: '', lang: 'en', headline: '', blocks, fields: [], forms: [], links: [], options, stats: { elements: 1, textTruncated: false } };
        const out = extractPrices(s, pid ? platform(pid) : null);
        for (const p of out) {
          expect(Number.isInteger(p.units) && p.units > 0).toBe(true);
          expect(Number.isFinite(p.price) && p.price > 0).toBe(true);
          expect(p.per100).toBeCloseTo((p.price / p.units) * 100, 3);
          if (p.officialPer100 !== null) expect(p.diffPercent).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bounded on huge and hostile pages', () => {
  function bigSnapshot(n: number): PageSnapshot {
    const blocks = [];
    for (let i = 0; i < n; i++) {
      const k = i % 5;
      const text =
        k === 0 ? `${(i % 97) + 10} Coins`
        : k === 1 ? `$${(i % 50) + 0.99}`
        : k === 2 ? `1.2.3.4.5.6.7.8.9,0,0,0 ${'9'.repeat(500)} $$$ €€ Rp Rp`
        : k === 3 ? `${'1,'.repeat(900)} coins`
        : `Rp ${i}.000 - ${i} koin + ${i} bonus`;
      blocks.push({ text, selector: `#b${i}`, ...(i % 11 === 0 ? { struck: true } : {}) });
    }
    const options = Array.from({ length: 2000 }, (_, i) => ({ text: `${i + 10} coins – $${i + 1}.99`, selector: `#o${i}` }));
    return { url: 'https://big.example/', title: 'x', lang: 'en', headline: '', blocks, fields: [], forms: [], links: [], options, stats: { elements: n * 2, textTruncated: false } };
  }

  test('5,000 blocks and 2,000 options: fast, capped, never throws', () => {
    const s = bigSnapshot(5000);
    const t0 = performance.now();
    const out = extractPrices(s, platform('tiktok'));
    const ms = performance.now() - t0;
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(MAX_ENTRIES);
    for (const p of out) expect(Number.isFinite(p.per100)).toBe(true);
    // ~10x the text a real snapshot may hold (LIMITS.snapshotTextChars); the bound catches backtracking blow-ups, not jitter.
    expect(ms).toBeLessThan(4000);
  }, 30_000);

  test('a real 5,000-element shop page parsed with happy-dom', () => {
    const cards = Array.from({ length: 1250 }, (_, i) => `<div class="pk"><b>${(i + 1) * 10} Coins</b><br><s>$${i + 9}.99</s> <span>$${i + 1}.49</span></div>`).join('');
    const s = snap(cards);
    expect(s.stats.elements).toBeGreaterThan(5000);
    const t0 = performance.now();
    const out = extractPrices(s, platform('tiktok'));
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(out).toHaveLength(MAX_ENTRIES);
    expect(out[0]).toMatchObject({ units: 10, price: 1.49 });
  }, 60_000);
});

describe('a long price list: the first MAX_ENTRIES packages, without reading past them', () => {
  const TEXT_BLOCKS = ['Fast delivery', 'Secure checkout', 'Popular', '24/7 support'];
  function listSnapshot(blocks: { text: string; struck?: boolean }[], options: string[] = []): PageSnapshot {
    return {
      url: 'https://coins.example/',
      title: 'Buy TikTok Coins',
      lang: 'en',
      headline: 'Buy TikTok Coins',
      blocks: blocks.map((b, i) => ({ ...b, selector: `#b${i}` })),
      fields: [],
      forms: [],
      links: [],
      options: options.map((text, i) => ({ text, selector: `#o${i}` })),
      stats: { elements: blocks.length * 2, textTruncated: false },
    };
  }
  /** Cards of a size, then an old price, then the price: the size's price is two blocks on. */
  const card = (units: number, price: number) => [{ text: `${units} Coins` }, { text: `$${(price * 3).toFixed(2)}`, struck: true }, { text: `$${price.toFixed(2)}` }];

  test('a card list followed by a longer reversed table: the cards keep their own prices', () => {
    // Read whole, the reversed rows (price, then size) would outvote the cards, and every card's
    // size would take the previous card's price. The first MAX_ENTRIES packages are all cards.
    const blocks = Array.from({ length: 320 }, (_, i) => card(100 * (i + 1), 0.5 * (i + 1))).flat();
    for (let i = 0; i < 500; i++) blocks.push({ text: `$${(i + 1).toFixed(2)}` }, { text: `${7 * (i + 1)} Coins` }, ...TEXT_BLOCKS.map((text) => ({ text })));
    const out = extractPrices(listSnapshot(blocks), platform('tiktok'));
    expect(out).toHaveLength(MAX_ENTRIES);
    expect(out.slice(0, 3).map((p) => [p.units, p.price])).toEqual([[100, 0.5], [200, 1], [300, 1.5]]);
    expect(out.every((p, i) => p.units === 100 * (i + 1) && p.price === 0.5 * (i + 1))).toBe(true);
  });

  test('the same package over and over, then others: the others are still read', () => {
    const blocks = Array.from({ length: 400 }, () => card(1000, 9.99)).flat();
    for (let i = 1; i <= 12; i++) blocks.push(...card(50 * i, 0.25 * i));
    const out = extractPrices(listSnapshot(blocks), platform('tiktok'));
    expect(out).toHaveLength(13);
    expect(out[0]).toMatchObject({ units: 1000, price: 9.99 });
    expect(out[12]).toMatchObject({ units: 600, price: 3 });
  });

  test('sizes with no price next to them do not stop the reading', () => {
    const blocks = Array.from({ length: 350 }, (_, i) => [{ text: `${i + 10} Coins` }, ...TEXT_BLOCKS.map((text) => ({ text }))]).flat();
    blocks.push(...card(70, 0.74), ...card(350, 3.7));
    const out = extractPrices(listSnapshot(blocks), platform('tiktok'));
    expect(out.map((p) => [p.units, p.price])).toEqual([[70, 0.74], [350, 3.7]]);
  });

  test('a package whose price sits past the blocks read is read whole, not from half its card', () => {
    // The last package kept starts right where the reading would stop: its "per 100" column is
    // read, its price is not yet. Paired from what was read, it would cost $1.00 instead of $12.34.
    const blocks = Array.from({ length: MAX_ENTRIES - 1 }, (_, i) => card(100 * (i + 1), 0.5 * (i + 1))).flat();
    blocks.push({ text: '5 Coins' }, { text: '1234 Coins' }, { text: 'Popular' }, { text: 'Fast delivery' }, { text: '$1.00' }, { text: '$12.34' });
    const out = extractPrices(listSnapshot(blocks), platform('tiktok'));
    expect(out).toHaveLength(MAX_ENTRIES);
    expect(out[MAX_ENTRIES - 1]).toMatchObject({ units: 1234, price: 12.34 });
  });

  test('packages in the options count first; the blocks fill what is left', () => {
    const inOptions = MAX_ENTRIES - 50;
    const options = Array.from({ length: inOptions }, (_, i) => `${10 * (i + 1)} Coins - $${(0.1 * (i + 1)).toFixed(2)}`);
    const blocks = Array.from({ length: 120 }, (_, i) => card(100_000 + i, 900 + i)).flat();
    const out = extractPrices(listSnapshot(blocks, options), platform('tiktok'));
    expect(out).toHaveLength(MAX_ENTRIES);
    expect(out[inOptions - 1]).toMatchObject({ units: 10 * inOptions, price: Number((0.1 * inOptions).toFixed(2)) });
    expect(out[inOptions]).toMatchObject({ units: 100_000, price: 900 });
    expect(out[MAX_ENTRIES - 1]).toMatchObject({ units: 100_049, price: 949 });
  });
});

describe('hasDigit (which blocks are read at all)', () => {
  test('is /\\d/ for every UTF-16 code unit, alone and inside text', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `Buy ${ch} now`]) if (hasDigit(s) !== /\d/.test(s)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    // Digits of other scripts and full-width digits are not what the tokenizer reads as numbers.
    expect(hasDigit('٣ ３ ๓')).toBe(false);
    expect(hasDigit('')).toBe(false);
  });
});
