/**
 * Strict mode's field lock (issue 5): on caution and danger pages, password,
 * one-time-code and payment fields (src/settings/guarded-fields.json) refuse
 * input until the parent PIN is entered, and say why.
 *
 * How: the fields are made read-only (so autofill skips them and screen
 * readers announce it), and capturing listeners on the window cancel typing,
 * pasting and dropping into them — fields the page adds later included. When
 * a locked field gets focus, a small panel (closed shadow root) placed right
 * after it in the tab order explains why and takes the PIN; the PIN is checked
 * by the background (verify-pin), never here. The page can see the `readonly`
 * attribute and the panel's host element; it cannot read or change the panel.
 */
import { autocomplete, namePatterns, types } from '../settings/guarded-fields.json';
import { t } from '../content/ext';
import { SPLIT_CODE_BOXES } from '../engine/secret-fields';
import { pinForm } from './pin-form';

export const LOCK_TAG = 'coin-shop-guard-lock';

type Gate = 'free' | 'pin' | 'never';
type Field = HTMLInputElement | HTMLTextAreaElement;

/** Built on first use: the content script loads this module on every page, and only shops with strict mode use it. */
let guarded: { notText: Set<string>; name: RegExp; types: Set<string>; autocomplete: Set<string> } | undefined;

/** Is this element a field strict mode locks? `extra`: selectors the verdict named (credential evidence). */
export function isGuardedField(el: EventTarget | null, extra: readonly string[] = []): el is Field {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return false;
  guarded ??= {
    notText: new Set(['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset', 'file']),
    name: new RegExp(namePatterns.join('|'), 'i'),
    types: new Set(types),
    autocomplete: new Set(autocomplete),
  };
  const g = guarded;
  if (el instanceof HTMLInputElement && g.notText.has(el.type)) return false;
  if (el instanceof HTMLInputElement && g.types.has(el.type)) return true;
  if ((el.autocomplete ?? '').toLowerCase().split(/\s+/).some((tok) => g.autocomplete.has(tok))) return true;
  const text = [el.name, el.id, el.placeholder, el.getAttribute('aria-label') ?? ''].join(' ').toLowerCase();
  if (g.name.test(text)) return true;
  if (el instanceof HTMLInputElement && isSplitCodeBox(el)) return true;
  return extra.some((sel) => {
    try {
      return el.matches(sel);
    } catch {
      return false;
    }
  });
}

/**
 * One box of a code split over one-character boxes: maxlength 1, with 4–8 such boxes in its parent
 * or (each box wrapped) its grandparent. The verdict names only a group's first box; every box is locked.
 */
function isSplitCodeBox(el: HTMLInputElement): boolean {
  if (el.maxLength !== 1) return false;
  for (let up = el.parentElement, level = 0; up && level < 2; up = up.parentElement, level++) {
    const n = up.querySelectorAll('input[maxlength="1"]').length;
    if (n >= SPLIT_CODE_BOXES.min && n <= SPLIT_CODE_BOXES.max) return true;
  }
  return false;
}

/** The panel's style sheet (a function: nothing is built while the content script loads on an ordinary page). */
const css = () => `
:host { all: initial !important; position: absolute !important; width: 0 !important; height: 0 !important; overflow: visible !important; }
.card { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647; box-sizing: border-box; width: min(460px, calc(100vw - 24px));
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #fff; border: 3px solid #B3261E;
  border-radius: 12px; box-shadow: 0 6px 24px rgba(0,0,0,.35); padding: 12px 14px; }
.card[hidden] { display: none; }
h2 { font-size: 16px; margin: 0 0 4px; color: #B3261E; }
p { margin: 0 0 8px; }
form { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
input { font: inherit; padding: 6px 8px; border: 1px solid #74777f; border-radius: 8px; width: 10em; }
button { font: inherit; cursor: pointer; border-radius: 8px; padding: 6px 12px; border: 1px solid #74777f; background: #fff; color: #1b1b1f; }
button.primary { background: #0B57D0; border-color: #0B57D0; color: #fff; }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 3px solid #0B57D0; outline-offset: 2px; }
.msg { font-weight: 600; color: #B3261E; min-height: 1.2em; margin: 6px 0 0; }
@media (prefers-color-scheme: dark) { .card, input, button:not(.primary) { background: #1f1f23; color: #e4e2e6; } h2, .msg { color: #ffb4ab; } :focus-visible { outline-color: #a8c7fa; } }
`;

