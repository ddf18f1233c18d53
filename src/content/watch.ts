/**
 * Watches a page for the two kinds of change that can turn it into a coin
 * shop (or stop it being one) after document_idle:
 *
 *  - SPA navigation. The content script lives in an isolated world and never
 *    sees the page's own history.pushState calls. Where the Navigation API
 *    exists (Chromium) its `navigatesuccess` event reaches every world; else
 *    (Firefox ESR) we compare location.href on each mutation batch (a string
 *    compare) and listen to popstate/hashchange.
 *  - Content added after load: a MutationObserver that only *queues* work
 *    (`onContent`), which the caller throttles.
 *
 * Nothing here is visible to the page: observers and listeners leave no trace
 * in the DOM and send nothing. `ignore` filters out our own elements, so our
 * badge appearing does not look like new page content.
 */
export interface WatchOptions {
  /** The URL changed without a page load. */
  onNavigate: (href: string) => void;
  /** Elements were added to the page (called per mutation batch; keep it cheap). */
  onContent: () => void;
  /** Our own elements, whose arrival is not page content. */
  ignore: (node: Node) => boolean;
}

interface NavigationLike {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export function watchPage(win: Window, o: WatchOptions): () => void {
  const doc = win.document;
  let href = win.location.href;
  const checkHref = () => {
    const now = win.location.href;
    if (now === href) return;
    href = now;
    o.onNavigate(now);
  };
  const observer = new MutationObserver((records) => {
    checkHref();
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
