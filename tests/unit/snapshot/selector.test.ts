/** @vitest-environment happy-dom */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { cssPath } from '../../../src/engine/selector';

/** The snapshot's memoised selectors equal cssPath() and find their element again. */
test('snapshot selectors equal cssPath and resolve to the same element, on random trees', () => {
  const tags = ['div', 'p', 'span', 'section', 'b', 'li', 'ul', 'a'];
  // A tree as a list: each node hangs under an earlier one (or body), wrapped in `depth` extra divs.
  const node = fc.record({ parent: fc.nat(), tag: fc.constantFrom(...tags), id: fc.constantFrom('', 'x', 'bad id', 'y-'), depth: fc.nat(15) });
  fc.assert(
    fc.property(fc.array(node, { minLength: 1, maxLength: 40 }), (list) => {
      document.body.replaceChildren();
      const made: Element[] = [];
      list.forEach((t, n) => {
        let host: Element = made.length && t.parent % (made.length + 1) ? (made[(t.parent % (made.length + 1)) - 1] as Element) : document.body;
        for (let i = 0; i < t.depth; i++) host = host.appendChild(document.createElement('div'));
        const el = document.createElement(t.tag);
        if (t.id) el.setAttribute('id', `${t.id}${n}`);
        el.append(`text ${n}`);
        host.append(el);
        made.push(el);
      });
      const snap = buildSnapshot(document, 'https://x.example/');
      const all = [...document.body.querySelectorAll('*')].filter((e) => e.firstChild?.nodeType === 3);
      expect(snap.blocks.map((b) => b.selector)).toEqual(all.map((e) => cssPath(e)));
      // A full path (from body, under 12 parts) finds its element; longer ones are cut to the nearest 12.
      for (const [i, b] of snap.blocks.entries()) if (b.selector.startsWith('body') && b.selector.split(' > ').length < 12) expect(document.querySelector(b.selector)).toBe(all[i]);
    }),
    { numRuns: 150 },
  );
});

test('an element with an id is named by its id in every root the walk enters: the page, an open shadow root', () => {
  document.body.innerHTML = '<main><p id="intro">Buy coins</p><div class="host"></div><p>Footer</p></main>';
  const shadow = (document.querySelector('.host') as Element).attachShadow({ mode: 'open' });
  shadow.innerHTML = '<form><div><span id="code-label">Enter the code</span><b>6 digits</b></div></form>';
  const snap = buildSnapshot(document, 'https://x.example/');
  const selectorOf = (text: string) => snap.blocks.find((b) => b.text === text)?.selector;
  expect(selectorOf('Buy coins')).toBe('p#intro');
  expect(selectorOf('Footer')).toBe('body:nth-of-type(1) > main:nth-of-type(1) > p:nth-of-type(2)');
  expect(selectorOf('Enter the code')).toBe('span#code-label');
  expect(selectorOf('6 digits')).not.toContain('#');
});

test('children of many different tags, in any order: each child has its own nth-of-type', () => {
  // More tags than the walk keeps in a list before it counts them in a Map (FEW_TAGS in snapshot.ts).
  const tags = ['div', 'p', 'span', 'b', 'i', 'em', 'strong', 'li', 'a', 'u', 'small', 'code', 'x-card'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tags), { minLength: 1, maxLength: 60 }), (list) => {
      document.body.replaceChildren();
      const parent = document.body.appendChild(document.createElement('section'));
      const made = list.map((tag, n) => {
        const el = parent.appendChild(document.createElement(tag));
        el.append(`item ${n}`);
        return el;
      });
      const snap = buildSnapshot(document, 'https://x.example/');
      expect(snap.blocks.map((b) => b.selector)).toEqual(made.map((e) => cssPath(e)));
      for (const [i, b] of snap.blocks.entries()) expect(document.querySelector(b.selector)).toBe(made[i]);
    }),
    { numRuns: 150 },
  );
});
