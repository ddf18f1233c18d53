/**
 * Adds up the results of every suite npm test ran (test-results/) and prints
 * one closing line "N passed, N failed". A step that failed without a report
 * (typecheck, build, a crashed runner) counts as one failure. Exit code 1 when
 * anything failed.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Count { passed: number; failed: number; skipped: number }
const total: Count = { passed: 0, failed: 0, skipped: 0 };

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
function status(step: string): string {
  return existsSync(`test-results/${step}.status`) ? readFileSync(`test-results/${step}.status`, 'utf8').trim() : 'missing';
}
function vitest(path: string): Count | null {
  const r = readJson(path) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!r || typeof r.numPassedTests !== 'number') return null;
  return { passed: r.numPassedTests, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}
function playwright(path: string): Count | null {
  const r = readJson(path) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!r?.stats) return null;
  // A flaky test (passed on retry) is a failure here: retries are off, and flakiness is a bug.
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}

const rows: [string, Count][] = [];
for (const step of ['typecheck', 'build']) {
  const ok = status(step) === 'ok';
  rows.push([step, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }]);
}
const suites: [string, Count | null][] = [
  ['unit', vitest('test-results/unit.json')],
  ['chromium', playwright('test-results/chromium.json')],
  ['firefox', vitest('test-results/firefox.json')],
];
for (const [name, c] of suites) {
  const failedRun = status(name) !== 'ok';
  if (!c) rows.push([name, { passed: 0, failed: 1, skipped: 0 }]);
  else rows.push([name, { ...c, failed: c.failed || (failedRun ? 1 : 0) }]);
}
for (const [name, c] of rows) {
  console.log(`${name.padEnd(10)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed${c.skipped ? ` ${c.skipped} skipped` : ''}`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
