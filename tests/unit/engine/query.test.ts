/** @vitest-environment happy-dom */
/**
 * The fast-path queries (src/engine/query.ts) give what the selector lists
 * they replace give: the same elements in the same order, the same yes or no.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MATCHES_ONE_BY_ONE, firstMatches, hasInputMatching } from '../../../src/engine/query';
import { PROBE_SECRET_FIELD, SECRET_FIELD } from '../../../src/engine/secret-fields';

const dirs = ['tests/fixtures/pages/', 'tests/fixtures/hostile/'];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => d + f));
const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '');
};
const listed = (selectors: string[], max: number) => [...document.querySelectorAll(selectors.join(', '))].slice(0, max);
/** The very same elements, in the same order (toEqual would accept look-alike copies). */
const expectSame = (got: Element[], want: Element[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((el, i) => expect(el).toBe(want[i]));
};

/** Random markup from a few tags, classes and input attributes, nested. */
const tag = fc.constantFrom('div', 'p', 'span', 'h1', 'h2', 'h3', 'section', 'input', 'form', 'b');
const attrs = fc.constantFrom(
  '',
  ' class="a"',
  ' class="a b"',
  ' type="password"',
  ' type="PassWord"',
  ' autocomplete="username one-time-code"',
  ' autocomplete="current-password"',
  ' name="user_pwd"',
  ' placeholder="Mã OTP"',
  ' id="otp2"',
);
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((t) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('text'),
    fc.tuple(tag, attrs, t('nodes')).map(([name, a, inner]) => (name === 'input' ? `<input${a}>` : `<${name}${a}>${inner}</${name}>`)),
  ),
  nodes: fc.array(t('node'), { maxLength: 4 }).map((xs) => xs.join('')),
})).nodes;

describe('firstMatches gives the first elements querySelectorAll(list) gives', () => {
  const cases: [string, string[]][] = [
    ['headings', ['h1', 'h2']],
    ['overlapping selectors (one element may match several)', ['div', '.a', 'div.b', 'h2']],
    ['one selector', ['p']],
  ];

  test.each(files)('%s', (file) => {
    load(readFileSync(file, 'utf8'));
    for (const [, selectors] of cases) for (const max of [0, 1, 8, 1000]) expectSame(firstMatches(document, selectors, max), listed(selectors, max));
  });

  test.each(cases)('random trees: %s', (_, selectors) => {
    fc.assert(
      fc.property(markup, fc.integer({ min: 0, max: 12 }), (html, max) => {
        load(`<body>${html}</body>`);
        expectSame(firstMatches(document, selectors, max), listed(selectors, max));
      }),
      { numRuns: 400 },
    );
  });

  test('later headings first in the lists still come out in page order', () => {
    load('<body><h2 id="x">a</h2><div><h1 id="y">b</h1><h2 id="z">c</h2></div><h1 id="w">d</h1></body>');
    expect(firstMatches(document, ['h1', 'h2'], 8).map((e) => e.id)).toEqual(['x', 'y', 'z', 'w']);
    expect(firstMatches(document, ['h1', 'h2'], 2).map((e) => e.id)).toEqual(['x', 'y']);
  });
});

describe('hasInputMatching answers as querySelector(list) does', () => {
  const lists = { SECRET_FIELD, PROBE_SECRET_FIELD };

  test.each(Object.entries(lists))('every selector of %s matches only <input> elements', (_, list) => {
    for (const s of list.split(', ')) expect(s).toMatch(/^input(\[[^\]]+\])+$/);
  });

  test.each(files)('%s', (file) => {
    load(readFileSync(file, 'utf8'));
    for (const list of Object.values(lists)) expect(hasInputMatching(document, list)).toBe(!!document.querySelector(list));
  });

  test('random forms', () => {
    fc.assert(
      fc.property(markup, (html) => {
        load(`<body>${html}</body>`);
        for (const list of Object.values(lists)) expect(hasInputMatching(document, list)).toBe(!!document.querySelector(list));
      }),
      { numRuns: 600 },
    );
  });

  test('a page with more inputs than are tested one by one gets the same answers', () => {
    const many = (n: number, last: string) => `<body><form>${'<input type="text" name="q">'.repeat(n)}${last}</form></body>`;
    for (const n of [MATCHES_ONE_BY_ONE - 1, MATCHES_ONE_BY_ONE, MATCHES_ONE_BY_ONE + 1, 5 * MATCHES_ONE_BY_ONE]) {
      load(many(n, '<input type="password">'));
      expect(hasInputMatching(document, SECRET_FIELD)).toBe(true);
      load(many(n, '<input type="email">'));
      expect(hasInputMatching(document, SECRET_FIELD)).toBe(false);
    }
  });

  // happy-dom ignores the selectors' `i` flag (in querySelector and matches alike), so upper-case values are left to the browsers.
  test('a password field is found; a text field and a textarea are not one', () => {
    load('<body><form><input type="text" name="user"><input type="password"></form></body>');
    expect(hasInputMatching(document, SECRET_FIELD)).toBe(true);
    load('<body><form><input type="text" name="user"><textarea name="password"></textarea></form></body>');
    expect(hasInputMatching(document, SECRET_FIELD)).toBe(false);
  });
});
