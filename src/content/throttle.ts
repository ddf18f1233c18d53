/**
 * A re-check scheduler for pages that keep changing. A burst of pokes becomes
 * one run; runs are at least `minInterval` ms apart, and every fruitless run
 * doubles the interval (up to `maxInterval`). After `budget` fruitless runs in
 * a row it stops until `reset()` (e.g. on SPA navigation). So a page that
 * mutates 1,000 times a second costs at most `budget` runs, spread out, plus
 * the poke calls themselves (a flag and a timer check).
 */
export interface ThrottleOptions {
  /** Shortest gap between two runs, ms. */
  minInterval: number;
  /** Longest gap the back-off grows to, ms. */
  maxInterval: number;
  /** Fruitless runs in a row before it stops. */
  budget: number;
  /** The work. Returns true when it found something (which resets the back-off). */
  run: () => boolean;
  /**
   * Called after each run and each reset(), when `ready` may have turned true again: the page
   * watch, which stops listening while nothing it hears could schedule a run, listens again
   * (src/content/watch.ts `wake`).
   */
  settled?: () => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Throttle {
  /** Something changed: run soon (unless already scheduled or out of budget). */
  poke(): void;
  /** Fresh budget and interval, e.g. after navigation. */
  reset(): void;
  /** Out of budget? */
  readonly exhausted: boolean;
  /** A poke now would schedule a run: none is due, the budget is not spent, not stopped. */
  readonly ready: boolean;
  /** Runs so far (for tests and the benchmark). */
  readonly runs: number;
  stop(): void;
}

/** The timer functions of `o` (a test's clock), or the page's own setTimeout and clearTimeout. */
export function timersOf(o: Pick<ThrottleOptions, 'setTimer' | 'clearTimer'>): Required<Pick<ThrottleOptions, 'setTimer' | 'clearTimer'>> {
  return {
    setTimer: o.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
    clearTimer: o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
  };
}

export function createThrottle(o: ThrottleOptions): Throttle {
  const now = o.now ?? (() => performance.now());
  const { setTimer, clearTimer } = timersOf(o);
  let last = -Infinity;
  let interval = o.minInterval;
  let misses = 0;
  let runs = 0;
  let timer: unknown = null;
  let stopped = false;

  const fire = () => {
    timer = null;
    if (stopped || misses >= o.budget) return;
    last = now();
    runs++;
    let found = false;
    try {
      found = o.run();
    } catch {
      found = false;
    }
    if (found) {
      misses = 0;
      interval = o.minInterval;
    } else {
      misses++;
      interval = Math.min(o.maxInterval, interval * 2);
    }
    o.settled?.();
  };

  /** A poke now would schedule a run. */
  const ready = () => !stopped && timer === null && misses < o.budget;

  return {
    poke() {
      if (!ready()) return;
      timer = setTimer(fire, Math.max(0, last + interval - now()));
    },
    reset() {
      misses = 0;
      interval = o.minInterval;
      last = -Infinity;
      o.settled?.();
    },
    get exhausted() {
      return misses >= o.budget;
    },
    get ready() {
      return ready();
    },
    get runs() {
      return runs;
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
