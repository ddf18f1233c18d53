/** @vitest-environment happy-dom */
/**
 * A field in the page's header or menu is marked (Field.inHeader), read from the DOM rather than
 * from its selector: a selector starts at the nearest id, so `form#login > input…` or `input#pw`
 * names no header around it. The credential check leaves such a box to the shop unless the
 * platform is named beside it.
 */
import { expect, test } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { packSnapshot, unpackSnapshot } from '../../../src/engine/packed';
import { emptyBodyAfterEach, readBody } from '../helpers/body-snapshot';

emptyBodyAfterEach();
const read = (body: string) => readBody(body, 'https://coincart.example/');
const marked = (body: string) => Object.fromEntries(read(body).fields.map((f) => [f.name, f.inHeader === true]));

test('fields in a header, a nav or a banner/navigation role are marked, whatever ids sit between; others are not', () => {
  expect(
    marked(
      '<header id="top"><form id="login"><input id="email"><input type="password" name="pw"></form></header>' +
        '<nav><div id="menu"><input type="search" name="q"></div></nav>' +
        '<div role="banner"><input name="user"></div><div role="navigation"><input name="jump"></div>' +
        '<main><form id="order"><input name="tt"><input type="password" id="secret"></form></main>',
    ),
  ).toEqual({ email: true, pw: true, q: true, user: true, jump: true, tt: false, secret: false });
});

test('the mark survives packing, and only marked fields carry the key', () => {
  const snap = read('<header><input type="password" id="pw"></header><form><input name="tt"></form>');
  expect(unpackSnapshot(packSnapshot(snap))).toEqual(snap);
  expect(Object.keys(snap.fields.find((f) => f.name === 'tt') ?? {})).not.toContain('inHeader');
});

test("a sign-in box with ids in the header stays the shop's own; the same box naming TikTok beside it is flagged", () => {
  const order = '<h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>';
  const own = read(`<header><b>CoinCart</b><div><input type="email" id="email"><input type="password" id="pw"><button>Log in</button></div></header>${order}`);
  expect(analyze(own).signals.map((s) => s.id)).not.toContain('credential-fields');
  const named = read(`<header><div><span>TikTok password</span><input type="password" id="pw"><button>Log in</button></div></header>${order}`);
  expect(analyze(named).signals.map((s) => s.id)).toContain('credential-fields');
});
