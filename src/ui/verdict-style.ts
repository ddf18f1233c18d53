/**
 * How each verdict looks. Colour is never alone: every verdict also has its own
 * badge text, glyph (src/ui/icons.ts) and word. Every colour pair used as text
 * meets WCAG AA (4.5:1); tests/unit/ui/contrast.test.ts computes each ratio.
 */
import type { Verdict } from '../engine/types';
import type { GlyphKind } from './icons';

export interface VerdictStyle {
  /** Toolbar badge text: short, distinct per verdict. */
  badge: string;
  /** Plain-text symbol, for places that cannot draw the SVG glyph (logs, the scan command). */
  symbol: string;
  /** The SVG glyph drawn beside the word (same shapes as the toolbar icon). */
  glyph: GlyphKind;
  /** Light scheme: toolbar badge background (white text on it) and the verdict word on white or `tint`. */
  colour: string;
  /** Dark scheme: the verdict word on `SURFACE.dark.bg` or `tintDark` (the light colours are too dark there). */
  colourDark: string;
  /** Light scheme: the popup's verdict banner background. */
  tint: string;
  /** Dark scheme: the popup's verdict banner background. */
  tintDark: string;
  /** Locale key of the verdict's word ("Danger", "Looks OK", …). */
  word: string;
}

export const VERDICT_STYLE: Record<Exclude<Verdict, 'none'>, VerdictStyle> = {
  danger: { badge: '!!', symbol: '⛔', glyph: 'danger', colour: '#B3261E', colourDark: '#F2B8B5', tint: '#FCEEEE', tintDark: '#3A1E1D', word: 'verdictDanger' },
  caution: { badge: '?', symbol: '⚠', glyph: 'caution', colour: '#8A4B00', colourDark: '#FFB870', tint: '#FFF4E5', tintDark: '#3A2A12', word: 'verdictCaution' },
  ok: { badge: 'OK', symbol: '✔', glyph: 'ok', colour: '#1E6B34', colourDark: '#6DD58C', tint: '#EAF5EC', tintDark: '#16301F', word: 'verdictOk' },
  official: { badge: '✓', symbol: '★', glyph: 'official', colour: '#0B57D0', colourDark: '#A8C7FA', tint: '#EAF1FD', tintDark: '#172A45', word: 'verdictOfficial' },
};

/**
 * The popup's surfaces (entrypoints/popup/style.css uses the same values).
 * `focus` is the focus ring: ≥ 3:1 against `bg` (WCAG 1.4.11).
 */
export const SURFACE = {
  light: { bg: '#FFFFFF', fg: '#1B1B1F', muted: '#44474E', line: '#C4C6D0', control: '#74777F', focus: '#0B57D0' },
  dark: { bg: '#1B1B1F', fg: '#E4E2E6', muted: '#C4C6D0', line: '#44474E', control: '#8E9099', focus: '#A8C7FA' },
} as const;

/** Locale keys for a signal's title and explanation. */
export function signalKeys(id: string): { title: string; explain: string } {
  const k = id.replace(/-/g, '_');
  return { title: `signal_${k}_title`, explain: `signal_${k}_explain` };
}

/** WCAG 2.x relative luminance of a #RRGGBB colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = parseInt(m[1], 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #RRGGBB colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
