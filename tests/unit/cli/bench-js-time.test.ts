/**
 * The benchmarks' measure of a page's JavaScript time (scripts/bench/measure.ts jsMs): Chrome
 * reports the compile of each script as it loads (V8CompileDuration) apart from running scripts
 * (ScriptDuration), and a content script's compile is part of what it costs a page.
 */
import { describe, expect, test } from 'vitest';
import { jsMs } from '../../../scripts/bench/measure';

describe('jsMs', () => {
  test('counts the compile of scripts as they load, beside running them, in ms', () => {
    const js = jsMs([
      { name: 'TaskDuration', value: 0.2 },
      { name: 'ScriptDuration', value: 0.004 },
      { name: 'V8CompileDuration', value: 0.0065 },
    ]);
    expect(js.script).toBeCloseTo(4, 9);
    expect(js.compile).toBeCloseTo(6.5, 9);
    expect(js.total).toBeCloseTo(10.5, 9);
  });

  test('a metric the browser does not report counts as 0, not as NaN', () => {
    expect(jsMs([{ name: 'ScriptDuration', value: 0.001 }])).toEqual({ script: 1, compile: 0, total: 1 });
    expect(jsMs([]).total).toBe(0);
  });
});
