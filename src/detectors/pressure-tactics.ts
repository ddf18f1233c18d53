/** Countdown timers, "only 3 left", fake "X just bought" feeds. */
import { listMatcher, normalize } from '../engine/terms';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

const TIMER = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

export const pressureTactics: Detector = {
  id: 'pressure-tactics',
  emits: ['pressure-tactics'],
  run({ snap }) {
    const re = listMatcher('pressureWords');
    const evidence = [];
    for (const b of snap.blocks) {
      const t = normalize(b.text);
      if (re.test(t) || (TIMER.test(t) && /(end|expire|left|berakhir|termina|kết thúc|se termine)/.test(t))) {
        evidence.push({ text: clipEvidence(b.text), selector: b.selector });
        if (evidence.length >= MAX_EVIDENCE) break;
      }
    }
    return evidence.length ? [{ id: 'pressure-tactics', evidence }] : [];
  },
};
