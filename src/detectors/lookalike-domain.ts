/**
 * Domains that borrow a platform's name (psl decides what the registrable
 * domain is; the platform's own and related domains never count).
 *
 *  - lookalike-domain: the brand appears in a domain that is not the brand's
 *    ("tiktok-coins.shop", "tiktok.fastcoins.example"), including a subdomain
 *    of a free host ("tiktok-coins.web.app", "robux.github.io").
 *  - spoofed-domain: in addition, the address is disguised to read as the
 *    platform's: homoglyphs or digit swaps ("tikt0k", Cyrillic "і"), punycode
 *    ("xn--…"), a one-letter typo of the brand on a page about that platform
 *    ("tiktokk", "tlktok"), or the official domain placed in front of another
 *    ("tiktok.com.cheap-coins.xyz", "tiktok-com.example").
 */
import { data, type Platform } from '../data';
import { editDistance, skeleton } from '../engine/domain';
import type { SiteInfo } from '../engine/site';
import type { Evidence } from '../engine/types';
import { clipEvidence, type Detector } from './types';

export interface DomainFinding {
  platform: Platform;
  spoof: string | null;
  evidence: string;
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** How the host uses a platform's name, or null. Pure; exported for tests. */
export function domainFinding(site: SiteInfo, pagePlatform: Platform | null): DomainFinding | null {
  if (!site.host || site.officialFor || /^[\d.]+$|^\[/.test(site.host)) return null;
  const host = site.host;
  const shown = site.unicodeHost || host;
  const plain = compact(host);
  const skel = skeleton(shown);
  const chunks = shown.split(/[.-]/).filter(Boolean);
  const where = site.freeHost ? ` (a free-hosting subdomain of ${site.freeHost})` : '';
  for (const p of data().platforms) {
    const official = p.officialDomains.join(' / ');
    for (const token of [...p.brandTokens, ...p.domainTokens]) {
      const t = compact(token);
      const ts = skeleton(token);
      if (!t || !ts) continue;
      // The official domain written into a foreign host: tiktok.com.cheap-coins.xyz, tiktok-com.shop.
      const embedded = p.officialDomains.find((d) => {
        const dashed = d.replace(/\./g, '-');
        const asLabel = new RegExp(`(?:^|[.-])${dashed.replace(/-/g, '\\-')}(?:[.-]|$)`);
        return host.startsWith(`${d}.`) || host.includes(`.${d}.`) || asLabel.test(host);
      });
      if (embedded) {
        return { platform: p, spoof: `puts “${embedded}” in front of another domain`, evidence: `${shown} is not ${official}: it puts “${embedded}” in front of ${site.registrable}` };
      }
      if (plain.includes(t)) {
        return { platform: p, spoof: null, evidence: `${shown} uses the name “${p.name}” but is not ${official}${where}` };
      }
      if (skel.includes(ts)) {
        const why = shown !== host ? `an internationalised (punycode) address, ${host}` : 'look-alike characters';
        return { platform: p, spoof: why, evidence: `${shown} imitates “${p.name}” with ${why}; it is not ${official}${where}` };
      }
      // A one-letter typo ("tiktokk", "tlktok") only counts on a page about that platform: "switch" is not "twitch".
      if (pagePlatform?.id === p.id && ts.length >= 5) {
        const near = chunks.find((c) => {
          const cs = skeleton(c);
          return cs.length >= ts.length - 1 && editDistance(cs, ts, 1) <= 1;
        });
        if (near) {
          return { platform: p, spoof: `a misspelling of “${p.name}” (${near})`, evidence: `${shown} is a misspelling of “${p.name}”; it is not ${official}${where}` };
        }
      }
    }
  }
  return null;
}

export const lookalikeDomain: Detector = {
  id: 'lookalike-domain',
  emits: ['lookalike-domain', 'spoofed-domain'],
  run({ site, platform }) {
    const f = domainFinding(site, platform);
    if (!f) return [];
    const evidence: Evidence[] = [{ text: clipEvidence(f.evidence, 200) }];
    const hits = [{ id: 'lookalike-domain', evidence }];
    if (f.spoof) hits.push({ id: 'spoofed-domain', evidence: [{ text: clipEvidence(`address disguised: ${f.spoof}`, 200) }] });
    return hits;
  },
};
