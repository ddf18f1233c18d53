/** A card processor or e-wallet with buyer protection is named in the checkout. */
import { listMatcher, normalize } from '../engine/terms';
import { type Detector } from './types';

export const knownPaymentProcessor: Detector = {
  id: 'known-payment-processor',
  emits: ['known-payment-processor'],
  run({ snap }) {
    const re = listMatcher('paymentProcessors');
    for (const item of [...snap.options, ...snap.blocks]) {
      const m = re.exec(normalize(item.text));
      if (m) return [{ id: 'known-payment-processor', evidence: [{ text: m[0], selector: item.selector }] }];
    }
    return [];
  },
};
