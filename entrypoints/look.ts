/**
 * Chrome's every-page content script (registered in wxt.config.ts, top frame
 * only, at document_idle): the gate's first look and the page watch, a few KB
 * (src/content/look.ts). The first time the first look passes, it imports the
 * guard (entrypoints/guard.ts), a web-accessible file marked use_dynamic_url
 * so that pages are refused it at the extension's fixed address, the one they
 * could probe (docs/privacy-and-permissions.md). The guard runs in this
 * script's isolated world, as a content script would.
 *
 * Firefox keeps the guard itself as its content script (wxt.config.ts): it has
 * no use_dynamic_url (docs/performance.md, What remains).
 */
import { importOwn } from '../src/content/import-own';
import { startLook } from '../src/content/look';

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    if (window.top !== window) return;
    try {
      startLook(window, () => importOwn('/guard.js'));
    } catch {
      // Never let a strange page turn into an error on its console.
    }
  },
});
