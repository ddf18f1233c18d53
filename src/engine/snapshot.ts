/**
 * Reads a page into a PageSnapshot in one bounded walk. Uses textContent and
 * attributes only: nothing here forces layout (no innerText, no geometry).
 *
 * The walk also enters open shadow roots and same-origin iframes (a fake login
 * can hide its password field there), up to LIMITS.nestedRoots of them; every
 * root shares the same element and text budgets. Closed shadow roots and
 * cross-origin frames are out of reach of a page script and of ours.
 *
 * Hostile input: every string is clipped before it is squashed or joined, so
 * a 10 MB text node or a heading wrapping the whole page costs a bounded slice,
 * and per-element work never walks more than a few ancestors.
 */
import type { Field, Form, Link, PageSnapshot, TextBlock } from './types';
import { LIMITS } from './limits';
import { idPart, nthOfType } from './selector';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'frame', 'object']);
const STRUCK = new Set(['s', 'del', 'strike']);

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** Collapses white space, after clipping the raw string to `max * 2` so huge input stays cheap. */
function squash(s: string | null | undefined, max = 4000): string {
  return clip(clip(s ?? '', max * 2).replace(/\s+/g, ' ').trim(), max);
}

function resolve(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return '';
  }
}

type Root = Document | ShadowRoot;

/** label[for] → text, per root, built once and bounded. */
function labelIndex(root: Root, cache: Map<Root, Map<string, string>>): Map<string, string> {
  let index = cache.get(root);
  if (index) return index;
  index = new Map();
  const labels = root.querySelectorAll('label[for]');
  for (let i = 0; i < labels.length && i < LIMITS.labels; i++) {
    const l = labels[i] as Element;
    const f = l.getAttribute('for') ?? '';
    index.set(f, `${index.get(f) ?? ''} ${squash(l.textContent, 300)}`);
  }
  cache.set(root, index);
  return index;
}

function fieldLabel(el: Element, cache: Map<Root, Map<string, string>>): string {
  const parts: string[] = [];
  const id = el.getAttribute('id');
  if (id) parts.push(labelIndex(el.getRootNode() as Root, cache).get(id) ?? '');
  const wrapping = el.closest('label');
  if (wrapping) parts.push(squash(wrapping.textContent, 300));
  parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
  return squash(parts.map((p) => clip(p, 300)).join(' '), 300).toLowerCase();
}

function isStruck(el: Element): boolean {
  let depth = 0;
  for (let n: Element | null = el; n && n.localName !== 'body' && depth < LIMITS.struckDepth; n = n.parentElement, depth++) {
    if (STRUCK.has(n.localName)) return true;
    if ((n.getAttribute('style') ?? '').includes('line-through')) return true;
  }
  return false;
}

function frameDocument(el: Element): Document | null {
  try {
    const d = (el as HTMLIFrameElement).contentDocument;
    return d?.documentElement ? d : null;
  } catch {
    return null; // cross-origin
  }
}

