/** @vitest-environment happy-dom */
/**
 * A field with an id has a selector of its own (`input#pw`) that names no parent, so the text in
 * the same box ("TikTok password" beside it) could not be found from it. The snapshot keeps such a
 * field's parent selector beside it (Field.parent); fields whose selector is a path have no key.
 */
import { expect, test } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { mergeFrames } from '../../../src/engine/frames';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { buildPackedSnapshot } from '../../../src/engine/snapshot';
import { PackedSnapshotSchema } from '../../../src/engine/types';
import { emptyBodyAfterEach, readBody } from '../helpers/body-snapshot';
import { emptySnapshot, shopTop } from '../helpers/frame-fixtures';

const URL_ = 'https://cheap-coins.example/';

emptyBodyAfterEach();
const read = (body: string) => readBody(body, URL_);

test('a field with an id keeps its parent’s selector; a field found by its path does not', () => {
  const s = read('<main><div><span>TikTok password</span><input type="password" id="pw"></div><div id="box"><input id="code"></div><p><input name="plain"></p></main>');
  const byName = Object.fromEntries(s.fields.map((f) => [f.name, f]));
  expect(byName.pw?.selector).toBe('input#pw');
  expect(byName.pw?.parent).toBe('body:nth-of-type(1) > main:nth-of-type(1) > div:nth-of-type(1)');
  expect(byName.code?.parent).toBe('div#box');
  expect(byName.plain?.selector).toBe('body:nth-of-type(1) > main:nth-of-type(1) > p:nth-of-type(1) > input:nth-of-type(1)');
  expect(Object.keys(byName.plain ?? {})).not.toContain('parent');
  // The parent's selector finds the box that holds the field.
  expect(document.querySelector(byName.pw?.parent ?? '')?.querySelector('#pw')).not.toBeNull();
});

test('packed and unpacked, the parent survives; a parent outside the table makes the snapshot unreadable, not wrong', () => {
  const snap = read('<div><span>TikTok password</span><input type="password" id="pw"></div>');
  expect(unpackSnapshot(packSnapshot(snap))).toEqual(snap);
  const packed = buildPackedSnapshot(document, URL_);
  expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
  expect(unpackSnapshot(packed)).toEqual(snap);
  const bad = { ...packed, fields: packed.fields.map((f) => ({ ...f, parentPath: packed.paths.part.length + 5 })) };
  expect(unpackSnapshot(bad)).toBeNull();
});

test('the password box with an id, outside any form, is tied to the platform named beside it', () => {
  const snap = read('<h1>Top up coins cheap</h1><p>1,000 coins $4.99</p><div><span>TikTok password</span><input type="password" id="pw"><button>Buy now</button></div>');
  const cred = analyze(snap).signals.find((s) => s.id === 'credential-fields');
  expect(cred?.evidence[0]?.text).toMatch(/password field/);
});

test('a bare code box with an id, outside any form, is read from the prompt in its box', () => {
  const snap = read('<h1>Top up TikTok coins</h1><p>1,000 coins $9.99</p><div><p>Enter the 6-digit code TikTok sent you:</p><input id="c"><button>Buy now</button></div>');
  const cred = analyze(snap).signals.find((s) => s.id === 'credential-fields');
  expect(cred?.evidence[0]?.text).toMatch(/asks for “6-digit code”/);
});

test("a frame's field keeps its parent behind the frame's prefix once merged", () => {
  const frame = emptySnapshot('https://frame.example/login', {
    blocks: [{ text: 'TikTok password', selector: 'body > div:nth-of-type(1) > span:nth-of-type(1)' }],
    fields: [{ type: 'password', name: 'pw', autocomplete: '', label: '', selector: 'input#pw', formAction: '', parent: 'body > div:nth-of-type(1)' }],
  });
  const merged = mergeFrames(shopTop, [{ origin: 'https://frame.example', snapshot: frame }]);
  const f = merged.fields[merged.fields.length - 1];
  expect(f?.parent).toBe('iframe[src^="https://frame.example"] >>> body > div:nth-of-type(1)');
  expect(analyze(merged).signals.map((s) => s.id)).toContain('credential-fields');
});
