/**
 * Parents' settings: one zod schema, its defaults, and versioned migrations.
 *
 * Stored in storage.sync under `settings` (they follow the parent's browser
 * profile). Reading never throws: a value that does not parse falls back,
 * field by field, to a safe default, and the reason is reported as a
 * `SettingsProblem` the options page shows. Safe means: strict never silently
 * turns into normal — if the mode itself is unreadable we keep the last mode we
 * saw (the "strict latch" in storage.local), and nothing is trusted.
 */
import { z } from 'zod';

export const SETTINGS_VERSION = 2;
/** Long enough for a school's list, small enough for storage.sync's 8 KB per item. */
export const MAX_ALLOW_LIST = 200;

export const MODES = ['normal', 'strict'] as const;
export const DANGER_ACTIONS = ['warn', 'block'] as const;
export type Mode = (typeof MODES)[number];
export type DangerAction = (typeof DANGER_ACTIONS)[number];

/**
 * A trusted site as the parent typed it ("shop.example", "https://www.shop.example/coins")
 * → its host name, lower-case, without "www.". Null when it is not a host name.
 */
export function normalizeSite(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s || s.length > 253) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `https://${s}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  // Host names only: at least one dot, labels of letters, digits and hyphens (punycode included).
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host)) return null;
  return host;
}

export const SiteSchema = z.string().transform((s, ctx) => {
  const host = normalizeSite(s);
  if (!host) {
    ctx.addIssue({ code: 'custom', message: 'not a site' });
    return z.NEVER;
  }
  return host;
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** strict: caution counts as danger, danger pages are covered, secret fields locked. */
  mode: z.enum(MODES),
  /** On a danger page in strict mode: warn = "Continue anyway" without the PIN; block = it needs the PIN. */
  dangerAction: z.enum(DANGER_ACTIONS),
  /** The PIN is needed even where the danger action is "warn", and cannot be removed. */
  requirePin: z.boolean(),
  /** Sites the parent trusts: no cover and no locked fields there (the verdict still shows). */
  allowList: z.array(z.string()).max(MAX_ALLOW_LIST),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  mode: 'normal',
  dangerAction: 'block',
  requirePin: false,
  allowList: [],
}) as Settings;

/** What went wrong while reading; each has a locale key `settingsProblem_<code>` in the options page. */
export type SettingsProblem =
  | { code: 'corrupt' } // not an object at all
  | { code: 'fieldReset'; field: keyof Settings } // one field unreadable → default (mode: the latch)
  | { code: 'newer' } // written by a newer version: known fields kept
  | { code: 'managedInvalid'; field: string }; // a policy value of the wrong type, ignored (strictMode: treated as on)

/**
 * Migrations from each earlier stored version to the next. Version 1 was the
 * pre-release shape ({ version: 1, strict, block, trusted }); an object with no
 * version at all is treated as version 0 ({ strictMode }), the shape of the
 * first prototype. Each step takes the old object and returns the next one;
 * unknown or broken fields pass through and are reset by the final parse.
 */
type Raw = Record<string, unknown>;
export const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  0: (old) => ({ version: 1, strict: old.strictMode, block: true, trusted: [] }),
  1: (old) => ({
    version: 2,
    mode: old.strict === true ? 'strict' : old.strict === false ? 'normal' : old.strict,
    dangerAction: old.block === false ? 'warn' : old.block === true ? 'block' : old.block,
    requirePin: false,
    allowList: old.trusted,
  }),
};

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Any stored value → valid settings plus what had to be repaired.
 * `latchStrict`: the last mode we saw was strict (kept in storage.local).
 */
export function parseSettings(raw: unknown, latchStrict = false): { settings: Settings; problems: SettingsProblem[] } {
  const safeMode: Mode = latchStrict ? 'strict' : 'normal';
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS, mode: safeMode, allowList: [] }, problems: [] };
  if (!isObject(raw)) return { settings: { ...DEFAULT_SETTINGS, mode: safeMode, allowList: [] }, problems: [{ code: 'corrupt' }] };

  const problems: SettingsProblem[] = [];
  let obj: Raw = raw;
  const stored = obj.version === undefined ? 0 : obj.version;
  let version: number;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 0) {
    problems.push({ code: 'fieldReset', field: 'version' });
    version = SETTINGS_VERSION;
  } else version = stored;
  if (version > SETTINGS_VERSION) {
    problems.push({ code: 'newer' });
    version = SETTINGS_VERSION;
  }
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) break;
    obj = step(obj);
  }

  const shape = SettingsSchema.shape;
  const field = <K extends keyof Settings>(key: K, fallback: Settings[K]): Settings[K] => {
    const r = shape[key].safeParse(obj[key]);
    if (r.success) return r.data as Settings[K];
    problems.push({ code: 'fieldReset', field: key });
    return fallback;
  };
  const mode = field('mode', safeMode);
  const dangerAction = field('dangerAction', 'block');
  const requirePin = field('requirePin', false);
  let allowList: string[] = [];
  if (Array.isArray(obj.allowList)) {
    const good = obj.allowList.map((s) => SiteSchema.safeParse(s)).filter((r) => r.success).map((r) => r.data);
    if (good.length !== obj.allowList.length || good.length > MAX_ALLOW_LIST) problems.push({ code: 'fieldReset', field: 'allowList' });
    allowList = [...new Set(good)].slice(0, MAX_ALLOW_LIST);
  } else if (obj.allowList !== undefined) {
    problems.push({ code: 'fieldReset', field: 'allowList' });
  }
  return { settings: { version: SETTINGS_VERSION, mode, dangerAction, requirePin, allowList }, problems };
}
