/**
 * A card processor or e-wallet with buyer protection is named in the checkout.
 * A name inside an off-platform instruction ("transfer DANA ke 0812… a.n.
 * Siti") is a transfer to a person, not a protected payment: not counted.
 */
import { blockHolds, blocksThatMayHold, normalizedBlocks, normalizedOptions, optionHolds } from '../engine/page';
import { NO_TEXT, listMatcher, type Normalized } from '../engine/terms';
import { offPlatformFindings } from './off-platform-payment';
import type { Evidence, TextBlock } from '../engine/types';
import { MAX_EVIDENCE, type Detector } from './types';

export const knownPaymentProcessor: Detector = {
  id: 'known-payment-processor',
  emits: ['known-payment-processor'],
  run({ snap }) {
    const any = listMatcher('paymentProcessors');
    const names = new Set<string>();
    const evidence: Evidence[] = [];
    const offPlatform = new Set(offPlatformFindings(snap).filter((f) => f.strong).map((f) => f.evidence.selector).filter(Boolean));
    /** Lists the processors one text names; false once six are named (enough to show). */
    function scan(item: TextBlock, text: Normalized, named = any.test(text)): boolean {
      // Most texts name no processor: one test, then (only then) the off-platform check and the search for every name.
      if (named && !offPlatform.has(item.selector)) {
        for (const name of any.all(text)) {
          if (names.has(name)) continue;
          names.add(name);
          if (evidence.length < MAX_EVIDENCE) evidence.push({ text: name, selector: item.selector });
        }
      }
      return names.size < 6;
    }
    // Options first, then the blocks that may name one (a price or a number names none).
    const options = normalizedOptions(snap);
    const blocks = normalizedBlocks(snap);
    const holds = blockHolds(snap, 'paymentProcessors');
    const named = optionHolds(snap, any);
    if (snap.options.every((o, i) => scan(o, options[i] ?? NO_TEXT, named(i)))) {
      for (const i of blocksThatMayHold(snap, 'paymentProcessors')) if (!scan(snap.blocks[i] as TextBlock, blocks[i] ?? NO_TEXT, holds(i))) break;
    }
    if (!evidence.length) return [];
    const first = evidence[0];
    if (first) first.text = [...names].slice(0, 6).join(', ');
    return [{ id: 'known-payment-processor', evidence: first ? [first] : [] }];
  },
};
