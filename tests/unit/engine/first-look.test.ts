/**
 * The gate's first look (readFirstLook / passesFirstLook in src/engine/gate.ts)
 * turns most pages away without touching an element. It must never turn away a
 * page the full gate read would let through (mayPassGate over readGateInput),
 * and it must really touch no element: checked on every corpus page and hostile
 * fixture (their scripts and style sheets kept, as a browser has them), on the
 * benchmark's pages, on random pages, and on a document that refuses any
 * element or parent.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { benchPages } from '../../../scripts/bench/pages';
import gateVocab from '../../../src/data/gate-vocab.json';
import { FIRST_LOOK, gateDecision, mayPassGate, passesFirstLook, readFirstLook, readGateInput } from '../../../src/engine/gate';
import { LIMITS } from '../../../src/engine/limits';
import { parseHtml } from '../../../src/node/scan-html';

const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));

/** [full read's prefilter, first look] on one page. */
function bothLooks(html: string): [full: boolean, first: boolean] {
  const { document } = parseHtml(html, 'https://shop.example/');
  return [mayPassGate(readGateInput(document)), passesFirstLook(document)];
}

describe('the first look never turns away a page the full read lets through', () => {
  test.each(files)('%s', (file) => {
    const [full, first] = bothLooks(readFileSync(file, 'utf8'));
    if (full) expect(first).toBe(true);
  });

  test('the benchmark: its ordinary pages are turned away at the first look, its shops are not', () => {
    for (const p of benchPages()) {
      const [full, first] = bothLooks(p.html);
      expect([p.name, first]).toEqual([p.name, full]);
      expect([p.name, first]).toEqual([p.name, p.kind === 'shop' || p.name === 'numismatic-shop']);
    }
  });

  /** Random pages: text of the gate's words in paragraphs, headings, scripts and style sheets, a head of white space. */
  test('random pages within the sample’s reach', () => {
    const words = [...gateVocab.coinWords, ...gateVocab.commerceWords, ...gateVocab.brandTokens, ...gateVocab.unitTerms, 'the', 'news', '1 USD = 100', '<$1', 'ＣＯＩＮＳ'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ').replace(/</g, '&lt;'));
    const piece = fc.oneof(
      text.map((t) => `<p>${t}</p>`),
      text.map((t) => `<h2>${t}</h2>`),
      text.map((t) => `<div><span>${t}</span> <b>${t}</b></div>`),
      text.map((t) => `<script>var x = { t: "${t}" };</script>`),
      text.map((t) => `<style>.${t.replace(/\W/g, '')} { color: red }</style>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat({ max: FIRST_LOOK.extraNodes - 10 }), fc.array(fc.constantFrom(...words), { maxLength: 4 }), (body, headGaps, title) => {
        const head = `<title>${title.join(' ').replace(/</g, '&lt;')}</title>` + '<meta name="x">\n'.repeat(headGaps);
        const [full, first] = bothLooks(`<!doctype html><html><head>${head}</head><body>${body.join('\n')}</body></html>`);
        if (full) expect(first).toBe(true);
      }),
      { numRuns: 300 },
    );
    // 300 random pages parsed and read twice: 2.7 s on an idle 2-core machine, 5.2 s on a busy one.
  }, 30_000);
});

describe('what the first look reads', () => {
  const page = (head: string, body: string) => parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://shop.example/').document;

  test('an ordinary page is turned away, a coin shop or a platform login is not', () => {
    expect(passesFirstLook(page('<title>Tomato soup</title>', '<p>Simmer for twenty minutes.</p>'))).toBe(false);
    expect(passesFirstLook(page('<title>Cheap coins</title>', '<p>Buy 500 coins now</p>'))).toBe(true);
    expect(passesFirstLook(page('<title>Log in</title>', '<p>Continue with TikTok</p><input type="password">'))).toBe(true);
  });

  test('prose holding "<" or "{" is searched too ("coins for <$1")', () => {
    expect(passesFirstLook(page('<title>Deals</title>', '<p>TikTok coins for &lt;$1 {today}</p>'))).toBe(true);
  });

  test('long scripts and style sheets in the head do not push the body’s text out of the sample', () => {
    const script = `<script>window.x = { a: "${'z '.repeat(20_000)}" };</script>`;
    const style = `<style>body { margin: 0 } ${'.a{color:red} '.repeat(2000)}</style>`;
    const doc = page(`<title>Home</title>${script.repeat(5)}${style}`, '<p>Buy 500 coins now</p>');
    expect(readFirstLook(doc).sample.length).toBeLessThan(LIMITS.gateTextChars + FIRST_LOOK.extraChars + FIRST_LOOK.codeChars + 10);
    expect(passesFirstLook(doc)).toBe(true);
  });

  test('a cue only in a script is searched (letting the page through to the full read, which decides)', () => {
    const doc = page('<title>Home</title>', '<p>Welcome</p><script>var cfg = { shop: "buy tiktok coins" };</script>');
    expect(passesFirstLook(doc)).toBe(true);
    expect(gateDecision(readGateInput(doc))).toBe(false);
  });

  test('a head of white space between its elements is read past, within FIRST_LOOK.extraNodes', () => {
    // The body's cue sits in its last text node the gate's own sample reads (node 400 of <body>).
    const body = '<i>a</i>'.repeat(LIMITS.gateTextNodes - 1) + '<p>Buy 500 coins now</p>';
    const head = '<title>Home</title>' + '\n<meta name="x">'.repeat(FIRST_LOOK.extraNodes - 5);
    const doc = page(head, body);
    expect(mayPassGate(readGateInput(doc))).toBe(true);
    expect(passesFirstLook(doc)).toBe(true);
  });

  test('touches no element: a document whose text nodes refuse their parent, and which has no element, is read', () => {
    const refuse = () => {
      throw new Error('the first look touched an element');
    };
    const texts = ['  ', 'Buy 500 coins', 'body { color: red }', 'now'].map((nodeValue) =>
      Object.defineProperties({ nodeValue }, { parentNode: { get: refuse }, parentElement: { get: refuse } }),
    );
    const roots: unknown[] = [];
    const doc = {
      title: 'Cheap',
      createTreeWalker(root: unknown, what: number) {
        roots.push(root, what);
        let i = 0;
        return { nextNode: () => texts[i++] ?? null };
      },
      get body() {
        return refuse();
      },
      get head() {
        return refuse();
      },
      get documentElement() {
        return refuse();
      },
      querySelector: refuse,
      querySelectorAll: refuse,
      getElementsByTagName: refuse,
    } as unknown as Document;
    const look = readFirstLook(doc);
    expect(roots).toEqual([doc, 4]);
    expect(look.headline).toBe('Cheap');
    expect(look.sample).toContain('Buy 500 coins now');
    expect(look.sample).toContain('body { color: red }');
    expect(passesFirstLook(doc)).toBe(true);
  });
});
