/** @vitest-environment happy-dom */
import { afterEach, expect, test } from 'vitest';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { PackedSnapshotSchema } from '../../../src/engine/types';
import { scan } from '../detectors/helpers';

/**
 * The snapshot keeps an input's maxlength when it is short (1–99): boxes of one character each
 * make up a code split over several fields (credential-fields reads them). Other fields carry no
 * maxLength key at all, so snapshots of pages without one are unchanged.
 */
afterEach(() => {
  document.body.innerHTML = '';
});

function maxLengths(body: string): (number | undefined)[] {
  document.body.innerHTML = body;
  return buildSnapshot(document, 'https://shop.example/').fields.map((f) => f.maxLength);
}

test('short maxlengths are kept, as the browser reads them', () => {
  expect(maxLengths('<input maxlength="1"><input maxlength=" 6 "><input maxlength="99"><input type="tel" maxlength="4">')).toEqual([1, 6, 99, 4]);
});

test('no maxlength, an invalid one, zero or a long one: no key', () => {
  document.body.innerHTML = '<input><input maxlength=""><input maxlength="abc"><input maxlength="0"><input maxlength="100"><input maxlength="-3"><textarea maxlength="5"></textarea>';
  for (const f of buildSnapshot(document, 'https://shop.example/').fields) expect(Object.keys(f)).not.toContain('maxLength');
});

test('packed for the message and unpacked again, the key survives and the schema accepts it', () => {
  document.body.innerHTML = '<form action="/o"><input maxlength="1" name="a"><input name="b"></form>';
  const snap = buildSnapshot(document, 'https://shop.example/');
  const packed = packSnapshot(snap);
  expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
  expect(unpackSnapshot(packed)).toEqual(snap);
  expect(PackedSnapshotSchema.safeParse({ ...packed, fields: [{ ...packed.fields[0], maxLength: 0 }] }).success).toBe(false);
  expect(PackedSnapshotSchema.safeParse({ ...packed, fields: [{ ...packed.fields[0], maxLength: 1.5 }] }).success).toBe(false);
});

test('a shop asking for a code split over six boxes: danger, and no "username only" good sign', async () => {
  const boxes = Array.from({ length: 6 }, (_, i) => `<input maxlength="1" inputmode="numeric" name="d${i}">`).join('');
  const html = `<!doctype html><html lang="en"><head><title>Buy TikTok Coins – cheap top up</title></head><body><h1>Buy TikTok Coins</h1><ul><li>1,000 Coins $9.99</li></ul><form action="/o"><label>TikTok username <input name="u"></label><p>Code we sent you</p><div>${boxes}</div><button>Buy now</button></form></body></html>`;
  const result = await scan(html, 'https://cheap-coins.example/');
  expect(result.verdict).toBe('danger');
  const ids = result.signals.map((s) => s.id);
  expect(ids).toContain('credential-fields');
  expect(ids).not.toContain('username-only');
  expect(result.signals.find((s) => s.id === 'credential-fields')?.evidence[0]?.text).toMatch(/split over 6 one-character boxes/);
});

test('the gate looks at a page naming the platform whose only secret field is a code split over boxes', async () => {
  const { gateDecision, readGateInput } = await import('../../../src/engine/gate');
  document.head.innerHTML = '<title>Verify your TikTok account</title>';
  document.body.innerHTML = `<h1>Verify your TikTok account</h1><div>${'<input maxlength="1">'.repeat(6)}</div><button>Verify</button>`;
  expect(gateDecision(readGateInput(document))).toBe(true);
  document.body.innerHTML = `<h1>Verify your TikTok account</h1><div>${'<input maxlength="2">'.repeat(6)}</div><button>Verify</button>`;
  expect(gateDecision(readGateInput(document))).toBe(false);
});
