/**
 * foldSpace() skips its regular expression when there is nothing to fold. The
 * skip must never change a result: checked for every character of the Basic
 * Multilingual Plane in every position that matters, and on random text,
 * against the plain definition.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldSpace, isFolded } from '../../../src/engine/space';

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('foldSpace', () => {
  test('every character, alone, between letters, at either end and beside a space', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}a`, `a${ch}`, `a ${ch}b`, `a${ch} b`, `${ch}${ch}`]) {
        if (foldSpace(s) !== plain(s) || isFolded(s) !== (plain(s) === s)) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('same result as the regular expression on random text', () => {
    const chars = fc.constantFrom(...'a Z9\t\n\r\v\f\u00a0\u0085\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u180e-'.split(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(chars, fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(foldSpace(s)).toBe(plain(s));
        expect(isFolded(s)).toBe(plain(s) === s);
      }),
      { numRuns: 5000 },
    );
  });

  test('folds what a page gives', () => {
    expect(foldSpace('\n   Buy\u00a0 100   coins \t')).toBe('Buy 100 coins');
    expect(foldSpace('Buy now')).toBe('Buy now');
    expect(foldSpace('')).toBe('');
    expect(foldSpace('   ')).toBe('');
  });
});
