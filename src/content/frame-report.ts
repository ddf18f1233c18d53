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
import { hasInputMatching } from '../engine/query';
import { PROBE_SECRET_FIELD } from '../engine/secret-fields';
import { buildPackedSnapshot } from '../engine/snapshot';
import { onExtensionMessage, sendToBackground } from './ext';

/** Sends the frame's snapshot to the background. */
export function reportFrame(doc: Document): void {
  void sendToBackground({ type: 'frame-snapshot', snapshot: buildPackedSnapshot(doc, doc.URL) }).catch(() => undefined);
}

/** Calls `nudged` on each {type:'probe-frames'} from the background. */
export function onProbeFrames(nudged: () => void): void {
  onExtensionMessage((raw) => {
    if (isProbeFrames(raw)) nudged();
    return undefined;
  });
}

/** Reports now, and again on each nudge while the frame still holds a secret field (as probeFrame does). */
export function startReporting(doc: Document): void {
  reportFrame(doc);
  onProbeFrames(() => {
    if (hasInputMatching(doc, PROBE_SECRET_FIELD)) reportFrame(doc);
  });
}
