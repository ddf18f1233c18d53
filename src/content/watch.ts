/**
 * Watches a page for the two kinds of change that can turn it into a coin
 * shop (or stop it being one) after document_idle:
 *
 *  - SPA navigation. The content script lives in an isolated world and never
 *    sees the page's own history.pushState calls. Where the Navigation API
 *    exists (Chromium) its `navigatesuccess` event reaches every world; else
 *    (Firefox ESR) we compare the document's URL on each mutation batch (a
 *    string compare) and listen to popstate/hashchange. `document.URL`, not
 *    `location.href`: both change with pushState and the hash, but the first
 *    use of `location` sets up one more interface in the extension's world,
 *    about 0.2 ms on every page (docs/performance.md, item 53).
 *  - Content added after load: a MutationObserver that only *queues* work
 *    (`onContent`), which the caller throttles.
 *
 * Nothing here is visible to the page: observers and listeners leave no trace
 * in the DOM and send nothing. `ignore` filters out our own elements, so our
 * badge appearing does not look like new page content.
 *
 * `wants` says, per mutation batch, how closely to look at what was added.
 * Looking at an added node creates its wrapper in the extension's world, and
 * the first element it touches sets up the DOM's element interfaces there
 * (docs/performance.md, items 51–52): a page that is no shop, whose gate's
 * first look touches no element, is watched without touching one either.
 */
export interface WatchOptions {
  /** The URL changed without a page load. */
  onNavigate: (href: string) => void;
  /** Elements were added to the page (called per mutation batch; keep it cheap). */
  onContent: () => void;
  /** Our own elements, whose arrival is not page content. */
  ignore: (node: Node) => boolean;
  /**
   * What counts as new content for this batch: `elements`, an element added that `ignore` does
   * not filter out; `nodes`, any node added, none of them read (text too: the caller's check is
   * throttled); `none`, nothing (a check is already due, or the caller's budget is spent), and the
   * batch only has its URL compared. Default `elements`.
   */
  wants?: () => ContentWanted;
}

export type ContentWanted = 'elements' | 'nodes' | 'none';

interface NavigationLike {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export function watchPage(win: Window, o: WatchOptions): () => void {
  const doc = win.document;
  let href = doc.URL;
  const checkHref = () => {
    const now = doc.URL;
    if (now === href) return;
    href = now;
    o.onNavigate(now);
  };
  const observer = new MutationObserver((records) => {
    checkHref();
    const wanted = o.wants?.() ?? 'elements';
    if (wanted === 'none') return;
    if (wanted === 'nodes') {
      for (const r of records) {
        if (r.addedNodes.length > 0) {
          o.onContent();
          return;
        }
      }
      return;
    }
    for (const r of records) {
      for (let i = 0; i < r.addedNodes.length; i++) {
        const n = r.addedNodes[i];
        if (n && n.nodeType === 1 && !o.ignore(n)) {
          o.onContent();
          return;
        }
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true });

  const nav = (win as unknown as { navigation?: NavigationLike }).navigation;
  nav?.addEventListener('navigatesuccess', checkHref);
  win.addEventListener('popstate', checkHref);
  win.addEventListener('hashchange', checkHref);
  return () => {
    observer.disconnect();
    nav?.removeEventListener('navigatesuccess', checkHref);
    win.removeEventListener('popstate', checkHref);
    win.removeEventListener('hashchange', checkHref);
  };
}
