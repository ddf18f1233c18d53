/**
 * Cross-origin frames in real Firefox ESR (MV2: frame ids, all_frames and
 * tabs.sendMessage to one frame work differently enough to check): a shop
 * whose checkout <iframe> from another origin asks for the TikTok password.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extensionPage, fixturePage, launchFirefox, waitInPage, type FxHarness } from '../support/firefox';
import { hostileFixture } from '../support/corpus';

const SHOP = 'https://coincorner.example/';
const FRAME = 'https://checkout-frame.example/pay';

let h: FxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  h.serve.set(SHOP, hostileFixture('cross-frame-shop.html'));
  h.serve.set(FRAME, hostileFixture('cross-frame-login.html'));
});
afterAll(async () => {
  await h?.close();
});

test('a TikTok password box in a cross-origin checkout frame makes the shop Danger, on the page, the toolbar and in the popup', async () => {
  const page = await fixturePage(h);
  await page.goto(SHOP);
  // The page alone is no shop (its order form is in the frame): the badge appears once the frame is read.
  await page.waitForSelector('coin-shop-guard[data-verdict="danger"]', { timeout: 15_000 });
  const ext = await extensionPage(h, 'popup.html?tab=0', 'main');
  const bar = await waitInPage(
    ext,
    async (target: string) => {
      const b = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
      const all = (await b.storage.session.get(null)) as Record<string, { url?: string; verdict?: string }>;
      const entry = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v?.url === target && v.verdict === 'danger');
      if (!entry) return false;
      const tabId = Number(entry[0].slice(4));
      return { tabId, title: await b.browserAction.getTitle({ tabId }), badge: await b.browserAction.getBadgeText({ tabId }) };
    },
    [SHOP],
  );
  expect(bar.title).toMatch(/^Danger: /);
  expect(bar.badge).toBe('!!');
  await ext.close();
  const popup = await extensionPage(h, `popup.html?tab=${bar.tabId}`, 'main[data-verdict="danger"]');
  expect((await popup.$eval('[data-signal="credential-fields"]', (e) => e.textContent ?? '')).toLowerCase()).toContain('tiktok password');
  await popup.close();
  await page.close();
});
