/**
 * The order form asks only for a username or user ID, as a real top-up does:
 * no password, no one-time code anywhere on the page.
 */
import { fieldText } from '../engine/page';
import { findTerm } from '../engine/terms';
import { secretReasonIn } from './credential-fields';
import { type Detector } from './types';

export const usernameOnly: Detector = {
  id: 'username-only',
  emits: ['username-only'],
  run({ snap }) {
    if (snap.fields.some((f) => secretReasonIn(snap, f))) return [];
    const idField = snap.fields.find((f) => f.type !== 'radio' && f.type !== 'checkbox' && findTerm('accountIdLabels', fieldText(f)));
    return idField ? [{ id: 'username-only', evidence: [{ text: idField.label || idField.name, selector: idField.selector }] }] : [];
  },
};
