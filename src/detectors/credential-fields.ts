/**
 * Credential harvest: a password, one-time / 2FA / verification code or
 * e-mail password asked for on a domain that is not the platform's. A real
 * top-up needs only a username or user ID.
 *
 * Emits:
 *  - credential-fields: a secret field tied to the platform account (the brand
 *    near the field, or the field sits in the coin order form), or any
 *    one-time/verification-code field.
 *  - fake-platform-login: in addition, the form presents itself as the
 *    platform's login ("Log in with TikTok", brand + password).
 *
 * Not flagged: a shop's own account form ("Create an account", "Forgot
 * password?") that names no platform — that password is the shop's.
 */
import type { Platform } from '../data';
import { frameOriginOf } from '../engine/frames';
import { platformMatchers } from '../engine/gate';
import { aboveField, besideText, contextOf, fieldText, pairedLabel, sentencesWith, textBefore } from '../engine/page';
import { CODE_BOX_TYPES, SPLIT_CODE_BOXES } from '../engine/secret-fields';
import { NO_TEXT, findTerm, listMatcher, normalize, spaced, type Normalized } from '../engine/terms';
import type { Evidence, Field, PageSnapshot } from '../engine/types';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

const SECRET_AUTOCOMPLETE = /\b(one-time-code|current-password|new-password)\b/;
const OTP_TERMS = /otp|code|kode|código|mã|2fa|two.factor|authenticator/;

export type SecretKind = 'password' | 'one-time-code';

/** Why a field asks for a secret, or null. */
export function secretReason(f: Field): string | null {
  return secretOf(f)?.reason ?? null;
}

/** Field names that say "secret" even without a label: vcode, otp_code, sms_code, pwd, passwd, 2fa. */
const SECRET_NAME = /(?:^|[^a-z])(?:otp|vcode|v code|sms code|auth code|verify code|verification code|2fa|mfa|tfa|pwd|passwd|password|passcode)(?:$|[^a-z])/;

function secretOf(f: Field, extraLabel = ''): { kind: SecretKind; reason: string } | null {
  if (f.type === 'radio' || f.type === 'checkbox' || f.type === 'select' || f.type === 'search') return null;
  if (/one-time-code/.test(f.autocomplete)) return { kind: 'one-time-code', reason: 'one-time code' };
  if (f.type === 'password') return { kind: 'password', reason: 'password field' };
  if (SECRET_AUTOCOMPLETE.test(f.autocomplete)) return { kind: 'password', reason: `autocomplete=${f.autocomplete}` };
  const text = normalize(`${fieldText(f)} ${extraLabel}`);
  const term = findTerm('credentialLabels', text) ?? SECRET_NAME.exec(text)?.[0]?.trim() ?? null;
  if (!term) return null;
  return { kind: OTP_TERMS.test(term) ? 'one-time-code' : 'password', reason: `asks for “${term}”` };
}

const splitCache = new WeakMap<PageSnapshot, Map<Field, number>>();

/**
 * The first box of each code split over one-character boxes, with the number of boxes: 4 to 8
 * fields of maxlength 1 side by side, in one parent or (each box wrapped) one grandparent (boxes
 * with ids included: aboveField). Only codes and PINs are typed this way; the group counts as one
 * secret field, its first box.
 */
function splitCodeStarts(snap: PageSnapshot): Map<Field, number> {
  let starts = splitCache.get(snap);
  if (starts) return starts;
  starts = new Map();
  const boxes = snap.fields.filter((f) => f.maxLength === 1 && CODE_BOX_TYPES.has(f.type));
  if (boxes.length >= SPLIT_CODE_BOXES.min) {
    const grouped = new Set<Field>();
    for (const levels of [1, 2] as const) {
      const groups = new Map<string, Field[]>();
      for (const f of boxes) {
        if (grouped.has(f)) continue;
        const up = aboveField(f, levels);
        if (!up) continue;
        const g = groups.get(up);
        if (g) g.push(f);
        else groups.set(up, [f]);
      }
      for (const g of groups.values()) {
        const first = g[0];
        if (!first || g.length < SPLIT_CODE_BOXES.min || g.length > SPLIT_CODE_BOXES.max) continue;
        starts.set(first, g.length);
        for (const f of g) grouped.add(f);
      }
    }
  }
  splitCache.set(snap, starts);
  return starts;
}

/** What secret a field asks for, on this page: its own words (or its positional <label>), or its place in a split code. */
function secretIn(snap: PageSnapshot, f: Field): { kind: SecretKind; reason: string } | null {
  const own = secretOf(f, f.label ? '' : pairedLabel(snap, f));
  if (own) return own;
  // A bare box that only the text before it explains counts as a code box, never as a password one
  // (a password goes into a password box; "no password needed" above a username box is no ask).
  const before = f.label ? NO_TEXT : textBefore(snap, f);
  const term = before ? findTerm('credentialLabels', before) : null;
  if (term && OTP_TERMS.test(term)) return { kind: 'one-time-code', reason: `asks for “${term}”` };
  const boxes = f.maxLength === 1 ? splitCodeStarts(snap).get(f) : undefined;
  return boxes ? { kind: 'one-time-code', reason: `a code split over ${boxes} one-character boxes` } : null;
}

/** Why a field asks for a secret, reading a positional <label> when the field has no label of its own. */
export function secretReasonIn(snap: PageSnapshot, f: Field): string | null {
  return secretIn(snap, f)?.reason ?? null;
}

