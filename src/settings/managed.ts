/**
 * Settings a parent or school enforces through browser policy, read from
 * storage.managed (Chrome: policy "3rdparty.extensions.<id>" checked against
 * public/managed_schema.json; Firefox: policies.json "3rdparty.Extensions.<id>").
 *
 * Precedence: a valid managed value wins over the user's own setting and is
 * locked in the options page. A managed value of the wrong type is ignored and
 * reported — except `strictMode`, where an unreadable value still means the
 * administrator wanted it on, so it counts as on (and locked).
 */
import { z } from 'zod';
import { DANGER_ACTIONS, MAX_ALLOW_LIST, SiteSchema, type Settings, type SettingsProblem } from './schema';

export const MANAGED_KEYS = ['strictMode', 'dangerAction', 'requirePin', 'allowList'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

const ManagedFields = {
  strictMode: z.boolean(),
  dangerAction: z.enum(DANGER_ACTIONS),
  requirePin: z.boolean(),
  allowList: z.array(SiteSchema).max(MAX_ALLOW_LIST),
} as const;

export interface Managed {
  strictMode?: boolean;
  dangerAction?: Settings['dangerAction'];
  requirePin?: boolean;
  allowList?: string[];
}

export function parseManaged(raw: unknown): { managed: Managed; problems: SettingsProblem[] } {
  const managed: Managed = {};
  const problems: SettingsProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { managed, problems };
  const obj = raw as Record<string, unknown>;
  for (const key of MANAGED_KEYS) {
    if (obj[key] === undefined) continue;
    const r = ManagedFields[key].safeParse(obj[key]);
    if (r.success) (managed as Record<string, unknown>)[key] = r.data;
    else {
      problems.push({ code: 'managedInvalid', field: key });
      if (key === 'strictMode') managed.strictMode = true;
    }
  }
  return { managed, problems };
}

/** Which settings field each policy key controls. */
export const LOCKS: Record<ManagedKey, keyof Settings> = {
  strictMode: 'mode',
  dangerAction: 'dangerAction',
  requirePin: 'requirePin',
  allowList: 'allowList',
};

/** The user's settings with the policy laid over them, and which fields the policy locks. */
export function applyManaged(user: Settings, managed: Managed): { settings: Settings; locked: (keyof Settings)[] } {
  const s: Settings = { ...user, allowList: [...user.allowList] };
  if (managed.strictMode !== undefined) s.mode = managed.strictMode ? 'strict' : 'normal';
  if (managed.dangerAction !== undefined) s.dangerAction = managed.dangerAction;
  if (managed.requirePin !== undefined) s.requirePin = managed.requirePin;
  // A managed allow-list replaces the user's: the school decides what is trusted.
  if (managed.allowList !== undefined) s.allowList = [...new Set(managed.allowList)];
  const locked = MANAGED_KEYS.filter((k) => managed[k] !== undefined).map((k) => LOCKS[k]);
  return { settings: s, locked };
}
