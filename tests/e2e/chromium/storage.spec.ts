/**
 * The parents' settings, PIN hash and activity log survive a browser restart
 * and an extension update, in real Chromium with a persistent profile.
 *
 * Keys are the ones src/settings, src/pin and src/activity-log use
 * (imported below, so a renamed key fails here): storage.sync `settings`,
 * storage.local `strictLatch`, `pin`, `pinBackoff` and `activityLog`.
 *
 * The extension is a copy of .output/chrome-mv3 at a fixed path (same path →
 * same ID for an unpacked extension, and the build's `key` fixes it anyway);
 * the "update" bumps the copy's manifest version and relaunches, which Chrome
 * treats as an update of the installed extension (runtime.onInstalled
 * reason "update") — the same thing the store does.
 */
import { chromium, expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXT, CHROMIUM, extensionArgs } from '../support/chromium';

// The storage keys, from the modules that own them (fallbacks only if a module is not there yet).
const KEYS = { settings: 'settings', latch: 'strictLatch', pin: 'pin', backoff: 'pinBackoff', log: 'activityLog' };

let root: string;
let ext: string;
let profile: string;

async function launch(): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionArgs(ext),
  });
  // Nothing may reach the network: every request is refused.
  await context.route('**/*', (route) => (route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker };
}

const dump = (w: Worker) =>
  w.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: await chrome.storage.local.get(null),
    version: chrome.runtime.getManifest().version,
    id: chrome.runtime.id,
  }));

test.beforeAll(async () => {
  const mods = await Promise.all([
    import('../../../src/settings/store').catch(() => null),
    import('../../../src/pin/store').catch(() => null),
    import('../../../src/activity-log/log').catch(() => null),
  ]);
  const [settings, pin, log] = mods as [Record<string, unknown> | null, Record<string, unknown> | null, Record<string, unknown> | null];
  if (typeof settings?.SETTINGS_KEY === 'string') KEYS.settings = settings.SETTINGS_KEY;
  if (typeof settings?.LATCH_KEY === 'string') KEYS.latch = settings.LATCH_KEY;
  if (typeof pin?.PIN_KEY === 'string') KEYS.pin = pin.PIN_KEY;
  if (typeof pin?.BACKOFF_KEY === 'string') KEYS.backoff = pin.BACKOFF_KEY;
  if (typeof log?.LOG_KEY === 'string') KEYS.log = log.LOG_KEY;
  root = mkdtempSync(join(tmpdir(), 'csg-storage-'));
  ext = join(root, 'ext');
  profile = join(root, 'profile');
  cpSync(CHROME_EXT, ext, { recursive: true });
});
test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test('settings, PIN hash, strict latch and activity log survive a restart and an update', async () => {
  test.setTimeout(120_000);
  const settings = { version: 2, mode: 'strict', dangerAction: 'block', requirePin: true, allowList: ['trusted-shop.example'] };
  const pin = { v: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=', iterations: 600000 };
  const log = [{ at: 1764400000000, host: 'tiktok-coins-free.xyz', verdict: 'danger', action: 'blocked' }];

  // 1. First run: the parent's choices are stored.
  let run = await launch();
  await run.worker.evaluate(
    async ({ k, settings, pin, log }) => {
      await chrome.storage.sync.set({ [k.settings]: settings });
      await chrome.storage.local.set({ [k.pin]: pin, [k.latch]: true, [k.log]: log, [k.backoff]: { failures: 0, until: 0 } });
    },
    { k: KEYS, settings, pin, log },
  );
  const first = await dump(run.worker);
  expect(first.sync[KEYS.settings]).toEqual(settings);
  expect(first.local[KEYS.pin]).toEqual(pin);
  await run.context.close();

  // 2. Browser restart: same profile, same extension.
  run = await launch();
  const afterRestart = await dump(run.worker);
  expect(afterRestart.id).toBe(first.id);
  expect(afterRestart.sync).toEqual(first.sync);
  expect(afterRestart.local).toEqual(first.local);
  await run.context.close();

  // 3. Extension update: a new version of the same extension in the same place.
  const file = join(ext, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  const parts = manifest.version.split('.').map(Number);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
  const next = parts.join('.');
  writeFileSync(file, JSON.stringify({ ...manifest, version: next }));
  run = await launch();
  const afterUpdate = await dump(run.worker);
  expect(afterUpdate.version).toBe(next);
  expect(afterUpdate.id).toBe(first.id);
  expect(afterUpdate.sync).toEqual(first.sync);
  expect(afterUpdate.local).toEqual(first.local);
  await run.context.close();
});
