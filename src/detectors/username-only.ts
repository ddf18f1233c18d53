/** The order form asks only for a username or user ID, as a real top-up does. */
import { findTerm, normalize } from '../engine/terms';
import { secretReason } from './credential-fields';
import { type Detector } from './types';

export const usernameOnly: Detector = {
  id: 'username-only',
  emits: ['username-only'],
  run({ snap }) {
    if (snap.fields.some((f) => secretReason(f))) return [];
    const idField = snap.fields.find((f) => findTerm('accountIdLabels', normalize(`${f.label} ${f.name.replace(/[_-]/g, ' ')}`)));
    return idField ? [{ id: 'username-only', evidence: [{ text: idField.label || idField.name, selector: idField.selector }] }] : [];
  },
};
