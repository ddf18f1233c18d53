/**
 * Bounds on how much of a page is read. They keep a hostile or huge page from
 * costing unbounded time or memory; numbers chosen so a real shop page (a few
 * thousand elements, tens of KB of text) is read whole.
 */
/**
 * Characters of a CSS selector, at most: the snapshot schemas' bound, what the
 * snapshot walk and unpackSnapshot() clip to, and what a "Show me" request may hold.
 */
export const MAX_SELECTOR = 1000;

export const LIMITS = {
  /** Characters of body text the gate samples before deciding. */
  gateTextChars: 4000,
  /** Text nodes the gate visits at most. */
  gateTextNodes: 400,
  /** Characters of text the full snapshot keeps. */
  snapshotTextChars: 200_000,
  /** Text blocks (one per element with text) the snapshot keeps. */
  blocks: 5000,
  /** Characters of one block. */
  blockChars: 2000,
  fields: 500,
  forms: 200,
  /** Other destinations one form's submit buttons give it (formaction), kept per form. */
  buttonActions: 10,
  /** Submit buttons with a formaction the snapshot looks at (all roots together). */
  actionButtons: 100,
  links: 2000,
  options: 2000,
  /** Elements visited by the snapshot walk (all roots together). */
  elements: 150_000,
  /** Open shadow roots and same-origin frames the snapshot enters. */
  nestedRoots: 200,
  /** Elements the content script looks through for shadow roots/frames when a page names a platform but shows no password field. */
  deepSearchElements: 20_000,
  /** <label> elements indexed for field labels. */
  labels: 5000,
  /**
   * Ancestors looked at to tell struck-through text (old prices): a block is struck when it or one
   * of its nearest `struckDepth` elements below <body> is <s>/<del>/<strike> or styled line-through.
   * The snapshot derives this from the parent as it walks (tests/unit/snapshot/struck.test.ts).
   */
  struckDepth: 8,
} as const;
