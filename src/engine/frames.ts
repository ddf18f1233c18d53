/**
 * Cross-origin frames. A page script — and our top-frame content script — cannot
 * read a frame from another origin, so a scam page can put its "TikTok password"
 * box in an <iframe> served from a second domain. The frame probe
 * (entrypoints/frame-probe.ts) runs inside such frames, and when a frame holds a
 * secret field it sends the frame's own snapshot. The background keeps those per
 * tab and merges them into the top page's snapshot before the detectors run.
 *
 * Merged items keep their in-frame selector behind a prefix that names the frame:
 * `iframe[src^="https://login.example"] >>> form > input:nth-of-type(2)`. The part
 * before ` >>> ` is a CSS selector for the <iframe> in the top page, which is what
 * "Show me" outlines (src/ui/highlight.ts); ` >>> ` never occurs in our own paths
 * (they join parts with ` > `), so detectors that compare path prefixes keep
 * working inside one frame and never mix two frames.
 */
import type { PageSnapshot, TextBlock } from './types';

export const FRAME_SEPARATOR = ' >>> ';

/** A frame's snapshot as the background keeps it. */
export interface FramePart {
  /** The frame's origin, from the browser (the sender's URL), never from the message. */
  origin: string;
  snapshot: PageSnapshot;
}

/** Caps that keep a merged snapshot inside PageSnapshotSchema's limits. */
const MAX = { blocks: 5000, fields: 500, forms: 200, links: 2000, options: 2000 } as const;

/** The selector of the <iframe> element showing a document of `origin`. */
export function frameSelector(origin: string): string {
  // Origins are scheme://host[:port]: no quotes or backslashes can occur, but never trust that.
  return `iframe[src^="${origin.replace(/["\\]/g, '')}"]`;
}

/** The part of a merged selector that finds an element in the top document. */
export function topSelector(selector: string): string {
  const at = selector.indexOf(FRAME_SEPARATOR);
  return at < 0 ? selector : selector.slice(0, at);
}

/** The origin a merged selector's frame was served from, or null for the top document. */
export function frameOriginOf(selector: string): string | null {
  const m = /^iframe\[src\^="([^"]*)"\] >>> /.exec(selector);
  return m ? (m[1] ?? null) : null;
}

function take<T>(into: T[], from: readonly T[], max: number, map: (x: T) => T): void {
  for (const x of from) {
    if (into.length >= max) return;
    into.push(map(x));
  }
}

/**
 * The top snapshot with every frame's fields, forms, text, links and options
 * appended (selectors prefixed). Frames from the top page's own origin are
 * skipped: the top snapshot reads those directly. Pure; never throws on
 * well-typed input.
 */
export function mergeFrames(top: PageSnapshot, frames: readonly FramePart[]): PageSnapshot {
  let topOrigin = '';
  try {
    topOrigin = new URL(top.url).origin;
  } catch {
    // An unparsable top URL: merge every frame.
  }
  const others = frames.filter((f) => f.origin !== topOrigin);
  if (!others.length) return top;
  const out: PageSnapshot = {
    ...top,
    blocks: [...top.blocks],
    fields: [...top.fields],
    forms: [...top.forms],
    links: [...top.links],
    options: [...top.options],
    stats: { ...top.stats },
  };
  for (const { origin, snapshot: s } of others) {
    const prefix = `${frameSelector(origin)}${FRAME_SEPARATOR}`;
    const block = (b: TextBlock): TextBlock => ({ ...b, selector: prefix + b.selector });
    // A field's index of the text before it moves with the frame's blocks, and goes when that block is cut;
    // a form's ranges of blocks and options move with them too, and end where the kept ones end.
    const offset = out.blocks.length;
    const kept = Math.max(0, Math.min(s.blocks.length, MAX.blocks - offset));
    const optionOffset = out.options.length;
    const keptOptions = Math.max(0, Math.min(s.options.length, MAX.options - optionOffset));
    const shift = ([start, end]: readonly [number, number], at: number, n: number): [number, number] => [
      at + Math.min(start, n),
      at + Math.min(end, n),
    ];
    take(out.fields, s.fields, MAX.fields, ({ blockBefore, parent, ...f }) => ({
      ...f,
      selector: prefix + f.selector,
      ...(parent !== undefined ? { parent: prefix + parent } : {}),
      ...(blockBefore !== undefined && blockBefore < kept ? { blockBefore: offset + blockBefore } : {}),
    }));
    take(out.forms, s.forms, MAX.forms, ({ inside, ...f }) => ({
      ...f,
      selector: prefix + f.selector,
      ...(inside ? { inside: { blocks: shift(inside.blocks, offset, kept), options: shift(inside.options, optionOffset, keptOptions) } } : {}),
    }));
    take(out.blocks, s.blocks, MAX.blocks, block);
    take(out.options, s.options, MAX.options, block);
    take(out.links, s.links, MAX.links, (l) => l);
    out.stats.elements += s.stats.elements;
    out.stats.textTruncated ||= s.stats.textTruncated;
  }
  return out;
}
