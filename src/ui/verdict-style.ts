/**
 * How each verdict looks. Colour is never alone: every verdict also has its own
 * badge text, symbol and word. Colours meet WCAG AA (4.5:1) against white text.
 */
import type { Verdict } from '../engine/types';

export interface VerdictStyle {
  /** Toolbar badge text: short, distinct per verdict. */
  badge: string;
  symbol: string;
  colour: string;
  /** Locale key of the verdict's word ("Danger", "Looks OK", …). */
  word: string;
}

export const VERDICT_STYLE: Record<Exclude<Verdict, 'none'>, VerdictStyle> = {
  danger: { badge: '!!', symbol: '⛔', colour: '#B3261E', word: 'verdictDanger' },
  caution: { badge: '?', symbol: '⚠', colour: '#8A4B00', word: 'verdictCaution' },
  ok: { badge: 'OK', symbol: '✔', colour: '#1E6B34', word: 'verdictOk' },
  official: { badge: '✓', symbol: '★', colour: '#0B57D0', word: 'verdictOfficial' },
};

/** Locale keys for a signal's title and explanation. */
export function signalKeys(id: string): { title: string; explain: string } {
  const k = id.replace(/-/g, '_');
  return { title: `signal_${k}_title`, explain: `signal_${k}_explain` };
}
