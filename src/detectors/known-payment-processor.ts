/**
 * A card processor or e-wallet with buyer protection is named in the checkout.
 * A name inside an off-platform instruction ("transfer DANA ke 0812… a.n.
 * Siti") is a transfer to a person, not a protected payment: not counted.
 */
import { normalizedBlocks } from '../engine/page';
import { listMatcher } from '../engine/terms';
import { normalizedOptions, offPlatformFindings } from './off-platform-payment';
import type { Evidence, TextBlock } from '../engine/types';
import { MAX_EVIDENCE, type Detector } from './types';

/** Every processor name in a text (one shared global regex, reset before each use). */
let allProcessors: RegExp | undefined;
export const knownPaymentProcessor: Detector = {
  id: 'known-payment-processor',
  emits: ['known-payment-processor'],
  run({ snap }) {
    const any = listMatcher('paymentProcessors');
    const re = (allProcessors ??= new RegExp(any.source, 'giu'));
    const names = new Set<string>();
    const evidence: Evidence[] = [];
    const offPlatform = new Set(offPlatformFindings(snap).filter((f) => f.strong).map((f) => f.evidence.selector).filter(Boolean));
    const texts = [...normalizedOptions(snap), ...normalizedBlocks(snap)];
    const items = [...snap.options, ...snap.blocks];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as TextBlock;
      if (offPlatform.has(item.selector)) continue;
      const text = texts[i] ?? '';
      // Most texts name no processor: one test, then the exec loop only where there is something to list.
      if (any.test(text)) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (names.has(m[0])) continue;
          names.add(m[0]);
          if (evidence.length < MAX_EVIDENCE) evidence.push({ text: m[0], selector: item.selector });
        }
      }
      if (names.size >= 6) break;
    }
    if (!evidence.length) return [];
    const first = evidence[0];
    if (first) first.text = [...names].slice(0, 6).join(', ');
    return [{ id: 'known-payment-processor', evidence: first ? [first] : [] }];
  },
};
