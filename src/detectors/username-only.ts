/**
 * The order form asks only for a username or user ID, as a real top-up does:
 * no platform password or one-time code anywhere on the page.
 */
import { fieldText } from '../engine/page';
import { findTerm } from '../engine/terms';
import { secretFindings } from './credential-fields';
import { type Detector } from './types';

export const usernameOnly: Detector = {
  id: 'username-only',
  emits: ['username-only'],
  run({ snap, platform }) {
    // The shop's own account login (not tied to the platform) does not spoil it; a platform secret does.
    if (secretFindings(snap, platform).some((x) => x.platformTied)) return [];
    const idField = snap.fields.find((f) => f.type !== 'radio' && f.type !== 'checkbox' && findTerm('accountIdLabels', fieldText(f)));
    return idField ? [{ id: 'username-only', evidence: [{ text: idField.label || idField.name, selector: idField.selector }] }] : [];
  },
};
