/**
 * Instructions to pay off-platform: bank transfer to a person, IBAN, crypto
 * addresses, gift cards, money transfer services, or ordering through chat.
 */
import { listMatcher, normalize } from '../engine/terms';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

/** Payment identifiers that need no words around them. */
export const PAYMENT_PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'IBAN', re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/ },
  { name: 'Bitcoin address', re: /\b(?:bc1[ac-hj-np-z02-9]{25,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/ },
  { name: 'Ethereum/ERC-20 address', re: /\b0x[a-fA-F0-9]{40}\b/ },
  { name: 'TRON/TRC-20 address', re: /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/ },
];

export const offPlatformPayment: Detector = {
  id: 'off-platform-payment',
  emits: ['off-platform-payment'],
  run({ snap }) {
    const words = listMatcher('offPlatformPayment');
    const evidence = [];
    for (const b of snap.blocks) {
      const m = words.exec(normalize(b.text));
      const p = m ? null : PAYMENT_PATTERNS.find((x) => x.re.test(b.text));
      if (!m && !p) continue;
      evidence.push({ text: clipEvidence(m ? b.text : `${p?.name}: ${b.text}`), selector: b.selector });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    return evidence.length ? [{ id: 'off-platform-payment', evidence }] : [];
  },
};
