/**
 * Exponential back-off for wrong PINs, as pure functions over a small state
 * that lives in storage.local (so closing the browser does not reset it).
 * The numbers are data: backoff.json, with the reasons beside them.
 */
import { z } from 'zod';
import config from './backoff.json';

export const BACKOFF = {
  freeAttempts: config.freeAttempts,
  baseMs: config.baseMs,
  factor: config.factor,
  maxMs: config.maxMs,
} as const;

export const BackoffStateSchema = z.object({
  /** Wrong PINs in a row. */
  failures: z.number().int().nonnegative(),
  /** Epoch ms before which no PIN is checked. */
  lockedUntil: z.number().nonnegative(),
});
export type BackoffState = z.infer<typeof BackoffStateSchema>;

export const NO_FAILURES: BackoffState = { failures: 0, lockedUntil: 0 };

/** A stored state that does not parse is treated as "locked for the maximum": tampering must not reset the count. */
export function readBackoff(raw: unknown, now: number): BackoffState {
  if (raw === undefined) return NO_FAILURES;
  const r = BackoffStateSchema.safeParse(raw);
  if (!r.success) return { failures: BACKOFF.freeAttempts + 1, lockedUntil: now + BACKOFF.maxMs };
  return r.data;
}

/** How long the n-th wrong PIN in a row locks the PIN for. */
export function delayAfter(failures: number, cfg = BACKOFF): number {
  if (failures <= cfg.freeAttempts) return 0;
  return Math.min(cfg.maxMs, cfg.baseMs * cfg.factor ** (failures - cfg.freeAttempts - 1));
}

/** Milliseconds until a PIN may be tried again (0 = now). A wait beyond the cap (clock moved back) counts as the cap. */
export function waitMs(state: BackoffState, now: number, cfg = BACKOFF): number {
  return Math.max(0, Math.min(cfg.maxMs, state.lockedUntil - now));
}

export function afterFailure(state: BackoffState, now: number, cfg = BACKOFF): BackoffState {
  const failures = state.failures + 1;
  return { failures, lockedUntil: now + delayAfter(failures, cfg) };
}
