/**
 * The labelled corpus (tests/fixtures/pages/manifest.json) must meet the
 * issue's targets: danger recall ≥ 0.97, zero false danger on ok/official/none
 * pages, exact verdict on ≥ 90% of pages. Same code as `npm run eval`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TARGETS, evaluateCorpus, formatEvaluation, type Evaluation } from '../../../scripts/eval';

let e: Evaluation;
beforeAll(async () => {
  e = await evaluateCorpus();
}, 120_000);

describe('labelled corpus', () => {
  test('has pages of every label', () => {
    const labels = new Set(e.pages.map((p) => p.page.label));
    for (const l of ['danger', 'caution', 'ok', 'official', 'none']) expect(labels).toContain(l);
  });

  test(`danger recall ≥ ${TARGETS.dangerRecall}`, () => {
    const missed = e.pages.filter((o) => o.page.label === 'danger' && o.result.verdict !== 'danger').map((o) => o.page.file);
    expect(e.dangerRecall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(TARGETS.dangerRecall);
  });

  test('zero false danger on ok, official and none pages', () => {
    expect(e.falseDanger.map((o) => `${o.page.file} (${o.page.label})`)).toEqual([]);
  });

  test(`exact verdict on ≥ ${TARGETS.exactAccuracy * 100}% of pages`, () => {
    const wrong = e.pages.filter((o) => o.result.verdict !== o.page.label).map((o) => `${o.page.file}: ${o.page.label} → ${o.result.verdict}`);
    expect(e.exactAccuracy, wrong.join('\n')).toBeGreaterThanOrEqual(TARGETS.exactAccuracy);
  });

  test('the printed report carries the figures', () => {
    const text = formatEvaluation(e);
    expect(text).toContain('Danger recall:');
    expect(text).toContain('False danger:');
    expect(text).toContain('Noise on none:');
    expect(text).toMatch(/expected\s+danger\s+caution\s+ok\s+official\s+none/);
  });
});

describe('the evaluation can fail', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csg-eval-'));
    const scam = `<!doctype html><html><head><title>Buy TikTok Coins</title></head><body><h1>Buy TikTok coins</h1>
<form action="/x" method="post"><label for="u">TikTok username</label><input id="u" name="u"><label for="p">TikTok password</label><input id="p" type="password" name="p"><button>Buy</button></form></body></html>`;
    writeFileSync(join(dir, 'scam.html'), scam);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        pages: [
          { file: 'scam.html', url: 'https://tiktok-coins.example/', label: 'danger', signals: ['credential-fields'] },
          // Deliberately mislabelled: the same page called ok must count as a false danger.
          { file: 'scam.html', url: 'https://tiktok-coins.example/', label: 'ok', signals: ['username-only'] },
        ],
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a mislabelled page shows up as false danger and misses the targets', async () => {
    const bad = await evaluateCorpus(join(dir, 'manifest.json'));
    expect(bad.dangerRecall).toBe(1);
    expect(bad.falseDanger).toHaveLength(1);
    expect(bad.exactAccuracy).toBe(0.5);
    expect(bad.signalsHit).toBe(1);
    expect(bad.meetsTargets).toBe(false);
  });
});
