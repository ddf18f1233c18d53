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
 *    and the probe listens for {type:'probe-frames'} (sent after each scan of
 *    the top page) to report again. No → it looks again when something in the
 *    frame gets the focus, and touches nothing else, the extension API
 *    included (src/content/frame-probe.ts): most frames are ads and embeds.
 *
 * It changes nothing in the frame's DOM and sends nothing the frame's scripts
 * can observe. It imports only the snapshot builder and the messaging wrapper,
 * so the script every frame parses stays small.
 */
import { isProbeFrames } from '../src/content-messages';
import { alive, onExtensionMessage, sendToBackground } from '../src/content/ext';
import { probeFrame } from '../src/content/frame-probe';
import { buildPackedSnapshot } from '../src/engine/snapshot';

function parentCanRead(): boolean {
  try {
    return !!window.parent.document;
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  try {
    if (window.top === window) return;
    probeFrame(document, {
      parentCanRead,
      alive,
      report: () => void sendToBackground({ type: 'frame-snapshot', snapshot: buildPackedSnapshot(document, location.href) }).catch(() => undefined),
      listen: (nudged) =>
        void onExtensionMessage((raw) => {
          if (isProbeFrames(raw)) nudged();
          return undefined;
        }),
    });
  } catch {
    // Never let a strange frame turn into an error on its console.
  }
});
