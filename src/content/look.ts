/**
 * The every-page half of the content script in Chrome (entrypoints/look.ts).
 *
 * Compiling a script costs time in proportion to its size, before any of it
 * runs: the whole guard (entrypoints/guard.ts, about 40 KB) took 4.8–9.3 ms
 * on every page, though a page that is no shop only ever runs the gate's first
 * look and the page watch (docs/performance.md, item 55). So on every page
 * only this runs: the first look (src/engine/gate.ts passesFirstLook, which
 * touches no element), and, while it says no, the same page watch and
 * throttle the guard uses for a page that is no shop. The first time it says
 * yes, the watch stops and `load` brings in the guard, which takes over: it
 * runs the whole gate, and watches the page itself from then on.
 *
 * `load` failing (the extension was reloaded or removed) leaves the page as it
 * is: nothing is shown, nothing is thrown at the page.
 */
import { passesFirstLook } from '../engine/gate';
import { GATE } from './recheck';
import { createThrottle, type ThrottleOptions } from './throttle';
import { type Watch, watchPage } from './watch';

export interface Look {
  /** True once the first look passed and `load` was called. */
  readonly loaded: boolean;
  /** First looks taken so far (for tests and the benchmark). */
  readonly checks: number;
  /** Stops watching (the guard was loaded, or the caller gives up). */
  stop(): void;
}

export function startLook(win: Window, load: () => Promise<unknown>, timing: Partial<ThrottleOptions> = {}): Look {
  const doc = win.document;
  let loaded = false;
  let checks = 0;
  let watch: Watch | null = null;

  const stop = () => {
    watch?.stop();
    watch = null;
    gate.stop();
  };
  const check = (): boolean => {
    if (loaded) return false;
    checks++;
    if (!passesFirstLook(doc)) return false;
    loaded = true;
    stop();
    try {
      void load().catch(() => undefined);
    } catch {
      // The extension API is gone (an orphaned script): stay quiet.
    }
    return true;
  };
  // After each look (and each reset) the watch listens again if it rested (src/content/watch.ts).
  const gate = createThrottle({ ...GATE, ...timing, run: check, settled: () => watch?.wake() });

  if (!check()) {
    watch = watchPage(win, {
      onNavigate: () => {
        gate.reset();
        gate.poke();
      },
      onContent: () => gate.poke(),
      // Nothing of ours is on the page before the guard comes.
      ignore: () => false,
      // As the guard on a page that is no shop: no added node is read, and none is looked at while a check is due.
      wants: () => (gate.ready ? 'nodes' : 'none'),
    });
  }
  return {
    get loaded() {
      return loaded;
    },
    get checks() {
      return checks;
    },
    stop,
  };
}
