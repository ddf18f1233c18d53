/**
 * Cross-origin frames, end to end in real Chromium (issue 6): a shop whose
 * checkout <iframe> comes from another origin. Neither the page nor our
 * top-frame script can read that frame; the frame probe inside it can.
 */
import { expect, test } from '@playwright/test';
import { inClosedShadow, launchChromium, openPopup, tabIds, toolbarFor, type Harness } from '../support/chromium';
import { PAGE_SPY, type SpyLog } from '../support/page-spy';
import { hostileFixture } from '../support/corpus';

const LOGIN_SHOP = 'https://coincorner.example/';
const CARD_SHOP = 'https://coincorner-card.example/';
const GARDEN = 'https://garden-notes.example/';
const LOGIN_FRAME = 'https://checkout-frame.example/pay';
const CARD_FRAME = 'https://card-frame.example/pay';
const COMMENTS_FRAME = 'https://comments-widget.example/login';
const LATE_SHOP = 'https://coincorner-late.example/';
const LATE_FRAME = 'https://late-frame.example/pay';

let h: Harness;
test.beforeAll(async () => {
  h = await launchChromium();
  const shop = hostileFixture('cross-frame-shop.html');
  h.serve.set(LOGIN_SHOP, shop);
  h.serve.set(LOGIN_FRAME, hostileFixture('cross-frame-login.html'));
  h.serve.set(CARD_SHOP, shop.replace(LOGIN_FRAME, CARD_FRAME));
  h.serve.set(CARD_FRAME, hostileFixture('cross-frame-card.html'));
  // A checkout widget that renders its login box after load: at first the frame holds no field at all.
  h.serve.set(LATE_SHOP, shop.replace(LOGIN_FRAME, LATE_FRAME));
  h.serve.set(LATE_FRAME, hostileFixture('cross-frame-login.html').replace(/<form[\s\S]*<\/form>/, '<div id="widget">Loading checkout…</div>'));
  // An ordinary page with a comments widget from another origin that has its own login.
  h.serve.set(GARDEN, hostileFixture('quiet.html').replace('</article>', `<iframe src="${COMMENTS_FRAME}" title="comments"></iframe></article>`));
  h.serve.set(COMMENTS_FRAME, hostileFixture('cross-frame-login.html').replace(/TikTok /g, '').replace('To deliver your coins we log in to your account for you.', 'Log in to comment.'));
});
test.afterAll(async () => {
  await h?.close();
});

/** The toolbar state once its title starts with `prefix` (the frame's report can come after the page's own scan). */
async function toolbarTitled(url: string, prefix: string) {
  await expect
    .poll(async () => (await toolbarFor(h, url).catch(() => null))?.title ?? '', { timeout: 15_000 })
    .toMatch(new RegExp(`^${prefix}: `));
  return toolbarFor(h, url);
}

test('a TikTok password box in a cross-origin checkout frame makes the shop Danger; the popup names it; Show me outlines the frame', async () => {
  const page = await h.context.newPage();
  await page.goto(LOGIN_SHOP);
  const bar = await toolbarTitled(LOGIN_SHOP, 'Danger');
  expect(bar.badge).toBe('!!');
  await expect(page.locator('coin-shop-guard')).toHaveAttribute('data-verdict', 'danger');
  const popup = await openPopup(h, bar.tabId);
  const signal = popup.locator('[data-signal="credential-fields"]');
  await expect(signal).toContainText(/tiktok password/i);
  await expect(signal).toContainText('in a frame from checkout-frame.example');
  // "Show me" scrolls to and outlines the <iframe> that holds the field.
  const showMe = signal.locator('.show-me').first();
  if (!(await showMe.isVisible())) await signal.locator('summary').click();
  await showMe.click();
  await expect(page.locator('coin-shop-guard-highlight')).toHaveCount(1);
  const box = await inClosedShadow<{ left: number; top: number; width: number; height: number }>(
    page,
    `function () { const r = this.querySelector('div').getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; }`,
    'coin-shop-guard-highlight',
  );
  const frame = await page.locator('iframe').boundingBox();
  expect(frame).not.toBeNull();
  expect(Math.abs(box.left + 4 - (frame?.x ?? 0))).toBeLessThan(2);
  expect(Math.abs(box.width - 8 - (frame?.width ?? 0))).toBeLessThan(2);
  await popup.close();
  await page.close();
});

test('a login box the frame renders after load: Danger once the shopper focuses it, though the frame looked harmless at first', async () => {
  const page = await h.context.newPage();
  await page.goto(LATE_SHOP);
  // The page's own scan: no order form on the page itself, and the frame had nothing to report.
  await expect.poll(async () => (await toolbarFor(h, LATE_SHOP).catch(() => null))?.verdict ?? 'pending').toBe('none');
  const frame = page.frames().find((f) => f.url() === LATE_FRAME);
  expect(frame).toBeDefined();
  const login = hostileFixture('cross-frame-login.html').match(/<form[\s\S]*<\/form>/)?.[0] ?? '';
  await frame?.evaluate((html) => {
    (document.getElementById('widget') as HTMLElement).outerHTML = html;
  }, login);
  await frame?.locator('#pw').focus();
  const bar = await toolbarTitled(LATE_SHOP, 'Danger');
  expect(bar.badge).toBe('!!');
  await expect(page.locator('coin-shop-guard')).toHaveAttribute('data-verdict', 'danger');
  await page.close();
});

test('the same shop with a card-only checkout frame gets no Danger: the danger came from the password box', async () => {
  const page = await h.context.newPage();
  await page.goto(CARD_SHOP);
  // The page's own scan is answered first ("not a shop" on its own: the order form is in the frame)…
  await expect.poll(async () => (await toolbarFor(h, CARD_SHOP).catch(() => null))?.verdict ?? 'pending').toBe('none');
  // …and by the time another tab's frame has been read, this frame's probe has long run and found no secret.
  const sentinel = await h.context.newPage();
  await sentinel.goto(LOGIN_SHOP);
  await toolbarTitled(LOGIN_SHOP, 'Danger');
  await sentinel.close();
  const bar = await toolbarFor(h, CARD_SHOP);
  expect(bar).toMatchObject({ verdict: 'none', badge: '', title: 'Coin Shop Guard' });
  await expect(page.locator('coin-shop-guard')).toHaveCount(0);
  await page.close();
});

test('an ordinary page with a cross-origin login widget: no verdict, and neither the page nor the frame sees anything', async () => {
  const before = new Set(await tabIds(h));
  const page = await h.context.newPage();
  await page.addInitScript(PAGE_SPY);
  await page.goto(GARDEN, { waitUntil: 'load' });
  const [tab] = (await tabIds(h)).filter((id) => !before.has(id));
  const frame = page.frames().find((f) => f.url() === COMMENTS_FRAME);
  expect(frame).toBeDefined();
  // The frame probe has reported by the time a shop opened afterwards is answered.
  const sentinel = await h.context.newPage();
  await sentinel.goto(LOGIN_SHOP);
  await toolbarTitled(LOGIN_SHOP, 'Danger');
  await sentinel.close();
  for (const f of [page.mainFrame(), frame]) {
    const spy = await f?.evaluate(() => (window as unknown as { __spy: SpyLog }).__spy);
    expect(spy).toEqual({ mutations: 0, messages: 0, ready: true });
  }
  const state = await h.worker.evaluate(
    async (tabId) => ({ badge: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) }),
    tab as number,
  );
  expect(state).toEqual({ badge: '', title: 'Coin Shop Guard' });
  await expect(page.locator('coin-shop-guard')).toHaveCount(0);
  await page.close();
});
