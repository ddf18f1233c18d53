/**
 * The words the page's UI shows (the badge, and in strict mode the cover, the
 * locked fields and the PIN form), sent with the verdict by the background.
 *
 * Why: in Chrome, a content script's first `i18n.getMessage` in a tab's
 * process fetches the extension's whole message catalogue from the browser
 * process with a synchronous IPC, which blocks the page: 3.7–9.9 ms on the
 * benchmark's shops, 7.8–21 ms in a bare extension (docs/performance.md,
 * item 57). The background has the catalogue at hand, so it looks the words
 * up and the content script (src/content/ext.ts `t`) reads them from the
 * reply; a key missing from it still goes to `i18n.getMessage`.
 *
 * Substitutions ("$1$: $2$") are filled on the page: the background asks for
 * each message with MARKS as its substitutions, and the page puts its own in
 * their place (fillWords).
 */
import type { ScanResult } from '../engine/types';
import { signalKeys } from './verdict-style';

/** Stand-ins for substitutions $1 … $9 (private-use characters, which no message holds). */
export const MARKS = ['\uE001', '\uE002', '\uE003', '\uE004', '\uE005', '\uE006', '\uE007', '\uE008', '\uE009'] as const;

/**
 * Every key the page's UI asks for by name (src/ui/badge.ts, strict-overlay.ts, input-guard.ts,
 * pin-form.ts; tests/unit/ui/page-words.test.ts checks the list against their sources). Signal
 * titles are added per verdict.
 */
export const PAGE_WORD_KEYS = [
  'extName',
  'labelled',
  'verdictDanger',
  'verdictCaution',
  'verdictOk',
  'verdictOfficial',
  'reasonOfficial',
  'reasonNoDanger',
  'badgeHint',
  'badgeExpand',
  'badgeCollapse',
  'strictCoverTitle',
  'strictCoverWhy',
  'strictCoverAdvice',
  'strictGoBack',
  'strictContinue',
  'strictNoPinSet',
  'strictUnlock',
  'strictPinPrompt',
  'strictPinLabel',
  'strictPinWait',
  'strictPinWrong',
  'strictFieldsTitle',
  'strictFieldsWhy',
  'strictFieldsUnlock',
] as const;

/** At most this many words in a reply, each at most WORD_MAX characters (src/content-messages.ts checks). */
export const WORDS_MAX = 120;
export const WORD_MAX = 2000;

/** key → message, its substitutions left as MARKS. */
export type PageWords = Record<string, string>;

/**
 * The page's words for `result`: the fixed keys and the titles of its signals, looked up with
 * `getMessage` (the background's `i18n.getMessage`). A key without a message is left out, so the
 * page falls back to asking for it itself.
 */
export function pageWords(result: ScanResult, getMessage: (key: string, subs: string[]) => string): PageWords {
  const words: PageWords = {};
  const keys = [...PAGE_WORD_KEYS, ...result.signals.map((s) => signalKeys(s.id).title)].slice(0, WORDS_MAX);
  for (const key of keys) {
    let message = '';
    try {
      message = getMessage(key, [...MARKS]);
    } catch {
      // No i18n here (a unit test, an engine without it): the page asks for itself.
    }
    if (message && message.length <= WORD_MAX) words[key] = message;
  }
  return words;
}

/** A word with its substitutions put in: what `i18n.getMessage(key, subs)` gives. */
export function fillWords(message: string, subs: readonly string[]): string {
  let out = message;
  for (let i = 0; i < MARKS.length; i++) {
    const mark = MARKS[i] as string;
    if (out.includes(mark)) out = out.split(mark).join(subs[i] ?? '');
  }
  return out;
}
