/**
 * Draws the toolbar icons from their SVG sources in assets/icons/<name>.svg as
 * PNGs at 16/32/48/128 px into public/icons/<name>-<size>.png, and the default
 * icon also as public/icon-<size>.png.
 *
 *   npx tsx scripts/make-icons.ts          write the PNGs
 *   npx tsx scripts/make-icons.ts --check  exit 1 if a PNG on disk is stale
 *
 * No image library: the SVGs are hand-written in a small subset (circle, line,
 * polyline, polygon; solid hex colours; round caps and joins), which this file
 * parses and samples 5×5 per pixel. Anything outside the subset is an error
 * rather than a silently different picture, so the SVG stays the one source
 * of the geometry.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export type Rgb = [number, number, number];
/** One paint operation: a colour and the region it covers, in viewBox units. */
export interface Layer {
  colour: Rgb;
  covers: (x: number, y: number) => boolean;
}
export interface Picture {
  /** Width = height of the square viewBox. */
  size: number;
  /** Bottom first, painted in order (SVG painter's model: fill, then stroke). */
  layers: Layer[];
}

export const SIZES = [16, 32, 48, 128] as const;

function colour(value: string, where: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  const full = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : value;
  if (!/^#[0-9a-f]{6}$/i.test(full)) throw new Error(`${where}: colour must be #rgb or #rrggbb, got "${value}"`);
  return [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function points(value: string, where: string): [number, number][] {
  const nums = value.trim().split(/[\s,]+/).map(Number);
  if (nums.length < 4 || nums.length % 2 || nums.some((n) => !Number.isFinite(n))) throw new Error(`${where}: bad points "${value}"`);
  const out: [number, number][] = [];
  for (let i = 0; i < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!]);
  return out;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const h = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  return Math.hypot(px - dx * h, py - dy * h);
}

function pathDistance(x: number, y: number, pts: [number, number][], closed: boolean): number {
  let d = Infinity;
  const n = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i++) d = Math.min(d, segmentDistance(x, y, pts[i]!, pts[(i + 1) % pts.length]!));
  return d;
}

/** Even-odd point-in-polygon test. */
function insidePolygon(x: number, y: number, pts: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!, [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const ALLOWED = new Set(['svg', 'title', 'desc', 'circle', 'line', 'polyline', 'polygon']);

/** Parses the SVG subset described at the top of this file. */
export function parseSvg(text: string, name = 'svg'): Picture {
  const source = text.replace(/<!--[\s\S]*?-->/g, '');
  const root = /<svg\b([^>]*)>/.exec(source);
  if (!root) throw new Error(`${name}: no <svg> element`);
  const viewBox = /\bviewBox="([^"]+)"/.exec(root[1]!)?.[1]?.trim().split(/[\s,]+/).map(Number);
  if (!viewBox || viewBox.length !== 4 || viewBox[0] !== 0 || viewBox[1] !== 0 || viewBox[2] !== viewBox[3] || !(viewBox[2]! > 0))
    throw new Error(`${name}: needs a square viewBox="0 0 N N"`);
  const layers: Layer[] = [];
  for (const m of source.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*?)\/?>/g)) {
    const tag = m[1]!;
    if (!ALLOWED.has(tag)) throw new Error(`${name}: <${tag}> is outside the supported SVG subset`);
    if (!['circle', 'line', 'polyline', 'polygon'].includes(tag)) continue;
    const where = `${name} <${tag}>`;
    const attrs = Object.fromEntries([...m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    const num = (k: string): number => {
      const v = Number(attrs[k]);
      if (attrs[k] === undefined || !Number.isFinite(v)) throw new Error(`${where}: needs numeric ${k}`);
      return v;
    };
    for (const k of Object.keys(attrs))
      if (!['cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'points', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin'].includes(k))
        throw new Error(`${where}: attribute ${k} is not supported`);
    const fill = attrs.fill;
    const stroke = attrs.stroke && attrs.stroke !== 'none' ? colour(attrs.stroke, where) : null;
    const half = stroke ? num('stroke-width') / 2 : 0;
    if (tag !== 'line' && fill === undefined) throw new Error(`${where}: give fill explicitly (SVG's default is black)`);
    // The stroke test below is a distance test, which draws round caps and joins; refuse anything else.
    if (stroke && tag !== 'circle' && tag !== 'line' && attrs['stroke-linejoin'] !== 'round') throw new Error(`${where}: stroke-linejoin must be round`);
    if (stroke && (tag === 'line' || tag === 'polyline') && attrs['stroke-linecap'] !== 'round') throw new Error(`${where}: stroke-linecap must be round`);

    if (tag === 'circle') {
      const cx = num('cx'), cy = num('cy'), r = num('r');
      if (fill !== 'none') layers.push({ colour: colour(fill!, where), covers: (x, y) => Math.hypot(x - cx, y - cy) < r });
      if (stroke) layers.push({ colour: stroke, covers: (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) < half });
    } else if (tag === 'line') {
      if (!stroke) throw new Error(`${where}: a line needs a stroke`);
      const a: [number, number] = [num('x1'), num('y1')], b: [number, number] = [num('x2'), num('y2')];
      layers.push({ colour: stroke, covers: (x, y) => segmentDistance(x, y, a, b) < half });
    } else {
      const pts = points(attrs.points ?? '', where);
      const closed = tag === 'polygon';
      if (fill !== 'none') {
        if (!closed) throw new Error(`${where}: use fill="none" on a polyline`);
        const c = colour(fill!, where);
        layers.push({ colour: c, covers: (x, y) => insidePolygon(x, y, pts) });
      }
      if (stroke) layers.push({ colour: stroke, covers: (x, y) => pathDistance(x, y, pts, closed) < half });
    }
  }
  if (!layers.length) throw new Error(`${name}: nothing to draw`);
  return { size: viewBox[2]!, layers };
}

/** RGBA pixels, straight (not premultiplied) alpha, row by row. */
export function rasterize(picture: Picture, size: number, samples = 5): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const scale = picture.size / size;
  const n = samples * samples;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let hits = 0, r = 0, g = 0, b = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) * scale, v = (y + (sy + 0.5) / samples) * scale;
          for (let i = picture.layers.length - 1; i >= 0; i--) {
            const layer = picture.layers[i]!;
            if (layer.covers(u, v)) {
              hits++;
              r += layer.colour[0];
              g += layer.colour[1];
              b += layer.colour[2];
              break;
            }
          }
        }
      const o = (y * size + x) * 4;
      if (hits) out.set([Math.round(r / hits), Math.round(g / hits), Math.round(b / hits), Math.round((hits / n) * 255)], o);
    }
  return out;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** Encodes RGBA pixels as an 8-bit RGBA PNG. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const stride = size * 4;
  const raw = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Every PNG the sources produce: output path (relative to the project root) → bytes. */
