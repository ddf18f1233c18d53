/**
 * Secret fields and form destinations that only the snapshot's finer reads find, in real Firefox
 * ESR (its content scripts see the page through Xray wrappers): a text field masked by a style
 * sheet, a bare box explained only by the text above it, an https form whose button sends it
 * over http (formaction), a password box with an id named only by the text beside it, and a code
 * split over one-character boxes that each have an id. Each page's popup names the sign and its
 * evidence. And the other way: a shop's own sign-in form that shares its id with the TikTok order
 * form, or sits in its page header with ids, is the shop's own, so it is no TikTok login.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { hostileFixture } from '../support/corpus';
import { extensionPage, fixturePage, launchFirefox, waitForToolbarFx, type FxHarness } from '../support/firefox';

const PAGES = [
  { what: 'a text field that a style sheet masks like a password box', url: 'https://masked-login.example/', file: 'masked-login.html', evidence: /k \(password field\)/ },
  { what: 'a bare box that only the text above it names', url: 'https://code-prompt.example/', file: 'code-prompt.html', evidence: /asks for “6-digit code”/ },
  { what: 'an https form whose button sends it over http elsewhere', url: 'https://formaction-login.example/', file: 'formaction-login.html', evidence: /a button of this form sends your password or code unencrypted to http:\/\/collector\.example/ },
  { what: 'a password box with an id, outside any form, named only by the text beside it', url: 'https://id-password.example/', file: 'id-password-beside.html', evidence: /pw \(password field\)/ },
  { what: 'a one-time code split over six one-character boxes that each have an id', url: 'https://split-code-ids.example/', file: 'split-code-ids.html', evidence: /split over 6 one-character boxes/ },
] as const;

/** Sign-in boxes that are the shop's own, though they sit on a TikTok coin page: judged ok, with no TikTok login. */
const OWN_LOGINS = [
  { what: "a shop's own sign-in form sharing its id with the TikTok order form", url: 'https://shared-form-id.example/', file: 'shared-form-id.html' },
  { what: "a shop's own sign-in box in its page header, its form and fields with ids", url: 'https://header-login-ids.example/', file: 'header-login-ids.html' },
] as const;

let h: FxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  for (const p of PAGES) h.serve.set(p.url, hostileFixture(p.file));
  for (const p of OWN_LOGINS) h.serve.set(p.url, hostileFixture(p.file));
});
afterAll(async () => {
  await h?.close();
});

/** Opens `url`, waits for the badge's `verdict`, and opens that tab's popup once it shows `ready`. */
async function popupFor(url: string, verdict: string, ready: string): Promise<{ page: Page; popup: Page }> {
  const page = await fixturePage(h);
  await page.goto(url);
  await page.waitForSelector(`coin-shop-guard[data-verdict="${verdict}"]`);
  const ext = await extensionPage(h, 'popup.html?tab=0', 'main');
  const bar = await waitForToolbarFx(ext, url);
  await ext.close();
  return { page, popup: await extensionPage(h, `popup.html?tab=${bar.tabId}`, ready) };
}

for (const p of PAGES) {
  test(`${p.what}: danger, and the popup says why`, async () => {
    const { page, popup } = await popupFor(p.url, 'danger', 'main[data-verdict="danger"]');
    expect(await popup.$eval('main', (m) => m.textContent ?? '')).toMatch(p.evidence);
    await popup.close();
    await page.close();
  });
}

for (const p of OWN_LOGINS) {
  test(`${p.what}: ok, and no TikTok login in the popup`, async () => {
    const { page, popup } = await popupFor(p.url, 'ok', 'main[data-verdict="ok"] [data-signal="username-only"]');
    expect(await popup.$$eval('[data-signal="credential-fields"], [data-signal="fake-platform-login"]', (els) => els.length)).toBe(0);
    await popup.close();
    await page.close();
  });
}
