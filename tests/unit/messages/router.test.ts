/**
 * The background's message handler against hostile input: every message is
 * zod-validated and its sender checked; anything else is dropped — answered
 * with `undefined`, nothing stored, nothing painted, nothing thrown.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { classifySender, handleMessage, type RouterDeps } from '../../../src/background/router';
import { BackgroundMessage, MESSAGE_SENDERS } from '../../../src/messages';
import { packSnapshot } from '../../../src/engine/packed';
import { MAX_PATHS, type PackedSnapshot, type PageSnapshot, type ScanResult } from '../../../src/engine/types';
import { fillWords } from '../../../src/ui/page-words';
import { signalKeys } from '../../../src/ui/verdict-style';
import { catalogue, getMessageIn } from '../helpers/i18n';

const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}`;
const deps: RouterDeps = { extensionId: ID, extensionOrigin: ORIGIN, strict: async () => false };

const SHOP_URL = 'https://coins.example/tiktok';
/** A content script in the top frame of a web page in tab 7. */
const PAGE: Runtime.MessageSender = { id: ID, url: SHOP_URL, frameId: 0, tab: { id: 7 } as Runtime.MessageSender['tab'] };
/** The popup (no tab). */
const POPUP: Runtime.MessageSender = { id: ID, url: `${ORIGIN}/popup.html` };

/** A scam shop as the content script reads it. */
function page(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: SHOP_URL,
    title: 'Cheap TikTok Coins',
    lang: 'en',
    headline: 'Buy TikTok coins cheap',
    blocks: [
      { text: 'Buy TikTok coins: 1000 coins for $1', selector: 'p:nth-of-type(1)' },
      { text: 'Pay by bank transfer to our agent account', selector: 'p:nth-of-type(2)' },
    ],
    fields: [
      { type: 'text', name: 'user', autocomplete: '', label: 'tiktok username', selector: '#u', formAction: SHOP_URL },
      { type: 'password', name: 'pass', autocomplete: '', label: 'tiktok password', selector: '#p', formAction: SHOP_URL },
    ],
    forms: [{ action: SHOP_URL, method: 'post', selector: 'form' }],
    links: [],
    options: [],
    stats: { elements: 40, textTruncated: false },
    ...over,
  };
}
/** …and as it sends it (selectors as a table of paths, src/engine/packed.ts). */
const snapshot = (over: Partial<PageSnapshot> = {}): PackedSnapshot => packSnapshot(page(over));
const good = () => ({ type: 'snapshot', snapshot: snapshot() });
/** The good snapshot with its path table or references changed. */
const withPaths = (over: Partial<PackedSnapshot>) => ({ type: 'snapshot', snapshot: { ...snapshot(), ...over } });

let painted: unknown[][];
let written: Record<string, unknown>[];

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  painted = [];
  written = [];
  // The fake has no working toolbar button or i18n: record what would be painted.
  const record = (name: string) => async (...args: unknown[]) => void painted.push([name, ...args]);
  const action = fakeBrowser.action as unknown as Record<string, unknown>;
  for (const m of ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle', 'setIcon']) action[m] = record(m);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  for (const area of [fakeBrowser.storage.session, fakeBrowser.storage.local, fakeBrowser.storage.sync]) {
    const set = area.set.bind(area);
    vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      written.push(items);
      return set(items);
    });
  }
});

async function stored(): Promise<Record<string, unknown>> {
  return { ...(await fakeBrowser.storage.session.get(null)), ...(await fakeBrowser.storage.local.get(null)) };
}

