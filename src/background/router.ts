/**
 * The background's message handler: checks who sent a message, parses it,
 * and acts. Anything from elsewhere, or that does not parse, is dropped.
 */
import type { Runtime } from 'webextension-polyfill';
import { analyze } from '../engine/analyze';
import type { ScanResult } from '../engine/types';
import { BackgroundMessage } from '../messages';
import { clearResult, loadResult, saveResult } from './state';
import { paintTab } from './toolbar';

export interface RouterDeps {
  extensionId: string;
  /** Origin of our own pages, e.g. "chrome-extension://<id>". */
  extensionOrigin: string;
  /** Reads the current settings (strict mode); the parents' feature fills this in. */
  strict: () => Promise<boolean>;
}

function fromOwnPage(sender: Runtime.MessageSender, deps: RouterDeps): boolean {
  try {
    return !!sender.url && new URL(sender.url).origin === deps.extensionOrigin;
  } catch {
    return false;
  }
}

export async function handleMessage(raw: unknown, sender: Runtime.MessageSender, deps: RouterDeps): Promise<unknown> {
  if (sender.id !== deps.extensionId) return undefined;
  const parsed = BackgroundMessage.safeParse(raw);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  switch (msg.type) {
    case 'snapshot':
    case 'clear': {
      const tabId = sender.tab?.id;
      // Only a web page's top frame speaks for its tab; trust the browser's URL, not the message's.
      if (tabId === undefined || sender.frameId !== 0 || !sender.url || fromOwnPage(sender, deps)) return undefined;
      if (msg.type === 'clear') {
        await clearResult(tabId);
        await paintTab(tabId, null);
        return null;
      }
      const result: ScanResult = analyze({ ...msg.snapshot, url: sender.url }, { strict: await deps.strict() });
      await saveResult(tabId, result);
      await paintTab(tabId, result);
      return result;
    }
    case 'get-result':
      if (!fromOwnPage(sender, deps)) return undefined;
      return { result: await loadResult(msg.tabId) };
  }
}
