/** "Free coin generators", human-verification lockers and "complete an offer" pages. */
import { listMatcher, normalize } from '../engine/terms';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

export const generator: Detector = {
  id: 'generator',
  emits: ['generator'],
  run({ snap }) {
    const re = listMatcher('generatorWords');
    const evidence = [];
    if (re.test(normalize(snap.headline))) evidence.push({ text: clipEvidence(snap.headline) });
    for (const b of snap.blocks) {
      if (evidence.length >= MAX_EVIDENCE) break;
      if (re.test(normalize(b.text))) evidence.push({ text: clipEvidence(b.text), selector: b.selector });
    }
    return evidence.length ? [{ id: 'generator', evidence }] : [];
  },
};
