/**
 * What strict mode does on a page, from the settings and the verdict. Pure.
 *
 *  - Strict mode off, or the site on the allow-list → nothing (the badge still shows the verdict).
 *  - danger (in strict mode caution already counts as danger, see scoring.json strictThresholds)
 *    → the page is covered. "Continue anyway": with dangerAction "warn" and no requirePin it needs
 *    no PIN; otherwise it needs the PIN, and without a PIN set the page stays covered.
 *  - danger or caution → password, one-time-code and payment fields are locked; they unlock only
 *    with the PIN (no PIN set → they stay locked: no shopper should type a password there).
 */
import type { Settings } from './schema';
import type { Gate, StrictPlan } from './messages';
import { isTrusted } from './store';

export const NO_PLAN: StrictPlan = { cover: false, lockFields: false, continueGate: 'free', fieldsGate: 'free', trusted: false, verdict: 'none' };

export function strictPlan(settings: Settings, pinSet: boolean, host: string, verdict: string): StrictPlan {
  if (settings.mode !== 'strict') return { ...NO_PLAN, verdict };
  if (isTrusted(host, settings.allowList)) return { ...NO_PLAN, trusted: true, verdict };
  const pinGate: Gate = pinSet ? 'pin' : 'never';
  return {
    cover: verdict === 'danger',
    lockFields: verdict === 'danger' || verdict === 'caution',
    continueGate: settings.dangerAction === 'warn' && !settings.requirePin ? 'free' : pinGate,
    fieldsGate: pinGate,
    trusted: false,
    verdict,
  };
}
