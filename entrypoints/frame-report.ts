/**
 * Chrome only: what the frame probe (entrypoints/frame-probe.ts) imports in a
 * frame that holds a secret field its parent cannot read. It reports the
 * frame's snapshot to the background, and again after each scan of the top
 * page (src/content/frame-report.ts). A web-accessible resource, as guard.js
 * is, marked use_dynamic_url (wxt.config.ts, docs/privacy-and-permissions.md).
 */
import { startReporting } from '../src/content/frame-report';

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    try {
      startReporting(document);
    } catch {
      // Never let a strange frame turn into an error on its console.
    }
  },
});
