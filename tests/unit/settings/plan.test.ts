/**
 * What strict mode does on a page (src/settings/plan.ts) and how the background
 * answers the content script (src/settings/handler.ts through the router).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { handleMessage, type RouterDeps } from '../../../src/background/router';
import { saveResult } from '../../../src/background/state';
import type { ScanResult } from '../../../src/engine/types';
import { setPin } from '../../../src/pin/store';
import { strictPlan } from '../../../src/settings/plan';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/schema';
import { saveSettings } from '../../../src/settings/store';

const strict: Settings = { ...DEFAULT_SETTINGS, mode: 'strict' };

describe('strictPlan', () => {
  test.each<[string, Settings, boolean, string, Partial<ReturnType<typeof strictPlan>>]>([
    ['normal mode: nothing', DEFAULT_SETTINGS, true, 'danger', { cover: false, lockFields: false }],
    ['strict, danger, block, PIN set', strict, true, 'danger', { cover: true, lockFields: true, continueGate: 'pin', fieldsGate: 'pin' }],
    ['strict, danger, block, no PIN: stays covered', strict, false, 'danger', { cover: true, continueGate: 'never', fieldsGate: 'never' }],
    ['strict, danger, warn: continue without PIN, fields still need it', { ...strict, dangerAction: 'warn' }, true, 'danger', { cover: true, continueGate: 'free', fieldsGate: 'pin' }],
    ['strict, warn + requirePin: continue needs the PIN', { ...strict, dangerAction: 'warn', requirePin: true }, true, 'danger', { continueGate: 'pin' }],
    ['strict, caution: fields locked, no cover', strict, true, 'caution', { cover: false, lockFields: true }],
    ['strict, ok: nothing', strict, true, 'ok', { cover: false, lockFields: false }],
    ['strict, official: nothing', strict, true, 'official', { cover: false, lockFields: false }],
    ['strict, trusted shop: nothing, marked trusted', { ...strict, allowList: ['shop.example'] }, true, 'danger', { cover: false, lockFields: false, trusted: true }],
  ])('%s', (_name, settings, pinSet, verdict, want) => {
    expect(strictPlan(settings, pinSet, 'www.shop.example', verdict)).toMatchObject(want);
  });
});

describe('the background answers strict-mode messages from a tab’s top frame only', () => {
  const ID = 'ext-id';
  const ORIGIN = 'chrome-extension://ext-id';
  const deps: RouterDeps = { extensionId: ID, extensionOrigin: ORIGIN, strict: async () => true };
  const URL_ = 'https://scam.example/coins';
  const page: Runtime.MessageSender = { id: ID, url: URL_, tab: { id: 7 } as Tabs.Tab, frameId: 0 };
  const result: ScanResult = { url: URL_, verdict: 'danger', score: 100, platform: 'tiktok', signals: [], prices: [] };

  beforeAll(async () => {
    fakeBrowser.reset();
    await saveSettings(strict);
    await setPin('2580');
    await saveResult(7, result);
  });

  test('the plan for the top frame of the tab with a stored danger verdict', async () => {
    expect(await handleMessage({ type: 'strict-plan' }, page, deps)).toMatchObject({ cover: true, lockFields: true, continueGate: 'pin' });
  });

  test.each<[string, Runtime.MessageSender]>([
    ['a sub-frame', { ...page, frameId: 3 }],
    ['our own page (not a tab content script)', { id: ID, url: `${ORIGIN}/options.html` }],
    ['another extension', { ...page, id: 'other' }],
    ['a tab without a stored verdict for this address', { ...page, url: 'https://scam.example/other' }],
  ])('%s gets no cover', async (_n, sender) => {
    const reply = (await handleMessage({ type: 'strict-plan' }, sender, deps)) as { cover?: boolean } | undefined;
    expect(reply?.cover ?? false).toBe(false);
  });

  test('verify-pin: wrong refused, right accepted, extra keys dropped', async () => {
    expect(await handleMessage({ type: 'verify-pin', pin: '0000', purpose: 'continue' }, page, deps)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await handleMessage({ type: 'verify-pin', pin: '2580', purpose: 'continue', extra: 1 }, page, deps)).toBeUndefined();
    expect(await handleMessage({ type: 'verify-pin', pin: '2580', purpose: 'continue' }, page, deps)).toEqual({ ok: true });
  });

  test('a PIN check from a page that strict mode does not cover is refused without checking', async () => {
    await saveResult(8, { ...result, verdict: 'ok' });
    const ok: Runtime.MessageSender = { ...page, tab: { id: 8 } as Tabs.Tab };
    expect(await handleMessage({ type: 'verify-pin', pin: '2580', purpose: 'continue' }, ok, deps)).toEqual({ ok: false, reason: 'refused', retryInMs: 0 });
  });
});
