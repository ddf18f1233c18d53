import { describe, expect, test } from 'vitest';
import { hashPin, PIN_ITERATIONS, PinRecordSchema, pinMatches } from '../../../src/pin/hash';

describe('PIN hashing (PBKDF2-SHA256, salted)', () => {
  test('a hash is a salted PBKDF2-SHA256 record with at least 200,000 iterations, and never contains the PIN', async () => {
    const rec = await hashPin('4821');
    expect(PinRecordSchema.parse(rec)).toEqual(rec);
    expect(rec.alg).toBe('PBKDF2-SHA256');
    expect(rec.iterations).toBeGreaterThanOrEqual(200_000);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(200_000);
    expect(JSON.stringify(rec)).not.toContain('4821');
    expect(atob(rec.salt)).toHaveLength(16);
    expect(atob(rec.hash)).toHaveLength(32);
  });

  test('the right PIN matches; a wrong, empty or near-miss PIN does not', async () => {
    const rec = await hashPin('4821');
    expect(await pinMatches('4821', rec)).toBe(true);
    for (const wrong of ['4822', '482', '48210', '', ' 4821', '４８２１']) expect(await pinMatches(wrong, rec)).toBe(false);
  });

  test('the same PIN hashed twice gets different salts and hashes', async () => {
    const [a, b] = [await hashPin('4821'), await hashPin('4821')];
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  test('a record fewer than 200,000 iterations or of another algorithm is refused by the schema', async () => {
    const rec = await hashPin('4821');
    expect(PinRecordSchema.safeParse({ ...rec, iterations: 1000 }).success).toBe(false);
    expect(PinRecordSchema.safeParse({ ...rec, alg: 'SHA1' }).success).toBe(false);
  });

  test('a record with broken base64 never matches and never throws', async () => {
    const rec = await hashPin('4821');
    expect(await pinMatches('4821', { ...rec, salt: '%%%' })).toBe(false);
    expect(await pinMatches('4821', { ...rec, hash: 'AAAA' })).toBe(false);
  });
});
