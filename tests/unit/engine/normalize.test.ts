/**
 * normalize() skips the NFKC normaliser for text that cannot change under it
 * (its first call on a page costs about half a millisecond). The skip must
 * never change a result: checked character by character over the whole Basic
 * Multilingual Plane and on random mixed text against the plain definition.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAY_CHANGE_UNDER_NFKC, normalize } from '../../../src/engine/terms';

const plain = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

describe('normalize', () => {
  test('every character the fast path lets through is its own NFKC form', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (!MAY_CHANGE_UNDER_NFKC.test(s) && s.normalize('NFKC') !== s) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('same result as NFKC + lower-case + folded spaces, on random text', () => {
    const chars = fc.constantFrom(...'aZ 09\t\n\u00a0½²µºÉéèçñÿ\u0301\u0308ＣＯＩＮＳ…–’İẞ\u2003ﬁ'.split(''), 'é', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(fc.oneof(chars, fc.string({ maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(normalize(s)).toBe(plain(s));
      }),
      { numRuns: 3000 },
    );
  });

  test('plain ASCII and Latin-1 text is left as it is, but for case and spaces', () => {
    expect(normalize('  Café  CRÈME\n Brûlée ')).toBe('café crème brûlée');
    expect(normalize('½ price\u00a0coins')).toBe('1⁄2 price coins');
  });
});
