/** Packages priced far below the platform's own price per coin. Thresholds: scoring.json "discount". */
import { data } from '../data';
import { MAX_EVIDENCE, type Detector } from './types';

export const tooGoodDiscount: Detector = {
  id: 'too-good-discount',
  emits: ['too-good-discount', 'too-good-discount-extreme'],
  run({ prices }) {
    const { cautionBelowPercent, dangerBelowPercent } = data().scoring.discount;
    const graded = prices
      .filter((p) => p.diffPercent !== null && p.diffPercent <= cautionBelowPercent)
      .sort((a, b) => (a.diffPercent ?? 0) - (b.diffPercent ?? 0));
    const worst = graded[0];
    if (!worst || worst.diffPercent === null) return [];
    const id = worst.diffPercent <= dangerBelowPercent ? 'too-good-discount-extreme' : 'too-good-discount';
    const evidence = graded.slice(0, MAX_EVIDENCE).map((p) => ({
      text: `${p.units.toLocaleString('en')} ${p.unit} for ${p.price} ${p.currency}: ${Math.abs(p.diffPercent ?? 0)}% below the official price`,
      ...(p.selector ? { selector: p.selector } : {}),
    }));
    return [{ id, evidence }];
  },
};
