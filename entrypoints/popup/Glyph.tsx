import { h } from 'preact';
import { GLYPHS, type GlyphKind } from '../../src/ui/icons';

/** A verdict glyph (src/ui/icons.ts), decoration beside a word. `x`/`y` place it inside an outer SVG. */
export function Glyph({ kind, size, x, y }: { kind: GlyphKind; size: number; x?: number; y?: number }) {
  return (
    <svg class="glyph" viewBox="0 0 128 128" width={size} height={size} x={x} y={y} aria-hidden="true" focusable="false" data-glyph={kind}>
      {GLYPHS[kind].map((shape, i) => h(shape.tag, { key: i, ...shape.attrs }))}
    </svg>
  );
}
