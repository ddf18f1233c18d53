/**
 * The on-page badge: a fixed corner card inside a CLOSED shadow root, so the
 * page can neither restyle nor rewrite it, and nothing of ours leaks into the
 * page's styles. Collapsible to a small pill. Plain DOM (no framework) to keep
 * the content script small.
 *
 * Defences against a page hiding it (kept up by src/content/guardian.ts):
 *  - the host hangs off <html>, not <body>, so hiding or replacing the body
 *    does not take it along;
 *  - it is a manual popover, shown in the browser's top layer, above every
 *    z-index and outside ancestors' opacity, filter, transform and clip;
 *  - its layout is set twice with !important: by `:host` inside the shadow
 *    root (for important rules the inner context wins over the page's
 *    stylesheets) and inline on the host.
 */
import type { ScanResult } from '../engine/types';
import { t as contentT } from '../content/ext';
import { glyphElement } from './icons';
import { VERDICT_STYLE, signalKeys } from './verdict-style';

export const BADGE_TAG = 'coin-shop-guard';

/** Host layout, applied inline with !important and again in :host. */
const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['inset', 'auto 16px 16px auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['background', 'transparent'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['overflow', 'visible'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
  ['contain', 'none'],
];

// Built on first use, not at import: this module loads on every page, and most pages never show a badge.
let hostCssText: string | undefined;
const hostCss = () => (hostCssText ??= HOST_STYLE.map(([k, v]) => `${k}: ${v} !important;`).join(' '));

const css = () => `
:host { all: initial !important; ${hostCss()} }
:host([hidden]), :host(:not(:popover-open)) { ${hostCss()} }
.card { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #fff; border-radius: 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); border-left: 6px solid var(--c); max-width: 340px; padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; font-weight: 700; }
.sym { display: flex; flex: none; }
.word { color: var(--c); }
.reason { margin: 6px 0 0; }
.hint { margin: 6px 0 0; font-size: 12px; color: #44474e; }
button { font: inherit; cursor: pointer; border: 1px solid #74777f; background: #fff; color: #1b1b1f; border-radius: 8px; padding: 2px 8px; margin-left: auto; }
button:focus-visible { outline: 3px solid #0B57D0; outline-offset: 2px; }
.collapsed .reason, .collapsed .hint { display: none; }
.collapsed { padding: 6px 10px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f23; color: #e4e2e6; } .hint { color: #c4c6d0; } button { background: #1f1f23; color: #e4e2e6; border-color: #8e9099; }
  .word { color: #fff; }
  button:focus-visible { outline-color: #A8C7FA; }
}
@media (prefers-reduced-motion: no-preference) { .card { transition: padding .15s ease; } }
`;

export interface BadgeHandle {
  host: HTMLElement;
  /** The verdict currently shown. */
  readonly result: ScanResult;
  update(result: ScanResult): void;
  /** Puts the host back where it belongs and as it should be (see guardian). */
  restore(): void;
  remove(): void;
}

export function mainReason(result: ScanResult, t: (key: string) => string = contentT): string {
  if (result.verdict === 'official') return t('reasonOfficial');
  const top = result.signals[0];
  return top && top.severity !== 'good' ? t(signalKeys(top.id).title) : t('reasonNoDanger');
}

/** "Coin Shop Guard: Danger", in the browser's language and punctuation. */
function badgeName(verdict: keyof typeof VERDICT_STYLE): string {
  return contentT('labelled', [contentT('extName'), contentT(VERDICT_STYLE[verdict].word)]);
}

/** The host's attributes as they must be for `result`; anything else on the host is the page's doing. */
function hostAttributes(result: ScanResult): Map<string, string> {
  return new Map([
    ['data-verdict', result.verdict],
    ['aria-label', `${badgeName(result.verdict === 'none' ? 'danger' : result.verdict)}. ${mainReason(result)}`],
    ['popover', 'manual'],
    ['style', hostCss()],
  ]);
}

function raise(host: HTMLElement): void {
  // Top layer: above any z-index. Re-showing moves us above top-layer elements opened since.
  const h = host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
  try {
    if (host.matches(':popover-open')) h.hidePopover?.();
    h.showPopover?.();
  } catch {
    // No popover support (old browser) or not connected: the z-index still applies.
  }
}

export function mountBadge(doc: Document, result: ScanResult): BadgeHandle {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css();
  const card = doc.createElement('div');
  card.className = 'card';
  const head = doc.createElement('div');
  head.className = 'head';
  const sym = doc.createElement('span');
  sym.className = 'sym';
  sym.setAttribute('aria-hidden', 'true');
  const word = doc.createElement('span');
  word.className = 'word';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  const reason = doc.createElement('p');
  reason.className = 'reason';
  const hint = doc.createElement('p');
  hint.className = 'hint';
  head.append(sym, word, toggle);
  card.append(head, reason, hint);
  root.append(style, card);

  let collapsed = false;
  let current = result;
  const setHostAttributes = () => {
    const want = hostAttributes(current);
    for (const name of host.getAttributeNames()) if (!want.has(name)) host.removeAttribute(name);
    for (const [name, value] of want) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  };
  const render = (r: ScanResult) => {
    if (r.verdict === 'none') return;
    const s = VERDICT_STYLE[r.verdict];
    card.style.setProperty('--c', s.colour);
    sym.replaceChildren(glyphElement(doc, s.glyph, 20));
    const name = badgeName(r.verdict);
    word.textContent = name;
    reason.textContent = mainReason(r);
    hint.textContent = contentT('badgeHint');
    card.setAttribute('role', r.verdict === 'danger' ? 'alert' : 'status');
    // Named, so a screen reader announces what the alert is about ("Coin Shop Guard: Danger").
    card.setAttribute('aria-label', name);
    setHostAttributes();
    card.classList.toggle('collapsed', collapsed);
    toggle.textContent = collapsed ? contentT('badgeExpand') : contentT('badgeCollapse');
    toggle.setAttribute('aria-expanded', String(!collapsed));
  };
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    render(current);
  });
  render(result);
  doc.documentElement.append(host);
  raise(host);
  return {
    host,
    get result() {
      return current;
    },
    update(r) {
      current = r;
      render(r);
    },
    restore() {
      const top = doc.documentElement;
      if (host.parentNode !== top || host.nextElementSibling) top.append(host);
      setHostAttributes();
      if (!host.matches(':popover-open')) raise(host);
    },
    remove() {
      host.remove();
    },
  };
}

/** Moves the badge above any top-layer element the page opened after it. */
export function raiseBadge(handle: BadgeHandle): void {
  raise(handle.host);
}
