/**
 * Cross-origin frames through the background (src/background/frames.ts and the
 * router): a frame probe's report is kept for its tab, merged into the tab's
 * verdict, and makes the page re-scan a bounded number of times.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { MAX_FRAMES, MAX_RESCANS, clearFrames, recordFrame, takeFrames } from '../../../src/background/frames';
import { handleMessage, type RouterDeps } from '../../../src/background/router';
import { packSnapshot } from '../../../src/engine/packed';
import { FRAME_URL, SHOP_URL as SHOP, loginFrame, shopTop } from '../helpers/frame-fixtures';

// As the content script and the frame probe send them (src/engine/packed.ts).
const top = packSnapshot(shopTop);
const login = packSnapshot(loginFrame);

const ID = 'test-extension-id';
const tab = (id: number) => ({ id }) as Runtime.MessageSender['tab'];
const PAGE: Runtime.MessageSender = { id: ID, url: SHOP, frameId: 0, tab: tab(7) };
/** The frame probe in a cross-origin frame of tab 7 (Firefox frame ids are this large). */
const FRAME: Runtime.MessageSender = { id: ID, url: FRAME_URL, frameId: 12884901889, tab: tab(7) };

let rescans: number[];
let probes: number[];
let deps: RouterDeps;
beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  const action = fakeBrowser.action as unknown as Record<string, unknown>;
  for (const m of ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle', 'setIcon']) action[m] = async () => undefined;
  rescans = [];
  probes = [];
  deps = {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}`,
    strict: async () => false,
    rescan: (t) => void rescans.push(t),
    probeFrames: (t) => void probes.push(t),
  };
});

const verdictOf = (r: unknown) => (r as { verdict: string }).verdict;

describe('the router', () => {
  test('a frame that reports before the page’s scan is merged into it: danger', async () => {
    expect(await handleMessage({ type: 'frame-snapshot', snapshot: login }, FRAME, deps)).toBeNull();
    // No verdict yet, so no re-scan is asked for: the page's own scan will include the frame.
    expect(rescans).toEqual([]);
    expect(verdictOf(await handleMessage({ type: 'snapshot', snapshot: top }, PAGE, deps))).toBe('danger');
    expect(probes).toEqual([7]);
  });

  test('a frame that reports after the page’s scan makes the page re-scan, and that scan is danger', async () => {
    expect(verdictOf(await handleMessage({ type: 'snapshot', snapshot: top }, PAGE, deps))).toBe('none');
    await handleMessage({ type: 'frame-snapshot', snapshot: login }, FRAME, deps);
    expect(rescans).toEqual([7]);
    expect(verdictOf(await handleMessage({ type: 'snapshot', snapshot: top }, PAGE, deps))).toBe('danger');
    // The frame answers the probe with the same content: nothing new, no further re-scan.
    await handleMessage({ type: 'frame-snapshot', snapshot: login }, FRAME, deps);
    expect(rescans).toEqual([7]);
  });

  test('a frame that changes on every probe cannot make the page re-scan forever', async () => {
    await handleMessage({ type: 'snapshot', snapshot: top }, PAGE, deps);
    for (let i = 0; i < MAX_RESCANS + 5; i++) {
      await handleMessage({ type: 'frame-snapshot', snapshot: { ...login, title: `v${i}` } }, FRAME, deps);
      await handleMessage({ type: 'snapshot', snapshot: top }, PAGE, deps);
    }
    expect(rescans).toHaveLength(MAX_RESCANS);
  });

  test('the frame’s URL is the browser’s, not the message’s: a frame cannot pose as the platform', async () => {
    await handleMessage({ type: 'frame-snapshot', snapshot: { ...login, url: 'https://www.tiktok.com/login' } }, FRAME, deps);
    const [part] = await takeFrames(7);
    expect(part?.origin).toBe('https://checkout-frame.example');
    expect(part?.snapshot.url).toBe(FRAME_URL);
  });

  test.each<[string, Runtime.MessageSender, unknown]>([
    ['a frame-snapshot from the top frame', PAGE, { type: 'frame-snapshot', snapshot: login }],
    ['a page snapshot from a sub-frame', FRAME, { type: 'snapshot', snapshot: top }],
    ['a frame-snapshot from another extension', { ...FRAME, id: 'evil' }, { type: 'frame-snapshot', snapshot: login }],
    ['a frame-snapshot from a frame without a tab', { ...FRAME, tab: undefined }, { type: 'frame-snapshot', snapshot: login }],
    ['a frame-snapshot from a file: frame', { ...FRAME, url: 'file:///x.html' }, { type: 'frame-snapshot', snapshot: login }],
    ['a frame-snapshot with a negative frame id', { ...FRAME, frameId: -1 }, { type: 'frame-snapshot', snapshot: login }],
    ['a malformed frame-snapshot', FRAME, { type: 'frame-snapshot', snapshot: { ...login, fields: 'password' } }],
    ['a frame-snapshot with extra keys', FRAME, { type: 'frame-snapshot', snapshot: login, verdict: 'ok' }],
    ['a frame asking for the strict plan', FRAME, { type: 'strict-plan' }],
  ])('dropped: %s', async (_name, sender, raw) => {
    await expect(handleMessage(raw, sender, deps)).resolves.toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test('clear (the page is no shop any more) forgets the tab’s frames', async () => {
    await handleMessage({ type: 'frame-snapshot', snapshot: login }, FRAME, deps);
    await handleMessage({ type: 'clear' }, PAGE, deps);
    expect(await takeFrames(7)).toEqual([]);
  });
});

describe('the frame store', () => {
  test('frames of one tab never leak into another', async () => {
    await recordFrame(7, 3, { origin: 'https://a.example', snapshot: loginFrame });
    expect(await takeFrames(8)).toEqual([]);
    expect(await takeFrames(7)).toHaveLength(1);
  });

  test(`at most ${MAX_FRAMES} frames per tab are kept`, async () => {
    for (let i = 1; i <= MAX_FRAMES + 3; i++) await recordFrame(7, i, { origin: `https://f${i}.example`, snapshot: loginFrame });
    expect(await takeFrames(7)).toHaveLength(MAX_FRAMES);
  });

  test('reports arriving together are all kept (no lost update)', async () => {
    await Promise.all([1, 2, 3, 4].map((i) => recordFrame(7, i, { origin: `https://f${i}.example`, snapshot: loginFrame })));
    expect((await takeFrames(7)).map((f) => f.origin).sort()).toEqual(['https://f1.example', 'https://f2.example', 'https://f3.example', 'https://f4.example']);
  });

  test.each<[string, unknown]>([
    ['a string', 'frames'],
    ['frames not an object', { frames: [login], rescans: 0 }],
    ['a frame of the wrong shape', { frames: { 3: { origin: 'x', snapshot: 'y' } }, rescans: 0 }],
  ])('a damaged entry (%s) reads as no frames, without throwing', async (_name, raw) => {
    await fakeBrowser.storage.session.set({ 'frames:7': raw });
    await expect(takeFrames(7)).resolves.toEqual([]);
  });

  test('a session store that refuses writes keeps the frames in memory', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await recordFrame(9, 1, { origin: 'https://a.example', snapshot: loginFrame });
    expect(await takeFrames(9)).toHaveLength(1);
    await clearFrames(9);
    expect(await takeFrames(9)).toEqual([]);
  });
});
