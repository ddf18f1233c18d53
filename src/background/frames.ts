/**
 * Per-tab snapshots of cross-origin frames that hold a secret field (sent by
 * entrypoints/frame-probe.ts), kept like the tab results in storage.session
 * with an in-memory fallback (src/background/session-store.ts), so a restarted
 * MV3 service worker still has them. Entries are parsed on read; a damaged entry
 * reads as "no frames". A tab keeps at most MAX_FRAMES frames and asks its page
 * for at most MAX_RESCANS re-scans per document (a frame that keeps changing
 * cannot make the page re-scan forever). None of these functions throws.
 */
import { z } from 'zod';
import { PageSnapshotSchema, type PageSnapshot } from '../engine/types';
import type { FramePart } from '../engine/frames';
import { sessionStore } from './session-store';

export const FRAMES_KEY_PREFIX = 'frames:';
export const MAX_FRAMES = 8;
export const MAX_RESCANS = 10;
const key = (tabId: number) => `${FRAMES_KEY_PREFIX}${tabId}`;

const EntrySchema = z.object({
  origin: z.string().max(2100),
  snapshot: PageSnapshotSchema,
  /** A digest of the snapshot, to tell a changed frame from one that says the same again. */
  digest: z.string().max(20),
  /** The tab's verdict was computed with this snapshot in it. */
  merged: z.boolean(),
});
const TabFramesSchema = z.object({
  frames: z.record(z.string().regex(/^\d{1,20}$/), EntrySchema),  // Firefox frame ids are large (outer window ids)
  rescans: z.number().int().nonnegative(),
});
type TabFrames = z.infer<typeof TabFramesSchema>;

const store = sessionStore();
/** One read-modify-write at a time per tab: two frames reporting at once must not lose one. */
const queues = new Map<number, Promise<unknown>>();

async function read(tabId: number): Promise<TabFrames> {
  const parsed = TabFramesSchema.safeParse(await store.get(key(tabId)));
  return parsed.success ? parsed.data : { frames: {}, rescans: 0 };
}

const write = (tabId: number, value: TabFrames) => store.set(key(tabId), value);

function serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  const done = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(tabId, done);
  void done.then(() => {
    if (queues.get(tabId) === done) queues.delete(tabId);
  });
  return run;
}

/** FNV-1a over the snapshot's JSON: equal snapshots, equal digests. */
export function digestOf(snapshot: PageSnapshot): string {
  const s = JSON.stringify(snapshot);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${s.length}`;
}

/**
 * Keeps a frame's snapshot. True when the tab's verdict does not include it yet
 * (new, changed, or not merged since). Frames beyond MAX_FRAMES are ignored.
 */
export function recordFrame(tabId: number, frameId: number, part: FramePart): Promise<boolean> {
  return serial(tabId, async () => {
    const cur = await read(tabId);
    const id = String(frameId);
    const digest = digestOf(part.snapshot);
    const old = cur.frames[id];
    if (!old && Object.keys(cur.frames).length >= MAX_FRAMES) return false;
    if (old && old.digest === digest && old.origin === part.origin && old.merged) return false;
    cur.frames[id] = { origin: part.origin, snapshot: part.snapshot, digest, merged: false };
    await write(tabId, cur);
    return true;
  });
}

/** True (and counted) while the page may still be asked to re-scan for its frames. */
export function takeRescan(tabId: number): Promise<boolean> {
  return serial(tabId, async () => {
    const cur = await read(tabId);
    if (cur.rescans >= MAX_RESCANS) return false;
    cur.rescans++;
    await write(tabId, cur);
    return true;
  });
}

/** The frames to merge into the tab's next verdict; they count as merged from now on. */
export function takeFrames(tabId: number): Promise<FramePart[]> {
  return serial(tabId, async () => {
    const cur = await read(tabId);
    const list = Object.values(cur.frames);
    if (!list.length) return [];
    for (const f of list) f.merged = true;
    await write(tabId, cur);
    return list.map((f) => ({ origin: f.origin, snapshot: f.snapshot }));
  });
}

/** Forgets the tab's frames (new document, tab closed, page no longer a shop). */
export function clearFrames(tabId: number): Promise<void> {
  return serial(tabId, () => store.remove(key(tabId)));
}
