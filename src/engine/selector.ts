import { MAX_PARTS } from './packed';

/**
 * A CSS selector that finds `el` again in the same document ("Show me").
 *
 * `nth` may supply an element's nth-of-type position when the caller already
 * knows it (the snapshot counts siblings as it walks): counting previous
 * siblings for every element is quadratic on a page with thousands of
 * siblings in one parent.
 */
export function cssPath(el: Element, nth?: (el: Element) => number | undefined): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && node.nodeType === 1 && parts.length < MAX_PARTS) {
    const tag = node.localName;
    if (tag === 'html') break;
    const id = idPart(node);
    if (id) {
      parts.unshift(id);
      break;
    }
    parts.unshift(`${tag}:nth-of-type(${nth?.(node) ?? nthOfType(node)})`);
    node = node.parentElement;
  }
  return parts.join(' > ');
}

/** `tag#id` when the element has an id usable in a selector as is, else ''. */
export function idPart(el: Element): string {
  const id = el.getAttribute('id');
  return id && /^[A-Za-z][\w-]*$/.test(id) ? `${el.localName}#${id}` : '';
}

/** 1-based position among siblings of the same tag, by counting (O(siblings)). */
export function nthOfType(el: Element): number {
  let index = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.localName === el.localName) index++;
  return index;
}
