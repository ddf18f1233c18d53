/** What the page's address says: registrable domain (psl), platform ownership, transport, free hosting. */
import psl from 'psl';
import { data, type Platform } from '../data';
import { hostToUnicode } from './domain';

export interface SiteInfo {
  host: string;
  /** The host with xn-- labels decoded, as the shopper would read it. */
  unicodeHost: string;
  /** Registrable domain (eTLD+1) from the Public Suffix List; the host itself when psl has none. */
  registrable: string;
  https: boolean;
  /** The platform whose official (or related) domain this is, if any. */
  officialFor: Platform | null;
  /** The free-hosting suffix the page lives under (e.g. "web.app"), if any. */
  freeHost: string | null;
  /** Origin of the page ("https://shop.example"), '' when the URL does not parse. */
  origin: string;
}

const EMPTY: SiteInfo = { host: '', unicodeHost: '', registrable: '', https: false, officialFor: null, freeHost: null, origin: '' };

/** Registrable domain of a host: psl's answer, or the host itself (IP addresses, single labels, unknown suffixes). */
export function registrableOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  let r: string | null = null;
  try {
    r = psl.get(h) as string | null;
  } catch {
    r = null;
  }
  return r ?? h;
}

export function siteInfo(rawUrl: string): SiteInfo {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return EMPTY;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const registrable = registrableOf(host);
  const d = data();
  const officialFor =
    d.platforms.find((p) => p.officialDomains.includes(registrable) || p.relatedDomains.includes(registrable)) ?? null;
  const freeHost = d.freeHosts.suffixes.find((s) => host.endsWith(`.${s}`)) ?? null;
  return {
    host,
    unicodeHost: hostToUnicode(host),
    registrable,
    https: url.protocol === 'https:',
    officialFor,
    freeHost,
    origin: url.origin === 'null' ? '' : url.origin,
  };
}
