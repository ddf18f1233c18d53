/** @vitest-environment happy-dom */
/**
 * The page watch (src/content/watch.ts) looks at a mutation batch only as
 * closely as the content script asks: the elements added (not our own), any
 * node added without reading one, or nothing but the URL. Where the Navigation
 * API reports navigations, a watch that wants nothing stops taking batches
 * until it is woken.
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
    document.body.append(document.createElement('div'), 'text');
    await delivered();
    expect(seen.content).toBe(0);
    expect(seen.ignoreAsked).toBe(0);
    history.pushState({}, '', '/shop/coins');
    document.body.append(document.createElement('div'));
    await delivered();
    expect(seen.content).toBe(0);
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
    const wants = vi.fn((): ContentWanted => 'none');
    const onContent = vi.fn();
    running = watchPage(window, { onNavigate: () => undefined, onContent, ignore: () => false, wants });
    document.body.append(document.createElement('div'));
    await delivered();
    wants.mockReturnValue('elements');
    document.body.append(document.createElement('div'));
    await delivered();
    expect(wants).toHaveBeenCalledTimes(2);
    expect(onContent).toHaveBeenCalledTimes(1);
  });
});

describe('with the Navigation API, a watch that wants nothing rests until woken', () => {
  /** happy-dom has no Navigation API: an event target in its place, as Chromium's `navigation`. */
  function withNavigation(): EventTarget {
    const nav = new EventTarget();
    (window as { navigation?: unknown }).navigation = nav;
    return nav;
  }
  /** A watch whose wants the test sets; counts the batches it is handed (each asks `wants`). */
  function restful() {
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
    });
    return state;
  }

  test('after the change that schedules a check, later batches are not delivered at all; woken, they are again', async () => {
    withNavigation();
    const w = restful();
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
    const w = restful();
    w.wanted = 'none';
    document.body.append(document.createElement('div'));
    await delivered();
    const asked = w.asked;
    history.pushState({}, '', '/coins/offer');
    nav.dispatchEvent(new Event('currententrychange'));
    document.body.append(document.createElement('div'));
    await delivered();
    expect(w.navigations).toEqual([location.href]);
    expect(w.asked).toBe(asked);
  });

  test('without the Navigation API (Firefox ESR) it never rests: every batch has its URL compared', async () => {
    const w = restful();
    w.wanted = 'none';
    document.body.append(document.createElement('div'));
    await delivered();
    history.pushState({}, '', '/coins/other');
    document.body.append(document.createElement('div'));
    await delivered();
    expect(w.navigations).toEqual([location.href]);
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
