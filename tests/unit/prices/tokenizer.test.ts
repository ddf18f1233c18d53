/**
 * tokenize (src/prices/parse.ts) scans the text by hand. It must give exactly
 * the tokens the regular expression it replaced gave: same kinds, values,
 * offsets and order. That pattern and the loop around it are kept below as the
 * reference, and the two are compared on
 *  - every code point (surrogate halves as lone units too), alone and next to
 *    digits, separators, currency letters, letters, marks and joiners;
 *  - every text of every fixture page, as read and NFKC-normalised;
 *  - random mixes of the pieces the rules turn on.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { parseHtml } from '../../../src/node/scan-html';
import { CURRENCY_WORDS, GLUED_DOLLAR_RE, GLUED_RE, MAX_TEXT, SYMBOLS, tokenize, type Token } from '../../../src/prices/parse';

// The reference: the tokenizer as it was, one global regular expression.
// Groups: 1 number, 2 currency symbol, 3 word, 4 punctuation.
const TOKEN_RE =
  /(\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*)|((?:US|AU|NZ|MX|R|A|C|S)\$|[$€£₫₱₹¥₩])|(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*)|([+=/:|()–—%-])/gu;

function referenceTokenize(input: string): Token[] {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const num = m[1];
    const sym = m[2];
    const word = m[3];
    const punct = m[4];
    const start = m.index;
    const end = start + m[0].length;
    if (num) out.push({ kind: 'num', raw: num, start, end });
    else if (sym) out.push({ kind: 'cur', code: SYMBOLS[sym] ?? '$', start, end });
    else if (word) {
      const w = word.toLowerCase();
      const code = CURRENCY_WORDS[w];
      if (code) out.push({ kind: 'cur', code, start, end });
      else {
        const last = word.charCodeAt(word.length - 1);
        const glued = last === 112 || (last >= 65 && last <= 90) ? GLUED_RE.exec(word) : null;
        const suffix = glued?.[2] ? CURRENCY_WORDS[glued[2].toLowerCase()] : undefined;
        if (glued?.[1] && suffix) {
          const cut = start + glued[1].length;
          out.push({ kind: 'word', text: glued[1].toLowerCase(), start, end: cut });
          out.push({ kind: 'cur', code: suffix, start: cut, end });
        } else out.push({ kind: 'word', text: w, start, end });
      }
    } else if (punct) out.push({ kind: 'punct', ch: punct, start, end });
    const prev = sym === '$' && out.length >= 2 ? out[out.length - 2] : undefined;
    const cur = out[out.length - 1];
    if (prev?.kind === 'word' && cur && prev.end === cur.start) {
      const glued = GLUED_DOLLAR_RE.exec(text.slice(prev.start, prev.end));
      const code = glued?.[2] ? SYMBOLS[glued[2] + '$'] : undefined;
      if (glued?.[1] && code) {
        const cut = prev.start + glued[1].length;
        out.splice(out.length - 2, 2, { kind: 'word', text: glued[1].toLowerCase(), start: prev.start, end: cut }, { kind: 'cur', code, start: cut, end });
      }
    }
  }
  return out;
}

type AnyToken = Token & { raw?: string; code?: string; text?: string; ch?: string };

/** The same token lists, field by field (cheap: toEqual on millions of tokens would take minutes). */
function same(a: Token[], b: Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] as AnyToken;
    const u = b[i] as AnyToken;
    if (t.kind !== u.kind || t.start !== u.start || t.end !== u.end || t.raw !== u.raw || t.code !== u.code || t.text !== u.text || t.ch !== u.ch) return false;
  }
  return true;
}

/** Compares the two on every text (toEqual where they differ, for a readable report); returns how many tokens agreed. */
function compare(texts: Iterable<string>): number {
  let tokens = 0;
  for (const s of texts) {
    const got = tokenize(s);
    const want = referenceTokenize(s);
    if (!same(got, want)) expect(got, JSON.stringify(s)).toEqual(want);
    tokens += want.length;
  }
  return tokens;
}

