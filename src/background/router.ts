/**
 * The background's message handler: checks who sent a message, parses it,
 * and acts. Anything from elsewhere, or that does not parse, is dropped:
 * handleMessage answers `undefined`, writes nothing and never throws.
 *
 * Who may send what is declared in MESSAGE_SENDERS (src/messages.ts):
 *  - `page` messages come from our content script, i.e. the TOP frame of a
 *    web page (http/https) in a tab. The tab id and the page URL are the
 *    browser's (sender), never the message's.
 *  - `frame` messages come from our frame probe in a frame (not the top) of a
 *    web page in a tab: a cross-origin frame with a secret field. They are
 *    kept per tab (src/background/frames.ts) and merged into the tab's next
 *    verdict; when the tab already has one, its page is asked to re-scan.
 *  - `extension` messages come from our own pages (popup, options), whose URL
 *    has our extension's origin.
 * Both must carry our own extension id: web pages cannot message us at all
 * (no `externally_connectable`), and other extensions arrive with their id.
 */
import type { Runtime } from 'webextension-polyfill';
import { analyze } from '../engine/analyze';
import type { ScanResult } from '../engine/types';
import { BackgroundMessage, MESSAGE_SENDERS } from '../messages';
import { mergeFrames } from '../engine/frames';
import { unpackSnapshot } from '../engine/packed';
import { clearFrames, recordFrame, takeFrames, takeRescan } from './frames';
import { clearResult, loadResult, saveResult } from './state';
import { paintTab } from './toolbar';
import { pageWords } from '../ui/page-words';
// Parents' strict mode (issue 5): its messages are answered in src/settings/handler.ts.
import { handleStrictMessage } from '../settings/handler';

export interface RouterDeps {
  extensionId: string;
  /** Origin of our own pages, e.g. "chrome-extension://<id>". */
  extensionOrigin: string;
  /** Reads the current settings (strict mode); the parents' feature fills this in. */
  strict: () => Promise<boolean>;
  /** Asks the tab's top-frame content script to scan again (a frame changed what it shows). */
  rescan?: (tabId: number) => void;
  /** Asks every frame probe in the tab to report again (the top page was scanned). */
  probeFrames?: (tabId: number) => void;
  /**
   * The browser's i18n.getMessage: the page's words go with each verdict (src/ui/page-words.ts), so
   * the content script never looks them up itself. Without it, the verdict goes alone.
   */
  getMessage?: (key: string, subs: string[]) => string;
}

/** A sender we accept, with what the browser tells us about it. */
export type SenderKind =
  | { kind: 'page'; tabId: number; url: string }
  | { kind: 'frame'; tabId: number; frameId: number; url: string; origin: string }
  | { kind: 'extension' };

function urlOf(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** What kind of sender this is, or null when it is none we answer. */
export function classifySender(sender: Runtime.MessageSender | undefined, deps: RouterDeps): SenderKind | null {
  if (!sender || typeof sender !== 'object' || sender.id !== deps.extensionId) return null;
  const url = urlOf(sender.url);
  if (!url) return null;
  // Built by hand: URL.origin is "null" for non-special schemes in some engines (Node, older Firefox).
  if (`${url.protocol}//${url.host}` === deps.extensionOrigin.replace(/\/$/, '')) {
    // Our own page: the popup (no tab) or a page of ours opened in a tab, top frame only.
    if (sender.tab !== undefined && sender.frameId !== 0) return null;
    return { kind: 'extension' };
  }
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // The top frame speaks for its tab (our content script); other frames only through the frame probe.
  if (sender.frameId === 0) return { kind: 'page', tabId, url: url.href };
  const frameId = sender.frameId;
  if (typeof frameId !== 'number' || !Number.isInteger(frameId) || frameId <= 0) return null;
  // An http(s) URL: its origin is well defined in every engine.
  return { kind: 'frame', tabId, frameId, url: url.href, origin: url.origin };
}

/** Parses without ever throwing (a hostile getter or proxy in a unit test, an engine bug). */
function parse(raw: unknown): BackgroundMessage | null {
  try {
    const parsed = BackgroundMessage.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function handleMessage(raw: unknown, sender: Runtime.MessageSender, deps: RouterDeps): Promise<unknown> {
  const from = classifySender(sender, deps);
  if (!from) return undefined;
  const msg = parse(raw);
  if (!msg || MESSAGE_SENDERS[msg.type] !== from.kind) return undefined;
  switch (msg.type) {
    case 'snapshot':
    case 'clear': {
      if (from.kind !== 'page') return undefined;
      if (msg.type === 'clear') {
        await clearResult(from.tabId);
        await clearFrames(from.tabId);
        await paintTab(from.tabId, null);
        return null;
      }
      const snapshot = unpackSnapshot(msg.snapshot);
      if (!snapshot) return undefined;
      // Trust the browser's URL, not the one in the snapshot.
      const page = mergeFrames({ ...snapshot, url: from.url }, await takeFrames(from.tabId));
      const result: ScanResult = analyze(page, { strict: await deps.strict() });
      await saveResult(from.tabId, result);
      await paintTab(from.tabId, result);
      // A frame may have changed since it last reported (a login box added later): ask again.
      deps.probeFrames?.(from.tabId);
      // The words go in the reply only: the stored verdict (for the popup) stays a plain ScanResult.
      return deps.getMessage ? { ...result, words: pageWords(result, deps.getMessage) } : result;
    }
    case 'frame-snapshot': {
      if (from.kind !== 'frame') return undefined;
      const snapshot = unpackSnapshot(msg.snapshot);
      if (!snapshot) return undefined;
      const fresh = await recordFrame(from.tabId, from.frameId, { origin: from.origin, snapshot: { ...snapshot, url: from.url } });
      // No verdict yet: the page's own scan will merge it. Otherwise the page scans again, a bounded number of times.
      if (fresh && (await loadResult(from.tabId)) && (await takeRescan(from.tabId))) deps.rescan?.(from.tabId);
      return null;
    }
    case 'get-result':
      return { result: await loadResult(msg.tabId) };
    // Parents' strict mode (issue 5): `page` senders only (MESSAGE_SENDERS); answered in src/settings/handler.ts.
    case 'strict-plan':
    case 'verify-pin':
    case 'log-event':
      return handleStrictMessage(msg, sender, deps.extensionOrigin);
  }
}