export function buildIcons(root: string): Map<string, Buffer> {
  const dir = join(root, 'assets/icons');
  const files = new Map<string, Buffer>();
  const names = readdirSync(dir).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
  if (!names.includes('default')) throw new Error('assets/icons/default.svg is missing');
  for (const name of names) {
    const picture = parseSvg(readFileSync(join(dir, `${name}.svg`), 'utf8'), `${name}.svg`);
    for (const size of SIZES) {
      const bytes = encodePng(size, rasterize(picture, size));
      files.set(`public/icons/${name}-${size}.png`, bytes);
      if (name === 'default') files.set(`public/icon-${size}.png`, bytes);
    }
  }
  return files;
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = buildIcons(root);
  if (process.argv.includes('--check')) {
    const stale = [...files].filter(([path, bytes]) => !existsSync(join(root, path)) || !readFileSync(join(root, path)).equals(bytes)).map(([p]) => p);
    if (stale.length) {
      console.error(`icons out of date (run npx tsx scripts/make-icons.ts):\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`icons up to date: ${files.size} files`);
    return;
  }
  mkdirSync(join(root, 'public/icons'), { recursive: true });
  for (const [path, bytes] of files) writeFileSync(join(root, path), bytes);
  console.log(`icons written: ${files.size} files in public/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
