/**
 * "Show me": scrolls to an element and draws an outline box over it, inside
 * our own closed shadow root, without touching the element's styles.
 * Evidence from a cross-origin frame (src/engine/frames.ts) outlines the frame.
 */
import { topSelector } from '../engine/frames';
export const HIGHLIGHT_TAG = 'coin-shop-guard-highlight';
const HOST = HIGHLIGHT_TAG;

export function highlight(doc: Document, selector: string): boolean {
  let el: Element | null = null;
  try {
    el = doc.querySelector(topSelector(selector));
  } catch {
    return false;
  }
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
  doc.querySelector(HOST)?.remove();
  const host = doc.createElement(HOST);
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  const r = el.getBoundingClientRect();
  box.setAttribute(
    'style',
    `position:fixed;left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px;` +
      'outline:4px solid #B3261E;outline-offset:0;border-radius:6px;pointer-events:none;z-index:2147483647;',
  );
  root.append(box);
  host.setAttribute('style', 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647;');
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), 4000);
  return true;
}
