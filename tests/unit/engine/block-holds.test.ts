/**
 * blockHolds() (src/engine/page.ts) remembers, per snapshot and list, whether
 * each distinct normalised block text holds a term, so a repeated label is
 * searched once. Its answers must be the matcher's own, block by block, in any
 * order of asking and on every page.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { VOCAB_LISTS } from '../../../src/data';
import { blockHolds, optionHolds } from '../../../src/engine/page';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { listMatcher, listReadsDigits, normalize } from '../../../src/engine/terms';
import { platformMatchers } from '../../../src/engine/gate';
import type { PageSnapshot } from '../../../src/engine/types';
import { parseHtml } from '../../../src/node/scan-html';
import { shopOfSize } from '../../../scripts/bench/pages';

const dir = join(process.cwd(), 'tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const snap = (html: string, url: string) => buildSnapshot(parseHtml(html, url).document, url);
const pages: PageSnapshot[] = [
  ...manifest.pages.map((p) => snap(readFileSync(join(dir, p.file), 'utf8'), p.url)),
  snap(shopOfSize(600), 'https://shop.bench.example/'),
];

const expected = (s: PageSnapshot, list: (typeof VOCAB_LISTS)[number]) => s.blocks.map((b) => listMatcher(list).test(normalize(b.text)));

/** Pages of these texts in any mix, every list, blocks asked in any order: each answer is the matcher's. */
function answersAsTheMatcher(choices: string[]): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...choices), { minLength: 1, maxLength: 20 }), fc.constantFrom(...VOCAB_LISTS), fc.array(fc.nat(), { maxLength: 30 }), (ts, list, order) => {
      const s = snap(`<body>${ts.map((t) => `<p>${t}</p>`).join('')}</body>`, 'https://x.example/');
      const holds = blockHolds(s, list);
      const want = expected(s, list);
      for (const k of order) {
        const i = k % s.blocks.length;
        expect(holds(i)).toBe(want[i]);
      }
    }),
    { numRuns: 300 },
  );
}

describe('blockHolds answers as the list matcher does, block by block', { timeout: 120_000 }, () => {
  test('on every fixture page and a repetitive shop, every list, asked front to back and again back to front', () => {
    let hits = 0;
    for (const s of pages) {
      for (const list of VOCAB_LISTS) {
        const want = expected(s, list);
        const holds = blockHolds(s, list);
        expect(s.blocks.map((_, i) => holds(i))).toEqual(want);
        // A second tester for the same snapshot and list reads the answers kept by the first.
        const again = blockHolds(s, list);
        expect(s.blocks.map((_, i) => again(s.blocks.length - 1 - i)).reverse()).toEqual(want);
        hits += want.filter(Boolean).length;
      }
    }
    expect(hits).toBeGreaterThan(500);
  });

  test('texts that differ only in case or spacing share an answer, and different texts do not leak theirs', () => {
    answersAsTheMatcher(['Buy now', 'BUY   NOW', 'buy now!', 'Pay by bank transfer', 'PAY BY BANK TRANSFER', 'Hello', '$0.50', 'only 3 left', 'Only 3 LEFT']);
  });

  test('texts that differ only in their digits share an answer for a list without digits, never for one with them', () => {
    // credentialLabels has "6 digit code" and "2fa", pressureWords "only 3 left": there the digits decide.
    expect(listReadsDigits('credentialLabels')).toBe(true);
    expect(listReadsDigits('pressureWords')).toBe(true);
    expect(listReadsDigits('bankTransferWords')).toBe(false);
    answersAsTheMatcher(['Enter the 6 digit code', 'Enter the 4 digit code', 'Your 2fa code', 'Your 3fa code', 'Only 3 left', 'Only 30 left', '100 coins', '250 coins', 'Bank transfer 1', 'x1 coins', 'x12 coins', '$9.99']);
    // A list with digits searches its other terms once per shape: a text may hold either kind, or both.
    // Texts of one shape ("only 0 left", "trc00") that hold a numbered term or not: those are searched one by one.
    answersAsTheMatcher(['Hurry, only 3 left', 'Hurry, only 30 left', 'Only 3 left', 'Only 4 left', 'only 7 left', 'trc20', 'trc21', 'hurry 30', 'Enter your password', 'Enter your password 2fa', 'password 3fa', '2 fa', '2fa']);
  });
});

describe('optionHolds answers as the matcher does, option by option', () => {
  const matchers = [...VOCAB_LISTS.map((l) => listMatcher(l)), platformMatchers().unit, platformMatchers().brand];

  test('on every fixture page and a shop with a "Buy now" on every card, front to back and back to front', () => {
    let hits = 0;
    for (const s of pages) {
      for (const m of matchers) {
        const want = s.options.map((o) => m.test(normalize(o.text)));
        expect(s.options.map((_, i) => optionHolds(s, m)(i))).toEqual(want);
        const again = optionHolds(s, m);
        expect(s.options.map((_, i) => again(s.options.length - 1 - i)).reverse()).toEqual(want);
        hits += want.filter(Boolean).length;
      }
    }
    expect(hits).toBeGreaterThan(100);
  });

  test('labels that differ only in case or spacing share an answer; different labels do not leak theirs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Buy now', 'BUY  NOW', 'Pay with PayPal', 'PayPal', '1,000 Coins', 'Hello', 'Send via WhatsApp'), { minLength: 1, maxLength: 15 }),
        fc.nat(matchers.length - 1),
        fc.array(fc.nat(), { maxLength: 20 }),
        (labels, k, order) => {
          const s = snap(`<body>${labels.map((t) => `<button>${t}</button>`).join('')}</body>`, 'https://x.example/');
          const m = matchers[k] as (typeof matchers)[number];
          const holds = optionHolds(s, m);
          for (const n of order) {
            const i = n % s.options.length;
            expect(holds(i)).toBe(m.test(normalize(s.options[i]?.text ?? '')));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
