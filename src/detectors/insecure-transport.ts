/**
 * Transport: is what the shopper types sent encrypted, and to whom?
 *
 *  - insecure-transport: the page itself is served over http.
 *  - insecure-transport-form: a form with a password, one-time code or card
 *    field sends over http; any form with fields sends over http to another
 *    origin; or an https page's form submits over http (mixed form). A submit
 *    button's formaction counts as the form's destination too.
 *  - https-throughout (good): the page is https and every form with fields
 *    submits to https.
 */
import { listMatcher } from '../engine/terms';
import { fieldText } from '../engine/page';
import type { Evidence, Field, PageSnapshot } from '../engine/types';
import { secretReasonIn } from './credential-fields';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

/** Loopback and private addresses are a developer's machine, not a shop. */
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** A password, one-time code or card field: never to be sent unencrypted. */
export function isSensitive(snap: PageSnapshot, f: Field): boolean {
  if (secretReasonIn(snap, f)) return true;
  if (/^cc-/.test(f.autocomplete)) return true;
  return listMatcher('cardFieldLabels').test(fieldText(f));
}

function isSearch(f: Field): boolean {
  return f.type === 'search' || /^(?:q|s|query|search|keyword|keywords)$/.test(f.name);
}

function originOf(u: string): string {
  try {
    return new URL(u).origin;
  } catch {
    return '';
  }
}

export const insecureTransport: Detector = {
  id: 'insecure-transport',
  emits: ['insecure-transport', 'insecure-transport-form', 'https-throughout'],
  run({ snap, site }) {
    if (LOCAL.test(site.host)) return [];
    const hits = [];
    const formEvidence: Evidence[] = [];
    let formsWithFields = 0;
    let insecureForms = 0;
    for (const form of snap.forms) {
      // A form with nothing to type into sends nothing of yours; a search box sends only a query.
      const fields = snap.fields.filter((f) => f.formAction === form.action && !isSearch(f));
      if (!fields.length) continue;
      formsWithFields++;
      // Its own action, or a submit button's formaction, which sends the same fields elsewhere.
      const button = form.action.startsWith('http:') ? undefined : form.buttonActions?.find((a) => a.startsWith('http:'));
      const target = button ?? form.action;
      if (!target.startsWith('http:')) continue;
      insecureForms++;
      const sensitive = fields.find((f) => isSensitive(snap, f));
      const other = originOf(target) !== site.origin;
      // Same-origin forms on an http page are the page's problem (insecure-transport); an https page posting to http is mixed.
      if (!sensitive && !other && !site.https) continue;
      const what = sensitive ? (secretReasonIn(snap, sensitive) ? 'your password or code' : 'your payment or contact details') : 'what you type';
      formEvidence.push({
        text: clipEvidence(`${button ? 'a button of this form sends' : 'form sends'} ${what} unencrypted to ${target}${other ? ' (another site)' : ''}`),
        selector: form.selector,
      });
      if (formEvidence.length >= MAX_EVIDENCE) break;
    }
    if (formEvidence.length) hits.push({ id: 'insecure-transport-form', evidence: formEvidence });
    if (!site.https && snap.url.startsWith('http:')) {
      hits.push({ id: 'insecure-transport', evidence: [{ text: clipEvidence(`page address is not encrypted: ${snap.url}`) }] });
    } else if (site.https && insecureForms === 0 && formsWithFields + snap.fields.length > 0) {
      hits.push({ id: 'https-throughout', evidence: [{ text: clipEvidence(`${site.host} and its order form use https`) }] });
    }
    return hits;
  },
};
