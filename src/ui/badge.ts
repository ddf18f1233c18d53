/**
 * The on-page badge: a fixed corner card inside a CLOSED shadow root, so the
 * page can neither restyle nor rewrite it, and nothing of ours leaks into the
 * page's styles. Collapsible to a small pill. Plain DOM (no framework) to keep
 * the content script small.
 */
import type { ScanResult } from '../engine/types';
import { t } from '../platform/browser';
import { VERDICT_STYLE, signalKeys } from './verdict-style';

export const BADGE_TAG = 'coin-shop-guard';

const CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; right: 16px !important; bottom: 16px !important; display: block !important; }
.card { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #fff; border-radius: 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); border-left: 6px solid var(--c); max-width: 340px; padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; font-weight: 700; }
.sym { font-size: 18px; }
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
}
@media (prefers-reduced-motion: no-preference) { .card { transition: padding .15s ease; } }
`;

export interface BadgeHandle {
  host: HTMLElement;
  update(result: ScanResult): void;
  remove(): void;
}

export function mainReason(result: ScanResult): string {
  if (result.verdict === 'official') return t('reasonOfficial');
  const top = result.signals[0];
  return top && top.severity !== 'good' ? t(signalKeys(top.id).title) : t('reasonNoDanger');
}

export function mountBadge(doc: Document, result: ScanResult): BadgeHandle {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
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
  const render = (r: ScanResult) => {
    if (r.verdict === 'none') return;
    const s = VERDICT_STYLE[r.verdict];
    card.style.setProperty('--c', s.colour);
    sym.textContent = s.symbol;
    word.textContent = `${t('extName')}: ${t(s.word)}`;
    reason.textContent = mainReason(r);
    hint.textContent = t('badgeHint');
    card.setAttribute('role', r.verdict === 'danger' ? 'alert' : 'status');
    host.setAttribute('data-verdict', r.verdict);
    host.setAttribute('aria-label', `${t('extName')}: ${t(s.word)}. ${mainReason(r)}`);
    card.classList.toggle('collapsed', collapsed);
    toggle.textContent = collapsed ? t('badgeExpand') : t('badgeCollapse');
    toggle.setAttribute('aria-expanded', String(!collapsed));
  };
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    render(current);
  });
  let current = result;
  render(result);
  (doc.body ?? doc.documentElement).append(host);
  return {
    host,
    update(r) {
      current = r;
      render(r);
    },
    remove() {
      host.remove();
    },
  };
}
