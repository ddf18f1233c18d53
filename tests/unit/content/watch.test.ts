/** @vitest-environment happy-dom */
/**
 * The page watch (src/content/watch.ts) looks at a mutation batch only as
 * closely as the content script asks: the elements added (not our own), any
 * node added without reading one, or nothing but the URL.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type ContentWanted, watchPage } from '../../../src/content/watch';

/** Resolves after the MutationObserver has delivered the batches queued so far. */
const delivered = () => new Promise((r) => setTimeout(r, 0));

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  document.body.innerHTML = '';
});

function watch(wanted: ContentWanted) {
  const seen = { content: 0, navigations: [] as string[], ignoreAsked: 0 };
  stop = watchPage(window, {
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
    stop = watchPage(window, { onNavigate: () => undefined, onContent, ignore: () => false, wants });
    document.body.append(document.createElement('div'));
    await delivered();
    wants.mockReturnValue('elements');
    document.body.append(document.createElement('div'));
    await delivered();
    expect(wants).toHaveBeenCalledTimes(2);
    expect(onContent).toHaveBeenCalledTimes(1);
  });
});
