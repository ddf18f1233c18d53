/**
 * Asks the background for the tab's verdict without webextension-polyfill, so
 * main.tsx can send the request before the first paint and the heavy popup
 * chunk loads while the answer travels. Chrome MV3's `chrome.*` and Firefox's
 * `browser.*` both return promises here.
 */
import type { ScanResult } from '../../src/engine/types';

export interface Loaded {
  tabId: number | null;
  result: ScanResult | null;
}

interface Ext {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
}

function ext(): Ext | undefined {
  const g = globalThis as { browser?: Ext; chrome?: Ext };
  return g.browser?.runtime ? g.browser : g.chrome;
}

/** The tab this popup reports on: ?tab=N when opened as a page (tests, keyboard users), else the active tab. */
export async function targetTab(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const api = ext();
  if (!api) return null;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The tab and its stored result (null: no verdict for the tab, or the background could not be asked). */
export async function requestResult(search: string): Promise<Loaded> {
  const tabId = await targetTab(search);
  const api = ext();
  if (tabId === null || !api) return { tabId, result: null };
  const reply = (await api.runtime.sendMessage({ type: 'get-result', tabId })) as { result?: ScanResult | null } | undefined;
  return { tabId, result: reply?.result ?? null };
}
