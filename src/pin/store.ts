/**
 * The PIN in storage.local: its hash, and the back-off state. Every check goes
 * through `checkPin`, which refuses while the back-off runs and counts a
 * failure BEFORE hashing, so two checks started together cannot both slip
 * through the wait.
 */
import { browser } from '../platform/browser';
import { afterFailure, NO_FAILURES, readBackoff, waitMs } from './backoff';
import { hashPin, PinRecordSchema, PinSchema, pinMatches, type PinRecord } from './hash';

export const PIN_KEY = 'pin';
export const BACKOFF_KEY = 'pinBackoff';

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong' | 'locked'; retryInMs: number }
  | { ok: false; reason: 'no-pin' | 'invalid'; retryInMs: 0 };

/** Setting a PIN can also fail in storage (quota, a write that did not stick). */
export type PinChange = PinCheck | { ok: false; reason: 'storage'; retryInMs: 0 };

/**
 * The stored PIN record, or null when none is set. A stored value that does not
 * parse is reported as 'corrupt': no PIN can match it, so nothing unlocks until a
 * parent sets a new one (safe side).
 */
export async function readPinRecord(): Promise<PinRecord | null | 'corrupt'> {
  const raw = (await browser.storage.local.get(PIN_KEY))[PIN_KEY];
  if (raw === undefined) return null;
  const r = PinRecordSchema.safeParse(raw);
  return r.success ? r.data : 'corrupt';
}

export async function pinIsSet(): Promise<boolean> {
  return (await readPinRecord()) !== null;
}

let queue: Promise<unknown> = Promise.resolve();
/** One check at a time per extension context. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export function checkPin(pin: unknown, now: () => number = Date.now): Promise<PinCheck> {
  return serial(async () => {
    const record = await readPinRecord();
    if (record === null) return { ok: false, reason: 'no-pin', retryInMs: 0 } as const;
    const state = readBackoff((await browser.storage.local.get(BACKOFF_KEY))[BACKOFF_KEY], now());
    const wait = waitMs(state, now());
    if (wait > 0) return { ok: false, reason: 'locked', retryInMs: wait } as const;
    const failed = afterFailure(state, now());
    await browser.storage.local.set({ [BACKOFF_KEY]: failed });
    const valid = PinSchema.safeParse(pin);
    if (record !== 'corrupt' && valid.success && (await pinMatches(valid.data, record))) {
      await browser.storage.local.set({ [BACKOFF_KEY]: NO_FAILURES });
      return { ok: true } as const;
    }
    return { ok: false, reason: 'wrong', retryInMs: waitMs(failed, now()) } as const;
  });
}

/**
 * Sets or changes the PIN. Changing needs the current one (unless the stored
 * record is corrupt: nothing could ever match it). The new hash is written in
 * one `set` that replaces the old record only if the write succeeds, then read
 * back: a quota error or a failed write is reported ('storage') and the old
 * PIN stays in force — the parent is never told "saved" when it was not.
 */
export async function setPin(newPin: string, currentPin?: string): Promise<PinChange> {
  if (!PinSchema.safeParse(newPin).success) return { ok: false, reason: 'invalid', retryInMs: 0 };
  const record = await readPinRecord();
  if (record !== null && record !== 'corrupt') {
    const check = await checkPin(currentPin);
    if (!check.ok) return check;
  }
  const next = await hashPin(newPin);
  try {
    await browser.storage.local.set({ [PIN_KEY]: next });
    const stored = await readPinRecord();
    if (stored === null || stored === 'corrupt' || stored.hash !== next.hash || stored.salt !== next.salt) {
      return { ok: false, reason: 'storage', retryInMs: 0 };
    }
  } catch {
    return { ok: false, reason: 'storage', retryInMs: 0 };
  }
  return { ok: true };
}

export async function removePin(currentPin: string): Promise<PinCheck> {
  const check = await checkPin(currentPin);
  if (!check.ok) return check;
  await browser.storage.local.remove(PIN_KEY);
  return { ok: true };
}
