/**
 * The popup shell's words, without webextension-polyfill (the popup's first
 * paint must not wait for it): `browser.i18n` in Firefox, `chrome.i18n` in
 * Chrome; both are synchronous. Missing API (unit tests) → the key itself,
 * like t() in src/platform/browser.ts. Strings come through t() of the
 * content script's polyfill-free wrapper (src/content/ext.ts).
 */
import { t } from '../../src/content/ext';

interface I18n {
  getUILanguage(): string;
}

function i18n(): I18n | undefined {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** Localises the static shell of index.html: page language, the name, the polite "Checking this page…" status. */
export function shellText(doc: Document): void {
  try {
    const lang = i18n()?.getUILanguage();
    if (lang) doc.documentElement.lang = lang;
  } catch {
    // No i18n API: the page keeps no lang; boot() sets it again through the polyfill.
  }
  const word = doc.querySelector('main[data-state="loading"] h1 .word');
  if (word) word.textContent = t('extName');
  const status = doc.getElementById('popup-status');
  if (status) status.textContent = t('popupLoading');
}