export interface FieldLock {
  unlock(): void;
  remove(): void;
}

export function lockFields(doc: Document, gate: Gate, extraSelectors: readonly string[] = []): FieldLock {
  const win = doc.defaultView ?? window;
  const locked = new Map<Field, boolean>(); // field → was it read-only before us
  let active = true;

  const host = doc.createElement(LOCK_TAG);
  host.setAttribute('data-state', 'locked');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css();
  const card = doc.createElement('div');
  card.className = 'card';
  card.hidden = true;
  card.setAttribute('role', 'region');
  card.setAttribute('aria-label', t('extName'));
  const title = doc.createElement('h2');
  title.textContent = t('strictFieldsTitle');
  const why = doc.createElement('p');
  why.textContent = t('strictFieldsWhy');
  why.setAttribute('role', 'status');
  card.append(title, why);
  let pinUi: ReturnType<typeof pinForm> | undefined;
  if (gate === 'pin') {
    pinUi = pinForm(doc, {
      purpose: 'unlock-fields',
      host,
      readyState: 'shown',
      submitText: t('strictFieldsUnlock'),
      boxLabel: t('strictPinLabel'),
      onOk: () => handle.unlock(),
    });
    card.append(pinUi.form, pinUi.msg);
  } else why.textContent = `${t('strictFieldsWhy')} ${t('strictNoPinSet')}`;
  root.append(style, card);

  const lockOne = (f: Field) => {
    if (!active || locked.has(f)) return;
    locked.set(f, f.readOnly);
    f.readOnly = true;
  };
  for (const el of doc.querySelectorAll('input, textarea')) if (isGuardedField(el, extraSelectors)) lockOne(el);

  const guarded = (target: EventTarget | null): target is Field => active && isGuardedField(target, extraSelectors);
  const showFor = (f: Field) => {
    lockOne(f);
    // Right after the field: the next Tab reaches the PIN box.
    if (f.nextSibling !== host) f.after(host);
    card.hidden = false;
    host.setAttribute('data-state', 'shown');
  };
  const refuse = (e: Event) => {
    if (!guarded(e.target)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    showFor(e.target);
  };
  const onKey = (e: KeyboardEvent) => {
    // Printable keys, Backspace/Delete: typing. Tab, arrows, Enter stay usable.
    if (!guarded(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete') refuse(e);
  };
  const onInput = (e: Event) => {
    // Whatever slipped through (autofill, IME): the value does not stay.
    if (!guarded(e.target)) return;
    e.target.value = '';
    e.stopImmediatePropagation();
    showFor(e.target);
  };
  const onFocus = (e: Event) => {
    if (guarded(e.target)) showFor(e.target);
  };
  const listeners: [string, (e: never) => void][] = [
    ['beforeinput', refuse],
    ['keydown', onKey],
    ['paste', refuse],
    ['drop', refuse],
    ['input', onInput],
    ['focusin', onFocus],
  ];
  for (const [type, fn] of listeners) win.addEventListener(type, fn as EventListener, true);

  const stop = () => {
    active = false;
    pinUi?.dispose();
    for (const [type, fn] of listeners) win.removeEventListener(type, fn as EventListener, true);
    for (const [f, wasReadOnly] of locked) f.readOnly = wasReadOnly;
    locked.clear();
  };
  const handle: FieldLock = {
    unlock() {
      stop();
      card.hidden = true;
      host.setAttribute('data-state', 'unlocked');
    },
    remove() {
      stop();
      host.remove();
    },
  };
  // The host starts in the document (hidden card) so tests and assistive tech can find the lock's state.
  (doc.body ?? doc.documentElement).append(host);
  return handle;
}
