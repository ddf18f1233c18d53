/**
 * Reads a page into a PageSnapshot in one bounded walk. Uses textContent and
 * attributes only: nothing here forces layout (no innerText, no geometry).
 */
import type { Field, Form, Link, PageSnapshot, TextBlock } from './types';
import { LIMITS } from './limits';
import { cssPath } from './selector';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object']);
const STRUCK = new Set(['s', 'del', 'strike']);

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return '';
  }
}

function fieldLabel(el: Element, doc: Document): string {
  const parts: string[] = [];
  const id = el.getAttribute('id');
  if (id) {
    for (const label of Array.from(doc.getElementsByTagName('label'))) {
      if (label.getAttribute('for') === id) parts.push(label.textContent ?? '');
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) parts.push(wrapping.textContent ?? '');
  parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
  return clip(squash(parts.join(' ')).toLowerCase(), 300);
}

function isStruck(el: Element): boolean {
  for (let n: Element | null = el; n && n.localName !== 'body'; n = n.parentElement) {
    if (STRUCK.has(n.localName)) return true;
    if ((n.getAttribute('style') ?? '').includes('line-through')) return true;
  }
  return false;
}

export function buildSnapshot(doc: Document, url: string): PageSnapshot {
  const headlineParts: string[] = [doc.title];
  const meta = doc.querySelector('meta[name="description"]');
  if (meta) headlineParts.push(meta.getAttribute('content') ?? '');
  const og = doc.querySelector('meta[property="og:title"]');
  if (og) headlineParts.push(og.getAttribute('content') ?? '');

  const blocks: TextBlock[] = [];
  const fields: Field[] = [];
  const forms: Form[] = [];
  const links: Link[] = [];
  const options: TextBlock[] = [];
  let textChars = 0;
  let elements = 0;
  let truncated = false;

  const root = doc.body ?? doc.documentElement;
  // FILTER_REJECT (2) skips a whole subtree; FILTER_ACCEPT is 1.
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (SKIP.has((n as Element).localName) ? 2 : 1),
  });
  for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
    elements++;
    if (elements > LIMITS.elements) {
      truncated = true;
      break;
    }
    const tag = el.localName;
    // Direct text of this element (its own text nodes), as one block.
    let own = '';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) own += c.nodeValue ?? '';
    }
    own = squash(own);
    if (own && !truncated) {
      if (blocks.length < LIMITS.blocks && textChars < LIMITS.snapshotTextChars) {
        const struck = isStruck(el);
        blocks.push({ text: clip(own, LIMITS.blockChars), selector: cssPath(el), ...(struck ? { struck } : {}) });
        textChars += own.length;
      } else truncated = true;
    }
    if (/^h[1-3]$/.test(tag) && headlineParts.length < 24) headlineParts.push(el.textContent ?? '');

    if ((tag === 'input' || tag === 'select' || tag === 'textarea') && fields.length < LIMITS.fields) {
      const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
      if (type === 'hidden' || type === 'submit' || type === 'button' || type === 'image' || type === 'reset') {
        // not a field a shopper types into
      } else {
        const form = el.closest('form');
        fields.push({
          type: clip(type, 40),
          name: clip((el.getAttribute('name') ?? el.getAttribute('id') ?? '').toLowerCase(), 200),
          autocomplete: clip((el.getAttribute('autocomplete') ?? '').toLowerCase(), 100),
          label: fieldLabel(el, doc),
          selector: cssPath(el),
          formAction: form ? resolve(form.getAttribute('action') ?? '', url) : '',
        });
        if (type === 'radio' || type === 'checkbox') {
          const label = fieldLabel(el, doc) || squash(el.parentElement?.textContent).toLowerCase();
          if (label && options.length < LIMITS.options) options.push({ text: clip(label, 300), selector: cssPath(el) });
        }
      }
    } else if (tag === 'form' && forms.length < LIMITS.forms) {
      forms.push({
        action: resolve(el.getAttribute('action') ?? '', url),
        method: clip((el.getAttribute('method') ?? 'get').toLowerCase(), 20),
        selector: cssPath(el),
      });
    } else if (tag === 'a' && links.length < LIMITS.links) {
      const href = el.getAttribute('href');
      if (href) links.push({ href: clip(resolve(href, url) || href, 2000), text: clip(squash(el.textContent), 200) });
    } else if ((tag === 'option' || tag === 'button') && options.length < LIMITS.options) {
      const t = squash(el.textContent);
      if (t) options.push({ text: clip(t, 300), selector: cssPath(el) });
    }
  }

  return {
    url: clip(url, 4000),
    title: clip(squash(doc.title), 500),
    lang: clip(doc.documentElement.getAttribute('lang') ?? '', 40),
    headline: clip(squash(headlineParts.join(' · ')), 4000),
    blocks,
    fields,
    forms,
    links,
    options,
    stats: { elements, textTruncated: truncated },
  };
}
