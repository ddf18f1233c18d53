/**
 * digitShape() (src/engine/terms.ts) is a hand-written loop standing in for
 * `text.replace(/[0-9]/g, '0')`, which blockHolds() relies on to search texts
 * that differ only in their digits once. It must give what the regular
 * expression gives, for every character and every mix.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { digitShape } from '../../../src/engine/terms';

const byRegExp = (t: string) => t.replace(/[0-9]/g, '0');

describe('digitShape reads every ASCII digit as 0, as the regular expression does', () => {
  test('every BMP character alone, and between digits and letters', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `9${ch}1`, `a${ch}${ch}b`, `${ch}0${ch}`]) {
        if (digitShape(t) !== byRegExp(t)) expect(digitShape(t), JSON.stringify(t)).toBe(byRegExp(t));
      }
    }
  });

  test('shop texts: digits at the ends, in runs, only zeros, none', () => {
    for (const t of ['', '0', '7', '100 coins', '$1.09', 'Buy now', '1,000,000', 'only 3 left', 'trc20', 'x12 coins 9', '000', 'ab0cd']) {
      expect(digitShape(t)).toBe(byRegExp(t));
    }
  });

  test('random text of digits, letters and any other code point', () => {
    const piece = fc.oneof(fc.constantFrom(...'0123456789'), fc.constantFrom('a', ' ', '$', '.', '٣', '１', '😀'), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(digitShape(t)).toBe(byRegExp(t));
      }),
      { numRuns: 3000 },
    );
  });
});