export function buildSnapshot(doc: Document, url: string): PageSnapshot {
  const headlineParts: string[] = [clip(doc.title, 1000)];
  // Metadata lives in <head>: no need to search the body.
  const head = doc.head ?? doc;
  const meta = head.querySelector('meta[name="description"]');
  if (meta) headlineParts.push(clip(meta.getAttribute('content') ?? '', 1000));
  const og = head.querySelector('meta[property="og:title"]');
  if (og) headlineParts.push(clip(og.getAttribute('content') ?? '', 1000));

  const blocks: TextBlock[] = [];
  const fields: Field[] = [];
  const forms: Form[] = [];
  const links: Link[] = [];
  const options: TextBlock[] = [];
  const labels = new Map<Root, Map<string, string>>();
  let textChars = 0;
  let elements = 0;
  let truncated = false;

  // nth-of-type positions, counted as the walk meets each element (see cssPath).
  const position = new WeakMap<Element, number>();
  const counters = new WeakMap<Node, Map<string, number>>();
  const count = (el: Element) => {
    const parent = el.parentNode;
    if (!parent || position.has(el)) return;
    let c = counters.get(parent);
    if (!c) counters.set(parent, (c = new Map()));
    const n = (c.get(el.localName) ?? 0) + 1;
    c.set(el.localName, n);
    position.set(el, n);
  };
  const nth = (el: Element) => position.get(el);
  // The same selector cssPath() gives (nearest 12 parts, stopping at an id), built top-down and
  // memoised per element: sibling blocks share their ancestors' parts instead of each walking up.
  // Iterative, so a 100,000-deep page costs one walk up, not a deep recursion.
  const partsOf = new Map<Element, readonly string[]>();
  const parts = (el: Element): readonly string[] => {
    const chain: Element[] = [];
    let base: readonly string[] = [];
    for (let n: Element | null = el; n && n.localName !== 'html'; n = n.parentElement) {
      const known = partsOf.get(n);
      if (known) {
        base = known;
        break;
      }
      chain.push(n);
      if (idPart(n)) break;
    }
    let acc = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i] as Element;
      const id = idPart(n);
      acc = id ? [id] : [...(acc.length >= 12 ? acc.slice(acc.length - 11) : acc), `${n.localName}:nth-of-type(${nth(n) ?? nthOfType(n)})`];
      partsOf.set(n, acc);
    }
    return acc;
  };
  const path = (el: Element) => parts(el).join(' > ');

  const queue: Node[] = [doc.body ?? doc.documentElement];
  let nested = 0;
  const enqueue = (n: Node) => {
    if (nested < LIMITS.nestedRoots) {
      nested++;
      queue.push(n);
    } else truncated = true;
  };

  for (let qi = 0; qi < queue.length && elements <= LIMITS.elements; qi++) {
    const start = queue[qi];
    if (!start) continue;
    const owner = start.nodeType === 9 ? (start as Document) : (start.ownerDocument ?? doc);
    // FILTER_REJECT (2) skips a whole subtree; FILTER_ACCEPT is 1.
    const walker = owner.createTreeWalker(start, 1 /* SHOW_ELEMENT */, {
      acceptNode: (n) => {
        const el = n as Element;
        count(el);
        if (!SKIP.has(el.localName)) return 1;
        // A frame's own children are fallback content; its document is read as another root.
        if (el.localName === 'iframe' || el.localName === 'frame') {
          const inner = frameDocument(el);
          if (inner) enqueue(inner.body ?? inner.documentElement);
        }
        return 2;
      },
    });
    const first = start.nodeType === 1 ? (start as Element) : (walker.nextNode() as Element | null);
    for (let el = first; el; el = walker.nextNode() as Element | null) {
      elements++;
      if (elements > LIMITS.elements) {
        truncated = true;
        break;
      }
      const tag = el.localName;
      if (el.shadowRoot) enqueue(el.shadowRoot);
      // Direct text of this element (its own text nodes), as one block.
      let own = '';
      for (let c = el.firstChild; c && own.length < LIMITS.blockChars * 2; c = c.nextSibling) {
        if (c.nodeType === 3) own += clip(c.nodeValue ?? '', LIMITS.blockChars * 2);
      }
      own = squash(own, LIMITS.blockChars);
      if (own && !truncated) {
        if (blocks.length < LIMITS.blocks && textChars < LIMITS.snapshotTextChars) {
          const struck = isStruck(el);
          blocks.push({ text: own, selector: path(el), ...(struck ? { struck } : {}) });
          textChars += own.length;
        } else truncated = true;
      }
      if (/^h[1-3]$/.test(tag) && headlineParts.length < 24) headlineParts.push(squash(el.textContent, 300));

      if ((tag === 'input' || tag === 'select' || tag === 'textarea') && fields.length < LIMITS.fields) {
        const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
        if (type === 'hidden' || type === 'submit' || type === 'button' || type === 'image' || type === 'reset') {
          // not a field a shopper types into
        } else {
          const form = el.closest('form');
          const label = fieldLabel(el, labels);
          fields.push({
            type: clip(type, 40),
            name: clip((el.getAttribute('name') ?? el.getAttribute('id') ?? '').toLowerCase(), 200),
            autocomplete: clip((el.getAttribute('autocomplete') ?? '').toLowerCase(), 100),
            label,
            selector: path(el),
            formAction: form ? clip(resolve(form.getAttribute('action') ?? '', url), 2000) : '',
          });
          if (type === 'radio' || type === 'checkbox') {
            const text = label || squash(el.parentElement?.textContent, 300).toLowerCase();
            if (text && options.length < LIMITS.options) options.push({ text, selector: path(el) });
          }
        }
      } else if (tag === 'form' && forms.length < LIMITS.forms) {
        forms.push({
          action: clip(resolve(el.getAttribute('action') ?? '', url), 2000),
          method: clip((el.getAttribute('method') ?? 'get').toLowerCase(), 20),
          selector: path(el),
        });
      } else if (tag === 'a' && links.length < LIMITS.links) {
        const href = el.getAttribute('href');
        if (href) links.push({ href: clip(resolve(href, url) || href, 2000), text: squash(el.textContent, 200) });
      } else if ((tag === 'option' || tag === 'button') && options.length < LIMITS.options) {
        const t = squash(el.textContent, 300);
        if (t) options.push({ text: t, selector: path(el) });
      }
    }
  }

  return {
    url: clip(url, 4000),
    title: squash(doc.title, 500),
    lang: clip(doc.documentElement.getAttribute('lang') ?? '', 40),
    headline: squash(headlineParts.join(' · '), 4000),
    blocks,
    fields,
    forms,
    links,
    options,
    stats: { elements, textTruncated: truncated },
  };
}
