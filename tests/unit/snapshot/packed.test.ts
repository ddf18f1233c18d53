/** @vitest-environment happy-dom */
/**
 * Snapshots travel packed (src/engine/packed.ts): selectors as a table of
 * paths. What the walk packs passes the message schema and unpacks to the
 * snapshot the detectors read; the packing halves a big shop's message; a malformed table is refused, never half-read; and no
 * selector, however long the page's tag names or ids, makes a snapshot the
 * message schema would refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MAX_SELECTOR } from '../../../src/engine/limits';
import { packSnapshot, selectorsOf, unpackSnapshot } from '../../../src/engine/packed';
import { buildPackedSnapshot, buildSnapshot } from '../../../src/engine/snapshot';
import { PackedSnapshotSchema, PageSnapshotSchema } from '../../../src/engine/types';
import { analyze } from '../../../src/engine/analyze';
import { shopOfSize } from '../../../scripts/bench/pages';

const URL_ = 'https://shop.example/';
const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));
const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
};

describe('the walk’s packed snapshot', () => {
  test.each(files)('%s: fits the message schema and unpacks to the snapshot; packing by hand gives it back too', (file) => {
    load(readFileSync(file, 'utf8'));
    const packed = buildPackedSnapshot(document, URL_);
    expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
    const whole = buildSnapshot(document, URL_);
    expect(unpackSnapshot(packed)).toEqual(whole);
    expect(unpackSnapshot(packSnapshot(whole))).toEqual(whole);
  });

  test('the page sends tag names and nth-of-type positions; the selector text is written out on unpacking', () => {
    load('<main><p>Intro</p><section><p>One</p><p>Two</p><b id="deal">Deal</b></section></main>');
    const packed = buildPackedSnapshot(document, URL_);
    // Below the root of the walk (whose selector is read once, whole), every part is a tag name.
    const below = packed.paths.part.filter((_, i) => packed.paths.parent[i] !== -1);
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((p) => /^[a-z]+$/.test(p))).toBe(true);
    expect(packed.paths.part).toContain('section');
    const snap = unpackSnapshot(packed);
    expect(snap?.blocks.map((b) => b.selector)).toEqual([
      'body:nth-of-type(1) > main:nth-of-type(1) > p:nth-of-type(1)',
      'body:nth-of-type(1) > main:nth-of-type(1) > section:nth-of-type(1) > p:nth-of-type(1)',
      'body:nth-of-type(1) > main:nth-of-type(1) > section:nth-of-type(1) > p:nth-of-type(2)',
      'b#deal',
    ]);
  });

  test('a table without positions (packed by hand) reads its parts whole; a position of 0 does too', () => {
    expect(selectorsOf({ parent: [-1, 0], part: ['main', 'p:nth-of-type(2)'] })).toEqual(['main', 'main > p:nth-of-type(2)']);
    expect(selectorsOf({ parent: [-1, 0, 1], part: ['main', 'p', 'b#x'], nth: [0, 3, 0] })).toEqual(['main', 'main > p:nth-of-type(3)', 'main > p:nth-of-type(3) > b#x']);
  });

  test('a 5,000-element shop: the message is less than half the unpacked snapshot', () => {
    load(shopOfSize(5000));
    const packed = JSON.stringify(buildPackedSnapshot(document, URL_)).length;
    const whole = JSON.stringify(buildSnapshot(document, URL_)).length;
    expect(packed * 2).toBeLessThan(whole);
  });

  test('a 5,000-character tag name and id: every selector is clipped, the snapshot still fits the schema and is analysed', () => {
    const tag = `x-${'a'.repeat(5000)}`;
    load(`<title>Buy TikTok coins</title><main><${tag}><p>Buy TikTok coins – 1,000 coins $1.99</p><div id="i${'d'.repeat(5000)}"><form action="/order"><label>TikTok password <input type="password" name="p"></label><button>Buy now</button></form></div></${tag}></main>`);
    const snap = buildSnapshot(document, URL_);
    for (const s of [...snap.blocks, ...snap.fields, ...snap.forms, ...snap.options]) expect(s.selector.length).toBeLessThanOrEqual(MAX_SELECTOR);
    expect(PageSnapshotSchema.safeParse(snap).success).toBe(true);
    expect(PackedSnapshotSchema.safeParse(buildPackedSnapshot(document, URL_)).success).toBe(true);
    expect(analyze(snap).verdict).toBe('danger');
  });
});

describe('a malformed path table is refused', () => {
  test.each([
    ['a parent that is the path itself', { parent: [0], part: ['p'] }],
    ['a parent that comes later', { parent: [1, -1], part: ['p', 'body'] }],
    ['a parent below -1', { parent: [-2], part: ['p'] }],
    ['more parts than parents', { parent: [-1], part: ['p', 'q'] }],
    ['more positions than parts', { parent: [-1], part: ['p'], nth: [0, 1] }],
    ['fewer positions than parts', { parent: [-1, 0], part: ['body', 'p'], nth: [0] }],
  ])('%s', (_name, paths) => {
    expect(selectorsOf(paths)).toBeNull();
  });

  test('a block on a path that is not in the table', () => {
    const packed = packSnapshot({ url: URL_, title: '', lang: '', headline: '', blocks: [{ text: 'x', selector: 'p' }], fields: [], forms: [], links: [], options: [], stats: { elements: 1, textTruncated: false } });
    expect(unpackSnapshot(packed)).not.toBeNull();
    expect(unpackSnapshot({ ...packed, blocks: { text: ['x'], path: [1], struck: [] } })).toBeNull();
  });

  test('columns that do not line up are refused: a block without a path, a struck mark on no block, an option without a path', () => {
    const packed = packSnapshot({ url: URL_, title: '', lang: '', headline: '', blocks: [{ text: 'x', selector: 'p', struck: true }], fields: [], forms: [], links: [], options: [{ text: 'o', selector: 'p' }], stats: { elements: 1, textTruncated: false } });
    expect(unpackSnapshot(packed)?.blocks).toEqual([{ text: 'x', selector: 'p', struck: true }]);
    expect(unpackSnapshot({ ...packed, blocks: { text: ['x', 'y'], path: [0], struck: [] } })).toBeNull();
    expect(unpackSnapshot({ ...packed, blocks: { text: ['x'], path: [0], struck: [1] } })).toBeNull();
    expect(unpackSnapshot({ ...packed, options: { text: ['o'], path: [] } })).toBeNull();
  });

  test('selectors: a child adds one part to its parent’s; twelve parts at most, the nearest kept', () => {
    const parent = [-1, 0, 1];
    expect(selectorsOf({ parent, part: ['body', 'main:nth-of-type(1)', 'p:nth-of-type(2)'] })).toEqual(['body', 'body > main:nth-of-type(1)', 'body > main:nth-of-type(1) > p:nth-of-type(2)']);
    const deep = Array.from({ length: 14 }, (_, i) => `d${i}`);
    const out = selectorsOf({ parent: deep.map((_, i) => i - 1), part: deep }) as string[];
    expect(out.at(-1)).toBe(deep.slice(2).join(' > '));
    // An empty root (a shadow root) adds nothing: its children start the selector.
    expect(selectorsOf({ parent: [-1, 0], part: ['', 'p:nth-of-type(1)'] })).toEqual(['', 'p:nth-of-type(1)']);
  });
});
