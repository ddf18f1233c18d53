/**
 * The frame probe (registered in wxt.config.ts for every frame, at
 * document_idle). It exists for one trick: a scam page that puts its "TikTok
 * password" box in an <iframe> from another origin, which neither the page nor
 * our top-frame script (entrypoints/guard.ts) can read.
 *
 *  - In the top frame it returns at once.
 *  - Elsewhere one query for its inputs asks whether the frame has a secret
 *    field. Yes → unless its parent can read it (same origin: the parent's
 *    snapshot already includes it), the frame's snapshot goes to the
 *    background, which merges it into the tab's verdict (src/engine/frames.ts),
 *    and the reporter (src/content/frame-report.ts) listens for
 *    {type:'probe-frames'} (sent after each scan of the top page) to report
 *    again. No → it looks again when something in the
 *    frame gets the focus, and touches nothing else, the extension API
 *    included (src/content/frame-probe.ts): most frames are ads and embeds.
 *
 * It changes nothing in the frame's DOM and sends nothing the frame's scripts
 * can observe. In Chrome the snapshot and the messaging come in only where a
 * report is due (entrypoints/frame-report.ts, imported), so the script every
 * frame compiles stays a few KB; Firefox has them in this script.
 */
import { alive } from '../src/content/ext';
import { probeFrame } from '../src/content/frame-probe';
import { startReporting } from '../src/content/frame-report';
import { importOwn } from '../src/content/import-own';

function parentCanRead(): boolean {
  try {
    return !!window.parent.document;
  } catch {
    return false;
  }
}

/**
 * Chrome: the reporter is imported only in a frame that needs it (probeFrame starts reporting at most
 * once; entrypoints/frame-report.ts reports and then listens itself). WXT sets import.meta.env.FIREFOX
 * at build time, so each build keeps one of the two ways, and Chrome's probe carries no snapshot code
 * (hostile.spec.ts checks).
 */
function importReporter(): void {
  void importOwn('/frame-report.js');
}

export default defineUnlistedScript(() => {
  try {
    if (window.top === window) return;
    probeFrame(
      document,
      import.meta.env.FIREFOX ? { parentCanRead, alive, startReporting: () => startReporting(document) } : { parentCanRead, alive, startReporting: importReporter },
    );
  } catch {
    // Never let a strange frame turn into an error on its console.
  }
});