export interface SecretFinding {
  field: Field;
  kind: SecretKind;
  reason: string;
  /** The secret is the platform account's (brand near it, or it sits in the coin order form). */
  platformTied: boolean;
  /** The form presents itself as the platform's login. */
  login: boolean;
  /** The brand named next to the field, if any. */
  brand: string | null;
}

function brandIn(text: Normalized, platform: Platform | null): string | null {
  const { brand, unit } = platformMatchers();
  const m = brand.first(text) ?? unit.first(text);
  if (m) return m.term;
  if (platform) {
    for (const t of platform.brandTokens) if (normalize(text).includes(normalize(t))) return t;
  }
  return null;
}

const cache = new WeakMap<PageSnapshot, { platform: Platform | null; found: SecretFinding[] }>();

/** Every secret field on the page, with what it is tied to (computed once per snapshot and platform). */
export function secretFindings(snap: PageSnapshot, platform: Platform | null): SecretFinding[] {
  const hit = cache.get(snap);
  if (hit && hit.platform === platform) return hit.found;
  const found = findSecrets(snap, platform);
  cache.set(snap, { platform, found });
  return found;
}

function findSecrets(snap: PageSnapshot, platform: Platform | null): SecretFinding[] {
  const out: SecretFinding[] = [];
  const headline = normalize(snap.headline);
  for (const f of snap.fields) {
    const s = secretIn(snap, f);
    if (!s) continue;
    const ctx = contextOf(snap, f);
    // The brand may also sit right beside the field, in a box that contextOf() cannot read (one at the top of the page).
    const brand = brandIn(ctx, platform) ?? brandIn(besideText(snap, f), platform);
    const { unit } = platformMatchers();
    const orderForm =
      listMatcher('coinWords').test(ctx) ||
      unit.test(ctx) ||
      listMatcher('generatorWords').test(ctx) ||
      listMatcher('commerceWords').test(ctx);
    const siteAccount = listMatcher('siteAccountWords').test(ctx);
    const headlineBrand = brandIn(headline, platform);
    // A login in the page header or menu with no platform named in it is the shop's own account box.
    if (f.inHeader && !brand) {
      out.push({ field: f, kind: s.kind, reason: s.reason, platformTied: false, login: false, brand: null });
      continue;
    }
    const platformTied =
      !!brand ||
      s.kind === 'one-time-code' ||
      (orderForm && !siteAccount) ||
      // A bare login on a page that is all about the platform, with nothing saying it is the shop's own account.
      (!!headlineBrand && !siteAccount && listMatcher('loginWords').test(spaced(ctx, headline)));
    const login = s.kind === 'password' && !!(brand ?? headlineBrand) && listMatcher('loginWords').test(spaced(ctx, headline));
    out.push({ field: f, kind: s.kind, reason: s.reason, platformTied, login: login && platformTied, brand: brand ?? headlineBrand });
  }
  return out;
}

/**
 * Sentences that ask for a secret without a field: "send us your TikTok
 * password on WhatsApp", "kirim kode OTP ke admin". Denials ("we never ask
 * for your password") are skipped.
 */
export function secretAsks(snap: PageSnapshot): Evidence[] {
  const ask = listMatcher('askWords');
  const out: Evidence[] = [];
  for (const h of sentencesWith(snap, 'credentialLabels')) {
    const n = normalize(h.sentence);
    const a = ask.first(n);
    // The ask comes shortly before the secret it asks for ("send your password", not "password reset, then send").
    // "Enter your ID, no password needed" is the opposite of an ask.
    if (listMatcher('withoutWords').test(n)) continue;
    const at = n.indexOf(h.term);
    if (!a || a.index > at || at - a.index > 48) continue;
    out.push({ text: clipEvidence(`asks in text: “${h.sentence}”`), selector: h.block.selector });
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}

/** Where a field from a cross-origin frame (src/engine/frames.ts) really is: that origin gets what is typed. */
function inFrame(f: Field): string {
  const origin = frameOriginOf(f.selector);
  if (!origin) return '';
  try {
    return ` — in a frame from ${new URL(origin).host}`;
  } catch {
    return ' — in a frame from another site';
  }
}

export const credentialFields: Detector = {
  id: 'credential-fields',
  emits: ['credential-fields', 'fake-platform-login'],
  run({ snap, site, platform }) {
    if (site.officialFor) return [];
    const tied = secretFindings(snap, platform).filter((x) => x.platformTied);
    const asks = secretAsks(snap);
    if (!tied.length && !asks.length) return [];
    const evidence: Evidence[] = tied.slice(0, MAX_EVIDENCE).map((x) => ({
      text: clipEvidence(`${x.field.label || pairedLabel(snap, x.field) || x.field.name || x.field.type} (${x.reason})${inFrame(x.field)}`),
      selector: x.field.selector,
    }));
    for (const a of asks) if (evidence.length < MAX_EVIDENCE) evidence.push(a);
    const hits = [{ id: 'credential-fields', evidence }];
    const login = tied.find((x) => x.login);
    if (login) {
      const where = site.registrable || site.host || 'this site';
      hits.push({
        id: 'fake-platform-login',
        evidence: [
          {
            text: clipEvidence(`a ${platform?.name ?? login.brand ?? 'platform'} login (password field) on ${where}, which is not ${platform?.name ?? 'the platform'}'s domain`),
            selector: login.field.selector,
          },
        ],
      });
    }
    return hits;
  },
};
