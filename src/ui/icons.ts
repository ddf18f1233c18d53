/**
 * Verdict glyphs as inline SVG, drawn from the same shapes as the toolbar
 * icons (assets/icons/*.svg): red circle with ✕, amber triangle with !, green
 * circle with ✓, blue circle with ★, grey coin for "not a coin shop".
 *
 * Emoji (⛔ ⚠ ✔ ★) render as empty boxes where no emoji font is installed, so
 * the popup and the on-page badge draw these instead. The glyph is decoration
 * beside the verdict word (aria-hidden); colour and shape are never alone.
 *
 * Framework-free: the content script builds elements with createElementNS
 * (no innerHTML, so pages with Trusted Types still get the badge); the popup
 * renders the same data with Preact.
 */

export type GlyphKind = 'danger' | 'caution' | 'ok' | 'official' | 'none';

export interface GlyphShape {
  tag: 'circle' | 'line' | 'polyline' | 'polygon';
  attrs: Record<string, string | number>;
}

const WHITE = '#FFFFFF';
const INK = '#202124';

/** Shapes in a 128 × 128 viewBox, copied from assets/icons/<kind>.svg. */
export const GLYPHS: Record<GlyphKind, readonly GlyphShape[]> = {
  danger: [
    { tag: 'circle', attrs: { cx: 64, cy: 64, r: 59, fill: '#B3261E' } },
    { tag: 'line', attrs: { x1: 41, y1: 41, x2: 87, y2: 87, stroke: WHITE, 'stroke-width': 20, 'stroke-linecap': 'round' } },
    { tag: 'line', attrs: { x1: 87, y1: 41, x2: 41, y2: 87, stroke: WHITE, 'stroke-width': 20, 'stroke-linecap': 'round' } },
  ],
  caution: [
    // The toolbar's amber (#F9A825) is light; a dark amber rim keeps the triangle's
    // outline visible on a white card (WCAG 1.4.11 non-text contrast ≥ 3:1).
    { tag: 'polygon', attrs: { points: '64,13 119,109 9,109', fill: '#F9A825', stroke: '#8A4B00', 'stroke-width': 10, 'stroke-linejoin': 'round' } },
    { tag: 'line', attrs: { x1: 64, y1: 48, x2: 64, y2: 76, stroke: INK, 'stroke-width': 14, 'stroke-linecap': 'round' } },
    { tag: 'circle', attrs: { cx: 64, cy: 96, r: 8, fill: INK } },
  ],
  ok: [
    { tag: 'circle', attrs: { cx: 64, cy: 64, r: 59, fill: '#1E6B34' } },
    { tag: 'polyline', attrs: { points: '36,66 56,86 93,46', fill: 'none', stroke: WHITE, 'stroke-width': 18, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } },
  ],
  official: [
    { tag: 'circle', attrs: { cx: 64, cy: 64, r: 59, fill: '#0B57D0' } },
    {
      tag: 'polygon',
      attrs: { points: '64,26 73.4,55 103.9,55 79.3,73 88.7,102 64,84 39.3,102 48.7,73 24.1,55 54.6,55', fill: WHITE, stroke: WHITE, 'stroke-width': 6, 'stroke-linejoin': 'round' },
    },
  ],
  none: [
    { tag: 'circle', attrs: { cx: 64, cy: 64, r: 59, fill: '#5F6368' } },
    { tag: 'circle', attrs: { cx: 64, cy: 64, r: 33, fill: 'none', stroke: WHITE, 'stroke-width': 12 } },
  ],
};

/** The glyph for a signal's severity: a good sign gets the green check, a caution sign the triangle, a danger sign the red cross. */
export function signalGlyph(severity: 'danger' | 'caution' | 'good'): GlyphKind {
  return severity === 'good' ? 'ok' : severity;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An `<svg>` element for `kind`, `size` CSS pixels square, hidden from assistive technology. */
export function glyphElement(doc: Document, kind: GlyphKind, size: number): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 128 128');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('data-glyph', kind);
  for (const shape of GLYPHS[kind]) {
    const el = doc.createElementNS(SVG_NS, shape.tag);
    for (const [k, v] of Object.entries(shape.attrs)) el.setAttribute(k, String(v));
    svg.append(el);
  }
  return svg;
}
