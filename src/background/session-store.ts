/**
 * The background's per-tab scratch space: storage.session (cleared when the
 * browser quits; survives a restarted MV3 service worker), with an in-memory
 * fallback where storage.session is missing or refuses a write (quota). It
 * never spills into storage.local, where the parent's PIN hash, the strict
 * latch and the activity log live. Values are returned raw: callers parse
 * them. None of these functions throws.
 */
import { browser } from '../platform/browser';

export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

function session(): typeof browser.storage.session | undefined {
  try {
    return browser.storage.session ?? undefined;
  } catch {
    return undefined;
  }
}

export function sessionStore(): SessionStore {
  /** Values storage.session could not take. */
  const memory = new Map<string, unknown>();
  return {
    async get(key) {
      if (memory.has(key)) return memory.get(key);
      try {
        return (await session()?.get(key))?.[key];
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const area = session();
      try {
        if (!area) throw new Error('no storage.session');
        await area.set({ [key]: value });
        memory.delete(key);
      } catch {
        // Quota or no session storage: keep it here rather than lose it or spill into storage.local.
        memory.set(key, value);
      }
    },
    async remove(key) {
      memory.delete(key);
      try {
        await session()?.remove(key);
      } catch {
        // Nothing stored, or storage gone with the browser: there is nothing either way.
      }
    },
  };
}
