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
  delete (window as { navigation?: unknown }).navigation;
  vi.unstubAllGlobals();
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

describe('where the Navigation API reports navigations (Chrome), a page that keeps changing costs one batch per look', () => {
  test('between looks and once the budget is spent no mutation batch reaches the script; a navigation brings it back', async () => {
    const nav = new EventTarget();
    (window as { navigation?: unknown }).navigation = nav;
    let batches = 0;
    vi.stubGlobal(
      'MutationObserver',
      class extends MutationObserver {
        constructor(fn: MutationCallback) {
          super((records, observer) => {
            batches++;
            fn(records, observer);
          });
        }
      },
    );
    // The throttle's timer, fired by the test: a look runs exactly when the test says.
    let due: (() => void) | null = null;
    document.documentElement.innerHTML = ORDINARY;
    const calls = { n: 0 };
    look = startLook(window, () => (calls.n++, Promise.resolve()), {
      setTimer: (fn) => ((due = fn), 1),
      clearTimer: () => {
        due = null;
      },
    });
    const add = async (text: string) => {
      document.body.append(Object.assign(document.createElement('p'), { textContent: text }));
      // Let the observer deliver, if it is listening.
      await new Promise((r) => setTimeout(r, 0));
    };
    // The gate's budget (6 fruitless looks in a row), each brought by a change.
    for (let i = 1; i <= 6; i++) {
      const before = batches;
      await add(`Step ${i}: stir.`);
      expect(batches).toBe(before + 1);
      // Changes while the look is due are not delivered.
      await add(`Step ${i}, again.`);
      expect(batches).toBe(before + 1);
      const run = due as (() => void) | null;
      due = null;
      run?.();
      expect(look?.checks).toBe(1 + i);
    }
    const spent = batches;
    for (let i = 0; i < 10; i++) await add(`Live update ${i}`);
    expect(batches).toBe(spent);
    // An SPA navigation to a coin shop: a fresh budget, a look, and the guard.
    document.title = 'Buy TikTok coins cheap';
    await add('1,000 coins for $1.99, 80% off');
    history.pushState({}, '', '/coins');
    nav.dispatchEvent(new Event('currententrychange'));
    (due as (() => void) | null)?.();
    expect(calls.n).toBe(1);
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
