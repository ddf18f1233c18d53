/** The eval command's main(): exit codes and errors. The figures themselves are tested in engine/corpus.test.ts. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main, summarise } from '../../../scripts/eval';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csg-evalcli-'));
  writeFileSync(join(dir, 'bad.json'), '{ not json');
  writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ pages: [{ file: 'x.html', label: 'maybe' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval main()', () => {
  test.each([
    ['missing manifest', 'missing.json', /cannot read manifest/],
    ['not JSON', 'bad.json', /not valid JSON/],
    ['wrong schema', 'wrong.json', /does not fit the schema/],
  ])('%s → exit 2 with one line', async (_n, file, message) => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main(['--manifest', join(dir, file)]);
    const written = err.mock.calls.map((c) => String(c[0])).join('');
    err.mockRestore();
    expect(code).toBe(2);
    expect(written).toMatch(message);
    expect(written.trim().split('\n')).toHaveLength(1);
  });
});

describe('eval --json', () => {
  test('prints the figures and one result per page', async () => {
    const chunks: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
      chunks.push(String(c));
      return true;
    });
    const code = await main(['--json']);
    out.mockRestore();
    const j = JSON.parse(chunks.join(''));
    expect(code).toBe(j.meetsTargets ? 0 : 1);
    expect(j.results.length).toBe(j.pages);
    expect(j.results[0]).toEqual(expect.objectContaining({ file: expect.any(String), label: expect.any(String), verdict: expect.any(String) }));
  }, 120_000);
});

describe('summarise', () => {
  const result = (verdict: string) => ({ url: '', verdict, score: 0, platform: null, signals: [], prices: [] }) as never;
  const page = (label: string, packages?: number) => ({ file: 'f', url: 'u', label, signals: [], ...(packages !== undefined ? { packages } : {}) }) as never;
  test('counts recall, false danger, noise and packages', () => {
    const e = summarise([
      { page: page('danger'), result: result('danger'), missingSignals: [] },
      { page: page('danger'), result: result('caution'), missingSignals: [] },
      { page: page('none'), result: result('ok'), missingSignals: [] },
      { page: page('ok', 3), result: result('danger'), missingSignals: [] },
      { page: page('caution'), result: result('danger'), missingSignals: [] },
    ]);
    expect(e.dangerRecall).toBe(0.5);
    expect(e.falseDanger).toHaveLength(1); // caution → danger is not a false danger on ok/official/none
    expect(e.noiseOnNone).toHaveLength(1);
    expect(e.exact).toBe(1);
    expect(e.packagesExpected).toBe(3);
    expect(e.packagesFound).toBe(0);
    expect(e.meetsTargets).toBe(false);
    expect(e.matrix.danger.caution).toBe(1);
  });
});
