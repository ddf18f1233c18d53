/** A card processor or e-wallet with buyer protection is named in the checkout. */
import { listMatcher, normalize } from '../engine/terms';
import type { Evidence } from '../engine/types';
import { MAX_EVIDENCE, type Detector } from './types';

export const knownPaymentProcessor: Detector = {
  id: 'known-payment-processor',
  emits: ['known-payment-processor'],
  run({ snap }) {
    const re = new RegExp(listMatcher('paymentProcessors').source, 'giu');
    const names = new Set<string>();
    const evidence: Evidence[] = [];
    for (const item of [...snap.options, ...snap.blocks]) {
      for (const m of normalize(item.text).matchAll(re)) {
        if (names.has(m[0])) continue;
        names.add(m[0]);
        if (evidence.length < MAX_EVIDENCE) evidence.push({ text: m[0], selector: item.selector });
      }
      if (names.size >= 6) break;
    }
    if (!evidence.length) return [];
    const first = evidence[0];
    if (first) first.text = [...names].slice(0, 6).join(', ');
    return [{ id: 'known-payment-processor', evidence: first ? [first] : [] }];
  },
};
