/** @vitest-environment happy-dom */
/**
 * Chrome's every-page script (src/content/look.ts): the gate's first look,
 * and the guard brought in once, the first time it passes, whether at load,
 * after content arrives or after an SPA navigation. A page that never passes
 * never loads the guard; a failing load is swallowed.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Look, startLook } from '../../../src/content/look';

const SHOP = '<title>Buy TikTok coins cheap</title><h1>TikTok coins 80% off</h1><p>1,000 coins for $1.99</p>';
const ORDINARY = '<title>Tomato soup</title><h1>Tomato soup</h1><p>Simmer the tomatoes for twenty minutes.</p>';
// Fast re-checks, so a test waits milliseconds rather than the half second a page waits.
const FAST = { minInterval: 1, maxInterval: 4 };

let look: Look | null = null;
afterEach(() => {
  look?.stop();
  look = null;
  document.documentElement.innerHTML = '';
  history.replaceState({}, '', '/');
});

function start(html: string, load: () => Promise<unknown> = () => Promise.resolve()) {
  document.documentElement.innerHTML = html;
  const calls = { n: 0 };
  look = startLook(window, () => (calls.n++, load()), FAST);
  return calls;
}

/**
 * For the cases where nothing may happen: time for the MutationObserver to deliver and for
 * several of the throttle's runs (FAST: 1-4 ms apart) to have fired, had one been due.
 */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the guard is loaded once, when the first look passes', () => {
  test('a coin-shop page: at once', () => {
    const calls = start(SHOP);
    expect(calls.n).toBe(1);
    expect(look?.loaded).toBe(true);
  });

  test('an ordinary page: never, however much it changes', async () => {
    const calls = start(ORDINARY);
    for (let i = 1; i <= 3; i++) {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `Step ${i}: stir.` }));
      // Each change is looked at (the first look said no), and the guard stays out.
      await vi.waitFor(() => expect(look?.checks).toBe(1 + i));
    }
    expect(calls.n).toBe(0);
    expect(look?.loaded).toBe(false);
  });

  test('content that turns the page into a shop: loaded after it arrives, and only once', async () => {
    const calls = start(ORDINARY);
    document.title = 'Buy TikTok coins cheap';
    document.body.append(Object.assign(document.createElement('p'), { textContent: '1,000 coins for $1.99, 80% off' }));
    await vi.waitFor(() => expect(calls.n).toBe(1));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More TikTok coins' }));
    await settle();
    expect(calls.n).toBe(1);
  });

  test('once content changes spent the budget, a navigation still brings a look, and the guard', async () => {
    const calls = start(ORDINARY);
    // The gate's budget (6 fruitless looks in a row), spent by content changes.
    for (let i = 1; i <= 6; i++) {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `Step ${i}: stir.` }));
      await vi.waitFor(() => expect(look?.checks).toBe(1 + i));
    }
    // Now content alone is not looked at, even content that would pass.
    document.title = 'Buy TikTok coins cheap';
    document.body.append(Object.assign(document.createElement('p'), { textContent: '1,000 coins for $1.99, 80% off' }));
    await settle();
    expect(look?.checks).toBe(7);
    expect(calls.n).toBe(0);
    // An SPA navigation gives a fresh budget.
    history.pushState({}, '', '/coins');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(calls.n).toBe(1));
  });

  test('stopped: a page that becomes a shop later is left alone', async () => {
    const calls = start(ORDINARY);
    look?.stop();
    document.title = 'Buy TikTok coins cheap';
    document.body.append(Object.assign(document.createElement('p'), { textContent: '1,000 coins for $1.99, 80% off' }));
    await settle();
    expect(look?.checks).toBe(1);
    expect(calls.n).toBe(0);
  });
});

describe('a load that fails (the extension was reloaded or removed) leaves the page alone', () => {
  test('a rejected import is swallowed', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const calls = start(SHOP, () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
      expect(calls.n).toBe(1);
      await settle();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  test('a load that throws at once (no extension API) is swallowed too', () => {
    expect(() =>
      start(SHOP, () => {
        throw new TypeError("Cannot read properties of undefined (reading 'getURL')");
      }),
    ).not.toThrow();
    expect(look?.loaded).toBe(true);
  });
});
