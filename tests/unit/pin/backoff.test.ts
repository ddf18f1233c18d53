import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, describe, expect, test } from 'vitest';
import { afterFailure, BACKOFF, delayAfter, NO_FAILURES, readBackoff, waitMs } from '../../../src/pin/backoff';
import { BACKOFF_KEY, checkPin, PIN_KEY, removePin, setPin } from '../../../src/pin/store';

describe('back-off arithmetic (backoff.json)', () => {
  test('free attempts cost nothing, then each wrong PIN doubles the wait, up to the cap', () => {
    const waits = Array.from({ length: 30 }, (_, i) => delayAfter(i + 1));
    expect(waits.slice(0, BACKOFF.freeAttempts)).toEqual(Array(BACKOFF.freeAttempts).fill(0));
    const paid = waits.slice(BACKOFF.freeAttempts);
    expect(paid[0]).toBe(BACKOFF.baseMs);
    for (let i = 1; i < paid.length; i++) expect(paid[i]).toBe(Math.min(BACKOFF.maxMs, paid[i - 1]! * BACKOFF.factor));
    expect(Math.max(...waits)).toBe(BACKOFF.maxMs);
  });

  test('waiting counts down with the clock and a wait beyond the cap (clock moved back) counts as the cap', () => {
    let s = NO_FAILURES;
    for (let i = 0; i < BACKOFF.freeAttempts + 3; i++) s = afterFailure(s, 10_000);
    const full = delayAfter(BACKOFF.freeAttempts + 3);
    expect(waitMs(s, 10_000)).toBe(full);
    expect(waitMs(s, 10_000 + full - 1)).toBe(1);
    expect(waitMs(s, 10_000 + full)).toBe(0);
    expect(waitMs({ failures: 9, lockedUntil: Number.MAX_SAFE_INTEGER }, 0)).toBe(BACKOFF.maxMs);
  });

  test('a tampered back-off state locks for the maximum instead of resetting', () => {
    for (const bad of [null, 'x', { failures: -1, lockedUntil: 0 }, { failures: 1 }, []]) {
      const s = readBackoff(bad, 5_000);
      expect(waitMs(s, 5_000)).toBe(BACKOFF.maxMs);
    }
    expect(readBackoff(undefined, 5_000)).toEqual(NO_FAILURES);
  });
});

describe('PIN checks in storage.local', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeAll(async () => {
    fakeBrowser.reset();
    // Set once per suite: hashing costs ≈ 0.2 s.
    expect(await setPin('2468')).toEqual({ ok: true });
  });

  test('no PIN stored in clear text; the hash is in storage.local', async () => {
    const all = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(all).not.toContain('2468');
    expect((await fakeBrowser.storage.local.get(PIN_KEY))[PIN_KEY]).toMatchObject({ alg: 'PBKDF2-SHA256' });
  });

  test('wrong PINs are refused and then locked out; the right PIN during the wait is refused too; after the wait it works and resets', async () => {
    for (let i = 0; i < BACKOFF.freeAttempts; i++) expect(await checkPin('0000', clock)).toEqual({ ok: false, reason: 'wrong', retryInMs: 0 });
    const r = await checkPin('0000', clock);
    expect(r).toEqual({ ok: false, reason: 'wrong', retryInMs: BACKOFF.baseMs });
    expect(await checkPin('2468', clock)).toEqual({ ok: false, reason: 'locked', retryInMs: BACKOFF.baseMs });
    now += BACKOFF.baseMs;
    expect(await checkPin('1111', clock)).toEqual({ ok: false, reason: 'wrong', retryInMs: BACKOFF.baseMs * BACKOFF.factor });
    now += BACKOFF.baseMs * BACKOFF.factor;
    expect(await checkPin('2468', clock)).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get(BACKOFF_KEY))[BACKOFF_KEY]).toEqual(NO_FAILURES);
  });

  test('the back-off survives a restart: it is read back from storage.local, not memory', async () => {
    for (let i = 0; i <= BACKOFF.freeAttempts; i++) await checkPin('9999', clock);
    const stored = (await fakeBrowser.storage.local.get(BACKOFF_KEY))[BACKOFF_KEY] as { lockedUntil: number };
    expect(stored.lockedUntil).toBe(now + BACKOFF.baseMs);
    // A "restarted" browser: a fresh module instance over the same storage.
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('../../../src/pin/store');
    expect(await fresh.checkPin('2468', clock)).toMatchObject({ ok: false, reason: 'locked' });
    now += BACKOFF.baseMs;
    expect(await fresh.checkPin('2468', clock)).toEqual({ ok: true });
  });

  test('changing the PIN needs the current one; removing it too', async () => {
    now += BACKOFF.maxMs;
    expect(await setPin('1357', '0000')).toMatchObject({ ok: false, reason: 'wrong' });
    now += BACKOFF.maxMs;
    expect(await setPin('12', '2468')).toEqual({ ok: false, reason: 'invalid', retryInMs: 0 });
    expect(await setPin('1357', '2468')).toEqual({ ok: true });
    now += BACKOFF.maxMs;
    expect(await checkPin('1357', clock)).toEqual({ ok: true });
    expect(await removePin('2468')).toMatchObject({ ok: false });
    now += BACKOFF.maxMs;
    expect(await removePin('1357')).toEqual({ ok: true });
    expect(await checkPin('1357', clock)).toEqual({ ok: false, reason: 'no-pin', retryInMs: 0 });
  });

  test('a corrupted PIN record unlocks nothing', async () => {
    await fakeBrowser.storage.local.set({ [PIN_KEY]: { alg: 'PBKDF2-SHA256', iterations: 'lots' } });
    now += BACKOFF.maxMs;
    expect(await checkPin('1357', clock)).toMatchObject({ ok: false, reason: 'wrong' });
  });
});
