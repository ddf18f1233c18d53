import { describe, expect, test } from 'vitest';
import { createThrottle } from '../../../src/content/throttle';

/** A hand-driven clock: timers fire only when the test advances time. */
function clock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number, every?: () => void) {
      for (let step = 0; step < ms; step++) {
        now++;
        every?.();
        for (const t of [...timers].sort((a, b) => a.at - b.at)) {
          if (t.at <= now) {
            timers.splice(timers.indexOf(t), 1);
            t.fn();
          }
        }
      }
    },
  };
}

describe('re-check throttle', () => {
  test('a page poking 1,000 times a second for a minute gets at most `budget` fruitless runs', () => {
    const c = clock();
    let runs = 0;
    const th = createThrottle({ minInterval: 500, maxInterval: 8000, budget: 6, run: () => (runs++, false), ...c });
    c.advance(60_000, () => th.poke());
    expect(runs).toBe(6);
    expect(th.exhausted).toBe(true);
  });

  test('runs are at least minInterval apart and back off while nothing is found', () => {
    const c = clock();
    const at: number[] = [];
    const th = createThrottle({ minInterval: 500, maxInterval: 4000, budget: 100, run: () => (at.push(c.now()), false), ...c });
    c.advance(20_000, () => th.poke());
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(gaps.slice(0, 4)).toEqual([1000, 2000, 4000, 4000]);
  });

  test('a burst of pokes becomes one run; a fruitful run resets the back-off; reset() restores the budget', () => {
    const c = clock();
    let found = true;
    let runs = 0;
    const th = createThrottle({ minInterval: 100, maxInterval: 1000, budget: 2, run: () => (runs++, found), ...c });
    for (let i = 0; i < 50; i++) th.poke();
    c.advance(1);
    expect(runs).toBe(1);
    found = false;
    c.advance(5000, () => th.poke());
    expect(th.exhausted).toBe(true);
    const spent = runs;
    th.poke();
    c.advance(5000);
    expect(runs).toBe(spent);
    th.reset();
    th.poke();
    c.advance(1);
    expect(runs).toBe(spent + 1);
  });

  test('a run that throws counts as fruitless and does not break the scheduler', () => {
    const c = clock();
    let runs = 0;
    const th = createThrottle({ minInterval: 10, maxInterval: 10, budget: 3, run: () => { runs++; throw new Error('boom'); }, ...c });
    c.advance(1000, () => th.poke());
    expect(runs).toBe(3);
    th.stop();
  });
  test('ready: a poke would schedule a run — not while one is due, not once the budget is spent, not after stop()', () => {
    const c = clock();
    const th = createThrottle({ minInterval: 500, maxInterval: 8000, budget: 2, run: () => false, ...c });
    expect(th.ready).toBe(true);
    th.poke();
    expect(th.ready).toBe(false);
    c.advance(1);
    expect(th.ready).toBe(true);
    th.poke();
    c.advance(2000);
    expect(th.exhausted).toBe(true);
    expect(th.ready).toBe(false);
    th.reset();
    expect(th.ready).toBe(true);
    th.stop();
    expect(th.ready).toBe(false);
  });

  test('settled is called after each run and each reset, not when a poke only schedules one', () => {
    const c = clock();
    const events: string[] = [];
    const th = createThrottle({ minInterval: 10, maxInterval: 10, budget: 2, run: () => (events.push('run'), false), settled: () => events.push('settled'), ...c });
    th.poke();
    expect(events).toEqual([]);
    c.advance(1);
    expect(events).toEqual(['run', 'settled']);
    th.poke();
    c.advance(20);
    th.poke();
    c.advance(20);
    // The budget is spent: no run, so nothing settles.
    expect(events).toEqual(['run', 'settled', 'run', 'settled']);
    th.reset();
    expect(events).toEqual(['run', 'settled', 'run', 'settled', 'settled']);
  });
});
