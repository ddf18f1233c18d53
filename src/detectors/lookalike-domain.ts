/** A registrable domain that borrows a platform's name but is not the platform's. */
import { data } from '../data';
import { type Detector } from './types';

/** Map common digit/letter swaps to letters, so "tikt0k" reads as "tiktok". */
export function skeleton(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1l|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/4/g, 'a')
    .replace(/5/g, 's')
    .replace(/[^a-z]/g, '');
}

export const lookalikeDomain: Detector = {
  id: 'lookalike-domain',
  emits: ['lookalike-domain'],
  run({ site }) {
    if (!site.host || site.officialFor) return [];
    const host = skeleton(site.host);
    for (const p of data().platforms) {
      for (const token of p.brandTokens) {
        if (host.includes(skeleton(token))) {
          return [{ id: 'lookalike-domain', evidence: [{ text: `${site.host} uses the name “${p.name}” but is not ${p.officialDomains.join(' / ')}` }] }];
        }
      }
    }
    return [];
  },
};
