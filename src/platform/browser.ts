/**
 * The extension API, through webextension-polyfill (promise-based `browser.*`
 * in Chrome too). Unit tests alias this module to WXT's fakeBrowser.
 */
import browser from 'webextension-polyfill';

export { browser };

/** `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox). */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser.browserAction as unknown as typeof browser.action);
}

/** A localized string; falls back to the key so a missing message is visible, not blank. */
export function t(key: string, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
