/**
 * Selectors as a table of paths (PackedSnapshot, src/engine/types.ts): what
 * the snapshot walk records and the content script sends, and how the
 * background turns it back into the PageSnapshot the detectors read.
 *
 * A path is a parent path plus one part. Its selector is the parent's, a
 * " > " and the part; a path without a parent is its part alone (the root of
 * a walk, or an element with an id). The walk sends an element's part as its
 * tag name and its nth-of-type position (`paths.nth`), written out here. As
 * cssPath() does, a selector keeps its nearest MAX_PARTS parts, and every
 * selector is clipped to MAX_SELECTOR characters (a custom element's tag name
 * can be any length; so could a selector built from it).
 */
import { MAX_SELECTOR } from './limits';
import type { PackedSnapshot, PageSnapshot } from './types';

/** Parts of a selector, at most (cssPath keeps the nearest 12). */
export const MAX_PARTS = 12;

const clip = (s: string) => (s.length > MAX_SELECTOR ? s.slice(0, MAX_SELECTOR) : s);

/**
 * The selector of every path, or null when the table is malformed (a parent that is not an earlier
 * path, or tables of different lengths).
 */
export function selectorsOf(paths: PackedSnapshot['paths']): string[] | null {
  const { parent, part, nth } = paths;
  if (parent.length !== part.length || (nth !== undefined && nth.length !== part.length)) return null;
  const selectors: string[] = new Array<string>(part.length);
  const counts: number[] = new Array<number>(part.length);
  for (let i = 0; i < part.length; i++) {
    const p = parent[i] as number;
    const position = nth === undefined ? 0 : (nth[i] as number);
    const own = clip(position > 0 ? `${part[i] as string}:nth-of-type(${position})` : (part[i] as string));
    if (p >= i || p < -1) return null;
    if (p === -1) {
      selectors[i] = own;
      counts[i] = own ? own.split(' > ').length : 0;
      continue;
    }
    const up = selectors[p] as string;
    const n = counts[p] as number;
    // Tag names and ids never contain " > ": the first one ends the first part.
    selectors[i] = n === 0 ? own : clip(`${n >= MAX_PARTS ? up.slice(up.indexOf(' > ') + 3) : up} > ${own}`);
    counts[i] = Math.min(n + 1, MAX_PARTS);
  }
  return selectors;
}

/** The PageSnapshot a packed one stands for; null when it is malformed (a path that is not in the table). */
export function unpackSnapshot(p: PackedSnapshot): PageSnapshot | null {
  const selectors = selectorsOf(p.paths);
  if (!selectors) return null;
  const { blocks, options } = p;
  if (blocks.path.length !== blocks.text.length || options.path.length !== options.text.length) return null;
  const struck = new Set(blocks.struck);
  let ok = true;
  const sel = (path: number): string => {
    const s = selectors[path];
    if (s === undefined) ok = false;
    return s ?? '';
  };
  const snapshot: PageSnapshot = {
    url: p.url,
    title: p.title,
    lang: p.lang,
    headline: p.headline,
    blocks: blocks.text.map((text, i) => (struck.has(i) ? { text, selector: sel(blocks.path[i] as number), struck: true } : { text, selector: sel(blocks.path[i] as number) })),
    fields: p.fields.map((f) => ({
      type: f.type,
      name: f.name,
      autocomplete: f.autocomplete,
      label: f.label,
      selector: sel(f.path),
      formAction: f.formAction,
      ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
      ...(f.blockBefore !== undefined ? { blockBefore: f.blockBefore } : {}),
      ...(f.parentPath !== undefined ? { parent: sel(f.parentPath) } : {}),
      ...(f.inHeader !== undefined ? { inHeader: f.inHeader } : {}),
    })),
    forms: p.forms.map((f) => ({
      action: f.action,
      method: f.method,
      selector: sel(f.path),
      ...(f.buttonActions !== undefined ? { buttonActions: f.buttonActions } : {}),
      ...(f.inside !== undefined ? { inside: f.inside } : {}),
    })),
    links: p.links,
    options: options.text.map((text, i) => ({ text, selector: sel(options.path[i] as number) })),
    stats: p.stats,
  };
  // Every struck index names a block.
  return ok && blocks.struck.every((i) => Number.isInteger(i) && i >= 0 && i < blocks.text.length) ? snapshot : null;
}

/**
 * A PageSnapshot packed without sharing anything: every selector its own
 * path. For callers that hold a PageSnapshot already (tests, tools);
 * unpackSnapshot() gives back the same snapshot (a block's `struck: false`
 * comes back as no `struck`, which the detectors read alike).
 */
export function packSnapshot(s: PageSnapshot): PackedSnapshot {
  const parent: number[] = [];
  const part: string[] = [];
  const path = (selector: string) => {
    parent.push(-1);
    part.push(selector);
    return part.length - 1;
  };
  return {
    url: s.url,
    title: s.title,
    lang: s.lang,
    headline: s.headline,
    paths: { parent, part },
    blocks: {
      text: s.blocks.map((b) => b.text),
      path: s.blocks.map((b) => path(b.selector)),
      struck: s.blocks.flatMap((b, i) => (b.struck ? [i] : [])),
    },
    fields: s.fields.map(({ selector, parent, ...f }) => ({ ...f, path: path(selector), ...(parent !== undefined ? { parentPath: path(parent) } : {}) })),
    forms: s.forms.map(({ selector, ...f }) => ({ ...f, path: path(selector) })),
    links: s.links,
    options: { text: s.options.map((o) => o.text), path: s.options.map((o) => path(o.selector)) },
    stats: s.stats,
  };
}
