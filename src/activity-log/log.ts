/**
 * The strict-mode activity log, in storage.local only (nothing leaves the
 * device): when, which site, its verdict, and what strict mode did. Reading it
 * needs the parent PIN when one is set. Capped so it never grows without bound.
 */
import { z } from 'zod';
import { browser } from '../platform/browser';
import { checkPin, type PinCheck } from '../pin/store';

export const LOG_KEY = 'activityLog';
/** About a year of a child's coin-shop visits; ≈ 100 KB, far under storage.local's quota. */
export const MAX_ENTRIES = 1000;

export const LOG_ACTIONS = ['covered', 'fields-locked', 'went-back', 'continued', 'unlocked'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export const LogEntrySchema = z.object({
  at: z.string().max(40),
  site: z.string().max(253),
  verdict: z.string().max(20),
  action: z.enum(LOG_ACTIONS),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** Stored entries that still parse; anything else in the list is dropped. */
export function parseLog(raw: unknown): LogEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const r = LogEntrySchema.safeParse(e);
    return r.success ? [r.data] : [];
  });
}

let queue: Promise<unknown> = Promise.resolve();

export function appendLog(entry: Omit<LogEntry, 'at'> & { at?: string }): Promise<void> {
  const run = queue.then(async () => {
    const list = parseLog((await browser.storage.local.get(LOG_KEY))[LOG_KEY]);
    list.push({ at: entry.at ?? new Date().toISOString(), site: entry.site.slice(0, 253), verdict: entry.verdict, action: entry.action });
    await browser.storage.local.set({ [LOG_KEY]: list.slice(-MAX_ENTRIES) });
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The log, newest first, for whoever knows the PIN (or anyone when no PIN is set). */
export async function readLog(pin: string | undefined, pinSet: boolean): Promise<{ ok: true; entries: LogEntry[] } | Exclude<PinCheck, { ok: true }>> {
  if (pinSet) {
    const check = await checkPin(pin);
    if (!check.ok) return check;
  }
  return { ok: true, entries: parseLog((await browser.storage.local.get(LOG_KEY))[LOG_KEY]).reverse() };
}

export async function clearLog(): Promise<void> {
  await browser.storage.local.remove(LOG_KEY);
}

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (= + - @, tab,
 * carriage return at the start) get a leading apostrophe: the site name comes
 * from the web page's address and must not become a formula on the parent's machine.
 */
export function toCsv(entries: readonly LogEntry[], header: readonly string[] = ['date', 'site', 'verdict', 'action']): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [header, ...entries.map((e) => [e.at, e.site, e.verdict, e.action])];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
