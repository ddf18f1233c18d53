/**
 * The page-facing script (registered as a content script in wxt.config.ts).
 *
 * What runs when, on every http(s) page at document_idle:
 *  1. The gate (src/engine/gate.ts) reads title, headings and a bounded text
 *     sample. Not a coin shop → stop: no DOM change, no message, no listener
 *     the page could observe.
 *  2. A coin shop → one bounded snapshot of the page goes to the background,
 *     which runs the detectors and paints the toolbar; the verdict comes back
 *     and the badge is shown in a closed shadow root.
 *  3. The popup may ask us to point at an element ("Show me").
 */
import type { Runtime } from 'webextension-polyfill';
import { isCandidate } from '../src/engine/gate';
import { buildSnapshot } from '../src/engine/snapshot';
import type { ScanResult } from '../src/engine/types';
import { HighlightMessage, VerdictReply } from '../src/content-messages';
import { browser } from '../src/platform/browser';
import { mountBadge, type BadgeHandle } from '../src/ui/badge';
import { highlight } from '../src/ui/highlight';

let badge: BadgeHandle | null = null;

async function scan(): Promise<void> {
  const snapshot = buildSnapshot(document, location.href);
  const reply = VerdictReply.safeParse(await browser.runtime.sendMessage({ type: 'snapshot', snapshot }));
  if (!reply.success) return;
  show(reply.data);
}

function show(result: ScanResult): void {
  if (result.verdict === 'none') {
    badge?.remove();
    badge = null;
    return;
  }
  if (badge) badge.update(result);
  else badge = mountBadge(document, result);
}

function listen(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = HighlightMessage.safeParse(raw);
    if (!msg.success) return undefined;
    return Promise.resolve(highlight(document, msg.data.selector));
  });
}

export default defineUnlistedScript(() => {
  if (!isCandidate(document)) return;
  listen();
  void scan().catch(() => {
    // The extension was reloaded or the background is gone: stay silent on the page.
  });
});
