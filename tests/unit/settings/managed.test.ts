/**
 * Policy precedence over the user's settings, through storage.managed as the
 * extension reads it (fakeBrowser; the real thing is proven in
 * tests/e2e/chromium/strict.spec.ts with a Chromium policy file).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { applyManaged, parseManaged } from '../../../src/settings/managed';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { isTrusted, LATCH_KEY, loadEffective, saveSettings, SETTINGS_KEY } from '../../../src/settings/store';
import { setPin } from '../../../src/pin/store';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('managed policy values', () => {
  test('valid keys are taken and lock their settings; unknown keys are ignored', () => {
    const { managed, problems } = parseManaged({ strictMode: true, dangerAction: 'block', requirePin: true, allowList: ['School-Shop.example'], other: 1 });
    expect(problems).toEqual([]);
    expect(managed).toEqual({ strictMode: true, dangerAction: 'block', requirePin: true, allowList: ['school-shop.example'] });
    const { settings, locked } = applyManaged({ ...DEFAULT_SETTINGS, allowList: ['mine.example'] }, managed);
    expect(settings).toMatchObject({ mode: 'strict', dangerAction: 'block', requirePin: true, allowList: ['school-shop.example'] });
    expect(locked.sort()).toEqual(['allowList', 'dangerAction', 'mode', 'requirePin']);
  });

  test('a policy of the wrong type is ignored and reported — but a garbled strictMode still means strict', () => {
    const { managed, problems } = parseManaged({ strictMode: 'yes', dangerAction: 'explode', allowList: 'x' });
    expect(managed).toEqual({ strictMode: true });
    expect(problems).toEqual([
      { code: 'managedInvalid', field: 'strictMode' },
      { code: 'managedInvalid', field: 'dangerAction' },
      { code: 'managedInvalid', field: 'allowList' },
    ]);
  });

  test.each([undefined, null, 'x', [], 3])('policy %s → nothing managed', (raw) => {
    expect(parseManaged(raw)).toEqual({ managed: {}, problems: [] });
  });

  test('strictMode false by policy turns strict off and locks it off', () => {
    const { settings, locked } = applyManaged({ ...DEFAULT_SETTINGS, mode: 'strict' }, { strictMode: false });
    expect(settings.mode).toBe('normal');
    expect(locked).toEqual(['mode']);
  });
});

describe('loadEffective: storage.sync + storage.local + storage.managed', () => {
  test('policy wins over the user setting, and strict mode is reported as controlled by policy', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'normal' });
    await fakeBrowser.storage.managed.set({ strictMode: true });
    const eff = await loadEffective();
    expect(eff.user.mode).toBe('normal');
    expect(eff.settings.mode).toBe('strict');
    expect(eff.locked).toEqual(['mode']);
    expect(eff.controlledBy).toBe('policy');
  });

  test('no policy (storage.managed throws, as in Firefox without policies.json) → the user settings', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'strict' });
    const eff = await loadEffective();
    expect(eff.settings.mode).toBe('strict');
    expect(eff.locked).toEqual([]);
    expect(eff.controlledBy).toBe('none');
    await setPin('1234');
    expect((await loadEffective()).controlledBy).toBe('pin');
  });

  test('settings are saved to storage.sync; the strict latch to storage.local', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'strict', allowList: ['shop.example'] });
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ mode: 'strict', allowList: ['shop.example'] });
    expect((await fakeBrowser.storage.local.get(LATCH_KEY))[LATCH_KEY]).toBe(true);
  });

  test('settings corrupted in storage.sync after strict was on: still strict, and the problem is reported', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, mode: 'strict' });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: '}{ garbage' });
    const eff = await loadEffective();
    expect(eff.settings.mode).toBe('strict');
    expect(eff.problems).toEqual([{ code: 'corrupt' }]);
  });
});

describe('allow-list matching', () => {
  test.each([
    ['shop.example', true],
    ['www.shop.example', true],
    ['coins.shop.example', true],
    ['evilshop.example', false],
    ['shop.example.evil.test', false],
  ])('%s against [shop.example] → %s', (host, trusted) => expect(isTrusted(host, ['shop.example'])).toBe(trusted));
});
