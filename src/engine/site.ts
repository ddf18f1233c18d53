/** What the page's address says: registrable domain (psl), platform ownership, transport. */
import psl from 'psl';
import { data, type Platform } from '../data';

export interface SiteInfo {
  host: string;
  /** Registrable domain (eTLD+1) from the Public Suffix List; the host itself when psl has none. */
  registrable: string;
  https: boolean;
  /** The platform whose official (or related) domain this is, if any. */
  officialFor: Platform | null;
}

export function siteInfo(rawUrl: string): SiteInfo {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { host: '', registrable: '', https: false, officialFor: null };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const registrable = (psl.get(host) as string | null) ?? host;
  const officialFor =
    data().platforms.find((p) => p.officialDomains.includes(registrable) || p.relatedDomains.includes(registrable)) ??
    null;
  return { host, registrable, https: url.protocol === 'https:', officialFor };
}
