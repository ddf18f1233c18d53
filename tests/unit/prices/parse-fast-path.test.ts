import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseNumber } from '../../../src/prices/parse';

/**
 * parseNumber reads plain digits and one-separator numbers ("1000", "1.09", "15.000") on a fast
 * path. A thin space is stripped before the general rules run and keeps the fast path out, so
 * "1\u20092.34" must read exactly as "12.34" does: any difference is the fast path disagreeing
 * with the rules every other number follows (a package size or a price read wrong).
 */
test('the fast path reads every number as the general rules do', () => {
  const raw = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ','), maxLength: 30 });
  fc.assert(
    fc.property(raw, fc.boolean(), (s, integer) => {
      const general = `${s.slice(0, 1)}\u2009${s.slice(1)}`;
      expect(parseNumber(s, integer)).toBe(parseNumber(general, integer));
    }),
    { numRuns: 5000 },
  );
});

test.each([
  ['1.09', false, 1.09],
  ['15.000', false, 15000],
  ['15.000', true, 15000],
  ['0.074', false, 0.074],
  ['0,500', true, 500],
  ['1234.567', false, 1234.567],
  ['', false, null],
  ['.5', false, null],
  ['5.', false, null],
  ['1.5', true, null],
] as const)('fast-path shapes: %j (integer=%s) → %s', (raw, integer, expected) => {
  expect(parseNumber(raw, integer)).toBe(expected);
});
