/** @vitest-environment happy-dom */
import { afterEach, expect, test, vi } from 'vitest';
import { gateDecision, readGateInput } from '../../../src/engine/gate';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { scan } from '../detectors/helpers';

/**
 * A text field whose characters the page masks with `-webkit-text-security` is a password box to
 * the shopper: the snapshot records it as one. (A style sheet's class is read from the computed
 * style, which happy-dom does not compute for this property: the end-to-end test in Chromium,
 * tests/e2e/chromium/dynamic.spec.ts, covers that case.)
 */
function fieldTypes(body: string): string[] {
  document.body.innerHTML = body;
  return buildSnapshot(document, 'https://shop.example/').fields.map((f) => f.type);
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

test.each([
  ['text', '-webkit-text-security: disc'],
  ['tel', '-webkit-text-security:circle'],
  ['number', 'color: red; -WEBKIT-TEXT-SECURITY: square'],
  ['email', 'text-security: disc'],
  ['search', '-webkit-text-security : disc'],
])('a %s field masked by its style attribute (%s) is a password field', (type, style) => {
  expect(fieldTypes(`<input type="${type}" name="k" style="${style}">`)).toEqual(['password']);
});

test('a field with no type attribute is a text field, and masked it is a password field', () => {
  expect(fieldTypes('<input name="a"><input name="b" style="-webkit-text-security: disc">')).toEqual(['text', 'password']);
});

test.each([
  ['text', '-webkit-text-security: none'],
  ['text', 'color: red'],
  ['text', ''],
])('a %s field styled "%s" stays what it says', (type, style) => {
  expect(fieldTypes(`<input type="${type}" name="k" style="${style}">`)).toEqual([type]);
});

test('only fields one types text into are read as masked: a checkbox or a radio stays one, a password stays one', () => {
  const style = 'style="-webkit-text-security: disc"';
  expect(fieldTypes(`<input type="checkbox" ${style}><input type="radio" ${style}><input type="password" ${style}>`)).toEqual(['checkbox', 'radio', 'password']);
});

test('the computed style counts too (a class), and a browser without the property says no', () => {
  const real = window.getComputedStyle.bind(window);
  const computed = (value: string) =>
    vi.spyOn(window, 'getComputedStyle').mockImplementation((el: Element) => {
      const style = real(el);
      return new Proxy(style, {
        get: (target, key) => (key === 'getPropertyValue' ? (p: string) => (p === '-webkit-text-security' ? value : target.getPropertyValue(p)) : Reflect.get(target, key)),
      });
    });
  computed('disc');
  expect(fieldTypes('<input type="text" class="box">')).toEqual(['password']);
  vi.restoreAllMocks();
  computed('none');
  expect(fieldTypes('<input type="text" class="box">')).toEqual(['text']);
  vi.restoreAllMocks();
  computed('');
  expect(fieldTypes('<input type="text" class="box">')).toEqual(['text']);
  vi.restoreAllMocks();
  vi.spyOn(window, 'getComputedStyle').mockImplementation(() => {
    throw new Error('no styles here');
  });
  expect(fieldTypes('<input type="text" class="box">')).toEqual(['text']);
});

test('a coin shop asking for the TikTok password in a masked text field: danger, for a secret field', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Buy TikTok Coins – cheap top up</title></head><body><h1>Buy TikTok Coins</h1><p>1,000 Coins for $2.99</p><section><div><span>TikTok username</span><input name="u"></div><div><span>TikTok password</span><input type="text" name="k" style="-webkit-text-security: disc"></div><button>Buy now</button></section></body></html>`;
  const result = await scan(html, 'https://cheap-coins.example/');
  expect(result.verdict).toBe('danger');
  expect(result.signals.find((s) => s.id === 'credential-fields')?.evidence[0]?.text).toMatch(/password field/);
});

test('the gate looks at a page naming the platform whose only secret field is a masked text field', () => {
  document.head.innerHTML = '<title>Log in to TikTok</title>';
  document.body.innerHTML = '<h1>Log in to TikTok</h1><input name="u"><input type="text" name="k" style="-webkit-text-security: disc"><button>Log in</button>';
  expect(readGateInput(document).hasSecretField).toBe(true);
  expect(gateDecision(readGateInput(document))).toBe(true);
  document.body.innerHTML = '<h1>Log in to TikTok</h1><input name="u"><input type="text" name="k"><button>Log in</button>';
  expect(readGateInput(document).hasSecretField).toBe(false);
  expect(gateDecision(readGateInput(document))).toBe(false);
});
