/** @vitest-environment happy-dom */
/**
 * The snapshot read in slices (src/content/sliced-snapshot.ts over
 * startSnapshot): paused after every element it gives exactly what one walk
 * gives, on every corpus and hostile page, a big shop and random trees; it
 * hands the thread back between slices; and a page that changes between
 * slices, even one that keeps moving its nodes, never makes it throw or walk
 * forever.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { snapshotInSlices } from '../../../src/content/sliced-snapshot';
import { LIMITS } from '../../../src/engine/limits';
import { unpackSnapshot } from '../../../src/engine/packed';
import { buildSnapshot, startSnapshot } from '../../../src/engine/snapshot';
import type { PageSnapshot } from '../../../src/engine/types';
import { shopOfSize } from '../../../scripts/bench/pages';

const URL_ = 'https://shop.example/';
const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));

const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
};

/** The walk, paused after every element (`pauses` counts the pauses). */
function walkedOneByOne(): { snap: PageSnapshot; pauses: number } {
  const walk = startSnapshot(document, URL_);
  let pauses = 0;
  while (!walk.step(() => true, 1)) pauses++;
  return { snap: unpackSnapshot(walk.packed()) as PageSnapshot, pauses };
}

beforeEach(() => {
  document.documentElement.innerHTML = '';
});