describe('accepted messages (the baseline the hostile cases differ from)', () => {
  test('a snapshot from a page’s top frame is analysed, stored for its tab and painted', async () => {
    const reply = (await handleMessage(good(), PAGE, deps)) as { verdict: string; url: string };
    expect(reply.verdict).toBe('danger');
    expect(Object.keys(await stored())).toEqual(['tab:7']);
    expect(painted.some(([m, arg]) => m === 'setBadgeText' && (arg as { text: string }).text === '!!')).toBe(true);
  });

  test('the verdict is for the URL the browser reports, not the one the page wrote in the snapshot', async () => {
    const reply = (await handleMessage({ type: 'snapshot', snapshot: snapshot({ url: 'https://www.tiktok.com/coin' }) }, PAGE, deps)) as { url: string };
    expect(reply.url).toBe(SHOP_URL);
  });

  test('the verdict carries the page’s words in the browser’s language; the stored verdict does not', async () => {
    const getMessage = getMessageIn(catalogue('fr'));
    const reply = (await handleMessage(good(), PAGE, { ...deps, getMessage })) as ScanResult & { words: Record<string, string> };
    expect(fillWords(reply.words.labelled ?? '', ['Coin Shop Guard', 'Danger'])).toBe(getMessage('labelled', ['Coin Shop Guard', 'Danger']));
    // The title of each of the verdict's signals: what the badge names as the main reason.
    for (const s of reply.signals) expect(reply.words[signalKeys(s.id).title]).toBe(getMessage(signalKeys(s.id).title));
    const popup = (await handleMessage({ type: 'get-result', tabId: 7 }, POPUP, deps)) as { result: Record<string, unknown> };
    expect(popup.result.verdict).toBe('danger');
    expect(popup.result).not.toHaveProperty('words');
    // Without i18n (deps.getMessage unset) the verdict goes alone.
    expect(await handleMessage(good(), PAGE, deps)).not.toHaveProperty('words');
  });

  test('the popup gets the stored result of the tab it asks about', async () => {
    await handleMessage(good(), PAGE, deps);
    const reply = (await handleMessage({ type: 'get-result', tabId: 7 }, POPUP, deps)) as { result: { verdict: string } };
    expect(reply.result.verdict).toBe('danger');
  });

  test('clear from the page empties its tab', async () => {
    await handleMessage(good(), PAGE, deps);
    expect(await handleMessage({ type: 'clear' }, PAGE, deps)).toBeNull();
    expect(await stored()).toEqual({});
  });

  test('every message type has a declared sender kind', () => {
    const types = BackgroundMessage.options.map((o) => o.shape.type.value);
    expect(Object.keys(MESSAGE_SENDERS).sort()).toEqual([...types].sort());
  });
});

const huge = 'x'.repeat(5_000_000);
function deep(n: number): unknown {
  let v: unknown = { type: 'clear' };
  for (let i = 0; i < n; i++) v = { type: 'snapshot', snapshot: v };
  return v;
}
const cyclic: Record<string, unknown> = { type: 'snapshot' };
cyclic.snapshot = cyclic;
const withProto = JSON.parse('{"type":"clear","__proto__":{"polluted":true}}') as unknown;
const withCtor = JSON.parse('{"type":"get-result","tabId":7,"constructor":{"prototype":{"polluted":true}}}') as unknown;
const throwingGetter = Object.defineProperty({}, 'type', {
  get() {
    throw new Error('boom');
  },
  enumerable: true,
});
const throwingProxy = new Proxy({}, {
  get() {
    throw new Error('boom');
  },
  ownKeys() {
    throw new Error('boom');
  },
});

