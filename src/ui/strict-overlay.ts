/**
 * Strict mode on the page (issue 5). `applyStrict(document, result)` is called
 * by the content script once the verdict is in; it asks the background what
 * strict mode does here (strict-plan: the background decides from the
 * settings, the policy and its own stored verdict) and then
 *  - covers a danger page with a full-page warning: a modal <dialog> in a
 *    CLOSED shadow root (top layer; the page behind is inert, so focus stays
 *    inside), "Go back" focused by default, "Continue anyway" asking for the
 *    PIN when the parent set it so; the PIN is checked by the background;
 *  - locks password and payment fields (src/ui/input-guard.ts).
 * On a trusted (allow-listed) site nothing is added; the badge still shows
 * the verdict. Called again after a re-scan it does nothing unless the verdict
 * got worse.
 */
import type { ScanResult } from '../engine/types';
import { sendToBackground, t } from '../content/ext';
import { lockFields, type FieldLock } from './input-guard';
import { mainReason } from './badge';
import { pinForm } from './pin-form';

export const COVER_TAG = 'coin-shop-guard-strict';

type Gate = 'free' | 'pin' | 'never';
interface Plan {
  cover: boolean;
  lockFields: boolean;
  continueGate: Gate;
  fieldsGate: Gate;
  trusted: boolean;
}

const isGate = (g: unknown): g is Gate => g === 'free' || g === 'pin' || g === 'never';
function asPlan(raw: unknown): Plan | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const p = raw as Record<string, unknown>;
  if (typeof p.cover !== 'boolean' || typeof p.lockFields !== 'boolean' || typeof p.trusted !== 'boolean') return null;
  if (!isGate(p.continueGate) || !isGate(p.fieldsGate)) return null;
  return p as unknown as Plan;
}

/** The cover's style sheet (a function: nothing is built while the content script loads on an ordinary page). */
const css = () => `
:host { all: initial !important; }
dialog.card { box-sizing: border-box; position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0;
  padding: 24px; background: #fff; color: #1b1b1f; display: flex; align-items: center; justify-content: center; overflow: auto;
  font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
dialog.card:not([open]) { display: none; }
dialog::backdrop { background: #fff; }
.box { max-width: 560px; border-top: 8px solid #B3261E; padding-top: 16px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 12px; color: #B3261E; }
p { margin: 0 0 12px; }
.actions { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 20px; }
button { font: inherit; cursor: pointer; border-radius: 10px; padding: 10px 18px; border: 2px solid #74777f; background: #fff; color: #1b1b1f; }
button.primary { background: #0B57D0; border-color: #0B57D0; color: #fff; font-weight: 600; }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 3px solid #0B57D0; outline-offset: 3px; }
form { margin-top: 16px; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
form[hidden] { display: none; }
label { width: 100%; font-weight: 600; }
input { font: inherit; padding: 8px 10px; border: 2px solid #74777f; border-radius: 10px; width: 12em; }
.msg { font-weight: 600; color: #B3261E; min-height: 1.5em; }
@media (prefers-color-scheme: dark) {
  dialog.card, dialog::backdrop, button:not(.primary), input { background: #1b1b1f; color: #e4e2e6; } h1, .msg { color: #ffb4ab; }
  /* The light ring (#0B57D0) is under 3:1 on the dark surface; this one is 9:1. */
  :focus-visible { outline-color: #a8c7fa; }
}
`;

interface Cover {
  host: HTMLElement;
  remove(): void;
}

function goBack(): void {
  void sendToBackground({ type: 'log-event', action: 'went-back' })
    .catch(() => undefined)
    .finally(() => {
      if (history.length > 1) history.back();
      else location.replace('about:blank');
    });
}

