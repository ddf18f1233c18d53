/**
 * Reading and writing the parents' settings.
 *  - storage.sync  `settings`      the parent's choices (follow the profile)
 *  - storage.local `strictLatch`   true while the last known mode was strict, so
 *                                  unreadable settings never fall back to normal
 *  - storage.managed               policy; wins over both (see managed.ts)
 */
import { browser } from '../platform/browser';
import { pinIsSet } from '../pin/store';
import { applyManaged, parseManaged, type Managed } from './managed';
import { parseSettings, type Settings, type SettingsProblem } from './schema';

export const SETTINGS_KEY = 'settings';
export const LATCH_KEY = 'strictLatch';

export interface Effective {
  /** What the extension does: the user's settings with policy laid over. */
  settings: Settings;
  /** The user's own stored settings (repaired). */
  user: Settings;
  /** Fields a policy sets; the options page shows them locked. */
  locked: (keyof Settings)[];
  managed: Managed;
  problems: SettingsProblem[];
  pinSet: boolean;
  /** Who keeps strict mode on: the browser policy, the parent PIN, or nobody. */
  controlledBy: 'policy' | 'pin' | 'none';
}

/** storage.managed throws where there is no policy or no schema (Firefox without policies.json). */
async function readManaged(): Promise<unknown> {
  try {
    const area = browser.storage.managed as typeof browser.storage.managed | undefined;
    return area ? await area.get(null) : {};
  } catch {
    return {};
  }
}

async function readArea(area: 'sync' | 'local', key: string): Promise<unknown> {
  try {
    return (await browser.storage[area].get(key))[key];
  } catch {
    return undefined;
  }
}

export async function loadEffective(): Promise<Effective> {
  const [rawUser, latch, rawManaged, pinSet] = await Promise.all([
    // Firefox without a signed-in account still has storage.sync (it stays local); fall back to local if it is missing.
    browser.storage.sync ? readArea('sync', SETTINGS_KEY) : readArea('local', SETTINGS_KEY),
    readArea('local', LATCH_KEY),
    readManaged(),
    pinIsSet().catch(() => false),
  ]);
  const { settings: user, problems } = parseSettings(rawUser, latch === true);
  const m = parseManaged(rawManaged);
  const { settings, locked } = applyManaged(user, m.managed);
  const controlledBy = settings.mode !== 'strict' ? 'none' : locked.includes('mode') ? 'policy' : pinSet ? 'pin' : 'none';
  return { settings, user, locked, managed: m.managed, problems: [...problems, ...m.problems], pinSet, controlledBy };
}

/** Saves the user's own settings (the options page checks the PIN first). */
export async function saveSettings(next: Settings): Promise<void> {
  const { settings } = parseSettings(next, next.mode === 'strict');
  await (browser.storage.sync ?? browser.storage.local).set({ [SETTINGS_KEY]: settings });
  await browser.storage.local.set({ [LATCH_KEY]: settings.mode === 'strict' });
}

/** Is `host` (or a parent domain of it) on the allow-list? */
export function isTrusted(host: string, allowList: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  return allowList.some((site) => h === site || h.endsWith(`.${site}`));
}