describe('a walk paused after every element gives what one walk gives', () => {
  test.each(files)('%s', (file) => {
    load(readFileSync(file, 'utf8'));
    const whole = buildSnapshot(document, URL_);
    const { snap, pauses } = walkedOneByOne();
    expect(snap).toEqual(whole);
    // It really paused: once per element walked, give or take the roots.
    if (whole.stats.elements > 2) expect(pauses).toBeGreaterThan(0);
  });

  test('a 5,000-element shop', () => {
    load(shopOfSize(5000));
    const whole = buildSnapshot(document, URL_);
    expect(whole.stats.elements).toBeGreaterThan(4000);
    expect(walkedOneByOne().snap).toEqual(whole);
  });

  test('random trees, with shadow roots', () => {
    const tags = ['div', 'span', 'p', 'b', 's', 'script', 'svg', 'li', 'input', 'a', 'h2', 'button'];
    const node: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.constantFrom('', 'text', '100 coins', '$1.99')
        : fc.tuple(fc.constantFrom(...tags), fc.array(node(depth - 1), { maxLength: 4 }), fc.constantFrom('', 'x', '500 Coins $4.99')).map(([t, kids, text]) => `<${t}>${text}${kids.join('')}</${t}>`),
    );
    fc.assert(
      fc.property(fc.array(node(5), { maxLength: 6 }), fc.boolean(), (parts, shadow) => {
        document.documentElement.innerHTML = `<head><title>t</title></head><body>${parts.join('')}<div id="host"></div></body>`;
        if (shadow) document.getElementById('host')?.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: '1,000 coins' }));
        expect(walkedOneByOne().snap).toEqual(buildSnapshot(document, URL_));
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapshotInSlices', () => {
  test('hands the thread back between slices and gives the same snapshot', async () => {
    load(shopOfSize(5000));
    const whole = buildSnapshot(document, URL_);
    let clock = 0;
    let tasks = 0;
    // Each clock read is 1 ms later: a 2 ms slice pauses at the second 256-element check.
    const snap = await snapshotInSlices(document, URL_, { sliceMs: 2, now: () => clock++, schedule: (fn) => { tasks++; queueMicrotask(fn); } });
    expect(unpackSnapshot(snap)).toEqual(whole);
    expect(tasks).toBeGreaterThan(5);
  });

  test('a small page is read in one slice, in a task of its own', async () => {
    load('<title>Coins</title><p>100 coins $1.99</p>');
    let tasks = 0;
    const pending = snapshotInSlices(document, URL_, { schedule: (fn) => { tasks++; setTimeout(fn, 0); } });
    expect(tasks).toBe(1);
    expect(unpackSnapshot(await pending)).toEqual(buildSnapshot(document, URL_));
    expect(tasks).toBe(1);
  });

  test('the page removes what is being walked between slices: no throw, a snapshot of what is left', async () => {
    load(shopOfSize(2000));
    let clock = 0;
    const snap = await snapshotInSlices(document, URL_, {
      sliceMs: 1,
      now: () => clock++,
      schedule: (fn) => {
        document.querySelector('section')?.lastElementChild?.remove();
        document.querySelector('section')?.firstElementChild?.remove();
        setTimeout(fn, 0);
      },
    });
    expect(snap.blocks.text.length).toBeGreaterThan(0);
    expect(snap.stats.elements).toBeLessThanOrEqual(LIMITS.elements);
  });

  test('an element given an id between slices keeps a selector that finds it', () => {
    document.body.innerHTML = `<main>${'<p>Filler</p>'.repeat(20)}<div><span>Account number</span></div></main>`;
    const walk = startSnapshot(document, URL_);
    expect(walk.step(() => true, 1)).toBe(false);
    const late = document.querySelector('main > div > span') as Element;
    late.id = 'late';
    while (!walk.step(() => true, 1));
    const snap = unpackSnapshot(walk.packed()) as PageSnapshot;
    const block = snap.blocks.find((b) => b.text === 'Account number');
    expect(block).toBeDefined();
    expect(document.querySelector(block?.selector ?? '')).toBe(late);
  });

  test('children added or removed ahead of the walk between slices: it reads the page as it is when it gets there', () => {
    document.body.innerHTML = `<main>${'<p>Filler</p>'.repeat(20)}<p>Doomed</p></main>`;
    const walk = startSnapshot(document, URL_);
    expect(walk.step(() => true, 1)).toBe(false);
    const main = document.querySelector('main') as Element;
    main.append(Object.assign(document.createElement('p'), { textContent: 'Pay to IBAN' }));
    main.querySelector('p:nth-of-type(21)')?.remove();
    while (!walk.step(() => true, 1));
    const texts = (unpackSnapshot(walk.packed()) as PageSnapshot).blocks.map((b) => b.text);
    expect(texts).toContain('Pay to IBAN');
    expect(texts).not.toContain('Doomed');
    expect(texts.filter((t) => t === 'Filler')).toHaveLength(20);
  });

  test('a page that keeps moving what was read ahead of the walk would keep it going: the walk gives up after maxSlices', async () => {
    const page = `<body><div id="a">${Array.from({ length: 40 }, (_, i) => `<p>item ${i}</p>`).join('')}</div></body>`;
    // Between steps the page moves the paragraphs read so far to the end of their box, ahead of the walk.
    const moveRead = (lastRead: string | undefined) => {
      const a = document.getElementById('a') as HTMLElement;
      const read: Element[] = [];
      for (const p of a.children) {
        read.push(p);
        if (p.textContent === lastRead) break;
      }
      if (read.at(-1)?.textContent === lastRead) a.append(...read);
    };
    document.documentElement.innerHTML = page;
    const walk = startSnapshot(document, URL_);
    let steps = 0;
    while (!walk.step(() => true, 1) && steps < 2000) {
      steps++;
      moveRead(walk.packed().blocks.text.at(-1));
    }
    // 2,000 steps on a 42-element page and it is still going.
    expect(steps).toBe(2000);
    walk.giveUp();
    expect(walk.step()).toBe(true);
    expect(walk.packed().stats.textTruncated).toBe(true);
  });

  test('snapshotInSlices stops after maxSlices and says the snapshot is truncated', async () => {
    load(shopOfSize(5000));
    const whole = buildSnapshot(document, URL_);
    let clock = 0;
    let tasks = 0;
    const snap = unpackSnapshot(await snapshotInSlices(document, URL_, { sliceMs: 1, maxSlices: 3, now: () => clock++, schedule: (fn) => { tasks++; queueMicrotask(fn); } }));
    if (!snap) throw new Error('the walk packed a table it cannot unpack');
    expect(tasks).toBe(3);
    expect(snap.stats.textTruncated).toBe(true);
    expect(snap.blocks.length).toBeLessThan(whole.blocks.length);
    expect(snap.blocks).toEqual(whole.blocks.slice(0, snap.blocks.length));
  });
});
