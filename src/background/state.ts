/**
 * Per-tab verdicts, kept in storage.session so a restarted MV3 service worker
 * still answers the popup. Entries are parsed on read; a corrupted entry reads
 * as "no result".
 */
import { browser } from '../platform/browser';
import { ScanResultSchema } from '../messages';
import type { ScanResult } from '../engine/types';

const key = (tabId: number) => `tab:${tabId}`;

function area() {
  // storage.session: Chrome 102+, Firefox 115+.
  return browser.storage.session ?? browser.storage.local;
}

export async function saveResult(tabId: number, result: ScanResult): Promise<void> {
  await area().set({ [key(tabId)]: result });
}

export async function loadResult(tabId: number): Promise<ScanResult | null> {
  const raw = (await area().get(key(tabId)))[key(tabId)];
  const parsed = ScanResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function clearResult(tabId: number): Promise<void> {
  await area().remove(key(tabId));
}
