import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodePunycode, editDistance, hostToUnicode, skeleton } from '../../../src/engine/domain';
import { siteInfo } from '../../../src/engine/site';

describe('punycode (RFC 3492) decoder', () => {
  test.each([
    ['xn--tktok-n2e.com', 'tіktok.com'],
    ['xn--mnchen-3ya.de', 'münchen.de'],
    ['xn--n3h.example', '☃.example'],
    ['www.xn--80ak6aa92e.com', 'www.аррӏе.com'],
    ['plain.example', 'plain.example'],
  ])('%s → %s', (ascii, unicode) => {
    expect(hostToUnicode(ascii)).toBe(unicode);
  });

  test('agrees with node:url on round trips of random Unicode labels', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdеоріtkмü日本ğ-'.split('')), minLength: 1, maxLength: 12 }), (label) => {
        const clean = label.replace(/^-+|-+$/g, '');
        if (!clean || clean.includes('--')) return;
        const ascii = domainToASCII(`${clean}.example`);
        if (!ascii) return;
        expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 300 },
    );
  });

  test('malformed input gives null, never throws', () => {
    expect(decodePunycode('!!!')).toBeNull();
    expect(hostToUnicode('xn--!!!.com')).toBe('xn--!!!.com');
  });

  test('siteInfo decodes the host the URL parser keeps in ASCII', () => {
    const s = siteInfo('https://xn--tktok-n2e.com/coins');
    expect(s.host).toBe('xn--tktok-n2e.com');
    expect(s.unicodeHost).toBe('tіktok.com');
  });
});

describe('confusable skeleton', () => {
  test.each([
    ['tikt0k', 'tiktok'],
    ['tіktok', 'tiktok'], // Cyrillic і
    ['tiktоk', 'tiktok'], // Cyrillic о
    ['TIKTOK', 'tiktok'],
    ['tlktok', 'tiktok'], // l read as i
    ['r0b1ox', 'robiox'],
    ['robiox', 'robiox'],
    ['ｔｉｋｔｏｋ', 'tiktok'], // full width
  ])('%s and tiktok/roblox share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });
  test('different words keep different skeletons', () => {
    expect(skeleton('twitch')).not.toBe(skeleton('switch'));
    expect(skeleton('coins')).not.toBe(skeleton('tiktok'));
  });
});

describe('editDistance', () => {
  test.each([
    ['tiktok', 'tiktok', 0],
    ['tiktok', 'tiktik', 1],
    ['tiktok', 'titkok', 1],
    ['tiktok', 'tktok', 1],
    ['tiktok', 'roblox', 3],
  ])('%s / %s = %i (capped at 3)', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(d);
  });
});

describe('siteInfo', () => {
  test.each([
    ['https://www.tiktok.com/coin', 'tiktok.com', 'tiktok', null],
    ['https://tiktok.com.cheap-coins.xyz/', 'cheap-coins.xyz', null, null],
    ['https://tiktok-coins.web.app/', 'tiktok-coins.web.app', null, 'web.app'],
    ['https://free-robux.github.io/x', 'free-robux.github.io', null, 'github.io'],
    ['https://www.midasbuy.com/buy', 'midasbuy.com', 'pubgmobile', null],
  ])('%s', (url, registrable, official, freeHost) => {
    const s = siteInfo(url);
    expect(s.registrable).toBe(registrable);
    expect(s.officialFor?.id ?? null).toBe(official);
    expect(s.freeHost).toBe(freeHost);
  });
  test('a URL that does not parse gives an empty site', () => {
    expect(siteInfo('not a url').host).toBe('');
  });
});
