/**
 * Pressure: countdown timers, "only 3 left", fake "Ana from Jakarta just
 * bought 5,000 coins" feeds. Weak on its own (honest shops run sales too).
 */
import { blockHolds, blocksThatMayHold, normalizedBlocks } from '../engine/page';
import { NO_TEXT } from '../engine/terms';
import type { Evidence, TextBlock } from '../engine/types';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

/** A running clock: 04:59, 00:14:59. */
const TIMER = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/;
/** "12 minutes ago", "2 menit lalu", "il y a 3 min": timestamps of a purchase feed. */
/** Scarcity with a number: "only 3 slots left", "chỉ còn 2 gói", "tersisa 5 paket". */
const SCARCITY = /\bonly\s+\d+\s+(?:[\p{L}-]+\s+){0,2}left\b|\b(?:chỉ còn|tersisa|sisa|quedan(?: solo)?|restam(?: apenas)?|plus que|il reste)\s+\d+/u;
/** Words next to a clock that make it a countdown. */
const ENDING = /(ends?|expires?|left|berakhir|termina|kết thúc|se termine|sisa|restant)/;
const AGO = /\b\d{1,2}\s?(?:min|mins|minutes?|menit|minutos?|phút|sec|seconds?|detik|segundos?|giây)\b/;

export const pressureTactics: Detector = {
  id: 'pressure-tactics',
  emits: ['pressure-tactics'],
  run({ snap }) {
    const holds = blockHolds(snap, 'pressureWords');
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    const norm = normalizedBlocks(snap);
    // Blocks that cannot hold a pressure word cannot hold "only 3 left" either (SCARCITY has words too), and a
    // clock ("04:59") counts only beside such a word or an ENDING word: the other blocks find nothing.
    for (const i of blocksThatMayHold(snap, 'pressureWords')) {
      const b = snap.blocks[i] as TextBlock;
      const t = norm[i] ?? NO_TEXT;
      const word = holds(i) || SCARCITY.test(t);
      const timer = TIMER.test(t) && (word || ENDING.test(t));
      if (!word && !timer) continue;
      const text = clipEvidence(b.text);
      if (seen.has(text)) continue;
      seen.add(text);
      // A purchase feed ("… just bought … 2 min ago") goes first: it is the clearest fake.
      if (word && AGO.test(t)) evidence.unshift({ text, selector: b.selector });
      else evidence.push({ text, selector: b.selector });
      if (evidence.length >= MAX_EVIDENCE * 2) break;
    }
    if (!evidence.length) return [];
    return [{ id: 'pressure-tactics', evidence: evidence.slice(0, MAX_EVIDENCE) }];
  },
};
