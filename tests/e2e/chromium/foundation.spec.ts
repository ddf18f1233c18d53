/**
 * The foundation, end to end in real Chromium with the built extension:
 * a scam shop → danger on the page, on the toolbar and in the popup;
 * an ordinary page → nothing at all; TikTok's own page → official.
 */
import { expect, test } from '@playwright/test';
import { closedShadow, launchChromium, openPopup, tabIds, toolbarFor, waitForToolbar, type Harness } from '../support/chromium';
import { corpusEntry } from '../support/corpus';
import { PAGE_SPY, type SpyLog } from '../support/page-spy';

const byFile = corpusEntry;
const SCAM = byFile('scam-password.html');
const NEWS = byFile('ordinary-news.html');
const OFFICIAL = byFile('official-tiktok-coin.html');

let h: Harness;
test.beforeAll(async () => {
  h = await launchChromium();
});
test.afterAll(async () => {
  await h?.close();
});

test('scam shop asking for the TikTok password: danger on the page, the toolbar and in the popup', async () => {
  const page = await h.context.newPage();
  await page.goto(SCAM.url);
  const badge = page.locator('coin-shop-guard');
  await expect(badge).toHaveAttribute('data-verdict', 'danger');
  await expect(badge).toHaveAttribute('aria-label', /Danger/);

  const bar = await waitForToolbar(h, SCAM.url);
  expect(bar.verdict).toBe('danger');
  expect(bar.title).toMatch(/^Danger: /);
  expect(bar.title).toContain('password');
  expect(bar.badge).toBe('!!');

  const popup = await openPopup(h, bar.tabId);
  await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'danger');
  await expect(popup.locator('h1')).toContainText('Danger');
  const cred = popup.locator('[data-signal="credential-fields"]');
  await expect(cred).toContainText('password');
  // Evidence names the field that asks for it.
  await expect(cred.locator('.evidence')).toContainText('tiktok password');
  await expect(popup.locator('[data-signal="off-platform-payment"] .evidence')).toContainText('bank transfer');
  await popup.close();
  await page.close();
});

test('the badge lives in a closed shadow root, leaves page styles alone and can be collapsed', async () => {
  const page = await h.context.newPage();
  await page.goto(SCAM.url);
  const badge = page.locator('coin-shop-guard');
  await expect(badge).toHaveAttribute('data-verdict', 'danger');
  // Closed: the page's own scripts cannot reach inside.
  expect(await page.evaluate(() => document.querySelector('coin-shop-guard')?.shadowRoot ?? null)).toBeNull();
  // No stylesheet was added to the page.
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 17, 17)');
  // What the shopper reads on the card.
  const inside = await closedShadow(page, 'coin-shop-guard');
  expect(inside.text).toContain('Danger');
  expect(inside.text).toContain('password');
  // Collapse it: the card shrinks to its heading line, and expands again.
  const full = await badge.boundingBox();
  const toggle = inside.buttons[0];
  if (!full || !toggle) throw new Error('badge not rendered');
  await page.mouse.click(toggle.x, toggle.y);
  await expect.poll(async () => (await badge.boundingBox())?.height ?? 0).toBeLessThan(full.height / 2);
  const collapsed = await closedShadow(page, 'coin-shop-guard');
  expect(collapsed.buttons[0]?.label).toBe('Show');
  await page.close();
});

test('an ordinary page gets nothing: no element, no mutation, no message, no toolbar change', async () => {
  const before = new Set(await tabIds(h));
  const page = await h.context.newPage();
  await page.addInitScript(PAGE_SPY);
  await page.goto(NEWS.url, { waitUntil: 'load' });
  const [newsTab] = (await tabIds(h)).filter((id) => !before.has(id));
  expect(newsTab).toBeDefined();
  // The content script runs at document_idle. A sentinel shop page opened afterwards, in another tab,
  // gets its verdict only after a full round trip through the background, so by then the news
  // page's script has long run.
  const sentinel = await h.context.newPage();
  await sentinel.goto(SCAM.url);
  await waitForToolbar(h, SCAM.url);

  const spy = await page.evaluate(() => (window as unknown as { __spy: SpyLog }).__spy);
  expect(spy.ready).toBe(true);
  expect(spy.mutations).toBe(0);
  expect(spy.messages).toBe(0);
  expect(await page.locator('coin-shop-guard').count()).toBe(0);
  await expect(toolbarFor(h, NEWS.url)).rejects.toThrow(/no verdict/);
  const state = await h.worker.evaluate(async (tabId) => ({
    badge: await chrome.action.getBadgeText({ tabId }),
    title: await chrome.action.getTitle({ tabId }),
  }), newsTab as number);
  expect(state).toEqual({ badge: '', title: 'Coin Shop Guard' });
  await sentinel.close();
  await page.close();
});

test('TikTok’s own coin page is official', async () => {
  const page = await h.context.newPage();
  await page.goto(OFFICIAL.url);
  await expect(page.locator('coin-shop-guard')).toHaveAttribute('data-verdict', 'official');
  const bar = await waitForToolbar(h, OFFICIAL.url);
  expect(bar.title).toMatch(/^Official: /);
  expect(bar.badge).toBe('✓');
  const popup = await openPopup(h, bar.tabId);
  await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'official');
  await popup.close();
  await page.close();
});
