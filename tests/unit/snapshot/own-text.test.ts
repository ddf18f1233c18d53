/** @vitest-environment happy-dom */
/**
 * A block is an element's own text: its Text children, joined, white space
 * folded, clipped. The walk reads an element with no element child through
 * one textContent and the others child by child (src/engine/snapshot.ts
 * visit()); both must give what the definition gives, on trees built through
 * the DOM with what the parser never makes: several Text nodes side by side,
 * empty ones, comments between them, very long ones.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { LIMITS } from '../../../src/engine/limits';
import { buildSnapshot } from '../../../src/engine/snapshot';

const URL_ = 'https://shop.example/';

/** The definition, read the slow way: every element of the body in document order, its own Text children. */
function ownTexts(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    let s = '';
    for (const c of el.childNodes) if (c.nodeType === 3) s += c.nodeValue ?? '';
    const t = s.slice(0, LIMITS.blockChars * 2).replace(/\s+/g, ' ').trim().slice(0, LIMITS.blockChars);
    if (t) out.push(t);
  }
  return out;
}

type Kid = { text: string } | { comment: string } | { tag: 'span' | 'b' | 'p'; kids: Kid[] };
const texts = fc.oneof(fc.constantFrom('', ' ', '\n  ', 'Buy', ' 100 coins ', '$0.50', 'x'.repeat(LIMITS.blockChars * 2 + 3)), fc.string({ maxLength: 6 }));
const { kid } = fc.letrec<{ kid: Kid }>((tie) => ({
  kid: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    texts.map((text) => ({ text })),
    fc.string({ maxLength: 4 }).map((comment) => ({ comment })),
    fc.record({ tag: fc.constantFrom('span' as const, 'b' as const, 'p' as const), kids: fc.array(tie('kid'), { maxLength: 4 }) }),
  ),
}));

function build(parent: Element, kids: Kid[]): void {
  for (const k of kids) {
    if ('text' in k) parent.append(document.createTextNode(k.text));
    else if ('comment' in k) parent.append(document.createComment(k.comment));
    else {
      const el = document.createElement(k.tag);
      build(el, k.kids);
      parent.append(el);
    }
  }
}

beforeEach(() => {
  document.title = 'Shop';
  document.body.replaceChildren();
});

describe('own text of an element', () => {
  test('several Text nodes and comments in a leaf: joined, comments left out', () => {
    const b = document.createElement('b');
    b.append('  100', document.createComment('price'), '', ' coins\n', document.createComment('x'), '  ');
    document.body.append(b);
    expect(buildSnapshot(document, URL_).blocks.map((x) => x.text)).toEqual(['100 coins']);
  });

  test('an element whose own text is full early, then hundreds of nodes: every child element after them is still read', () => {
    // The loop that reads an element's own text also keeps its element children for the walk, and stops a few
    // hundred nodes past the text's end; the children it did not reach are found in the DOM.
    const div = document.createElement('div');
    div.append('x'.repeat(LIMITS.blockChars * 2 + 3));
    for (let i = 0; i < 1500; i++) div.append(document.createComment('c'), i % 3 ? ' ' : document.createElement('i'));
    for (const t of ['Pay to', 'IBAN', 'Bitcoin']) div.append(Object.assign(document.createElement('b'), { textContent: t }));
    document.body.append(div);
    const blocks = buildSnapshot(document, URL_).blocks.map((x) => x.text);
    expect(blocks).toEqual(ownTexts(document.body));
    expect(blocks.slice(-3)).toEqual(['Pay to', 'IBAN', 'Bitcoin']);
  });

  test('the same blocks as the definition on random trees', () => {
    fc.assert(
      fc.property(fc.array(kid, { maxLength: 6 }), (kids) => {
        document.body.replaceChildren();
        build(document.body, kids);
        expect(buildSnapshot(document, URL_).blocks.map((x) => x.text)).toEqual(ownTexts(document.body));
      }),
      { numRuns: 500 },
    );
  });
});