describe.each<[string, unknown]>([
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', 'snapshot'],
  ['an array', [{ type: 'clear' }]],
  ['a function', () => ({ type: 'clear' })],
  ['an unknown type', { type: 'delete-everything' }],
  ['no type', { snapshot: snapshot() }],
  ['type of the wrong kind', { type: ['snapshot'], snapshot: snapshot() }],
  ['snapshot not an object', { type: 'snapshot', snapshot: 'page' }],
  ['snapshot missing fields', { type: 'snapshot', snapshot: { url: SHOP_URL } }],
  ['snapshot field of the wrong type', { type: 'snapshot', snapshot: { ...snapshot(), blocks: 'lots' } }],
  ['an unpacked snapshot (selectors written out)', { type: 'snapshot', snapshot: page() }],
  ['a path whose parent is itself', withPaths({ paths: { parent: [0], part: ['p'] } })],
  ['a path whose parent comes later', withPaths({ paths: { parent: [1, -1], part: ['p', 'body'] } })],
  ['a path table with more parts than parents', withPaths({ paths: { parent: [-1], part: ['p', 'q'] } })],
  ['a path table with more positions than parts', withPaths({ paths: { parent: [-1], part: ['body'], nth: [0, 2] } })],
  ['a negative nth-of-type position', withPaths({ paths: { parent: [-1, 0], part: ['body', 'p'], nth: [0, -1] } })],
  ['a fractional nth-of-type position', withPaths({ paths: { parent: [-1, 0], part: ['body', 'p'], nth: [0, 1.5] } })],
  ['a block on a path that is not in the table', withPaths({ blocks: { text: ['Buy coins'], path: [99], struck: [] } })],
  ['a negative path', withPaths({ blocks: { text: ['Buy coins'], path: [-1], struck: [] } })],
  ['a block without a path', withPaths({ blocks: { text: ['Buy coins', 'now'], path: [0], struck: [] } })],
  ['a path without a block', withPaths({ blocks: { text: [], path: [0], struck: [] } })],
  ['a struck mark on no block', withPaths({ blocks: { text: ['Buy coins'], path: [0], struck: [1] } })],
  ['an option without a path', withPaths({ options: { text: ['100 coins'], path: [] } })],
  ['blocks as a list of objects (the old message)', withPaths({ blocks: [{ text: 'Buy coins', path: 0 }] as never })],
  ['more paths than a page can have', withPaths({ paths: { parent: new Array<number>(MAX_PATHS + 1).fill(-1), part: new Array<string>(MAX_PATHS + 1).fill('p') } })],
  ['an over-long title', { type: 'snapshot', snapshot: snapshot({ title: huge }) }],
  ['too many text blocks', { type: 'snapshot', snapshot: snapshot({ blocks: Array.from({ length: 5001 }, () => ({ text: 'a', selector: 'p' })) }) }],
  ['an extra huge string beside a valid snapshot', { ...good(), padding: huge }],
  ['an extra key on clear', { type: 'clear', tabId: 3 }],
  ['__proto__ key', withProto],
  ['constructor key', withCtor],
  ['a cyclic object', cyclic],
  ['10,000-deep nesting', deep(10_000)],
  ['a throwing getter', throwingGetter],
  ['a throwing proxy', throwingProxy],
  ['get-result with a negative tab', { type: 'get-result', tabId: -1 }],
  ['get-result with a fractional tab', { type: 'get-result', tabId: 1.5 }],
  ['get-result with NaN', { type: 'get-result', tabId: Number.NaN }],
  ['get-result with a string tab', { type: 'get-result', tabId: '7' }],
  ['get-result with a huge tab', { type: 'get-result', tabId: 2 ** 53 }],
])('malformed message: %s', (_name, raw) => {
  test.each<[string, Runtime.MessageSender]>([
    ['from a page', PAGE],
    ['from the popup', POPUP],
  ])('%s → dropped, nothing stored or painted, no throw', async (_from, sender) => {
    await handleMessage(good(), PAGE, deps); // something to leak or destroy
    const before = await stored();
    written = [];
    painted = [];
    await expect(handleMessage(raw, sender, deps)).resolves.toBeUndefined();
    expect(written).toEqual([]);
    expect(painted).toEqual([]);
    expect(await stored()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const tab = (id: unknown) => ({ id }) as Runtime.MessageSender['tab'];
describe.each<[string, Runtime.MessageSender, unknown]>([
  ['another extension', { ...PAGE, id: 'evil-extension-id' }, good()],
  ['no extension id', { ...PAGE, id: undefined }, good()],
  ['a sub-frame (frameId 3)', { ...PAGE, frameId: 3 }, good()],
  ['no frameId', { ...PAGE, frameId: undefined }, good()],
  ['no tab', { ...PAGE, tab: undefined }, good()],
  ['a tab without id', { ...PAGE, tab: tab(undefined) }, good()],
  ['a negative tab id (TAB_ID_NONE)', { ...PAGE, tab: tab(-1) }, good()],
  ['a non-numeric tab id', { ...PAGE, tab: tab('7') }, good()],
  ['no URL', { ...PAGE, url: undefined }, good()],
  ['an unparsable URL', { ...PAGE, url: 'not a url' }, good()],
  ['a file: page', { ...PAGE, url: 'file:///home/kid/shop.html' }, good()],
  ['a data: page', { ...PAGE, url: 'data:text/html,<h1>coins</h1>' }, good()],
  ['another extension’s page', { ...PAGE, url: 'chrome-extension://evil-extension-id/page.html' }, good()],
  ['our own popup sending a page message', POPUP, good()],
  ['our own popup sending clear', POPUP, { type: 'clear' }],
  ['a web page asking for a result', PAGE, { type: 'get-result', tabId: 7 }],
  ['a web page asking for another tab’s result', { ...PAGE, tab: tab(8) }, { type: 'get-result', tabId: 7 }],
  ['a page URL that imitates our origin', { ...PAGE, url: `https://${ID}.example/${ORIGIN}/popup.html` }, { type: 'get-result', tabId: 7 }],
  ['our page in a sub-frame of a tab', { ...POPUP, tab: tab(7), frameId: 2 }, { type: 'get-result', tabId: 7 }],
  ['another extension claiming our popup URL', { ...POPUP, id: 'evil-extension-id' }, { type: 'get-result', tabId: 7 }],
  ['no sender at all', undefined as unknown as Runtime.MessageSender, good()],
  // Strict mode's messages (src/settings/messages.ts) go through the same sender check.
  ['our own popup sending verify-pin', POPUP, { type: 'verify-pin', pin: '1234', purpose: 'continue' }],
  ['a sub-frame sending verify-pin', { ...PAGE, frameId: 2 }, { type: 'verify-pin', pin: '1234', purpose: 'unlock-fields' }],
  ['another extension sending log-event', { ...PAGE, id: 'evil-extension-id' }, { type: 'log-event', action: 'continued' }],
  ['a sub-frame asking for the strict plan', { ...PAGE, frameId: 1 }, { type: 'strict-plan' }],
])('wrong sender: %s', (_name, sender, raw) => {
  test('dropped: no answer, nothing stored or painted', async () => {
    await handleMessage(good(), PAGE, deps);
    const before = await stored();
    written = [];
    painted = [];
    await expect(handleMessage(raw, sender, deps)).resolves.toBeUndefined();
    expect(written).toEqual([]);
    expect(painted).toEqual([]);
    expect(await stored()).toEqual(before);
  });
});

describe('classifySender', () => {
  test('our popup opened in a tab (as the end-to-end tests do) counts as our page', () => {
    expect(classifySender({ ...POPUP, tab: tab(4), frameId: 0 }, deps)).toEqual({ kind: 'extension' });
  });
  test('a page sender carries the browser’s tab id and URL', () => {
    expect(classifySender(PAGE, deps)).toEqual({ kind: 'page', tabId: 7, url: SHOP_URL });
  });
});

describe('properties', () => {
  const senders = fc.constantFrom<Runtime.MessageSender>(PAGE, POPUP, { ...PAGE, frameId: 1 }, { ...PAGE, id: 'other' });
  test('arbitrary JSON from any sender never throws and never writes storage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), senders, async (raw, sender) => {
        written = [];
        painted = [];
        const reply = await handleMessage(raw, sender, deps);
        // Arbitrary JSON is essentially never a valid snapshot; a get-result from the popup may read, never write.
        expect(written).toEqual([]);
        expect(painted).toEqual([]);
        if (reply !== undefined) expect(raw).toMatchObject({ type: 'get-result' });
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary JSON dressed as a message (a known type plus random fields) never throws and never writes storage', async () => {
    const dressed = fc
      .tuple(fc.constantFrom('snapshot', 'clear', 'get-result'), fc.dictionary(fc.string(), fc.jsonValue()))
      .map(([type, rest]) => ({ ...rest, type }));
    await fc.assert(
      fc.asyncProperty(dressed, senders, async (raw, sender) => {
        written = [];
        let threw: unknown = null;
        await handleMessage(raw, sender, deps).catch((e: unknown) => (threw = e ?? 'thrown'));
        expect(threw).toBeNull();
        // `clear` with no other keys from a page legitimately removes a (here absent) entry: still no write.
        expect(written).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary values (not only JSON: symbols, functions, typed arrays) never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), senders, async (raw, sender) => {
        written = [];
        await handleMessage(raw, sender, deps);
        expect(written).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
