import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { checkPin, readPinRecord, setPin } from '../../../src/pin/store';

// A quota error or a write that does not stick must never cost the parent their PIN,
// and must never be reported as "saved".
beforeAll(async () => {
  fakeBrowser.reset();
  expect(await setPin('2468')).toEqual({ ok: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

test('a quota error while changing the PIN is reported and the old PIN still works', async () => {
  const before = await readPinRecord();
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('pin' in items) throw new Error('QUOTA_BYTES quota exceeded');
    // back-off bookkeeping still writes normally
  });
  expect(await setPin('9999', '2468')).toEqual({ ok: false, reason: 'storage', retryInMs: 0 });
  vi.restoreAllMocks();
  expect(await readPinRecord()).toEqual(before);
  expect((await checkPin('2468')).ok).toBe(true);
  expect((await checkPin('9999')).ok).toBe(false);
});

test('a write that silently does not stick is reported, not claimed as saved', async () => {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('pin' in items) return; // dropped on the floor
    await set(items);
  });
  expect(await setPin('1357', '2468')).toEqual({ ok: false, reason: 'storage', retryInMs: 0 });
  vi.restoreAllMocks();
  expect((await checkPin('2468')).ok).toBe(true);
});
