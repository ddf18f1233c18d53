/**
 * "Free coin generators", human-verification lockers and "complete an offer"
 * pages. There is no such thing as a coin generator: these pages collect
 * accounts or paid ad clicks.
 *
 * Strong words ("generator", "verify you are human", "complete an offer") are
 * enough in any sentence that does not deny them ("there is no such thing as
 * a coin generator"); weak ones ("free coins", "100% working", "unlimited")
 * only when two different ones appear (title, headings and text together).
 */
import { sentencesWith } from '../engine/page';
import { findTerm, listMatcher, normalize } from '../engine/terms';
import type { Evidence } from '../engine/types';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

export const generator: Detector = {
  id: 'generator',
  emits: ['generator'],
  run({ snap }) {
    const evidence: Evidence[] = [];
    const headline = normalize(snap.headline);
    const strongHeadline = findTerm('generatorStrongWords', headline);
    const weakHeadline = findTerm('generatorWords', headline);
    const strong = [...sentencesWith(snap, 'generatorStrongWords')];
    const weak = [...sentencesWith(snap, 'generatorWords')];
    const words = listMatcher('generatorWords');
    const weakTerms = new Set(weak.flatMap((w) => words.all(normalize(w.sentence))));
    if (weakHeadline) {
      for (const m of words.all(headline)) weakTerms.add(m);
    }
    // "Free coins" alone can be a bonus ("10 free coins on your first order"); two different claims, or any
    // strong one ("generator", "verify you are human"), cannot.
    const isGenerator = !!strongHeadline || strong.length > 0 || weakTerms.size >= 2;
    if (!isGenerator) return [];
    if (strongHeadline || weakHeadline) evidence.push({ text: clipEvidence(snap.title || snap.headline) });
    for (const h of [...strong, ...weak]) {
      if (evidence.length >= MAX_EVIDENCE) break;
      if (evidence.some((e) => e.selector === h.block.selector)) continue;
      evidence.push({ text: clipEvidence(h.sentence), selector: h.block.selector });
    }
    // Buttons such as "Generate" or "Verify now" on a generator page.
    const re = listMatcher('generatorWords');
    for (const o of snap.options) {
      if (evidence.length >= MAX_EVIDENCE) break;
      if (re.test(normalize(o.text))) evidence.push({ text: clipEvidence(o.text), selector: o.selector });
    }
    return [{ id: 'generator', evidence }];
  },
};
