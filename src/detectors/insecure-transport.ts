/** The page is served over http, or one of its forms sends what you type over http. */
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

export const insecureTransport: Detector = {
  id: 'insecure-transport',
  emits: ['insecure-transport', 'insecure-transport-form'],
  run({ snap, site }) {
    const hits = [];
    const formEvidence = [];
    for (const form of snap.forms) {
      if (!form.action.startsWith('http:')) continue;
      // A form with nothing to type into sends nothing of yours.
      if (!snap.fields.some((f) => f.formAction === form.action)) continue;
      formEvidence.push({ text: clipEvidence(`form sends to ${form.action}`), selector: form.selector });
      if (formEvidence.length >= MAX_EVIDENCE) break;
    }
    if (formEvidence.length) hits.push({ id: 'insecure-transport-form', evidence: formEvidence });
    if (!site.https && snap.url.startsWith('http:')) {
      hits.push({ id: 'insecure-transport', evidence: [{ text: clipEvidence(`page address: ${snap.url}`) }] });
    }
    return hits;
  },
};
