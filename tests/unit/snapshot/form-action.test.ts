/** @vitest-environment happy-dom */
import { afterEach, expect, test } from 'vitest';
import { LIMITS } from '../../../src/engine/limits';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { buildPackedSnapshot, buildSnapshot } from '../../../src/engine/snapshot';
import { PackedSnapshotSchema } from '../../../src/engine/types';

/**
 * A submit button's formaction sends its form somewhere else than the form's action. The snapshot
 * keeps those other destinations on the form (buttonActions), resolved against the page; forms
 * without one carry no such key, so snapshots of other pages are unchanged.
 */
afterEach(() => {
  document.body.innerHTML = '';
});

const URL = 'https://shop.example/buy/';

function actions(body: string): (string[] | undefined)[] {
  document.body.innerHTML = body;
  return buildSnapshot(document, URL).forms.map((f) => f.buttonActions);
}

test('a submit button or input with a formaction: its destination, resolved, once each', () => {
  const form = `<form action="/order"><input name="u">
    <button formaction="http://collector.example/p.php">Buy</button>
    <button type="SUBMIT" formaction="pay">Pay</button>
    <input type="submit" formaction="http://collector.example/p.php">
    <input type="image" formaction="//cdn.example/x" alt="Go"></form>`;
  expect(actions(form)).toEqual([['http://collector.example/p.php', 'https://shop.example/buy/pay', 'https://cdn.example/x']]);
});

test('buttons that do not submit, or go where the form goes, add nothing', () => {
  const form = `<form action="/order"><input name="u">
    <button type="button" formaction="http://a.example/">Help</button>
    <button type="reset" formaction="http://b.example/">Clear</button>
    <input type="button" formaction="http://c.example/">
    <input name="q" formaction="http://d.example/">
    <button formaction="/order">Buy</button>
    <button>Plain</button></form>`;
  expect(actions(form)).toEqual([undefined]);
  document.body.innerHTML = form;
  for (const f of buildSnapshot(document, URL).forms) expect(Object.keys(f)).not.toContain('buttonActions');
});

test('a button outside the forms, tied to one with form=, counts for that one (its form owner)', () => {
  const body = `<form id="a" action="/a"><input name="x"></form>
    <form id="b" action="/b"><input name="y"></form><button form="a" formaction="http://evil.example/">Go</button>`;
  expect(actions(body)).toEqual([['http://evil.example/'], undefined]);
});

test('a formaction on a button outside any form is ignored', () => {
  expect(actions('<button formaction="http://evil.example/">Go</button><form action="/o"><input></form>')).toEqual([undefined]);
});

test(`at most ${LIMITS.buttonActions} destinations per form`, () => {
  const buttons = Array.from({ length: 30 }, (_, i) => `<button formaction="/go/${i}">${i}</button>`).join('');
  const [list] = actions(`<form action="/o"><input>${buttons}</form>`);
  expect(list).toHaveLength(LIMITS.buttonActions);
  expect(list?.[0]).toBe('https://shop.example/go/0');
});

test('packed for the message and unpacked again, the key survives and the schema accepts it', () => {
  document.body.innerHTML = '<form action="/o"><input name="u"><button formaction="http://x.example/">Buy</button></form><form action="/p"><input></form>';
  const packed = buildPackedSnapshot(document, URL);
  expect(PackedSnapshotSchema.safeParse(packed).success).toBe(true);
  const snap = unpackSnapshot(packed);
  expect(snap?.forms.map((f) => f.buttonActions)).toEqual([['http://x.example/'], undefined]);
  expect(unpackSnapshot(packSnapshot(snap!))).toEqual(snap);
  const tooMany = Array.from({ length: LIMITS.buttonActions + 1 }, (_, i) => `http://x.example/${i}`);
  expect(PackedSnapshotSchema.safeParse({ ...packed, forms: [{ ...packed.forms[0], buttonActions: tooMany }] }).success).toBe(false);
});