/** Every code point up to `last` as a string; surrogate halves (0xD800-0xDFFF) as lone units. */
function* codePoints(last: number): Generator<string> {
  for (let cp = 0; cp <= last; cp++) yield cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}

/**
 * Texts holding `piece(x)` for every code point x up to `last`, the pieces
 * joined by `joiner`, each text shorter than MAX_TEXT (so no piece is cut).
 */
function* sweep(piece: (x: string) => string, joiner: string, last: number): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const x of codePoints(last)) {
    const p = piece(x);
    if (length + p.length + joiner.length > MAX_TEXT - 100) {
      yield parts.join(joiner);
      parts = [];
      length = 0;
    }
    parts.push(p);
    length += p.length + joiner.length;
  }
  yield parts.join(joiner);
}

// Where a character can change a token. Most pieces are run together (joiner ''),
// so x also has the next piece's start on its right: in "1x1y", x sits between
// two digits, as a separator or a digit; in "x000y000", before a group of three
// digits (a space is a thousands separator there only if y is no digit); in
// "axay", between letters, as a letter, a mark or a word's end. Around words:
// after "-" and before "’" (joiners), before a combining mark. Around
// surrogates: after a lone high half (a low half makes an astral character with
// it) and before a lone low half. Every code point goes through these.
const everywhere: [string, (x: string) => string, string][] = [
  ['x, run together', (x) => x, ''],
  ['x, spaced', (x) => x, ' '],
  ['1x1y', (x) => `1${x}`, ''],
  ['x000y000', (x) => `${x}000`, ''],
  ['axay', (x) => `a${x}`, ''],
  ['éxéy', (x) => `é${x}`, ''],
  ['a-x’a-y’', (x) => `a-${x}’`, ''],
  ['x\u0301', (x) => `${x}\u0301`, ' '],
  ['\ud835x\ud835y', (x) => `\ud835${x}`, ''],
  ['x\udc00y\udc00', (x) => `${x}\udc00`, ''],
];
// Where only a character's identity counts (is it a digit, this separator, this
// letter, "$"?), not its class: thousands groups, decimals, currency prefixes and
// symbols, words glued to currencies. Every character that can matter there is in
// the BMP, and the sweeps above already show an astral character is taken as the
// letter, mark or other character it is; so these go through the BMP only (the
// whole range here would take the file past a minute: each piece costs both
// tokenizers a few word tokens, lower-cased and looked up).
const bmpOnly: [string, (x: string) => string, string][] = [
  ['1 00x 1 00y', (x) => `1 00${x} `, ''],
  ['1 000x1 000y', (x) => `1 000${x}`, ''],
  ['1.x', (x) => `1.${x}`, '\n'],
  ['USx$5', (x) => `US${x}$5`, ''],
  ['Ax$ $x', (x) => `A${x}$ $${x}`, '\n'],
  ['xUS$1', (x) => `${x}US$1`, ''],
  ['DxRp UCxUS$1', (x) => `D${x}Rp UC${x}US$1`, '\n'],
];
const contexts = [
  ...everywhere.map(([name, piece, joiner]) => [`${name}, x any code point`, piece, joiner, 0x10ffff] as const),
  ...bmpOnly.map(([name, piece, joiner]) => [`${name}, x any BMP code point`, piece, joiner, 0xffff] as const),
];

const dir = join(process.cwd(), 'tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const pageTexts = manifest.pages.flatMap((p) => {
  const snap = buildSnapshot(parseHtml(readFileSync(join(dir, p.file), 'utf8'), p.url).document, p.url);
  return [snap.headline, snap.title, ...snap.blocks.map((b) => b.text), ...snap.options.map((o) => o.text), ...snap.links.map((l) => l.text)];
});

