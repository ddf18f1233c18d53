/**
 * The content scripts' side of messaging: hand-written, strict checks of the
 * messages they receive (the verdict, "Show me", and the background's two
 * nudges about cross-origin frames: `rescan` and `probe-frames`). The content script is loaded on every page, and
 * even zod/mini added 18 KB (a third of the script) to parse on each load.
 * The checks mirror zod schemas that stay the specification:
 * tests/unit/content/messages.test.ts checks these functions accept exactly
 * what ScanResultSchema/HighlightMessage in src/messages.ts accept.
 */
import { MAX_SELECTOR } from './engine/limits';
import type { ScanResult } from './engine/types';
import { WORD_MAX, WORDS_MAX, type PageWords } from './ui/page-words';

const VERDICTS = new Set(['danger', 'caution', 'ok', 'official', 'none']);
const SEVERITIES = new Set(['danger', 'caution', 'good']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOptStr = (v: unknown, max = Infinity) => v === undefined || isStr(v, max);

/** The background asks the top page to scan again: a cross-origin frame changed what it shows. */
export function isRescan(raw: unknown): boolean {
  return isObj(raw) && raw.type === 'rescan' && Object.keys(raw).length === 1;
}

/** The background asks every frame probe to report its secret fields again. */
export function isProbeFrames(raw: unknown): boolean {
  return isObj(raw) && raw.type === 'probe-frames' && Object.keys(raw).length === 1;
}

/** A "Show me" request from the popup, or null when `raw` is anything else. */
export function parseHighlight(raw: unknown): { selector: string } | null {
  if (!isObj(raw) || raw.type !== 'highlight' || !isStr(raw.selector, MAX_SELECTOR) || raw.selector.length < 1) return null;
  return { selector: raw.selector };
}

function isPrice(p: unknown): boolean {
  return (
    isObj(p) &&
    isNum(p.units) &&
    isStr(p.unit) &&
    isNum(p.price) &&
    isStr(p.currency) &&
    isNum(p.per100) &&
    (p.officialPer100 === null || isNum(p.officialPer100)) &&
    (p.diffPercent === null || isNum(p.diffPercent)) &&
    isOptStr(p.selector)
  );
}

function isSignal(s: unknown): boolean {
  return (
    isObj(s) &&
    isStr(s.id) &&
    isStr(s.severity) &&
    SEVERITIES.has(s.severity) &&
    Array.isArray(s.evidence) &&
    s.evidence.every((e) => isObj(e) && isStr(e.text, 500) && isOptStr(e.selector, MAX_SELECTOR))
  );
}

/** The background's answer to a snapshot, checked before it reaches the badge. */
export function isVerdictReply(raw: unknown): raw is ScanResult {
  return (
    isObj(raw) &&
    isStr(raw.url) &&
    isStr(raw.verdict) &&
    VERDICTS.has(raw.verdict) &&
    isNum(raw.score) &&
    (raw.platform === null || isStr(raw.platform)) &&
    Array.isArray(raw.signals) &&
    raw.signals.every(isSignal) &&
    Array.isArray(raw.prices) &&
    raw.prices.every(isPrice)
  );
}

/**
 * The page's words sent with a verdict (src/ui/page-words.ts), or null when there are none or they
 * are malformed: the page then looks its words up itself, and the verdict still shows.
 */
export function parseWords(raw: unknown): PageWords | null {
  if (!isObj(raw)) return null;
  const keys = Object.keys(raw);
  if (keys.length > WORDS_MAX) return null;
  // No prototype: a "__proto__" key is kept as a word like any other, not taken as one.
  const words: PageWords = Object.create(null) as PageWords;
  for (const k of keys) {
    const v = raw[k];
    if (!isStr(v, WORD_MAX) || k.length > 100) return null;
    words[k] = v;
  }
  return words;
}
