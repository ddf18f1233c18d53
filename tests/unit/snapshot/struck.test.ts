/** @vitest-environment happy-dom */
import fc from 'fast-check';
import { expect, test, vi } from 'vitest';
import { LIMITS } from '../../../src/engine/limits';
import { buildSnapshot } from '../../../src/engine/snapshot';

/**
 * The snapshot marks a text block struck through (an old price the extractor must not read as the
 * price charged) when it or one of its nearest LIMITS.struckDepth elements, below <body>, is an
 * <s>/<del>/<strike> or has line-through in its style attribute. The walk derives this from the
 * parent instead of looking up from every block; this checks it against looking up.
 */
function struckByLookingUp(el: Element): boolean {
  let depth = 0;
  for (let n: Element | null = el; n && n.localName !== 'body' && depth < LIMITS.struckDepth; n = n.parentElement, depth++) {
    if (['s', 'del', 'strike'].includes(n.localName)) return true;
    if ((n.getAttribute('style') ?? '').includes('line-through')) return true;
  }
  return false;
}

// The walk finds styled elements with one query per root, and reads each element's style when that query throws.
test.each(['one query', 'each element read (the query throws)'])('struck-through blocks are the ones within reach of a struck ancestor, on random trees: %s', (how) => {
  const spy = how === 'one query' ? null : vi.spyOn(document.body, 'querySelectorAll').mockImplementation(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  const kind = fc.constantFrom('div', 'span', 'p', 's', 'del', 'strike', 'styled', 'plain-style');
  const node = fc.record({ parent: fc.nat(), kind, depth: fc.nat(10), text: fc.boolean() });
  fc.assert(
    fc.property(fc.array(node, { minLength: 1, maxLength: 40 }), (list) => {
      document.body.replaceChildren();
      const made: Element[] = [];
      for (const [n, t] of list.entries()) {
        let host: Element = made.length && t.parent % (made.length + 1) ? (made[(t.parent % (made.length + 1)) - 1] as Element) : document.body;
        for (let i = 0; i < t.depth; i++) host = host.appendChild(document.createElement('div'));
        const el = document.createElement(t.kind === 'styled' || t.kind === 'plain-style' ? 'span' : t.kind);
        if (t.kind === 'styled') el.setAttribute('style', 'color: red; text-decoration: line-through');
        if (t.kind === 'plain-style') el.setAttribute('style', 'color: red');
        if (t.text) el.append(`$${n}.99`);
        host.append(el);
        made.push(el);
      }
      const snap = buildSnapshot(document, 'https://x.example/');
      const withText = [...document.querySelectorAll('body *')].filter((e) => e.firstChild?.nodeType === 3);
      expect(snap.blocks.map((b) => b.struck === true)).toEqual(withText.map(struckByLookingUp));
      for (const [i, b] of snap.blocks.entries()) if (b.selector.split(' > ').length < 12) expect(document.querySelector(b.selector)).toBe(withText[i]);
    }),
    { numRuns: 150 },
  );
  if (spy) expect(spy).toHaveBeenCalled();
  spy?.mockRestore();
});

test('an old price struck seven levels up is struck, eight levels up is not, and never through <body>', () => {
  document.body.innerHTML = `<del><div><div><div><div><div><div><b>$7.99</b></div></div></div></div></div></div></del><s><div><div><div><div><div><div><div><b>$8.99</b></div></div></div></div></div></div></div></s><b style="text-decoration:line-through">$1.99</b><b>$0.99</b>`;
  document.body.setAttribute('style', 'text-decoration: line-through');
  const snap = buildSnapshot(document, 'https://x.example/');
  expect(snap.blocks.map((b) => [b.text, b.struck === true])).toEqual([
    ['$7.99', true],
    ['$8.99', false],
    ['$1.99', true],
    ['$0.99', false],
  ]);
  document.body.removeAttribute('style');
});
