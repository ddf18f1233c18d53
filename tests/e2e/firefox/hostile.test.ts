/**
 * Where Firefox differs (issue 6): it has no Navigation API, so SPA
 * navigation is noticed by comparing the URL on the mutation batches the page
 * watch takes and on a timer while it rests (src/content/watch.ts); and its
 * content scripts see the page through Xray wrappers. Checked in real Firefox
 * ESR: SPA pushState to a shop view and away, a removed badge comes back, a
 * forged data-verdict is restored, and a quiet page sees nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixturePage, launchFirefox, type FxHarness } from '../support/firefox';
import { hostileFixture } from '../support/corpus';

const SPA = 'https://game-corner.example';
const SHOP = 'https://hostile-shop.example/shop';
const QUIET = 'https://garden-diary.example/tomatoes';
const TICKER = 'https://live-scores.example/division-two';

let h: FxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  for (const p of ['/app/news', '/app/about', '/app/coins']) h.serve.set(`${SPA}${p}`, hostileFixture('spa.html'));
  h.serve.set(SHOP, hostileFixture('shop.html'));
  h.serve.set(QUIET, hostileFixture('quiet.html'));
  h.serve.set(TICKER, hostileFixture('ticker.html'));
});
afterAll(async () => {
  await h?.close();
});

const verdict = "document.querySelector('coin-shop-guard')?.getAttribute('data-verdict') ?? null";

test('SPA navigation without the Navigation API: pushState to a shop view and away', async () => {
  const page = await fixturePage(h);
  await page.goto(`${SPA}/app/news`);
  await page.evaluate("window.go('/app/coins')");
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  await page.evaluate("window.go('/app/about')");
  await page.waitForFunction(`${verdict} === null`, { timeout: 15_000 });
  await page.close();
});

test('a page that kept changing until the gate stopped looking, then turned into a shop by pushState and went still, gets its badge', { timeout: 120_000 }, async () => {
  const page = await fixturePage(h);
  await page.goto(TICKER);
  // The gate's looks after changes come 0.5, 1, 2, 4, 8 and 8 s apart: after about 24 s of changes it looks
  // no more, and the watch rests, taking one mutation batch a second, after its timer has compared the URL.
  await page.waitForFunction('window.__mutations >= 26000', { timeout: 90_000, polling: 500 });
  // The page stops changing in the same task as it navigates: no batch after the pushState tells the
  // watch of it. Only the URL compare of a resting watch's timer can.
  await page.evaluate(`(() => {
    clearInterval(window.__ticker);
    document.title = 'Cheap TikTok Coins – 85% off';
    document.body.insertAdjacentHTML('beforeend', '<h2>Buy TikTok Coins – 85% off</h2><p>1,000 Coins $1.49, instant top up.</p><form action="/order" method="post"><label for="p">TikTok password</label><input id="p" name="password" type="password"><button>Get coins</button></form>');
    history.pushState({}, '', '/coins');
  })()`);
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  await page.close();
});

test('a removed badge comes back and a forged verdict is restored', async () => {
  const page = await fixturePage(h);
  await page.goto(SHOP);
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  await page.evaluate("document.querySelector('coin-shop-guard').remove()");
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  await page.evaluate("document.querySelector('coin-shop-guard').setAttribute('data-verdict', 'ok'); window.postMessage({ type: 'verdict', verdict: 'ok' }, '*')");
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  expect(await page.evaluate("document.querySelectorAll('coin-shop-guard').length")).toBe(1);
  await page.close();
});

test('a page that is no shop sees no message, mutation, global or event', async () => {
  const page = await fixturePage(h);
  await page.goto(QUIET, { waitUntil: 'load' });
  await page.evaluate("history.pushState({}, '', '/garden/page-2')");
  const sentinel = await fixturePage(h);
  await sentinel.goto(SHOP);
  await sentinel.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  const spy = (await page.evaluate(`(() => { const l = window.__spy; return { ready: l.ready, messages: l.messages, mutations: l.mutations, events: l.events,
    sameGlobals: JSON.stringify(Object.getOwnPropertyNames(window).sort()) === JSON.stringify(l.globals), sheets: document.styleSheets.length === l.sheets,
    ours: document.querySelectorAll('coin-shop-guard').length }; })()`)) as Record<string, unknown>;
  // Opening the sentinel tab hides and blurs this one: the browser's own focus/blur/visibilitychange, not ours.
  spy.events = (spy.events as string[]).filter((t) => !['focus', 'blur', 'visibilitychange'].includes(t));
  expect(spy).toEqual({ ready: true, messages: [], mutations: [], events: [], sameGlobals: true, sheets: true, ours: 0 });
  await sentinel.close();
  await page.close();
});

test('a shop whose CSP forbids inline styles: the badge is there, and the page sees no CSP violation of ours', async () => {
  // A violation is an event the page can listen for, and a report its server can collect.
  const url = 'https://hostile-shop.example/strict-csp';
  const csp = `<meta http-equiv="Content-Security-Policy" content="style-src 'self'; img-src 'self'; font-src 'self'">`;
  // (No default-src: puppeteer's waitForFunction needs eval in the page.)
  const html = hostileFixture('shop.html').replace(/<style>[^<]*<\/style>/, '').replace('<meta charset="utf-8">', `<meta charset="utf-8">${csp}`);
  expect(html).not.toContain('<style');
  h.serve.set(url, html);
  const page = await fixturePage(h);
  await page.evaluateOnNewDocument(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.goto(url);
  await page.waitForFunction(`${verdict} === 'danger'`, { timeout: 15_000 });
  expect(await page.evaluate('window.__violations')).toEqual([]);
  await page.close();
});
