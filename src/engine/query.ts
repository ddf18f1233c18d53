/**
 * Element queries on the every-page path, written so Chromium can take its
 * fast path. Chromium answers a query for one compound selector ("h1",
 * "input") with a quick pass over the tree, but a comma-separated list
 * ("h1, h2") makes it test every element against every selector in the list.
 * Measured in Chromium 156 on the bench's 21,000-cell table (docs/performance.md,
 * item 18): "h1, h2" 1.7–2.1 ms, "h1" then "h2" 0.3–0.45 ms; the gate's
 * three-selector password-field list 2.2 ms, one "input" query 0.19 ms.
 */

/** DOCUMENT_POSITION_FOLLOWING: the argument comes after the node. */
const FOLLOWING = 4;

/**
 * The first `max` elements under `root` that match one of `selectors` (each a
 * single selector, no commas), in document order, each once: what
 * root.querySelectorAll(selectors.join(', ')) lists first, with one
 * fast-path query per selector, merged.
 */
export function firstMatches(root: ParentNode, selectors: readonly string[], max: number): Element[] {
  const lists = selectors.map((s) => root.querySelectorAll(s));
  const at = lists.map(() => 0);
  const out: Element[] = [];
  while (out.length < max) {
    let first: Element | undefined;
    for (let k = 0; k < lists.length; k++) {
      const el = lists[k]![at[k]!];
      // el before first: first follows el (0 when they are the same element).
      if (el && (!first || el.compareDocumentPosition(first) & FOLLOWING)) first = el;
    }
    if (!first) break;
    out.push(first);
    // An element may match several selectors: step past it in every list.
    for (let k = 0; k < lists.length; k++) if (lists[k]![at[k]!] === first) at[k] = at[k]! + 1;
  }
  return out;
}

/**
 * Inputs worth testing one by one with matches(); a page with more (a huge
 * form, or one built to slow us down) gets the list query, one native pass,
 * instead of thousands of calls from script.
 */
export const MATCHES_ONE_BY_ONE = 50;

/**
 * Whether `root` holds an <input> that matches `inputSelector`, a selector
 * list of which every selector matches only <input> elements (the callers'
 * lists are checked in tests/unit/engine/query.test.ts). The same answer as
 * !!root.querySelector(inputSelector), from one fast-path query for "input"
 * and matches() on each input (or that very query, past MATCHES_ONE_BY_ONE inputs).
 */
export function hasInputMatching(root: ParentNode, inputSelector: string): boolean {
  const inputs = root.querySelectorAll('input');
  if (inputs.length > MATCHES_ONE_BY_ONE) return root.querySelector(inputSelector) !== null;
  for (let i = 0; i < inputs.length; i++) if (inputs[i]!.matches(inputSelector)) return true;
  return false;
}
