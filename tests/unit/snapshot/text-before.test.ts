/** @vitest-environment happy-dom */
import { expect, test } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { mergeFrames } from '../../../src/engine/frames';
import { LIMITS } from '../../../src/engine/limits';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { PackedSnapshotSchema, type PageSnapshot } from '../../../src/engine/types';
import { emptyBodyAfterEach, readBody } from '../helpers/body-snapshot';
import { emptySnapshot, shopTop } from '../helpers/frame-fixtures';

/**
 * A bare text, tel or number box keeps the index of the text block just before it (blockBefore):
 * "Enter the 6-digit code we sent you" above an unnamed input is all that says what it asks for.
 * Labelled fields and other types carry no such key, so most snapshots are unchanged.
 */
emptyBodyAfterEach();
const read = (body: string) => readBody(body);

test('a bare box points at the last text before it', () => {
  const s = read('<h1>Top up</h1><form><p>Enter the code we sent you:</p><input name="x"><span>or</span><input type="tel"></form>');
  expect(s.fields.map((f) => f.blockBefore)).toEqual([1, 2]);
  expect(s.blocks[1]?.text).toBe('Enter the code we sent you:');
  expect(s.blocks[2]?.text).toBe('or');
});

test('labelled boxes, other types and a box with no text before it: no key', () => {
  const s = read('<input name="first"><form><p>Code</p><input placeholder="Coupon"><label>Name <input></label><input type="password"><input type="email"><select><option>1</option></select><textarea></textarea></form>');
  for (const f of s.fields) expect(Object.keys(f)).not.toContain('blockBefore');
});

test('packed and unpacked, the key survives; the schema bounds it', () => {
  const snap = read('<form><p>Enter the code</p><input name="x"></form>');
  const packed = packSnapshot(snap);
  expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
  expect(unpackSnapshot(packed)).toEqual(snap);
  const field = packed.fields[0];
  expect(PackedSnapshotSchema.safeParse({ ...packed, fields: [{ ...field, blockBefore: -1 }] }).success).toBe(false);
  expect(PackedSnapshotSchema.safeParse({ ...packed, fields: [{ ...field, blockBefore: LIMITS.blocks }] }).success).toBe(false);
});

test('an index past the blocks (a hand-made or hostile snapshot) is ignored, not a crash', () => {
  const snap = read('<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label><p>Enter the 6-digit code TikTok sent you:</p><input name="x"><button>Buy</button></form>');
  const bad: PageSnapshot = { ...snap, fields: snap.fields.map((f) => (f.blockBefore === undefined ? f : { ...f, blockBefore: 4000 })) };
  expect(analyze(snap).signals.map((x) => x.id)).toContain('credential-fields');
  expect(() => analyze(bad)).not.toThrow();
  expect(analyze(bad).signals.map((x) => x.id)).not.toContain('credential-fields');
});

test("a frame's boxes point at the frame's own text once merged, and lose the key when that text is cut", () => {
  const frame = emptySnapshot('https://frame.example/code', {
    blocks: [{ text: 'Enter the 6-digit code TikTok sent you', selector: 'body > form:nth-of-type(1) > p:nth-of-type(1)' }],
    fields: [{ type: 'text', name: 'x', autocomplete: '', label: '', selector: 'body > form:nth-of-type(1) > input:nth-of-type(1)', formAction: 'https://frame.example/o', blockBefore: 0 }],
  });
  const merged = mergeFrames(shopTop, [{ origin: 'https://frame.example', snapshot: frame }]);
  const f = merged.fields[merged.fields.length - 1];
  expect(f?.blockBefore).toBe(shopTop.blocks.length);
  expect(merged.blocks[f?.blockBefore ?? -1]?.text).toBe('Enter the 6-digit code TikTok sent you');
  const full = { ...shopTop, blocks: Array.from({ length: LIMITS.blocks }, (_, i) => ({ text: `t${i}`, selector: `p:nth-of-type(${i + 1})` })) };
  const cut = mergeFrames(full, [{ origin: 'https://frame.example', snapshot: frame }]);
  expect(Object.keys(cut.fields[cut.fields.length - 1] ?? {})).not.toContain('blockBefore');
});
