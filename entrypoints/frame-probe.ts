/**
 * The frame probe (registered in wxt.config.ts for every frame, at
 * document_idle). It exists for one trick: a scam page that puts its "TikTok
 * password" box in an <iframe> from another origin, which neither the page nor
 * our top-frame script (entrypoints/guard.ts) can read.
 *
 *  - In the top frame, and in a frame whose parent can read it (same origin:
 *    the parent's snapshot already includes it), it returns at once.
 *  - Otherwise one selector asks whether the frame has a secret field. No →
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
import { buildPackedSnapshot } from '../src/engine/snapshot';

/** Fields that may ask for a secret; the background decides whether they do. */
const SECRET_FIELD = [
  'input[type="password" i]',
  'input[autocomplete~="one-time-code" i]',
  'input[autocomplete~="current-password" i]',
  'input[name*="otp" i]',
  'input[id*="otp" i]',
  'input[name*="pass" i]',
  'input[name*="pwd" i]',
  'input[name*="code" i]',
  'input[placeholder*="code" i]',
  'input[placeholder*="kode" i]',
  'input[placeholder*="código" i]',
  'input[placeholder*="mã" i]',
].join(', ');

function report(): void {
  if (!alive() || !document.querySelector(SECRET_FIELD)) return;
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
