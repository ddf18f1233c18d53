/**
 * A card processor or e-wallet with buyer protection is named in the checkout.
 * A name inside an off-platform instruction ("transfer DANA ke 0812… a.n.
 * Siti") is a transfer to a person, not a protected payment: not counted.
 */
import { listMatcher, normalize } from '../engine/terms';
import { offPlatformFindings } from './off-platform-payment';
import type { Evidence } from '../engine/types';
import { MAX_EVIDENCE, type Detector } from './types';

export const knownPaymentProcessor: Detector = {
  id: 'known-payment-processor',
  emits: ['known-payment-processor'],
  run({ snap }) {
    const re = new RegExp(listMatcher('paymentProcessors').source, 'giu');
    const names = new Set<string>();
    const evidence: Evidence[] = [];
    const offPlatform = new Set(offPlatformFindings(snap).filter((f) => f.strong).map((f) => f.evidence.selector).filter(Boolean));
    for (const item of [...snap.options, ...snap.blocks]) {
      if (offPlatform.has(item.selector)) continue;
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
