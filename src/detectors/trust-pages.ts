/**
 * Legal and contact pages: privacy policy, terms, refund policy, contact.
 * Two or more kinds present lowers the risk a little; none at all raises it a
 * little. Read from link text and, for icon links, from the link's path.
 */
import { listMatcher, normalize } from '../engine/terms';
import { type Detector } from './types';

/** The kind of legal page a link text or path points at. */
const KINDS: { kind: string; path: RegExp }[] = [
  { kind: 'privacy', path: /privacy|privasi|confidentialit|privacidad|privacidade|bao-mat/ },
  { kind: 'terms', path: /terms|tos|syarat|ketentuan|conditions|cgv|cgu|terminos|termos|dieu-khoan|legal|imprint|mentions/ },
  { kind: 'refund', path: /refund|return|pengembalian|rembours|reembolso|hoan-tien/ },
  { kind: 'contact', path: /contact|kontak|hubungi|contacto|contato|lien-he|about|tentang/ },
];

function kindOf(text: string, href: string): string | null {
  const t = normalize(text);
  let path = '';
  try {
    path = new URL(href).pathname.toLowerCase();
  } catch {
    path = href.toLowerCase();
  }
  const re = listMatcher('trustPages');
  const m = re.first(t)?.term;
  if (m) return KINDS.find((k) => k.path.test(m.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ /g, '-')))?.kind ?? m;
  if (!t || t.length < 40) return KINDS.find((k) => k.path.test(path))?.kind ?? null;
  return null;
}

export const trustPages: Detector = {
  id: 'trust-pages',
  emits: ['trust-pages', 'missing-trust-pages'],
  run({ snap }) {
    const found = new Map<string, string>();
    for (const l of snap.links) {
      if (/^(?:javascript:|mailto:|tel:)/i.test(l.href) && !/^mailto:/i.test(l.href)) continue;
      const kind = kindOf(l.text, l.href);
      if (kind && !found.has(kind)) found.set(kind, l.text || l.href);
    }
    if (found.size >= 2) return [{ id: 'trust-pages', evidence: [{ text: [...found.values()].slice(0, 4).join(', ') }] }];
    if (found.size === 0) return [{ id: 'missing-trust-pages', evidence: [{ text: 'no privacy policy, terms, refund policy or contact link found' }] }];
    return [];
  },
};
