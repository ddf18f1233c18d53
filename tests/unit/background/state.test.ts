/**
 * Per-tab results (src/background/state.ts) against a corrupted or full store:
 * a bad entry reads as "no result", a quota error loses nothing and never
 * spills into storage.local, where the parent's PIN hash lives.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearResult, loadResult, saveResult } from '../../../src/background/state';
import type { ScanResult } from '../../../src/engine/types';

const RESULT: ScanResult = {
  url: 'https://coins.example/',
  verdict: 'danger',
  score: 120,
  platform: 'tiktok',
  signals: [{ id: 'credential-fields', severity: 'danger', evidence: [{ text: 'tiktok password', selector: '#p' }] }],
  prices: [],
};
/** What src/pin and src/settings keep in storage.local (their keys). */
const PARENT = { pin: { v: 1, salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 600000 }, strictLatch: true, activityLog: [{ at: 1, url: 'https://x.example/' }] };

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(PARENT);
});

describe.each<[string, unknown]>([
  ['a string', 'danger'],
  ['a number', 7],
  ['null', null],
  ['an array', [RESULT]],
  ['a partial object', { verdict: 'danger' }],
  ['an unknown verdict', { ...RESULT, verdict: 'safe-trust-me' }],
  ['a signal of the wrong shape', { ...RESULT, signals: [{ id: 1 }] }],
  ['prices not an array', { ...RESULT, prices: 'cheap' }],
])('a corrupted entry (%s)', (_name, raw) => {
  test('reads as no result, without throwing', async () => {
    await fakeBrowser.storage.session.set({ 'tab:3': raw });
    await expect(loadResult(3)).resolves.toBeNull();
  });
});

test('a stored result reads back equal', async () => {
  await saveResult(3, RESULT);
  await expect(loadResult(3)).resolves.toEqual(RESULT);
  expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['tab:3']);
});

test('a quota error on storage.session: the result is kept in memory, storage.local is untouched', async () => {
  vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
  const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
  await expect(saveResult(4, RESULT)).resolves.toBeUndefined();
  await expect(loadResult(4)).resolves.toEqual(RESULT);
  expect(localSet).not.toHaveBeenCalled();
  expect(await fakeBrowser.storage.local.get(null)).toEqual(PARENT);
  await clearResult(4);
  await expect(loadResult(4)).resolves.toBeNull();
});

test('no storage.session at all: results stay in memory, never in storage.local', async () => {
  const storage = fakeBrowser.storage as unknown as Record<string, unknown>;
  const saved = storage.session;
  storage.session = undefined;
  try {
    await saveResult(5, RESULT);
    await expect(loadResult(5)).resolves.toEqual(RESULT);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(PARENT);
  } finally {
    storage.session = saved;
  }
});

test('a failing storage read or remove does not throw', async () => {
  vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('storage is gone'));
  vi.spyOn(fakeBrowser.storage.session, 'remove').mockRejectedValue(new Error('storage is gone'));
  await expect(loadResult(6)).resolves.toBeNull();
  await expect(clearResult(6)).resolves.toBeUndefined();
});

test('clearing a tab removes only that tab: other tabs and the parent’s data stay', async () => {
  await saveResult(1, RESULT);
  await saveResult(2, RESULT);
  await clearResult(1);
  expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['tab:2']);
  expect(await fakeBrowser.storage.local.get(null)).toEqual(PARENT);
});
