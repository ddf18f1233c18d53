/** The scan command: output shapes and one-line errors (main() called in-process; one real spawn). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BYTES, main } from '../../../scripts/scan';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES = join(ROOT, 'tests/fixtures/pages');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csg-scan-'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  writeFileSync(join(dir, 'notes.html'), 'just some words, no markup at all\n');
  writeFileSync(join(dir, 'big.html'), '');
  truncateSync(join(dir, 'big.html'), MAX_BYTES + 1);
  writeFileSync(join(dir, 'huge.html'), '');
  truncateSync(join(dir, 'huge.html'), 50 * 1024 * 1024);
  writeFileSync(join(dir, 'shop.html'), '<!doctype html><html><head><title>Buy TikTok Coins</title></head><body><h1>Buy TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label><label>TikTok password <input type="password" name="p"></label><button>Buy</button></form></body></html>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan output', () => {
  test('text: verdict, score and signals with evidence and selectors', async () => {
    const r = await run([join(PAGES, 'scam-password.html'), '--url', 'https://tiktok-coins-free.xyz/']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/verdict:\s+DANGER/);
    expect(r.out).toMatch(/score \d+/);
    expect(r.out).toMatch(/credential-fields \[danger\]/);
    expect(r.out).toContain('@ input#p');
  });

  test('--json: one object per page with the documented shape, prices without selectors', async () => {
    const r = await run([join(PAGES, 'good-reseller.html'), '--json', '--url', 'https://www.topuphub.example/tiktok-coins']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0] as string);
    expect(j).toMatchObject({ url: 'https://www.topuphub.example/tiktok-coins', verdict: 'ok' });
    expect(typeof j.score).toBe('number');
    for (const s of j.signals) expect(Object.keys(s).sort()).toEqual(['evidence', 'id', 'severity']);
    expect(j.prices.length).toBeGreaterThan(0);
    for (const p of j.prices) expect(Object.keys(p).sort()).toEqual(['currency', 'diffPercent', 'officialPer100', 'per100', 'price', 'unit', 'units']);
  });

  test('a directory scans every .html in it, with manifest URLs when there is one', async () => {
    const r = await run([PAGES, '--json']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const official = lines.find((l) => l.file.endsWith('official-tiktok-coin.html'));
    expect(official?.url).toBe('https://www.tiktok.com/coin');
    expect(official?.verdict).toBe('official');
  }, 120_000); // the whole corpus directory

  test('without --url or a manifest the page is at its file:// URL', async () => {
    const r = await run([join(dir, 'shop.html'), '--json']);
    const j = JSON.parse(r.out);
    expect(j.url).toMatch(/^file:\/\//);
    expect(j.verdict).toBe('danger');
  });

  test('--strict uses the strict thresholds', async () => {
    const normal = JSON.parse((await run([join(PAGES, 'caution-shop.html'), '--json'])).out);
    const strict = JSON.parse((await run([join(PAGES, 'caution-shop.html'), '--json', '--strict'])).out);
    expect(normal.verdict).toBe('caution');
    expect(strict.verdict).toBe('danger');
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  test.each([
    ['missing file', () => [join(dir, 'nope.html')], /no such file or directory/],
    ['directory without html', () => [join(dir, 'empty')], /directory has no \.html files/],
    ['binary file', () => [join(dir, 'binary.html')], /binary file/],
    ['not HTML', () => [join(dir, 'notes.html')], /does not look like HTML/],
    ['over 10 MB', () => [join(dir, 'big.html')], /limit is 10 MB/],
    ['50 MB', () => [join(dir, 'huge.html')], /50\.0 MB; the limit is 10 MB/],
    ['no path at all', () => [], /no file or directory given/],
    ['bad --url', () => [join(dir, 'shop.html'), '--url', 'not a url'], /not a valid absolute URL/],
    ['unknown option', () => ['--frobnicate'], /unknown option/],
  ] as [string, () => string[], RegExp][])('%s', async (_n, argv, message) => {
    const r = await run(argv());
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(message);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
    for (const line of r.err) expect(line).not.toContain('\n');
  });

  test('one bad file does not stop the others', async () => {
    const r = await run([join(dir, 'binary.html'), join(dir, 'shop.html'), '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(JSON.parse(r.out).verdict).toBe('danger');
  });

  test('as a real process (npm run scan → tsx): exit code and a single stderr line', () => {
    const p = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/scan.ts'), join(dir, 'binary.html')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(p.status).toBe(2);
    expect(p.stderr.trim().split('\n')).toHaveLength(1);
    expect(p.stdout).toBe('');
  }, 60_000);
});
