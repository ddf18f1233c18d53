/** @vitest-environment happy-dom */
/**
 * hasTerm() is the gate's matcher without a compiled pattern: it must find a
 * term exactly when compileTerms(terms).test() does, on normalised text.
 * Checked at the level of single characters (every code point beside a term,
 * and every code point the `i` flag could equate with a letter of a gate term),
 * on every fixture page's gate text, and on random text.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { brandTokens, coinWords, commerceWords, generatorWords, unitTerms } from '../../../src/data/gate-vocab.json';
import { gateText, readGateInput } from '../../../src/engine/gate';
import { compileTerms, escapeRegExp, hasTerm, normalize } from '../../../src/engine/terms';

const LISTS = { brandTokens, coinWords, commerceWords, generatorWords, unitTerms };
const ALL_TERMS = Object.values(LISTS).flat();

/** Every code point but the surrogate halves. */
function* codePoints(): Generator<string> {
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
}

const agrees = (text: string, terms: readonly string[]) => expect(hasTerm(text, terms), JSON.stringify(text)).toBe(compileTerms(terms).test(text));

describe('hasTerm finds what compileTerms finds', () => {
  test('gate terms are stored normalised (the contract hasTerm relies on)', () => {
    for (const t of ALL_TERMS) expect(normalize(t)).toBe(t);
  });

  test('any code point right before or right after a term: same answer (letters and digits of every script, marks, surrogate pairs)', () => {
    const re = compileTerms(['coin']);
    const wrong: string[] = [];
    for (const x of codePoints()) {
      for (const text of [`${x}coin`, `coin${x}`]) {
        if (hasTerm(text, ['coin']) !== re.test(text)) wrong.push(`${x.codePointAt(0)?.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
    // 2.2 million texts: about 2 s on an idle 2-core machine.
  }, 30_000);

  test('no character that survives normalisation matches a letter of a gate term case-insensitively unless it is that letter', () => {
    const letters = [...new Set(ALL_TERMS.flatMap((t) => [...t]))];
    const any = new RegExp(`[${letters.map(escapeRegExp).join('').replace(/-/g, '\\-')}]`, 'iu');
    const wrong: string[] = [];
    for (const x of codePoints()) {
      if (!any.test(x) || normalize(x) !== x) continue;
      for (const d of letters) {
        const equal = new RegExp(`^${escapeRegExp(d)}$`, 'iu').test(x);
        if (equal !== (d === x)) wrong.push(`${x} ~ ${d}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 30_000);

  const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));
  test.each(files)('gate text of %s, every gate list', (file) => {
    document.documentElement.innerHTML = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
    const text = gateText(readGateInput(document));
    for (const terms of Object.values(LISTS)) agrees(text, terms);
  });

  test('random text from gate words glued to tricky characters', () => {
    const glue = fc.constantFrom('', ' ', 'x', '9', 'é', 'ς', 'σ', '\u0345', '\u0301', 'İ', 'ı', 'ſ', 'K', 'ß', 'ẞ', '𝐀', '\u{1d7ce}', '\ud835', '\udc00', '中', '-', '’', '\u00a0', 'ＣＯＩＮ', '٣');
    const piece = fc.tuple(glue, fc.constantFrom(...ALL_TERMS), glue, fc.boolean()).map(([a, w, b, upper]) => a + (upper ? w.toUpperCase() : w) + b);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom('', ' ', '\n'), (pieces, sep) => {
        const text = normalize(pieces.join(sep));
        for (const terms of Object.values(LISTS)) agrees(text, terms);
      }),
      { numRuns: 2000 },
    );
  });

  test('a term inside a longer word is not found; one beside punctuation or another script is', () => {
    expect(hasTerm('our product range', ['uc'])).toBe(false);
    expect(hasTerm('coinage', ['coin'])).toBe(false);
    expect(hasTerm('2coins', ['coins'])).toBe(false);
    expect(hasTerm('mua xu tiktok', ['xu'])).toBe(true);
    expect(hasTerm('xuất', ['xu'])).toBe(false);
    expect(hasTerm('«coins»', ['coins'])).toBe(true);
    expect(hasTerm('top up now', ['top up'])).toBe(true);
    expect(hasTerm('', ['coins'])).toBe(false);
  });
});
