import type { Runtime } from 'webextension-polyfill';
import { clearFrames } from '../src/background/frames';
import { clearResult } from '../src/background/state';
import { handleMessage } from '../src/background/router';
import { browser } from '../src/platform/browser';
import { loadEffective } from '../src/settings/store';

export default defineBackground(() => {
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    // Parents' strict mode (issue 5): settings from storage.sync with policy (storage.managed) laid over.
    strict: async () => (await loadEffective()).settings.mode === 'strict',
    // Cross-origin frames (src/engine/frames.ts). No answer is expected, and a page without our
    // listener (not a shop, or gone) rejects: that is fine.
    rescan: (tabId: number) => void browser.tabs.sendMessage(tabId, { type: 'rescan' }, { frameId: 0 }).catch(() => undefined),
    probeFrames: (tabId: number) => void browser.tabs.sendMessage(tabId, { type: 'probe-frames' }).catch(() => undefined),
    // The badge's words, sent with each verdict (src/ui/page-words.ts).
    getMessage: (key: string, subs: string[]) => browser.i18n.getMessage(key, subs),
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    handleMessage(raw, sender, deps).catch((err: unknown) => {
      // A page we cannot judge must never take the extension down: log it and answer nothing.
      console.error('Coin Shop Guard: could not handle a message', err);
      return undefined;
    }),
  );
  // A new document in the tab starts without a verdict; its content script reports again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void clearResult(tabId);
      void clearFrames(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearResult(tabId);
    void clearFrames(tabId);
  });
});
