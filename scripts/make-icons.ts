/**
 * Draws the toolbar icons (one per verdict, plus the default) as PNGs at
 * 16/32/48/128 px into public/icons/. Shapes are signed-distance functions
 * sampled 4×4 per pixel, so the icons are crisp at every size without an
 * image library. Each verdict differs in shape and glyph, not only colour.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
type Shape = (x: number, y: number) => number; // < 0 inside

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const circle = (cx: number, cy: number, r: number): Shape => (x, y) => Math.hypot(x - cx, y - cy) - r;
const capsule = (ax: number, ay: number, bx: number, by: number, r: number): Shape => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - r;
};
const union = (...s: Shape[]): Shape => (x, y) => Math.min(...s.map((f) => f(x, y)));
const triangle: Shape = (x, y) => {
  // Rounded triangle pointing up, in the unit square.
  const edges: [number, number, number, number][] = [[0.5, 0.08, 0.95, 0.88], [0.95, 0.88, 0.05, 0.88], [0.05, 0.88, 0.5, 0.08]];
  let inside = true;
  let d = Infinity;
  for (const [ax, ay, bx, by] of edges) {
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross < 0) inside = false;
    d = Math.min(d, capsule(ax, ay, bx, by, 0)(x, y));
  }
  return (inside ? -d : d) - 0.04;
};

interface Icon { bg: Shape; colour: Rgb; glyph: Shape | null }
const ICONS: Record<string, Icon> = {
  default: { bg: circle(0.5, 0.5, 0.46), colour: hex('#5F6368'), glyph: (x, y) => Math.abs(circle(0.5, 0.5, 0.24)(x, y)) - 0.06 },
  danger: { bg: circle(0.5, 0.5, 0.46), colour: hex('#B3261E'), glyph: union(capsule(0.32, 0.32, 0.68, 0.68, 0.08), capsule(0.68, 0.32, 0.32, 0.68, 0.08)) },
  caution: { bg: triangle, colour: hex('#8A4B00'), glyph: union(capsule(0.5, 0.36, 0.5, 0.6, 0.065), circle(0.5, 0.75, 0.07)) },
  ok: { bg: circle(0.5, 0.5, 0.46), colour: hex('#1E6B34'), glyph: union(capsule(0.28, 0.52, 0.44, 0.68, 0.075), capsule(0.44, 0.68, 0.72, 0.34, 0.075)) },
  official: {
    bg: circle(0.5, 0.5, 0.46),
    colour: hex('#0B57D0'),
    glyph: (x, y) => {
      // Five-pointed star from its polar outline.
      const dx = x - 0.5, dy = y - 0.52;
      const a = Math.atan2(dy, dx) + Math.PI / 2;
      const k = Math.cos((2 * Math.PI) / 5);
      const r = 0.3 * (k + (1 - k) * Math.abs(Math.cos((5 * a) / 2))) ** 1.6 + 0.04;
      return Math.hypot(dx, dy) - r;
    },
  },
};

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}
export function png(size: number, icon: Icon): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let bgCov = 0, glyphCov = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size, v = (y + (sy + 0.5) / ss) / size;
          if (icon.bg(u, v) < 0) {
            bgCov++;
            if (icon.glyph && icon.glyph(u, v) < 0) glyphCov++;
          }
        }
      const n = ss * ss;
      const g = bgCov ? glyphCov / bgCov : 0;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round((icon.colour[c] ?? 0) * (1 - g) + 255 * g);
      raw[o + 3] = Math.round((bgCov / n) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icons', { recursive: true });
for (const [name, icon] of Object.entries(ICONS)) {
  for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/${name}-${size}.png`, png(size, icon));
}
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon-${size}.png`, png(size, ICONS.default!));
console.log(`icons written: ${Object.keys(ICONS).length * 4 + 4} files in public/`);
