/** @vitest-environment happy-dom */
/**
 * Each form keeps the range of text blocks and options the walk read inside it (Form.inside), so
 * a secret field's context reads its own form's text, not every block of the page whose selector
 * happens to start with the form's. What a shopper sees: a shop's own sign-in form that shares its
 * id with the coin order form is no longer called a TikTok login because of the order form's text.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { mergeFrames } from '../../../src/engine/frames';
import { LIMITS } from '../../../src/engine/limits';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { startSnapshot } from '../../../src/engine/snapshot';
import { PackedSnapshotSchema, type Form, type PageSnapshot } from '../../../src/engine/types';
import { page, scan } from '../detectors/helpers';
import { emptyBodyAfterEach, readBody } from '../helpers/body-snapshot';
import { emptySnapshot, shopTop } from '../helpers/frame-fixtures';

const URL_ = 'https://shop.example/';

emptyBodyAfterEach();
const read = (body: string) => readBody(body, URL_);

const texts = (items: readonly { text: string }[], range: readonly [number, number] | undefined) => (range ? items.slice(range[0], range[1]).map((x) => x.text) : null);

describe('the walk records what each form holds', () => {
  test('the blocks and options inside a form, and nothing before or after it', () => {
    const s = read(
      '<p>Before</p><form action="/o"><p>Pick a package</p><div><label><input type="radio" name="p"> 100 coins</label><button>Buy now</button></div></form><p>After</p>',
    );
    const inside = s.forms[0]?.inside;
    expect(texts(s.blocks, inside?.blocks)).toEqual(['Pick a package', '100 coins', 'Buy now']);
    expect(texts(s.options, inside?.options)).toEqual(['100 coins', 'Buy now']);
    expect(s.blocks.map((b) => b.text)).toEqual(['Before', 'Pick a package', '100 coins', 'Buy now', 'After']);
  });

  test('forms side by side, a form with no element in it, and one that ends the page deep down', () => {
    const s = read('<form>Only its own text</form><form><p>A</p></form><div><form><div><p>B</p><p>C</p></div></form></div>');
    expect(s.forms.map((f) => texts(s.blocks, f.inside?.blocks))).toEqual([[], ['A'], ['B', 'C']]);
    expect(s.forms.map((f) => texts(s.options, f.inside?.options))).toEqual([[], [], []]);
  });

  test('a walk that stops inside a form gives it what was read so far; walked on, the form gets the rest', () => {
    document.body.innerHTML = '<form><p>One</p><p>Two</p><p>Three</p></form><p>After</p>';
    const walk = startSnapshot(document, URL_);
    // Paused after every element, until the first paragraph is read.
    while (walk.packed().blocks.text.length < 1) walk.step(() => true, 1);
    const early = unpackSnapshot(walk.packed()) as PageSnapshot;
    expect(texts(early.blocks, early.forms[0]?.inside?.blocks)).toEqual(['One']);
    while (!walk.step(() => true, 1));
    const done = unpackSnapshot(walk.packed()) as PageSnapshot;
    expect(texts(done.blocks, done.forms[0]?.inside?.blocks)).toEqual(['One', 'Two', 'Three']);
  });

  test('packed and unpacked, the ranges survive; the schema bounds them', () => {
    const snap = read('<form><p>Code</p><input name="x"><button>Send</button></form>');
    const packed = packSnapshot(snap);
    expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
    expect(unpackSnapshot(packed)).toEqual(snap);
    const form = packed.forms[0] as (typeof packed.forms)[number];
    const withInside = (inside: unknown) => ({ ...packed, forms: [{ ...form, inside }] });
    expect(PackedSnapshotSchema.safeParse(withInside({ blocks: [-1, 2], options: [0, 1] })).success).toBe(false);
    expect(PackedSnapshotSchema.safeParse(withInside({ blocks: [0, LIMITS.blocks + 1], options: [0, 1] })).success).toBe(false);
    expect(PackedSnapshotSchema.safeParse(withInside({ blocks: [0, 1], options: [0, LIMITS.options + 1] })).success).toBe(false);
    expect(PackedSnapshotSchema.safeParse(withInside({ blocks: [0, 1] })).success).toBe(false);
  });
});

describe('a field reads its own form’s text', () => {
  const ownLogin = (orderText: string) =>
    page(`<h1>TikTok coins, cheap</h1>
<form id="f" action="/account"><p>Your shop account</p><input type="email" name="email"><input type="password" name="pw"><a href="/forgot">Forgot password?</a><button>Sign in</button></form>
<section><p>Popular packages: 1,000 coins $9.99</p></section>
<form id="f" action="/order"><p>${orderText}</p><label>TikTok username <input name="u"></label><button>Buy</button></form>`);

  test('the shop’s own sign-in is not a TikTok login because the order form shares its id and names TikTok', async () => {
    const r = await scan(ownLogin('TikTok coins top up'));
    expect(r.signals.map((s) => s.id)).not.toContain('fake-platform-login');
    expect(r.signals.map((s) => s.id)).not.toContain('credential-fields');
    expect(r.verdict).not.toBe('danger');
  });

  test('a TikTok login is still one when its form shares an id with another', async () => {
    const html = page(`<h1>TikTok coins, cheap</h1>
<form id="f" action="/order"><p>Pick a package</p><button>Buy</button></form>
<form id="f" action="/login"><p>Log in with TikTok to receive your coins</p><input name="user"><input type="password" name="pw"><button>Log in</button></form>`);
    const r = await scan(html);
    expect(r.verdict).toBe('danger');
    expect(r.signals.map((s) => s.id)).toContain('fake-platform-login');
  });

  test('the text beside a box is read where the box is, even when another form with the same action is taken for its form', () => {
    // The box sits in a wrapper with an id, so its selector names no form; the first form posting to /s stands in for it.
    const snap = read(
      '<h1>Top up</h1><form action="/s"><p>Newsletter</p><input type="email" name="mail"></form><form action="/s"><div id="box"><span>TikTok password</span><input type="password" name="pw"></div></form>',
    );
    expect(analyze(snap).signals.map((s) => s.id)).toContain('credential-fields');
  });

  test('a range that points nowhere (a hand-made or hostile snapshot) gives no context, not a crash', () => {
    const snap = read('<h1>Top up</h1><form action="/o"><p>Log in with your TikTok password</p><input type="password" name="pw"></form>');
    expect(analyze(snap).signals.map((s) => s.id)).toContain('fake-platform-login');
    for (const inside of [
      { blocks: [4000, 4990], options: [0, 0] },
      { blocks: [3, 1], options: [2, 0] },
    ] as Form['inside'][]) {
      const bad: PageSnapshot = { ...snap, forms: snap.forms.map((f) => ({ ...f, inside })) };
      expect(() => analyze(bad)).not.toThrow();
      expect(analyze(bad).signals.map((s) => s.id)).not.toContain('fake-platform-login');
    }
  });
});

describe('a frame’s forms once merged', () => {
  const frame = emptySnapshot('https://frame.example/login', {
    blocks: [
      { text: 'Log in with TikTok', selector: 'body > form:nth-of-type(1) > p:nth-of-type(1)' },
      { text: 'Forgot password?', selector: 'body > form:nth-of-type(1) > a:nth-of-type(1)' },
    ],
    options: [{ text: 'Log in', selector: 'body > form:nth-of-type(1) > button:nth-of-type(1)' }],
    fields: [{ type: 'password', name: 'pw', autocomplete: '', label: '', selector: 'body > form:nth-of-type(1) > input:nth-of-type(1)', formAction: 'https://frame.example/s' }],
    forms: [{ action: 'https://frame.example/s', method: 'post', selector: 'body > form:nth-of-type(1)', inside: { blocks: [0, 2], options: [0, 1] } }],
  });

  test('point at the frame’s own text and options, after the page’s', () => {
    const top = { ...shopTop, options: [{ text: 'Choose', selector: 'main > button:nth-of-type(1)' }] };
    const merged = mergeFrames(top, [{ origin: 'https://frame.example', snapshot: frame }]);
    const inside = merged.forms[merged.forms.length - 1]?.inside;
    expect(texts(merged.blocks, inside?.blocks)).toEqual(['Log in with TikTok', 'Forgot password?']);
    expect(texts(merged.options, inside?.options)).toEqual(['Log in']);
    expect(analyze(merged).signals.map((s) => s.id)).toContain('fake-platform-login');
  });

  test('end where the kept blocks end when the page’s own fill the snapshot', () => {
    const full = { ...shopTop, blocks: Array.from({ length: LIMITS.blocks - 1 }, (_, i) => ({ text: `t${i}`, selector: `p:nth-of-type(${i + 1})` })) };
    const merged = mergeFrames(full, [{ origin: 'https://frame.example', snapshot: frame }]);
    expect(merged.blocks).toHaveLength(LIMITS.blocks);
    expect(texts(merged.blocks, merged.forms[merged.forms.length - 1]?.inside?.blocks)).toEqual(['Log in with TikTok']);
  });
});
