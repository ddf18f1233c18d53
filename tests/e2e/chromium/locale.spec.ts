/**
 * The extension in the shopper's language, end to end: Chromium launched in
 * French and in Indonesian (--lang plus LANGUAGE, see launchChromium) on an
 * English scam page. The toolbar title, the on-page badge and the popup speak
 * the browser's language; numbers and money in the popup follow its locale.
 *
 * Expected words are read from public/_locales/<lang>/messages.json, and each is
 * checked to differ from the English one, so the test fails if the English UI
 * is shown instead.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { closedShadow, launchChromium, openPopup, waitForToolbar, type Harness } from '../support/chromium';
import { corpus } from '../support/corpus';

const SCAM = corpus().find((p) => p.file === 'scam-password.html');
if (!SCAM) throw new Error('fixture scam-password.html missing from manifest');

type Messages = Record<string, { message: string }>;
const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
const en = messages('en');

/** The message `key` in `lang`, which must be a real translation (not the English text). */
function word(msgs: Messages, key: string): string {
  const m = msgs[key]?.message;
  if (!m) throw new Error(`no message ${key}`);
  expect(m, `${key} is translated`).not.toBe(en[key]?.message);
  return m;
}

/**
 * How this locale writes the scam page's numbers: 10,000 coins and $1.99 (US dollars).
 * Spaces are matched loosely (\s covers the no-break and narrow no-break spaces ICU uses).
 */
const LOCALES = [
  { lang: 'fr', reasonKey: 'signal_credential_fields_title', thousands: /10\s000/, money: /1,99\s\$US/, notMoney: /\$1\.99/ },
  { lang: 'id', reasonKey: 'signal_credential_fields_title', thousands: /10\.000/, money: /US\$\s?1,99/, notMoney: /\$1\.99/ },
] as const;

for (const loc of LOCALES) {
  test.describe(`browser in ${loc.lang}`, () => {
    let h: Harness;
    const msgs = messages(loc.lang);
    test.beforeAll(async () => {
      h = await launchChromium({ locale: loc.lang });
    });
    test.afterAll(async () => {
      await h?.close();
    });

    test(`danger page: toolbar title, badge and popup in ${loc.lang}`, async () => {
      const danger = msgs['verdictDanger']?.message ?? '';
      const reason = word(msgs, loc.reasonKey);
      const page = await h.context.newPage();
      await page.goto(SCAM?.url ?? '');

      // The toolbar: "<Danger word>: <reason>", both in the browser's language, with its punctuation
      // (French: "Danger : …", a no-break space before the colon).
      const bar = await waitForToolbar(h, SCAM?.url ?? '');
      expect(bar.verdict).toBe('danger');
      expect(bar.title).toBe((msgs['labelled']?.message ?? '').replace('$1$', danger).replace('$2$', reason));
      expect(bar.title).toBe(loc.lang === 'fr' ? `${danger}\u00a0: ${reason}` : `${danger}: ${reason}`);

      // The badge on the page.
      await expect(page.locator('coin-shop-guard')).toHaveAttribute('data-verdict', 'danger');
      const badge = await closedShadow(page, 'coin-shop-guard');
      expect(badge.text).toContain(danger);
      expect(badge.text).toContain(reason);
      expect(badge.buttons.map((b) => b.label)).toEqual([word(msgs, 'badgeCollapse')]);

      // The popup.
      const popup = await openPopup(h, bar.tabId);
      await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'danger');
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${loc.lang}`));
      await expect(popup.locator('h1')).toHaveText(danger);
      await expect(popup.locator('.main-reason')).toHaveText(reason);
      await expect(popup.locator('#signs-h')).toHaveText(word(msgs, 'popupSigns'));
      await expect(popup.locator('#prices-h')).toHaveText(word(msgs, 'pricesTitle'));
      await expect(popup.locator('[data-signal="credential-fields"] summary')).toHaveText(reason);
      await expect(popup.locator('.show-me').first()).toHaveText(word(msgs, 'showMe'));

      // Numbers and money written the way this locale writes them (Intl in the user's locale).
      const prices = (await popup.locator('.prices').textContent()) ?? '';
      expect(prices).toMatch(loc.thousands);
      expect(prices).toMatch(loc.money);
      expect(prices).not.toMatch(loc.notMoney);
      await popup.close();
      await page.close();
    });
  });
}
