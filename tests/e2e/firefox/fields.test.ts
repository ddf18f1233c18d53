/**
 * Secret fields and form destinations that only the snapshot's finer reads find, in real Firefox
 * ESR (its content scripts see the page through Xray wrappers): a text field masked by a style
 * sheet, a bare box explained only by the text above it, an https form whose button sends it
 * over http (formaction), and a password box with an id named only by the text beside it. Each
 * page's popup names the sign and its evidence. And the other way: a shop's own sign-in form that
 * shares its id with the TikTok order form is judged by its own text, so it is no TikTok login.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hostileFixture } from '../support/corpus';
import { extensionPage, fixturePage, launchFirefox, waitForToolbarFx, type FxHarness } from '../support/firefox';

const PAGES = [
  { what: 'a text field that a style sheet masks like a password box', url: 'https://masked-login.example/', file: 'masked-login.html', evidence: /k \(password field\)/ },
  { what: 'a bare box that only the text above it names', url: 'https://code-prompt.example/', file: 'code-prompt.html', evidence: /asks for “6-digit code”/ },
  { what: 'an https form whose button sends it over http elsewhere', url: 'https://formaction-login.example/', file: 'formaction-login.html', evidence: /a button of this form sends your password or code unencrypted to http:\/\/collector\.example/ },
  { what: 'a password box with an id, outside any form, named only by the text beside it', url: 'https://id-password.example/', file: 'id-password-beside.html', evidence: /pw \(password field\)/ },
] as const;

const SHARED_ID = 'https://shared-form-id.example/';

let h: FxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  for (const p of PAGES) h.serve.set(p.url, hostileFixture(p.file));
  h.serve.set(SHARED_ID, hostileFixture('shared-form-id.html'));
});
afterAll(async () => {
  await h?.close();
});

for (const p of PAGES) {
  test(`${p.what}: danger, and the popup says why`, async () => {
    const page = await fixturePage(h);
    await page.goto(p.url);
    await page.waitForSelector('coin-shop-guard[data-verdict="danger"]');
    const ext = await extensionPage(h, 'popup.html?tab=0', 'main');
    const bar = await waitForToolbarFx(ext, p.url);
    await ext.close();
    const popup = await extensionPage(h, `popup.html?tab=${bar.tabId}`, 'main[data-verdict="danger"]');
    expect(await popup.$eval('main', (m) => m.textContent ?? '')).toMatch(p.evidence);
    await popup.close();
    await page.close();
  });
}

test("a shop's own sign-in form sharing its id with the TikTok order form: ok, and no TikTok login in the popup", async () => {
  const page = await fixturePage(h);
  await page.goto(SHARED_ID);
  await page.waitForSelector('coin-shop-guard[data-verdict="ok"]');
  const ext = await extensionPage(h, 'popup.html?tab=0', 'main');
  const bar = await waitForToolbarFx(ext, SHARED_ID);
  await ext.close();
  const popup = await extensionPage(h, `popup.html?tab=${bar.tabId}`, 'main[data-verdict="ok"] [data-signal="username-only"]');
  expect(await popup.$$eval('[data-signal="credential-fields"], [data-signal="fake-platform-login"]', (els) => els.length)).toBe(0);
  await popup.close();
  await page.close();
});
