/**
 * What the frame probe (entrypoints/frame-probe.ts) does inside a frame other
 * than the top one, apart from the extension API so that it can be tested.
 * Such frames are mostly ads and embeds, on every kind of page, and each is a
 * world of its own: every interface the probe touches there is set up for that
 * frame alone (about 0.5–1 ms each on the benchmark's machine, `npm run
 * bench:frames`). So in a frame without a secret field it touches as little
 * as it can: one query of the inputs and one event listener.
 *
 *  - A secret field now: unless the parent can read the frame (same origin:
 *    the parent's snapshot has it), start reporting it (src/content/frame-report.ts
 *    startReporting: now, and again after each scan of the top page while the
 *    field is there), once.
 *  - None: look again when something in the frame gets the focus (a shopper
 *    about to type into a login box a widget rendered after load), at most
 *    FRAME_LOOKS times.
 */
import { hasInputMatching } from '../engine/query';
import { PROBE_SECRET_FIELD } from '../engine/secret-fields';

/** Does the frame hold a field that asks for a secret (one query of its inputs)? */
export function hasFrameSecret(doc: Document): boolean {
  return hasInputMatching(doc, PROBE_SECRET_FIELD);
}

/** Looks on focus before the probe stops looking (a frame that moves the focus in a loop costs no more). */
export const FRAME_LOOKS = 50;

export interface FrameProbeDeps {
  /** The parent frame can read this one (same origin). */
  parentCanRead(): boolean;
  /** Is the extension still there? Sets up its API in this world: asked only once a secret field is found. */
  alive(): boolean;
  /** Starts reporting the frame (startReporting, or in Chrome the import that runs it). Called at most once. */
  startReporting(): void;
}

/** Runs the probe in `doc`, a frame's document. Returns a function that stops it looking. */
export function probeFrame(doc: Document, deps: FrameProbeDeps): () => void {
  const hasSecret = () => hasFrameSecret(doc);
  const found = () => {
    if (deps.parentCanRead() || !deps.alive()) return;
    deps.startReporting();
  };
  if (hasSecret()) {
    found();
    return () => undefined;
  }
  let looks = 0;
  const stop = () => doc.removeEventListener('focusin', onFocus, true);
  function onFocus(): void {
    if (++looks >= FRAME_LOOKS) stop();
    if (!hasSecret()) return;
    stop();
    found();
  }
  doc.addEventListener('focusin', onFocus, true);
  return stop;
}
