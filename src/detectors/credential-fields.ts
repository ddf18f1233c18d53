/**
 * A password, one-time-code or 2FA field on a domain that is not the
 * platform's: a real top-up needs only a username or user ID.
 */
import { findTerm, normalize } from '../engine/terms';
import type { Field } from '../engine/types';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

const SECRET_AUTOCOMPLETE = /\b(one-time-code|current-password|new-password)\b/;

/** Why a field asks for a secret, or null. */
export function secretReason(f: Field): string | null {
  if (f.type === 'password') return 'password field';
  if (SECRET_AUTOCOMPLETE.test(f.autocomplete)) return `autocomplete=${f.autocomplete}`;
  if (f.type === 'radio' || f.type === 'checkbox' || f.type === 'select') return null;
  const term = findTerm('credentialLabels', normalize(`${f.label} ${f.name.replace(/[_-]/g, ' ')}`));
  return term ? `asks for “${term}”` : null;
}

export const credentialFields: Detector = {
  id: 'credential-fields',
  emits: ['credential-fields'],
  run({ snap, site }) {
    if (site.officialFor) return [];
    const evidence = [];
    for (const f of snap.fields) {
      const reason = secretReason(f);
      if (!reason) continue;
      evidence.push({ text: clipEvidence(`${f.label || f.name || f.type} (${reason})`), selector: f.selector });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    return evidence.length ? [{ id: 'credential-fields', evidence }] : [];
  },
};
