/**
 * The parent-PIN form strict mode shows in two places: on the full-page cover
 * ("Continue anyway", src/ui/strict-overlay.ts) and on the field lock
 * (src/ui/input-guard.ts). The PIN is checked by the background (verify-pin),
 * never here; a refused PIN empties the box, says why, and — while the
 * background's back-off runs — keeps the button disabled until it is over.
 *
 * The form reports where it is through the host's data-state attribute (read
 * by the end-to-end tests and by the callers): `checking` while the background
 * answers, `wrong` after a refused PIN, `waiting` during a back-off, then the
 * caller's `readyState` again.
 */
import { sendToBackground, t } from '../content/ext';

export interface PinFormOptions {
  /** What the PIN is for, as verify-pin takes it. */
  purpose: 'continue' | 'unlock-fields';
  /** The element whose data-state tells where the form is. */
  host: HTMLElement;
  /** The state meaning "ready for a PIN" (after a back-off or a failed request). */
  readyState: string;
  /** Text of the submit button. */
  submitText: string;
  /** A visible label above the box; without it the box carries the label as aria-label and placeholder. */
  visibleLabel?: string;
  /** Label of the box when there is no visible label. */
  boxLabel?: string;
  /** Give the box focus again when a back-off is over (the cover is modal; the field lock must not steal focus). */
  refocusAfterWait?: boolean;
  /** The background accepted the PIN. */
  onOk(): void;
}

export interface PinForm {
  form: HTMLFormElement;
  pin: HTMLInputElement;
  /** The message line (role=alert); the caller places it. */
  msg: HTMLParagraphElement;
  /** Stops a pending back-off timer. */
  dispose(): void;
}

/** Seconds, rounded up, for "try again in N s". */
const secs = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

/** What a refused PIN says: still locked out → when to try again; wrong → so, and when to try again if there is a wait. */
export function refusedText(reason: unknown, wait: number): string {
  if (reason === 'locked') return t('strictPinWait', secs(wait));
  return wait > 0 ? `${t('strictPinWrong')} ${t('strictPinWait', secs(wait))}` : t('strictPinWrong');
}

export function pinForm(doc: Document, opts: PinFormOptions): PinForm {
  const { host } = opts;
  const state = (s: string) => host.setAttribute('data-state', s);
  const form = doc.createElement('form');
  const pin = doc.createElement('input');
  pin.type = 'password';
  pin.autocomplete = 'off';
  pin.inputMode = 'numeric';
  if (opts.visibleLabel !== undefined) {
    const label = doc.createElement('label');
    label.textContent = opts.visibleLabel;
    label.htmlFor = 'pin';
    pin.id = 'pin';
    form.append(label);
  } else if (opts.boxLabel !== undefined) {
    pin.setAttribute('aria-label', opts.boxLabel);
    pin.placeholder = opts.boxLabel;
  }
  const submit = doc.createElement('button');
  submit.type = 'submit';
  submit.className = 'primary';
  submit.textContent = opts.submitText;
  form.append(pin, submit);
  const msg = doc.createElement('p');
  msg.className = 'msg';
  msg.setAttribute('role', 'alert');

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    state('checking');
    void sendToBackground({ type: 'verify-pin', pin: pin.value, purpose: opts.purpose })
      .then((reply) => {
        const r = (reply ?? {}) as { ok?: unknown; reason?: unknown; retryInMs?: unknown };
        if (r.ok === true) {
          opts.onOk();
          return;
        }
        pin.value = '';
        const wait = typeof r.retryInMs === 'number' && r.retryInMs > 0 ? r.retryInMs : 0;
        msg.textContent = refusedText(r.reason, wait);
        state(wait > 0 ? 'waiting' : 'wrong');
        clearTimeout(retryTimer);
        if (wait === 0) {
          submit.disabled = false;
          return;
        }
        retryTimer = setTimeout(() => {
          submit.disabled = false;
          if (host.getAttribute('data-state') === 'waiting') state(opts.readyState);
          if (opts.refocusAfterWait) pin.focus();
        }, wait);
      })
      .catch(() => {
        submit.disabled = false;
        state(opts.readyState);
      });
  });

  return { form, pin, msg, dispose: () => clearTimeout(retryTimer) };
}
