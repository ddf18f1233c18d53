/**
 * The page snapshot in short slices (issue 7: no task of ours over 50 ms).
 * A 5,000-element shop takes tens of milliseconds to read; walked in one go
 * that is one long task on the page's main thread, during which the page
 * cannot respond to input. Here the walk (src/engine/snapshot.ts,
 * startSnapshot) stops after `sliceMs` and carries on in a new task, so the
 * page gets the thread back in between. The result is what buildSnapshot
 * gives when the page does not change meanwhile, packed for the message to the
 * background (src/engine/packed.ts).
 */
import { startSnapshot } from '../engine/snapshot';
import type { PackedSnapshot } from '../engine/types';

export interface SliceOptions {
  /** Longest slice, in ms. */
  sliceMs?: number;
  /** Runs `fn` in a new task (setTimeout 0 unless told otherwise). */
  schedule?: (fn: () => void) => void;
  /** A clock in ms (performance.now unless told otherwise). */
  now?: () => number;
  /** After this many slices the walk stops where it is (a page that keeps re-arranging itself). */
  maxSlices?: number;
}

export const SLICE_MS = 8;
/** About two seconds of slices: far more than the biggest page needs (100,000 elements: about 40). */
export const MAX_SLICES = 250;

const timeout = (fn: () => void) => {
  setTimeout(fn, 0);
};

export function snapshotInSlices(doc: Document, url: string, o: SliceOptions = {}): Promise<PackedSnapshot> {
  const sliceMs = o.sliceMs ?? SLICE_MS;
  const now = o.now ?? (() => performance.now());
  const schedule = o.schedule ?? timeout;
  const maxSlices = o.maxSlices ?? MAX_SLICES;
  return new Promise((resolve, reject) => {
    const walk = startSnapshot(doc, url);
    let slices = 0;
    // Each slice is a call of this function from its own task (not a promise continuation), so the
    // browser's trace shows it as ours (scripts/bench.ts reads our longest task from that).
    const slice = () => {
      try {
        slices++;
        const start = now();
        if (walk.step(() => now() - start >= sliceMs)) resolve(walk.packed());
        else if (slices >= maxSlices) {
          walk.giveUp();
          resolve(walk.packed());
        } else schedule(slice);
      } catch (e) {
        reject(e);
      }
    };
    // The first slice too gets a task of its own: the script's start (the gate) stays short.
    schedule(slice);
  });
}
