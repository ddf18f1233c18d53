// Code passed to worker.evaluate()/page.evaluate() runs inside the extension, where
// `chrome` (Chromium) and `browser` (Firefox) are the extension API; typed here
// with webextension-polyfill's declarations.
declare const chrome: import('webextension-polyfill').Browser;