describe('tokenize gives the tokens the regular expression gave', { timeout: 120_000 }, () => {
  test.each(contexts)('%s', (_name, piece, joiner, last) => {
    let placed = 0;
    const tokens = compare(
      sweep(
        (x) => {
          placed++;
          return piece(x);
        },
        joiner,
        last,
      ),
    );
    expect(placed).toBe(last + 1);
    expect(tokens).toBeGreaterThan(0);
  });

  test('on every fixture page text, as read and NFKC-normalised', () => {
    expect(pageTexts.length).toBeGreaterThan(3000);
    const tokens = compare(pageTexts) + compare(pageTexts.map((s) => s.normalize('NFKC')));
    expect(tokens).toBeGreaterThan(50_000);
  });

  test('on random mixes of the pieces the rules turn on', () => {
    const pieces = [
      ...'0123456789',
      '.', ',', "'", '’', ' ', '\u00a0', '\u202f', '\u2009',
      '$', 'US', 'AU', 'R', 'A', 'C', 'S', 'MX', 'NZ', '€', '₫', '£', '¥',
      'Rp', 'USD', 'usd', 'k', 'rb', 'é', '\u0301', 'ß', 'İ', '𝐀', '\ud835', '\udc00', '\udc01',
      '-', '–', '—', '+', '/', '%', '(', ')', ':', '=', '|', 'Diamond', 'Coins', 'UC', 'x', 'b', 'Z',
      '😀', '中', '٣', '\n', 'constructor',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(tokenize(s)).toEqual(referenceTokenize(s));
      }),
      { numRuns: 10_000 },
    );
  });

  test('on the shapes the rules are about, and across the MAX_TEXT cut', () => {
    const texts = [
      '', '1.5.', '1,,2', "1''2", '1’5’000', '12 345 6789', '12 345 678 9', '1 2345', '1\u00a0000\u202f000\u2009000', '1 000 ', '1 000a',
      'abc-', "abc-'d", 'e-mail l’or it’s', 'a--b', 'é\u0301\u0301x', '\u0301a', 'ǅemo', '𝐀𝐁-𝐂',
      'AR$5', 'US$5 AU$5 NZ$5 MX$5 R$5 A$5 C$5 S$5 $5 €5 £5 ₫5 ₱5 ₹5 ¥5 ₩5', 'AUD$ UUS$ U$ USS$',
      '60 UCUS$0.99', 'UCR$5', 'R$UC$', 'DiamondRp 100', 'CoinsUSD', 'USD', 'rp', 'constructor', 'toString',
      'Rp 15rb (–10%) = 1.4K', '\ud835\udc00\ud835', '\udc00\ud835\udc00',
      `${'a'.repeat(MAX_TEXT - 1)}𝐀`, `${'1'.repeat(MAX_TEXT - 2)} 000`, `${'x'.repeat(MAX_TEXT - 1)}US$`, '9'.repeat(MAX_TEXT * 2),
    ];
    for (const s of texts) expect(tokenize(s), JSON.stringify(s)).toEqual(referenceTokenize(s));
  });

  test('a few of those shapes, spelled out', () => {
    // A separator with no digit after ends the number.
    expect(tokenize('1.5.')).toEqual([{ kind: 'num', raw: '1.5', start: 0, end: 3 }]);
    // A space joins a group of exactly three digits.
    expect(tokenize('12 345 6789')).toEqual([
      { kind: 'num', raw: '12 345', start: 0, end: 6 },
      { kind: 'num', raw: '6789', start: 7, end: 11 },
    ]);
    // "AR" is no prefix: the word "AR", then "$", which the glued-dollar rule reads as "A" and "R$".
    expect(tokenize('AR$5')).toEqual([
      { kind: 'word', text: 'a', start: 0, end: 1 },
      { kind: 'cur', code: 'BRL', start: 1, end: 3 },
      { kind: 'num', raw: '5', start: 3, end: 4 },
    ]);
    // A mark goes on with a word; a joiner needs a letter after it.
    expect(tokenize('e\u0301x-’y')).toEqual([
      { kind: 'word', text: 'e\u0301x', start: 0, end: 3 },
      { kind: 'punct', ch: '-', start: 3, end: 4 },
      { kind: 'word', text: 'y', start: 5, end: 6 },
    ]);
  });
});
