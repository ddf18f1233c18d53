/**
 * The few extension APIs the content script uses, read from the browser's own
 * global (`browser` in Firefox, `chrome` in Chromium) instead of
 * webextension-polyfill. The content script runs on every page, and the
 * polyfill alone is ~10 KB of script to parse plus a Proxy set-up on each
 * page load; the rest of the extension keeps using it (src/platform/browser.ts).
 *
 * Both globals take a callback-less `runtime.sendMessage` and return a Promise
 * (Chrome MV3 since 99, Firefox always). For replies to the popup we use
 * `sendResponse`, which both browsers support (a Promise returned from an
 * onMessage listener is Firefox-only).
 */

import { fillWords, type PageWords } from '../ui/page-words';

/** Who sent a runtime message, as the browser reports it. */
export interface Sender {
  id?: string;
  tab?: unknown;
  frameId?: number;
  url?: string;
}

interface RawApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(fn: (message: unknown, sender: Sender, respond: (reply: unknown) => void) => boolean | undefined): void;
      removeListener(fn: (message: unknown, sender: Sender, respond: (reply: unknown) => void) => boolean | undefined): void;
    };
  };
  i18n?: { getMessage(key: string, subs?: string | string[]): string };
}

function api(): RawApi | undefined {
  const g = globalThis as { browser?: RawApi; chrome?: RawApi };
  // In Firefox both exist; `browser` is the promise-based one. `runtime.id` disappears when
  // the extension is reloaded or removed and this script is orphaned.
  if (g.browser?.runtime?.id) return g.browser;
  if (g.chrome?.runtime?.id) return g.chrome;
  return undefined;
}

/** False once the extension was reloaded, updated or removed: the script must go quiet. */
export function alive(): boolean {
  return api() !== undefined;
}

/** Our own extension id ('' when orphaned). */
export function extensionId(): string {
  return api()?.runtime.id ?? '';
}

/** One message to the background; rejects when the extension is gone. */
export function sendToBackground(message: unknown): Promise<unknown> {
  const a = api();
  if (!a) return Promise.reject(new Error('extension context gone'));
  try {
    return Promise.resolve(a.runtime.sendMessage(message));
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Answers messages from our own extension pages (never from a tab: another
 * content script). `handler` returns the reply, or undefined to stay silent.
 * Returns the function that removes the listener.
 */
export function onExtensionMessage(handler: (message: unknown) => unknown): () => void {
  const a = api();
  if (!a) return () => undefined;
  const id = a.runtime.id;
  const listener = (message: unknown, sender: Sender, respond: (reply: unknown) => void): undefined => {
    if (sender.id !== id || sender.tab) return undefined;
    let reply: unknown;
    try {
      reply = handler(message);
    } catch {
      reply = undefined;
    }
    if (reply !== undefined) respond(reply);
    return undefined;
  };
  a.runtime.onMessage.addListener(listener);
  return () => {
    try {
      a.runtime.onMessage.removeListener(listener);
    } catch {
      // orphaned: nothing to remove
    }
  };
}

/** The words the background sent with the last verdict (src/ui/page-words.ts), or none yet. */
let words: PageWords | null = null;

/** Keeps the words of a verdict for t(); a later verdict's replace them. */
export function useWords(w: PageWords | null): void {
  if (w) words = w;
}

/**
 * A localized string; the key itself when missing, so a gap is visible rather than blank. From the
 * words sent with the verdict when they have it: in Chrome, this script's first `i18n.getMessage`
 * blocks the page while the browser sends the whole catalogue (src/ui/page-words.ts).
 */
export function t(key: string, subs?: string | string[]): string {
  // Own keys only: a key named like an Object method ("toString") is not a word.
  const sent = words && Object.hasOwn(words, key) ? words[key] : undefined;
  if (sent !== undefined) return fillWords(sent, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]) || key;
  try {
    const g = globalThis as { browser?: RawApi; chrome?: RawApi };
    const i18n = g.browser?.i18n ?? g.chrome?.i18n;
    return i18n?.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
