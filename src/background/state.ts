/**
 * Per-tab verdicts, kept in storage.session so a restarted MV3 service worker
 * still answers the popup. Entries are parsed on read; a corrupted entry reads
 * as "no result".
 *
 * Tab results never go to storage.local: that is where the parent's PIN hash,
 * the strict latch and the activity log live (src/pin, src/settings,
 * src/activity-log), and a flood of tab results must never eat its quota.
 * Where storage.session is missing (it exists from Chrome 102 and Firefox 115;
 * we need 140) or refuses a write (quota), the result is kept in memory
 * instead: the popup still gets it while the background lives, and nothing
 * else is touched. None of these functions throws.
 */
import { ScanResultSchema } from '../messages';
import type { ScanResult } from '../engine/types';
import { sessionStore } from './session-store';

export const TAB_KEY_PREFIX = 'tab:';
const key = (tabId: number) => `${TAB_KEY_PREFIX}${tabId}`;
const store = sessionStore();

export async function saveResult(tabId: number, result: ScanResult): Promise<void> {
  await store.set(key(tabId), result);
}

export async function loadResult(tabId: number): Promise<ScanResult | null> {
  const parsed = ScanResultSchema.safeParse(await store.get(key(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function clearResult(tabId: number): Promise<void> {
  await store.remove(key(tabId));
}
