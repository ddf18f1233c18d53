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
  while (node && node.nodeType === 1 && parts.length < 12) {
    const tag = node.localName;
    if (tag === 'html') break;
    const id = node.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`${tag}#${id}`);
      break;
    }
    let index = nth?.(node);
    if (index === undefined) {
      index = 1;
      for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
        if (sib.localName === tag) index++;
      }
    }
    parts.unshift(`${tag}:nth-of-type(${index})`);
    node = node.parentElement;
  }
  return parts.join(' > ');
}
