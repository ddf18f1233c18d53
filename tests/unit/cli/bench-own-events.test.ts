/**
 * Which events of a Chrome trace run our scripts (scripts/bench/measure.ts ownScriptEvents), for
 * the benchmark's "our longest task". In Chrome the guard is an imported module (entrypoints/look.ts),
 * and the trace gives a module's evaluation no script URL: it counts as ours only when one of our
 * modules was compiled and the page has no module of its own.
 */
import { expect, test } from 'vitest';
import { ownScriptEvents, ownTasks, type TraceEvent } from '../../../scripts/bench/measure';

const ev = (name: string, url?: string, ph = 'X'): TraceEvent => ({ ph, name, cat: 'devtools.timeline', ts: 1, dur: 5, tid: 1, ...(url ? { args: { data: { url } } } : {}) });
const EXT = 'chrome-extension://abc/';

test("our scripts' evaluations and calls count; the page's do not", () => {
  const events = [ev('EvaluateScript', `${EXT}look.js`), ev('FunctionCall', `${EXT}guard.js`), ev('EvaluateScript', 'https://shop.example/app.js'), ev('FunctionCall', `${EXT}guard.js`, 'B')];
  expect(ownScriptEvents(events, '<p>shop</p>').events.map((e) => e.args?.data?.url)).toEqual([`${EXT}look.js`, `${EXT}guard.js`]);
});

test("a module's evaluation counts when ours was compiled and the page has no module of its own", () => {
  const withOurs = [ev('v8.compileModule', `${EXT}guard.js`), ev('v8.evaluateModule')];
  expect(ownScriptEvents(withOurs, '<p>shop</p>')).toEqual({ events: [withOurs[1]], pageModules: false });
  // None of ours was compiled: the module is the page's.
  expect(ownScriptEvents([ev('v8.compileModule', 'https://shop.example/m.js'), ev('v8.evaluateModule')], '<script type="module" src="m.js"></script>').events).toEqual([]);
  // Ours and the page's: which is which cannot be told, so none is counted, and the caller is told.
  expect(ownScriptEvents(withOurs, '<script type=module>import("./x.js")</script>')).toEqual({ events: [], pageModules: true });
});

test("our longest task is the whole task around one of our calls; our calls' time merges nested calls and leaves out the page's own work", () => {
  const task = (ts: number, dur: number, tid = 1): TraceEvent => ({ ph: 'X', name: 'ThreadControllerImpl::RunTask', cat: 'disabled-by-default-devtools.timeline,toplevel', ts, dur, tid });
  const call = (ts: number, dur: number, tid = 1): TraceEvent => ({ ...ev('FunctionCall', `${EXT}guard.js`), ts, dur, tid });
  // A 9 ms task holding an evaluation of ours (1-5 ms) with a call inside it (2-3 ms) and another
  // call (6-8 ms, blocked on the browser most of it); a 30 ms page task in which our observer ran
  // for 1 ms; a page task holding nothing of ours; one call on another thread.
  const events = [task(0, 9000), task(20_000, 30_000), task(60_000, 50_000), task(0, 4000, 2), call(1000, 4000), call(2000, 1000), call(6000, 2000), call(30_000, 1000), call(500, 1000, 2)];
  const ours = events.filter((e) => e.name === 'FunctionCall');
  expect(ownTasks(events, ours)).toEqual({ longest: 30, calls: 8, orphans: [] });
  // A call outside any task (a changed trace format) is named, and counted as itself.
  const lost = call(200_000, 1500);
  expect(ownTasks(events, [...ours, lost])).toEqual({ longest: 30, calls: 9.5, orphans: [lost] });
});
