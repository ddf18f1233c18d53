/**
 * Watches a page for the two kinds of change that can turn it into a coin
 * shop (or stop it being one) after document_idle:
 *
 *  - SPA navigation. The content script lives in an isolated world and never
 *    sees the page's own history.pushState calls. Where the Navigation API
 *    exists (Chromium) its `currententrychange` event reaches every world, at
 *    once after each pushState, replaceState, new hash or move through
 *    history (`navigatesuccess` comes later, in a task of its own, and a
 *    navigation that follows another at once replaces it). Without it
 *    (Firefox ESR) we compare the document's URL on each mutation batch we
 *    take (a string compare), on a timer while the watch rests (below), and
 *    listen to popstate/hashchange. `document.URL`, not
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
import { WATCH } from './recheck';
import { timersOf, type ThrottleOptions } from './throttle';

/** `setTimer`/`clearTimer`, as the throttle takes them: for tests, the rest timer's clock (default setTimeout/clearTimeout). */
export interface WatchOptions extends Pick<ThrottleOptions, 'setTimer' | 'clearTimer'> {
  /** The URL changed without a page load. */
  onNavigate: (href: string) => void;
  /** Elements were added to the page (called per mutation batch; keep it cheap). */
  onContent: () => void;
  /** Our own elements, whose arrival is not page content. */
  ignore: (node: Node) => boolean;
  /**
   * What counts as new content for this batch: `elements`, an element added that `ignore` does
   * not filter out; `nodes`, any node added, none of them read (text too: the caller's check is
   * throttled); `none`, nothing (a check is already due, or the caller's budget is spent): the
   * batch only has its URL compared, and the watch rests: it stops taking batches until `wake()`,
   * or, without the Navigation API, until `restedUrlCheck` ms later. Asked after `onContent` too.
   * Default `elements`.
   */
  wants?: () => ContentWanted;
}

export type ContentWanted = 'elements' | 'nodes' | 'none';

interface NavigationLike {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

/** A running page watch. */
export interface Watch {
  /** Stops watching for good. */
  stop(): void;
  /**
   * Listen to mutation batches again if the watch was resting and `wants` is no longer `none`: call
   * it whenever that may have changed (a check ran, a navigation reset the budget). Cheap otherwise.
   */
  wake(): void;
}

export function watchPage(win: Window, o: WatchOptions): Watch {
  const { setTimer, clearTimer } = timersOf(o);
  const doc = win.document;
  let href = doc.URL;
  const checkHref = () => {
    const now = doc.URL;
    if (now === href) return;
    href = now;
    o.onNavigate(now);
  };
  const wanted = (): ContentWanted => o.wants?.() ?? 'elements';
  const noticed = (records: MutationRecord[]): boolean => {
    const w = wanted();
    if (w === 'none') return false;
    for (const r of records) {
      if (w === 'nodes') {
        if (r.addedNodes.length > 0) return true;
        continue;
      }
      for (let i = 0; i < r.addedNodes.length; i++) {
        const n = r.addedNodes[i];
        if (n && n.nodeType === 1 && !o.ignore(n)) return true;
      }
    }
    return false;
  };

  const nav = (win as unknown as { navigation?: NavigationLike }).navigation;
  // A batch that nobody wants need not be delivered at all: the observer rests, disconnected, until
  // `wake`. A page that mutates every frame then costs one callback per check instead of one per
  // frame. Where navigations arrive as events (the Navigation API) that is all. Without it (Firefox
  // ESR) a pushState is seen only by comparing the URL, so a resting watch sets one timer: when it
  // fires, the URL is compared and batches are taken again, and the next batch that is not wanted
  // rests it again. A page that keeps changing costs one batch and one timer per `restedUrlCheck`;
  // a page that has stopped changing costs nothing more once the timer has fired; a navigation
  // while resting is seen at most `restedUrlCheck` later, even if nothing changes after it.
  const hearsNavigations = nav !== undefined;
  let observing = false;
  let stopped = false;
  let timer: unknown = null;
  const lookAgain = () => {
    timer = null;
    checkHref();
    observe();
  };
  const rest = () => {
    observer.disconnect();
    observing = false;
    if (!hearsNavigations && timer === null && !stopped) timer = setTimer(lookAgain, WATCH.restedUrlCheck);
  };
  const observer = new MutationObserver((records) => {
    checkHref();
    if (noticed(records)) o.onContent();
    if (wanted() === 'none') rest();
  });
  const observe = () => {
    if (observing || stopped) return;
    observer.observe(doc, { childList: true, subtree: true });
    observing = true;
  };
  observe();

  nav?.addEventListener('currententrychange', checkHref);
  win.addEventListener('popstate', checkHref);
  win.addEventListener('hashchange', checkHref);
  return {
    stop() {
      stopped = true;
      observing = false;
      observer.disconnect();
      if (timer !== null) clearTimer(timer);
      timer = null;
      nav?.removeEventListener('currententrychange', checkHref);
      win.removeEventListener('popstate', checkHref);
      win.removeEventListener('hashchange', checkHref);
    },
    wake() {
      // Still nothing wanted (the budget is spent): stay at rest. A rest timer left set still
      // compares the URL when it fires (a pushState while resting, with no change after it).
      if (!stopped && wanted() !== 'none') observe();
    },
  };
}
