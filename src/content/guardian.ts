/**
 * Keeps the badge on screen and truthful while a verdict is shown. Scam pages
 * will try to remove it, cover it, hide it, or rewrite its data-verdict.
 *
 *  - A MutationObserver on <html> (children), on the document (a replaced
 *    <html>) and on the host's own attributes notices removal, moving and
 *    attribute edits at once, and restores them from the real result.
 *  - The popover `toggle` event: the page calling hidePopover() on our host.
 *  - A cheap periodic check, only while a badge is shown: is the element at
 *    the badge's centre ours (not covered), and is it rendered? If not, it is
 *    re-appended and raised again to the top of the top layer. One
 *    getComputedStyle + one elementFromPoint per second, on shop pages only.
 */
import type { BadgeHandle } from '../ui/badge';
import { raiseBadge } from '../ui/badge';

export interface GuardianOptions {
  /** Period of the visibility check, ms. */
  period?: number;
}

export function guardBadge(doc: Document, badge: BadgeHandle, opts: GuardianOptions = {}): () => void {
  const period = opts.period ?? 1000;
  const host = badge.host;
  let stopped = false;
  const fix = () => {
    if (stopped) return;
    badge.restore();
    observe();
  };
  const observer = new MutationObserver((records) => {
    let needed = false;
    for (const r of records) {
      if (r.type === 'attributes' && r.target === host) needed = true;
      else if (r.type === 'childList') for (let i = 0; i < r.removedNodes.length; i++) if (r.removedNodes[i] === host || r.removedNodes[i]?.contains(host)) needed = true;
      if (r.type === 'childList' && r.target === doc) needed = true;
    }
    if (!needed) return;
    fix();
    // Our own repairs are not news.
    observer.takeRecords();
  });
  const observe = () => {
    observer.disconnect();
    observer.observe(doc, { childList: true });
    observer.observe(doc.documentElement, { childList: true });
    observer.observe(host, { attributes: true });
  };
  observe();

  const onToggle = (e: Event) => {
    if ((e as Event & { newState?: string }).newState === 'closed') queueMicrotask(fix);
  };
  host.addEventListener('toggle', onToggle);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    if (stopped) return;
    try {
      if (!host.isConnected || host.parentNode !== doc.documentElement) fix();
      const r = host.getBoundingClientRect();
      const style = doc.defaultView?.getComputedStyle(host);
      const hidden = !style || style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) < 1 || r.width < 1 || r.height < 1;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const covered = !hidden && doc.elementFromPoint(x, y) !== host;
      if (hidden || covered) {
        fix();
        raiseBadge(badge);
      }
    } catch {
      // A detached or torn-down document: nothing to guard.
    }
    timer = setTimeout(check, period);
  };
  timer = setTimeout(check, period);

  return () => {
    stopped = true;
    observer.disconnect();
    host.removeEventListener('toggle', onToggle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
