/**
 * Parents' strict mode (issue 5) in real Firefox ESR: the parent sets a PIN and
 * strict mode in the options page; a danger page is covered; wrong PINs are
 * refused with back-off; the right PIN continues; secret fields refuse input
 * until the PIN is entered. The closed shadow roots cannot be read from here,
 * so the tests read the host's data-state and what the page's own fields hold,
 * and drive everything with the keyboard, as a user would.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Browser as Ext } from 'webextension-polyfill';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { corpusEntry } from '../support/corpus';
import { extensionPage, fixturePage, GECKO_ID, launchFirefox, waitInPage, type FxHarness } from '../support/firefox';

const byFile = corpusEntry;
const SCAM = byFile('scam-password.html');
const PIN = '5937';
const COVER = 'coin-shop-guard-strict';
const LOCK = 'coin-shop-guard-lock';

async function waitState(page: Page, tag: string, want: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((t: string, w: string) => document.querySelector(t)?.getAttribute('data-state') === w, { timeout, polling: 100 }, tag, want);
}

async function storageLocal(h: FxHarness, key: string): Promise<unknown> {
  const ext = await extensionPage(h, 'options.html', 'main#options');
  const v = await ext.evaluate(async (k: string) => (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get(k))[k], key);
  await ext.close();
  return v;
}

let h: FxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  // The parent's set-up through the options page, once per suite.
  const opt = await extensionPage(h, 'options.html', 'main#options');
  await opt.type('input[name="new-pin"]', PIN);
  await opt.type('input[name="new-pin-again"]', PIN);
  await opt.click('form[data-form="set-pin"] button[type="submit"]');
  await waitInPage(opt, () => document.querySelector('#status')?.textContent === 'PIN saved.', []);
  await opt.click('input[name="mode"][value="strict"]');
  await waitInPage(opt, (sel: string) => !!document.querySelector(sel), ['main#options[data-mode="strict"][data-controlled-by="pin"]']);
  await opt.close();
});
afterAll(async () => {
  await h?.close();
});

test('a danger page is covered; wrong PINs are refused with back-off; the right PIN continues', async () => {
  const page = await fixturePage(h);
  await page.goto(SCAM.url);
  await waitState(page, COVER, 'cover');
  expect(await page.evaluate((tag: string) => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName.toLowerCase(), COVER)).toBe(COVER);
  expect(await page.$eval(COVER, (e) => e.shadowRoot)).toBeNull();
  // Keyboard: "Go back" has focus, Tab → "Continue anyway", Enter → the PIN box.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitState(page, COVER, 'pin');
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await waitState(page, COVER, 'wrong');
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await waitState(page, COVER, 'waiting');
  expect(await storageLocal(h, 'pinBackoff')).toMatchObject({ failures: 2 });
  await waitState(page, COVER, 'pin');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await page.waitForFunction((tag: string) => !document.querySelector(tag), { timeout: 15_000 }, COVER);
  // The parent's PIN unlocked the whole page.
  await page.click('#p');
  await page.keyboard.type('ok');
  expect(await page.$eval('#p', (e) => (e as HTMLInputElement).value)).toBe('ok');
  await page.close();
});

test('the password field refuses input until the PIN is entered', async () => {
  // "Warn": continuing is allowed without the PIN, the secret fields stay locked.
  const opt = await extensionPage(h, 'options.html', 'main#options');
  await opt.evaluate(async () => {
    const b = (globalThis as unknown as { browser: Ext }).browser;
    const cur = (await b.storage.sync.get('settings')).settings as Record<string, unknown>;
    await b.storage.sync.set({ settings: { ...cur, dangerAction: 'warn' } });
  });
  await opt.close();
  const page = await fixturePage(h);
  await page.goto(SCAM.url);
  await waitState(page, COVER, 'cover');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction((tag: string) => !document.querySelector(tag), { timeout: 15_000 }, COVER);
  await page.click('#p');
  await page.keyboard.type('hunter2');
  expect(await page.$eval('#p', (e) => (e as HTMLInputElement).value)).toBe('');
  await waitState(page, LOCK, 'shown');
  // The username is no secret and still works.
  await page.click('#u');
  await page.keyboard.type('@kid');
  expect(await page.$eval('#u', (e) => (e as HTMLInputElement).value)).toBe('@kid');
  // From the locked field, Tab reaches the PIN box.
  await page.click('#p');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await waitState(page, LOCK, 'unlocked');
  await page.click('#p');
  await page.keyboard.type('hunter2');
  expect(await page.$eval('#p', (e) => (e as HTMLInputElement).value)).toBe('hunter2');
  await page.close();
});

/**
 * Firefox reads the same keys from policies.json "3rdparty" → "Extensions" → <add-on id>.
 * The file goes in the install's distribution folder for this run only and is removed after.
 */
test('policies.json 3rdparty: strict mode on and locked in the options page, danger page covered', async (ctx) => {
  const DIST = '/usr/lib/firefox-esr/distribution';
  const FILE = `${DIST}/policies.json`;
  if (process.getuid?.() !== 0 || !existsSync(DIST) || existsSync(FILE)) {
    // Not root, another Firefox layout, or someone's own policies.json: do not touch it.
    ctx.skip('cannot place a temporary policies.json here');
    return;
  }
  let fx: FxHarness | undefined;
  try {
    writeFileSync(FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { strictMode: true, dangerAction: 'block', requirePin: true } } } } }));
    fx = await launchFirefox();
    const opt = await extensionPage(fx, 'options.html', 'main#options');
    const managed = await opt.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.storage.managed.get(null));
    expect(managed).toEqual({ strictMode: true, dangerAction: 'block', requirePin: true });
    await waitInPage(opt, (sel: string) => !!document.querySelector(sel), ['main#options[data-mode="strict"][data-controlled-by="policy"]']);
    const disabled = await opt.$$eval('input[name="mode"], input[name="dangerAction"], input[name="requirePin"]', (els) => els.map((e) => e.matches(':disabled')));
    expect(disabled.length).toBe(5);
    expect(disabled.every(Boolean)).toBe(true);
    await opt.close();
    const page = await fixturePage(fx);
    await page.goto(SCAM.url);
    await waitState(page, COVER, 'cover');
    await page.close();
  } finally {
    await fx?.close();
    rmSync(FILE, { force: true });
  }
  expect(existsSync(FILE)).toBe(false);
});
