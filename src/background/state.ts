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
import { browser } from '../platform/browser';
import { ScanResultSchema } from '../messages';
import type { ScanResult } from '../engine/types';

export const TAB_KEY_PREFIX = 'tab:';
const key = (tabId: number) => `${TAB_KEY_PREFIX}${tabId}`;

/** Results storage.session could not take. */
const memory = new Map<string, unknown>();

function session(): typeof browser.storage.session | undefined {
  try {
    return browser.storage.session ?? undefined;
  } catch {
    return undefined;
  }
}

export async function saveResult(tabId: number, result: ScanResult): Promise<void> {
  const area = session();
  try {
    if (!area) throw new Error('no storage.session');
    await area.set({ [key(tabId)]: result });
    memory.delete(key(tabId));
  } catch {
    // Quota or no session storage: keep it here rather than lose it or spill into storage.local.
    memory.set(key(tabId), result);
  }
}

export async function loadResult(tabId: number): Promise<ScanResult | null> {
  let raw: unknown = memory.get(key(tabId));
  if (raw === undefined) {
    try {
      raw = (await session()?.get(key(tabId)))?.[key(tabId)];
    } catch {
      raw = undefined;
    }
  }
  const parsed = ScanResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function clearResult(tabId: number): Promise<void> {
  memory.delete(key(tabId));
  try {
    await session()?.remove(key(tabId));
  } catch {
    // Nothing stored, or storage gone with the browser: the tab has no result either way.
  }
}
