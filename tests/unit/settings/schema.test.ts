import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, MIGRATIONS, normalizeSite, parseSettings, SETTINGS_VERSION, SettingsSchema } from '../../../src/settings/schema';

const v2 = { version: 2, mode: 'strict', dangerAction: 'warn', requirePin: true, allowList: ['shop.example'] };

describe('settings schema and defaults', () => {
  test('defaults are valid, normal mode, block on danger, nothing trusted', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual({ version: SETTINGS_VERSION, mode: 'normal', dangerAction: 'block', requirePin: false, allowList: [] });
  });

  test('nothing stored → defaults, no problem reported', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  test('current settings read back unchanged', () => {
    expect(parseSettings(v2)).toEqual({ settings: v2, problems: [] });
  });
});

describe('migrations', () => {
  test('there is a step from every earlier version to the current one', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `migration ${v}→${v + 1}`).toBeTypeOf('function');
  });

  test.each([
    ['v0 prototype, strict', { strictMode: true }, { mode: 'strict', dangerAction: 'block', allowList: [] }],
    ['v0 prototype, normal', { strictMode: false }, { mode: 'normal' }],
    ['v1 pre-release, strict + warn + trusted', { version: 1, strict: true, block: false, trusted: ['Good-Shop.example', 'https://www.other.example/x'] }, { mode: 'strict', dangerAction: 'warn', allowList: ['good-shop.example', 'other.example'] }],
    ['v1 pre-release, normal + block', { version: 1, strict: false, block: true, trusted: [] }, { mode: 'normal', dangerAction: 'block' }],
  ])('%s', (_name, stored, expected) => {
    const { settings, problems } = parseSettings(stored);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ version: SETTINGS_VERSION, ...expected });
  });

  test('a v1 with a broken strict flag keeps strict when strict was last seen', () => {
    const { settings, problems } = parseSettings({ version: 1, strict: 'yes', block: true, trusted: [] }, true);
    expect(settings.mode).toBe('strict');
    expect(problems).toContainEqual({ code: 'fieldReset', field: 'mode' });
  });
});

describe('corrupted or foreign values never crash and fall back safely', () => {
  test.each<[string, unknown]>([
    ['a string', 'strict please'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['true', true],
  ])('%s instead of an object → defaults, reported as corrupt; strict stays strict', (_n, raw) => {
    expect(parseSettings(raw, false)).toEqual({ settings: DEFAULT_SETTINGS, problems: [{ code: 'corrupt' }] });
    expect(parseSettings(raw, true).settings.mode).toBe('strict');
  });

  test('each broken field falls back on its own and is named; the good fields survive', () => {
    const { settings, problems } = parseSettings({ ...v2, mode: 'STRICT!!', dangerAction: 7, requirePin: 'no', allowList: 'everything' }, true);
    expect(settings).toEqual({ version: 2, mode: 'strict', dangerAction: 'block', requirePin: false, allowList: [] });
    expect(problems.map((p) => (p.code === 'fieldReset' ? p.field : p.code)).sort()).toEqual(['allowList', 'dangerAction', 'mode', 'requirePin']);
  });

  test('an unreadable mode without the strict latch falls back to normal', () => {
    expect(parseSettings({ ...v2, mode: null }, false).settings.mode).toBe('normal');
  });

  test('bad allow-list entries are dropped, the rest kept, duplicates merged', () => {
    const { settings, problems } = parseSettings({ ...v2, allowList: ['shop.example', 42, 'not a site', 'javascript:alert(1)', 'www.shop.example', 'b.example'] });
    expect(settings.allowList).toEqual(['shop.example', 'b.example']);
    expect(problems).toEqual([{ code: 'fieldReset', field: 'allowList' }]);
  });

  test('settings from a newer version keep the fields we understand and say so', () => {
    const { settings, problems } = parseSettings({ ...v2, version: 9, futureThing: { a: 1 } });
    expect(settings).toEqual(v2);
    expect(problems).toEqual([{ code: 'newer' }]);
  });

  test('a nonsense version is reported and the fields are still read', () => {
    const { settings, problems } = parseSettings({ ...v2, version: 'two' });
    expect(settings.mode).toBe('strict');
    expect(problems).toContainEqual({ code: 'fieldReset', field: 'version' });
  });

  test('prototype-pollution shaped input does nothing', () => {
    const raw = JSON.parse('{"__proto__": {"mode": "normal"}, "version": 2, "mode": "strict", "dangerAction": "block", "requirePin": false, "allowList": []}');
    expect(parseSettings(raw).settings.mode).toBe('strict');
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });
});

describe('site names for the allow-list', () => {
  test.each([
    ['shop.example', 'shop.example'],
    ['  WWW.Shop.Example  ', 'shop.example'],
    ['https://coins.shop.example/buy?x=1', 'coins.shop.example'],
    ['xn--tktok-qsa.example', 'xn--tktok-qsa.example'],
  ])('%s → %s', (input, host) => expect(normalizeSite(input)).toBe(host));

  test.each(['', 'localhost', 'not a site', 'javascript:alert(1)', 'http://', '-bad-.example', 'a'.repeat(300) + '.com'])('%s is refused', (input) => {
    expect(normalizeSite(input)).toBeNull();
  });
});
