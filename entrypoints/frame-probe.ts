/**
 * The frame probe (registered in wxt.config.ts for every frame, at
 * document_idle). It exists for one trick: a scam page that puts its "TikTok
 * password" box in an <iframe> from another origin, which neither the page nor
 * our top-frame script (entrypoints/guard.ts) can read.
 *
 *  - In the top frame, and in a frame whose parent can read it (same origin:
 *    the parent's snapshot already includes it), it returns at once.
 *  - Otherwise one query for its inputs asks whether the frame has a secret field. No →
 *    nothing else happens. Yes → the frame's snapshot goes to the background,
 *    which merges it into the tab's verdict (src/engine/frames.ts).
 *  - It listens for {type:'probe-frames'} from the background (sent after each
 *    scan of the top page) and reports again then, so a login box added later
 *    is seen too.
 *
 * It changes nothing in the frame's DOM and sends nothing the frame's scripts
 * can observe. It imports only the snapshot builder and the messaging wrapper,
 * so the script every frame parses stays small.
 */
import { isProbeFrames } from '../src/content-messages';
import { alive, onExtensionMessage, sendToBackground } from '../src/content/ext';
import { hasInputMatching } from '../src/engine/query';
import { PROBE_SECRET_FIELD } from '../src/engine/secret-fields';
import { buildPackedSnapshot } from '../src/engine/snapshot';

function report(): void {
  if (!alive() || !hasInputMatching(document, PROBE_SECRET_FIELD)) return;
  void sendToBackground({ type: 'frame-snapshot', snapshot: buildPackedSnapshot(document, location.href) }).catch(() => undefined);
}

function parentCanRead(): boolean {
  try {
    return !!window.parent.document;
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  try {
    if (window.top === window || parentCanRead()) return;
    report();
    onExtensionMessage((raw) => {
      if (isProbeFrames(raw)) report();
      return undefined;
    });
  } catch {
    // Never let a strange frame turn into an error on its console.
  }
});
