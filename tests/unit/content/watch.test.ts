/** @vitest-environment happy-dom */
/**
 * The page watch (src/content/watch.ts) looks at a mutation batch only as
 * closely as the content script asks: the elements added (not our own), any
 * node added without reading one, or nothing but the URL. A watch that wants
 * nothing stops taking batches until it is woken; without the Navigation API
 * (Firefox ESR), also until a timer has compared the URL.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type ContentWanted, type Watch, watchPage } from '../../../src/content/watch';

/** Resolves after the MutationObserver has delivered the batches queued so far. */
const delivered = () => new Promise((r) => setTimeout(r, 0));

let running: Watch | null = null;
afterEach(() => {
  running?.stop();
  running = null;
  document.body.innerHTML = '';
  delete (window as { navigation?: unknown }).navigation;
});

function watch(wanted: ContentWanted) {
  const seen = { content: 0, navigations: [] as string[], ignoreAsked: 0 };
  running = watchPage(window, {
    onNavigate: (href) => seen.navigations.push(href),
    onContent: () => seen.content++,
    ignore: (n) => (seen.ignoreAsked++, (n as Element).localName === 'coin-shop-guard'),
    wants: () => wanted,
  });
  return seen;
}

describe('what a mutation batch counts as new content', () => {
  test('elements: an element counts, text alone and our own element do not', async () => {
    const seen = watch('elements');
    document.body.append('just text');
    await delivered();
    expect(seen.content).toBe(0);
    document.body.append(document.createElement('coin-shop-guard'));
    await delivered();
    expect(seen.content).toBe(0);
    document.body.append(document.createElement('div'));
    await delivered();
    expect(seen.content).toBe(1);
  });

  test('nodes: any node added counts, text too, and no added node is asked what it is', async () => {
    const seen = watch('nodes');
    document.body.append('just text');
    await delivered();
    expect(seen.content).toBe(1);
    document.body.append(document.createElement('div'));
    await delivered();
    expect(seen.content).toBe(2);
    expect(seen.ignoreAsked).toBe(0);
  });

  test('none: additions are not looked at, but the URL still is', async () => {
    const seen = watch('none');
    history.pushState({}, '', '/shop/coins');
    document.body.append(document.createElement('div'), 'text');
    await delivered();
    expect(seen.content).toBe(0);
    expect(seen.ignoreAsked).toBe(0);
    expect(seen.navigations).toEqual([location.href]);
    expect(location.pathname).toBe('/shop/coins');
  });

  test('a change of the hash alone is a navigation, reported with the new address', async () => {
    const seen = watch('none');
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    location.hash = '#coins-offer';
    await changed;
    await delivered();
    expect(seen.navigations).toEqual([location.href]);
    expect(seen.navigations[0]).toMatch(/#coins-offer$/);
  });

  test('wants is asked per batch', async () => {
    const wants = vi.fn((): ContentWanted => 'elements');
    const onContent = vi.fn();
    running = watchPage(window, { onNavigate: () => undefined, onContent, ignore: () => false, wants });
    document.body.append('text alone');
    await delivered();
    expect(onContent).not.toHaveBeenCalled();
    wants.mockReturnValue('nodes');
    document.body.append('more text');
    await delivered();
    expect(onContent).toHaveBeenCalledTimes(1);
  });
});

/** Rest timers the test fires itself. */
interface Timers {
  options: { setTimer: (fn: () => void, ms: number) => unknown; clearTimer: (h: unknown) => void };
  /** Delays of the timers set so far, in order. */
  set: number[];
  /** Timers set and neither fired nor cleared. */
  readonly pending: number;
  /** Fires every pending timer. */
  fire(): void;
}
function manualTimers(): Timers {
  const due = new Map<number, () => void>();
  let next = 1;
  const set: number[] = [];
  return {
    options: {
      setTimer: (fn, ms) => {
        set.push(ms);
        due.set(next, fn);
        return next++;
      },
      clearTimer: (h) => void due.delete(h as number),
    },
    set,
    get pending() {
      return due.size;
    },
    fire() {
      const fns = [...due.values()];
      due.clear();
      for (const fn of fns) fn();
    },
  };
}

/** happy-dom has no Navigation API: an event target in its place, as Chromium's `navigation`. */
function withNavigation(): EventTarget {
  const nav = new EventTarget();
  (window as { navigation?: unknown }).navigation = nav;
  return nav;
}

describe('a watch that wants nothing rests until woken', () => {
  /** A watch whose wants the test sets; counts the batches it is handed (each asks `wants`). */
  function restful(timers?: Timers) {
    const state = { wanted: 'nodes' as ContentWanted, asked: 0, content: 0, navigations: [] as string[] };
    running = watchPage(window, {
      onNavigate: (href) => state.navigations.push(href),
      // As the content script's throttle: a change schedules a check, and nothing more is wanted until it ran.
      onContent: () => {
        state.content++;
        state.wanted = 'none';
      },
      ignore: () => false,
      wants: () => (state.asked++, state.wanted),
      ...timers?.options,
    });
    return state;
  }

  /** A watch that took one batch nobody wanted, and rests (with a rest timer the test fires, where it sets one). */
  async function resting() {
    const timers = manualTimers();
    const w = restful(timers);
    w.wanted = 'none';
    document.body.append(document.createElement('div'));
    await delivered();
    return { timers, w };
  }

  // Without the Navigation API the rest timer is set but not fired here: until it fires, the watch rests alike.
  test.each([
    ['with the Navigation API', true],
    ['without it (Firefox ESR)', false],
  ])('%s: after the change that schedules a check, later batches are not delivered at all; woken, they are again', async (_, hasNavigation) => {
    if (hasNavigation) withNavigation();
    const w = restful(manualTimers());
    document.body.append(document.createElement('div'));
    await delivered();
    expect(w.content).toBe(1);
    const asked = w.asked;
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('p'));
      await delivered();
    }
    expect(w.asked).toBe(asked);
    // The check ran: changes are wanted again.
    w.wanted = 'nodes';
    running?.wake();
    document.body.append('more text');
    await delivered();
    expect(w.content).toBe(2);
  });

  test('resting, it still hears a navigation from the Navigation API', async () => {
    const nav = withNavigation();
    const { w } = await resting();
    const asked = w.asked;
    history.pushState({}, '', '/coins/offer');
    nav.dispatchEvent(new Event('currententrychange'));
    document.body.append(document.createElement('div'));
    await delivered();
    expect(w.navigations).toEqual([location.href]);
    expect(w.asked).toBe(asked);
  });

  test('with the Navigation API it sets no timer: navigations come as events', async () => {
    withNavigation();
    const { timers, w } = await resting();
    expect(w.asked).toBeGreaterThan(0);
    expect(timers.set).toEqual([]);
  });

  test('without the Navigation API (Firefox ESR) it rests too, and one timer a second later compares the URL and takes batches again', async () => {
    const { timers, w } = await resting();
    const asked = w.asked;
    expect(asked).toBeGreaterThan(0);
    expect(timers.set).toEqual([1000]);
    // Resting: a page changing on every frame hands it nothing until the timer.
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('p'));
      await delivered();
    }
    expect(w.asked).toBe(asked);
    expect(timers.set).toHaveLength(1);
    // A pushState while it rests, and nothing changes after it: the timer sees it.
    history.pushState({}, '', '/coins/while-resting');
    timers.fire();
    expect(w.navigations).toEqual([location.href]);
    // It takes batches again; the next one nobody wants rests it again, with one new timer.
    document.body.append(document.createElement('p'));
    await delivered();
    expect(w.asked).toBeGreaterThan(asked);
    expect(timers.set).toEqual([1000, 1000]);
    expect(timers.pending).toBe(1);
  });

  test('without the Navigation API, a page that stopped changing costs nothing once the timer has fired', async () => {
    const { timers, w } = await resting();
    const asked = w.asked;
    timers.fire();
    await delivered();
    expect(timers.pending).toBe(0);
    expect(timers.set).toHaveLength(1);
    expect(w.asked).toBe(asked);
  });

  test('stopped, its rest timer is cleared', async () => {
    const { timers, w } = await resting();
    expect(timers.pending).toBe(1);
    running?.stop();
    expect(timers.pending).toBe(0);
    history.pushState({}, '', '/coins/after-stop');
    timers.fire();
    expect(w.navigations).toEqual([]);
  });

  test('stopped, waking it does not bring it back', async () => {
    withNavigation();
    const w = restful();
    running?.stop();
    running?.wake();
    document.body.append(document.createElement('div'));
    await delivered();
    expect(w.asked).toBe(0);
    expect(w.content).toBe(0);
  });
});