function mountCover(doc: Document, result: ScanResult, plan: Plan, onContinue: (withPin: boolean) => void): Cover {
  const host = doc.createElement(COVER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css();
  const dialog = doc.createElement('dialog');
  dialog.className = 'card';
  dialog.setAttribute('aria-labelledby', 'h');
  dialog.setAttribute('aria-describedby', 'why');
  const box = doc.createElement('div');
  box.className = 'box';
  const h1 = doc.createElement('h1');
  h1.id = 'h';
  h1.textContent = t('strictCoverTitle');
  const why = doc.createElement('p');
  why.id = 'why';
  why.textContent = `${t('strictCoverWhy')} ${mainReason(result)}.`;
  const advice = doc.createElement('p');
  advice.textContent = t('strictCoverAdvice');
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'primary';
  back.textContent = t('strictGoBack');
  back.autofocus = true;
  const cont = doc.createElement('button');
  cont.type = 'button';
  cont.textContent = t('strictContinue');
  actions.append(back);
  if (plan.continueGate !== 'never') actions.append(cont);
  const note = doc.createElement('p');
  if (plan.continueGate === 'never') note.textContent = t('strictNoPinSet');

  let done = false;
  const state = (s: string) => host.setAttribute('data-state', s);
  const { form, pin, msg, dispose } = pinForm(doc, {
    purpose: 'continue',
    host,
    readyState: 'pin',
    submitText: t('strictUnlock'),
    visibleLabel: t('strictPinPrompt'),
    refocusAfterWait: true,
    onOk: () => finish(true),
  });
  form.hidden = true;
  box.append(h1, why, advice, actions, note, form, msg);
  dialog.append(box);
  root.append(style, dialog);

  const show = () => {
    if (done) return;
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    try {
      if (!dialog.open) dialog.showModal();
    } catch {
      dialog.setAttribute('open', '');
    }
  };
  back.addEventListener('click', () => goBack());
  cont.addEventListener('click', () => {
    if (plan.continueGate === 'free') {
      void sendToBackground({ type: 'log-event', action: 'continued' }).catch(() => undefined);
      finish(false);
      return;
    }
    form.hidden = false;
    state('pin');
    pin.focus();
  });
  // Escape must not dismiss the warning (a "cancel" is the browser's close request).
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  // Closed anyway (a forced close request): show it again.
  dialog.addEventListener('close', () => show());
  // The page removing our host does not remove the warning.
  const watch = new MutationObserver(() => {
    if (!done && !host.isConnected) show();
  });
  watch.observe(doc.documentElement, { childList: true, subtree: true });

  function finish(withPin: boolean) {
    done = true;
    watch.disconnect();
    dispose();
    dialog.close();
    host.remove();
    onContinue(withPin);
  }

  state('cover');
  show();
  return {
    host,
    remove() {
      done = true;
      watch.disconnect();
      dispose();
      host.remove();
    },
  };
}

const rankOf = (v: ScanResult['verdict']) => (v === 'danger' ? 2 : v === 'caution' ? 1 : 0);
let appliedRank = 0;
let cover: Cover | null = null;
let fieldLock: FieldLock | null = null;
let pinApproved = false;

/** Selectors of the fields the verdict itself named (credential evidence), locked even if their names look harmless. */
function evidenceSelectors(result: ScanResult): string[] {
  return result.signals
    .filter((s) => s.id === 'credential-fields')
    .flatMap((s) => s.evidence.map((e) => e.selector))
    .filter((s): s is string => typeof s === 'string');
}

export async function applyStrict(doc: Document, result: ScanResult): Promise<void> {
  const rank = rankOf(result.verdict);
  // Nothing to do below caution, or when this page already got at least this much.
  if (rank === 0 || rank <= appliedRank || pinApproved) return;
  appliedRank = rank;
  let plan: Plan | null;
  try {
    plan = asPlan(await sendToBackground({ type: 'strict-plan' }));
  } catch {
    return;
  }
  if (!plan || plan.trusted) return;
  if (plan.lockFields && !fieldLock) fieldLock = lockFields(doc, plan.fieldsGate, evidenceSelectors(result));
  if (plan.cover && !cover) {
    cover = mountCover(doc, result, plan, (withPin) => {
      // The parent typed the PIN: they are there, the whole page is theirs to use.
      if (withPin) {
        pinApproved = true;
        fieldLock?.unlock();
      }
    });
  }
}

/** Removes everything strict mode added (the page stopped being a shop, or the extension went away). */
export function removeStrict(): void {
  cover?.remove();
  fieldLock?.remove();
  cover = null;
  fieldLock = null;
  appliedRank = 0;
  pinApproved = false;
}
