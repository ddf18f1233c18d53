/** Legal and contact pages: present lowers risk a little; all missing raises it a little. */
import { listMatcher, normalize } from '../engine/terms';
import { type Detector } from './types';

export const trustPages: Detector = {
  id: 'trust-pages',
  emits: ['trust-pages', 'missing-trust-pages'],
  run({ snap }) {
    const re = listMatcher('trustPages');
    const found = new Set<string>();
    for (const l of snap.links) {
      const m = re.exec(normalize(l.text));
      if (m) found.add(m[0]);
    }
    if (found.size >= 2) return [{ id: 'trust-pages', evidence: [{ text: [...found].slice(0, 4).join(', ') }] }];
    if (found.size === 0) return [{ id: 'missing-trust-pages', evidence: [{ text: 'no privacy, terms, refund or contact link found' }] }];
    return [];
  },
};
