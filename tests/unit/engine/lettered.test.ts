/**
 * sentencesWith() and the detectors that read every block (pressure tactics,
 * payment processors) skip the blocks whose normalised text fails
 * MAY_HOLD_LETTER ("$0.50", "12:30"). That is safe only if no word-list term
 * can match such text: checked for every ASCII character (under the `iu` flags
 * no letter matches a digit, space or punctuation mark), for every list on
 * random letterless text, and by comparing sentencesWith with a scan of every
 * block on every fixture page.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import vocabJson from '../../../src/data/vocab.json';
import { VOCAB_LISTS, type VocabList } from '../../../src/data';
import { normalizedBlocks, sentences, sentencesWith, type SentenceHit } from '../../../src/engine/page';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { MAY_HOLD_LETTER, NO_TEXT, findTerm, listMatcher, listNeedsLetter, normalize } from '../../../src/engine/terms';
import type { PageSnapshot, TextBlock } from '../../../src/engine/types';
import { parseHtml } from '../../../src/node/scan-html';

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
const LETTERLESS = ASCII.filter((ch) => !MAY_HOLD_LETTER.test(ch));

/** sentencesWith as it was before the skip: every block tested. */
function* everyBlock(snap: PageSnapshot, list: VocabList): Generator<SentenceHit> {
  const re = listMatcher(list);
  const norm = normalizedBlocks(snap);
  for (let i = 0; i < snap.blocks.length; i++) {
    const block = snap.blocks[i] as TextBlock;
    if (!re.test(norm[i] ?? NO_TEXT)) continue;
    for (const s of sentences(block.text)) {
      const term = findTerm(list, normalize(s));
      if (term && !listMatcher('negationWords').test(normalize(s))) yield { block, sentence: s, term };
    }
  }
}

describe('text without a letter holds no term', () => {
  test('MAY_HOLD_LETTER rejects only ASCII characters that no letter matches under iu', () => {
    expect(LETTERLESS.length).toBeGreaterThan(50);
    for (const ch of ASCII) expect(MAY_HOLD_LETTER.test(ch), JSON.stringify(ch)).toBe(/\p{L}/iu.test(ch));
  });

  test('MAY_HOLD_LETTER lets through every code point a letter matches under iu', () => {
    const letter = /^\p{L}$/iu;
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (letter.test(ch) && !MAY_HOLD_LETTER.test(ch)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  }, 60_000);

  test('every term of a list that needs a letter passes MAY_HOLD_LETTER', () => {
    for (const list of VOCAB_LISTS) {
      if (!listNeedsLetter(list)) continue;
      const byLang: Record<string, string[]> = vocabJson.lists[list];
      for (const t of Object.values(byLang).flat()) expect(MAY_HOLD_LETTER.test(normalize(t)), `${list}: ${t}`).toBe(true);
    }
  });

  test('random letterless text matches no list that needs a letter', () => {
    const needing = VOCAB_LISTS.filter((l) => listNeedsLetter(l));
    expect(needing.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LETTERLESS), { maxLength: 40 }), (chars) => {
        const text = normalize(chars.join(''));
        for (const list of needing) expect(listMatcher(list).test(text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('sentencesWith finds what a scan of every block finds', () => {
  const dir = join(process.cwd(), 'tests/fixtures/pages');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
  const snaps = manifest.pages.map((p) => {
    const { document } = parseHtml(readFileSync(join(dir, p.file), 'utf8'), p.url);
    return { file: p.file, snap: buildSnapshot(document, p.url) };
  });

  test('on every fixture page, for every list', () => {
    expect(snaps.length).toBeGreaterThan(100);
    let hits = 0;
    for (const { file, snap } of snaps) {
      for (const list of VOCAB_LISTS) {
        const want = [...everyBlock(snap, list)];
        hits += want.length;
        expect([...sentencesWith(snap, list)], `${file} ${list}`).toEqual(want);
      }
    }
    // The comparison means something only if the pages hold hits.
    expect(hits).toBeGreaterThan(100);
  }, 60_000);

  test('on blocks of random text, digits and prices', () => {
    const piece = fc.constantFrom('$0.50', '12:30', '1,000', 'transfer', 'WhatsApp', 'we never ask', 'gift card', 'đ', 'bank', ' · ', '. ', 'password', 'paypal');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }), { maxLength: 12 }), (texts) => {
        const snap = { blocks: texts.map((t, i) => ({ text: t.join(' '), selector: `p:nth-of-type(${i + 1})` })) } as unknown as PageSnapshot;
        for (const list of VOCAB_LISTS) expect([...sentencesWith(snap, list)]).toEqual([...everyBlock(snap, list)]);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
