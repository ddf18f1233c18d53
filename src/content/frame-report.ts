/**
 * What a frame with a secret field sends the background: its snapshot, now
 * and again each time the background asks after a scan of the top page
 * ({type:'probe-frames'}), while the field is still there. The frame probe
 * (entrypoints/frame-probe.ts) calls it once it has found such a field and
 * its parent cannot read it: in Firefox directly; in Chrome by importing
 * entrypoints/frame-report.ts, so that the snapshot (most of this code's
 * size) is compiled only in such a frame, never in the top frame or in an ad.
 */
import { isProbeFrames } from '../content-messages';
import { buildPackedSnapshot } from '../engine/snapshot';
import { onExtensionMessage, sendToBackground } from './ext';
import { hasFrameSecret } from './frame-probe';

/** Sends the frame's snapshot to the background. */
function reportFrame(doc: Document): void {
  void sendToBackground({ type: 'frame-snapshot', snapshot: buildPackedSnapshot(doc, doc.URL) }).catch(() => undefined);
}

/** Reports now, and again on each {type:'probe-frames'} from the background while the frame still holds a secret field. */
export function startReporting(doc: Document): void {
  reportFrame(doc);
  onExtensionMessage((raw) => {
    if (isProbeFrames(raw) && hasFrameSecret(doc)) reportFrame(doc);
    return undefined;
  });
}
