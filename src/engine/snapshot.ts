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
import type { Link, PackedSnapshot, PageSnapshot } from './types';
import { LIMITS, MAX_SELECTOR } from './limits';
import { unpackSnapshot } from './packed';
import { CODE_BOX_TYPES } from './secret-fields';
import { cssPath, idPart } from './selector';
import { foldSpace } from './space';

/** Elements whose subtree the walk leaves out (a frame's document is read as a root of its own). */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'frame', 'object']);
const STRUCK = new Set(['s', 'del', 'strike']);
const HEADINGS = new Set(['h1', 'h2', 'h3']);
/**
 * The only elements that can host a shadow root, besides custom elements (whose names hold a "-"):
 * attachShadow() refuses every other (DOM Standard, "valid shadow host name"). Asking the others
 * for their shadowRoot, once per element of the page, is a call into the DOM for nothing.
 */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** Collapses white space, after clipping the raw string to `max * 2` so huge input stays cheap. */
function squash(s: string | null | undefined, max = 4000): string {
  return clip(foldSpace(clip(s ?? '', max * 2)), max);
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

/**
 * How many steps up from `el` the nearest struck-through element is (itself: 0), looking at most
 * LIMITS.struckDepth elements and never at or above <body>; Infinity when none. The walk derives it
 * for each child from its parent's; this reads it from the DOM for a root of the walk.
 */
function struckDistance(el: Element): number {
  let depth = 0;
  for (let n: Element | null = el; n && n.localName !== 'body' && depth < LIMITS.struckDepth; n = n.parentElement, depth++) {
    if (STRUCK.has(n.localName)) return depth;
    if ((n.getAttribute('style') ?? '').includes('line-through')) return depth;
  }
  return Infinity;
}

/** Input types a shopper types text into, which a page can still mask like a password box. */
const MASKABLE = new Set(['text', 'tel', 'number', 'email', 'search', 'url']);
/** The page's header or menu, around a field: where a shop keeps its own sign-in box (Field.inHeader). */
const HEADER_OR_MENU = 'header, nav, [role="banner"], [role="navigation"]';

/**
 * Does the page mask what is typed into this field (dots instead of characters) with the
 * `-webkit-text-security` style? Phishing pages do so to ask for a password or PIN without an
 * <input type="password">, which browsers and tools treat with more care. Read from the style
 * attribute, else from the computed style (a class): one call per such field, and only while a
 * snapshot is taken. Where the browser has no such property the answer is no.
 */
function isMasked(el: Element): boolean {
  const inline = el.getAttribute('style');
  if (inline && /text-security\s*:\s*(?!none\b)[a-z]/i.test(inline)) return true;
  try {
    const view = el.ownerDocument.defaultView;
    const v = view ? view.getComputedStyle(el).getPropertyValue('-webkit-text-security').trim().toLowerCase() : '';
    return v !== '' && v !== 'none';
  } catch {
    return false;
  }
}

/** One element of the walk, with what its children and its selector need. */
interface Frame {
  /** null for a shadow root. */
  el: Element | null;
  parent: Frame | null;
  /** nth-of-type position among its parent's children (0 for a root). */
  nth: number;
  /**
   * Children met so far, by tag (their nth-of-type positions): `[tag, count, tag, count, …]` while
   * they have at most FEW_TAGS different tags (almost always), a Map past that (see nthAmong()).
   */
  counts: (string | number)[] | Map<string, number> | null;
  /** Its selector's path in the snapshot's table (src/engine/packed.ts), added when first needed (-1 until then). */
  path: number;
  /** See struckDistance(). */
  struck: number;
  /**
   * Its element children, in order, as the loop that reads its own text met them (null: not read,
   * or dropped when the walk paused): the walk takes its next child from here instead of asking the
   * DOM for each one's nextElementSibling. `next` is the index of the next one to visit.
   */
  kids: Element[] | null;
  next: number;
  /** `kids` holds every element child (the loop did not stop at KID_SCAN nodes past the own text's end, nor at the element budget). */
  complete: boolean;
}

/**
 * Child nodes an element's own-text loop reads past the end of its own text (LIMITS.blockChars * 2
 * characters) to find the rest of its element children. An element with more has its remaining
 * children found by nextElementSibling, as the walk did before: the loop costs no more than the
 * walk would.
 */
const KID_SCAN = 512;

/** A frame for `el` (null: a shadow root), before its children, path or kept children are known. */
function frameOf(el: Element | null, parent: Frame | null, nth: number, struck: number): Frame {
  return { el, parent, nth, counts: null, path: -1, struck, kids: null, next: 1, complete: false };
}

/** The element after `at` among `up`'s children: from up's kids while there are some, else from the DOM. */
function nextAfter(up: Frame, at: Element): Element | null {
  const kids = up.kids;
  if (kids !== null) {
    if (up.next < kids.length) return kids[up.next++] as Element;
    if (up.complete) return null;
  }
  return at.nextElementSibling;
}

/**
 * Different child tags an element's counts keep in a list. Most elements' children have a handful
 * of tags; searching a short list costs less than a Map for each element with children, and a
 * parent with many tags (a page of custom elements) still costs one Map lookup per child.
 */
const FEW_TAGS = 6;

/** The nth-of-type position of the next child of `up` with tag `tag`, counted in `up.counts`. */
function nthAmong(up: Frame, tag: string): number {
  const counts = up.counts;
  if (counts === null) {
    up.counts = [tag, 1];
    return 1;
  }
  if (Array.isArray(counts)) {
    for (let i = 0; i < counts.length; i += 2) {
      if (counts[i] === tag) return (counts[i + 1] = (counts[i + 1] as number) + 1);
    }
    if (counts.length < FEW_TAGS * 2) {
      counts.push(tag, 1);
      return 1;
    }
    const byTag = new Map<string, number>();
    for (let i = 0; i < counts.length; i += 2) byTag.set(counts[i] as string, counts[i + 1] as number);
    byTag.set(tag, 1);
    up.counts = byTag;
    return 1;
  }
  const nth = (counts.get(tag) ?? 0) + 1;
  counts.set(tag, nth);
  return nth;
}

function frameDocument(el: Element): Document | null {
  try {
    const d = (el as HTMLIFrameElement).contentDocument;
    return d?.documentElement ? d : null;
  } catch {
    return null; // cross-origin
  }
}

/**
 * A snapshot walk that can pause: `step` walks until the walk is done or
 * `pause()` says stop (asked every 256 elements unless told), so the content script can
 * spread a big page over several short tasks instead of one long one
 * (issue 7: no task over 50 ms). Walked in one go, it gives exactly what
 * buildSnapshot gives. Between steps the page may change: the walk then reads
 * the page as it is when it gets there; a page that keeps moving nodes ahead
 * of the walk could keep it going, so the caller bounds the number of steps
 * (src/content/sliced-snapshot.ts) and calls giveUp().
 */
export interface SnapshotWalk {
  /** Walks on; true when the walk is done (packed() is then final). `pause` is asked every `every` elements. */
  step(pause?: () => boolean, every?: number): boolean;
  /** Ends the walk here; the snapshot says it is truncated. */
  giveUp(): void;
  /**
   * The snapshot so far, its selectors as a table of paths: what the content script sends.
   * unpackSnapshot() (src/engine/packed.ts) writes them out, as buildSnapshot() does.
   */
  packed(): PackedSnapshot;
}

/** The page read in one walk, packed for a message. */
export function buildPackedSnapshot(doc: Document, url: string): PackedSnapshot {
  const walk = startSnapshot(doc, url);
  walk.step();
  return walk.packed();
}

/** The page read in one walk, every selector written out: what the detectors read. */
export function buildSnapshot(doc: Document, url: string): PageSnapshot {
  // The walk's own table is well formed (every parent is added before its children).
  return unpackSnapshot(buildPackedSnapshot(doc, url)) as PageSnapshot;
}

export function startSnapshot(doc: Document, url: string): SnapshotWalk {
  const headlineParts: string[] = [clip(doc.title, 1000)];
  // Metadata lives in <head>: no need to search the body.
  const head = doc.head ?? doc;
  const meta = head.querySelector('meta[name="description"]');
  if (meta) headlineParts.push(clip(meta.getAttribute('content') ?? '', 1000));
  const og = head.querySelector('meta[property="og:title"]');
  if (og) headlineParts.push(clip(og.getAttribute('content') ?? '', 1000));

  const blocks: PackedSnapshot['blocks'] = { text: [], path: [], struck: [] };
  const fields: PackedSnapshot['fields'] = [];
  const forms: PackedSnapshot['forms'] = [];
  /** The element of each entry of `forms`, same index: a submit button's form owner is looked up here. */
  const formElements: Element[] = [];
  /**
   * The forms whose content the walk is in, innermost last, with where their blocks and options
   * start: a form's `inside` ranges are set when the walk leaves it (or, still in it, by packed()).
   */
  const openForms: { frame: Frame; form: PackedSnapshot['forms'][number]; blocks: number; options: number }[] = [];
  /** Buttons and inputs with a formaction attribute, found with one query per root of the walk. */
  const actionButtons: Element[] = [];
  const links: Link[] = [];
  const options: PackedSnapshot['options'] = { text: [], path: [] };
  const paths: PackedSnapshot['paths'] & { nth: number[] } = { parent: [], part: [], nth: [] };
  const addOption = (text: string, path: number) => {
    options.text.push(text);
    options.path.push(path);
  };

  /** A path: `part` whole (nth 0), or a tag name with its nth-of-type position (packed.ts writes them out). */
  function addPath(parent: number, part: string, nth = 0): number {
    paths.parent.push(parent);
    paths.part.push(clip(part, MAX_SELECTOR));
    paths.nth.push(nth);
    return paths.part.length - 1;
  }

  /**
   * The path of a frame's element, added when first needed and top-down: only elements that end up
   * in the snapshot (and their ancestors) get one, each its parent's path plus one part, so the walk
   * builds no selector strings at all. Iterative: a 100,000-deep page costs one pass up, not a deep
   * recursion. Written out, a path is the selector cssPath() gives (src/engine/packed.ts).
   */
  function pathOf(frame: Frame): number {
    if (frame.path >= 0) return frame.path;
    const chain: Frame[] = [];
    // ids[i]: chain[i]'s id part, read once (a root of the walk has none here).
    const ids: string[] = [];
    for (let f: Frame | null = frame; f && f.path < 0; f = f.parent) {
      chain.push(f);
      // A root of the walk is read from the DOM; an id starts the path.
      if (!f.parent || !f.el) break;
      // Only an element the root's id query found can have one (null: no query, read each).
      const id = withId === null || withId.has(f.el) ? idPart(f.el) : '';
      ids.push(id);
      if (id) break;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const f = chain[i] as Frame;
      const el = f.el;
      const id = ids[i] ?? '';
      if (!f.parent || !el) f.path = addPath(-1, el ? cssPath(el) : '');
      else f.path = id ? addPath(-1, id) : addPath(f.parent.path, el.localName, f.nth);
    }
    return frame.path;
  }
  const labels = new Map<Root, Map<string, string>>();
  let textChars = 0;
  let elements = 0;
  let truncated = false;

  const queue: Node[] = [doc.body ?? doc.documentElement];
  let nested = 0;
  const enqueue = (n: Node) => {
    if (nested < LIMITS.nestedRoots) {
      nested++;
      queue.push(n);
    } else truncated = true;
  };

  // The walk's position: the root being walked (queue[qi]), the current element and its parent's frame.
  let qi = -1;
  let root: Frame | null = null;
  let parent: Frame | null = null;
  let el: Element | null = null;
  let done = false;
  /**
   * The elements under the current root whose style attribute says line-through: one query when the
   * walk enters a root, instead of reading every element's style attribute (a DOM call per element,
   * slow from an extension's world). Read as the root is entered; later style changes are not seen.
   * null: the query failed (a DOM without iterative selector matching, such as happy-dom on a very
   * deep tree, overflows its stack), and each element's attribute is read instead.
   */
  let styledStruck: ReadonlySet<Element> | null = null;
  /**
   * The elements under the current root with an id attribute: one query when the walk enters a root,
   * so that the selector of an element without one reads no attribute (most elements of a page have
   * none). An id added later is not seen, and the element keeps its nth-of-type selector, which
   * still finds it. null: the query failed, and each element's id is read.
   */
  let withId: ReadonlySet<Element> | null = null;

  /** Moves to the next root of the queue; false when there is none (or the element budget is spent). */
  function nextRoot(): boolean {
    while (++qi < queue.length && elements <= LIMITS.elements) {
      const start = queue[qi];
      if (!start) continue;
      // A plain depth-first walk (firstElementChild, then the children the own-text loop kept, else
      // nextElementSibling): no TreeWalker, whose JS filter costs a call from the DOM into script per
      // element. Same order: pre-order, skipped subtrees left out.
      root =
        start.nodeType === 1
          ? frameOf(start as Element, null, 0, struckDistance(start as Element))
          : frameOf(null, null, 0, Infinity);
      parent = root;
      try {
        styledStruck = new Set((start as ParentNode).querySelectorAll('[style*="line-through"]'));
      } catch {
        styledStruck = null;
      }
      try {
        withId = new Set((start as ParentNode).querySelectorAll('[id]'));
      } catch {
        withId = null;
      }
      try {
        // One simple selector: Chromium tests every element against each selector of a list (item 18, docs/performance.md).
        const found = (start as ParentNode).querySelectorAll('[formaction]');
        for (let i = 0; i < found.length && actionButtons.length < LIMITS.actionButtons; i++) {
          const b = found[i] as Element;
          if (b.localName === 'button' || b.localName === 'input') actionButtons.push(b);
        }
      } catch {
        // as above: no query, no formaction seen
      }
      if (root.el) {
        if (++elements > LIMITS.elements) {
          truncated = true;
          return false;
        }
        el = root.el.firstElementChild;
        visit(root.el, root.el.localName, root, el);
      } else el = (start as ParentNode).firstElementChild;
      return true;
    }
    return false;
  }

  function step(pause?: () => boolean, every = 256): boolean {
    // The page may have changed since the walk paused: the children read before are not used.
    for (let f = parent; f; f = f.parent) f.kids = null;
    let n = 0;
    while (!done) {
      if (!el) {
        if (!nextRoot()) done = true;
        continue;
      }
      const at = el;
      const up = parent as Frame;
      const tag = at.localName;
      // nth-of-type position among this parent's element children, counted as the walk meets them (skipped ones too).
      const nth = nthAmong(up, tag);
      let next: Element | null;
      if (SKIP.has(tag)) {
        // A frame's own children are fallback content; its document is read as another root.
        if (tag === 'iframe' || tag === 'frame') {
          const inner = frameDocument(at);
          if (inner) enqueue(inner.body ?? inner.documentElement);
        }
        next = nextAfter(up, at);
      } else {
        if (++elements > LIMITS.elements) {
          truncated = true;
          done = true;
          break;
        }
        const struck = tag === 'body' ? Infinity : STRUCK.has(tag) || (styledStruck ? styledStruck.has(at) : (at.getAttribute('style') ?? '').includes('line-through')) ? 0 : up.struck + 1;
        const frame = frameOf(at, up, nth, struck);
        const child = at.firstElementChild;
        visit(at, tag, frame, child);
        if (!child && openForms.length > 0) leaving(frame);
        if (child) {
          parent = frame;
          el = child;
          if (pause && ++n % every === 0 && pause()) return false;
          continue;
        }
        next = nextAfter(up, at);
      }
      // Up until an ancestor has a next sibling, never above the root.
      let p = up;
      while (!next && p !== root && p.el) {
        if (openForms.length > 0) leaving(p);
        next = nextAfter(p.parent as Frame, p.el);
        p = p.parent as Frame;
      }
      parent = p;
      el = next;
      if (pause && ++n % every === 0 && pause()) return false;
    }
    return true;
  }

  /** The walk is done with `frame`'s element and everything under it: if that is the innermost open form, its ranges end here. */
  function leaving(frame: Frame): void {
    const open = openForms[openForms.length - 1];
    if (open?.frame !== frame) return;
    openForms.pop();
    readSoFar(open);
  }

  /** An open form's ranges end at what the walk has read so far. */
  function readSoFar(open: (typeof openForms)[number]): void {
    open.form.inside = { blocks: [open.blocks, blocks.text.length], options: [open.options, options.text.length] };
  }

  /** `tag`: the element's localName; `firstElement`: its first element child. The walk reads both anyway. */
  function visit(el: Element, tag: string, frame: Frame, firstElement: Element | null): void {
    if (SHADOW_HOSTS.has(tag) || tag.includes('-')) {
      const shadow = el.shadowRoot;
      if (shadow) enqueue(shadow);
    }
    // Direct text of this element (its own text nodes), as one block. An element with no element
    // child has no text but its own: one textContent instead of a DOM call per child node (most
    // text sits in such leaves: <span>, <b>, <button>, <td>). squash() reads only the first
    // blockChars * 2 characters, which both ways give alike. The loop over an element's child nodes
    // keeps its element children too (Frame.kids), which the walk visits next.
    let own = '';
    if (!firstElement) own = el.textContent ?? '';
    else {
      const kids: Element[] = [];
      // No more than the walk may still visit: a hostile page's million children are not all kept.
      const room = LIMITS.elements - elements + 1;
      let complete = true;
      let scan = KID_SCAN;
      for (let c = el.firstChild; c; c = c.nextSibling) {
        const full = own.length >= LIMITS.blockChars * 2;
        if (full && --scan < 0) {
          complete = false;
          break;
        }
        const type = c.nodeType;
        if (type === 1) {
          if (kids.length < room) kids.push(c as Element);
          else complete = false;
        } else if (type === 3 && !full) own += clip(c.nodeValue ?? '', LIMITS.blockChars * 2);
      }
      frame.kids = kids;
      frame.complete = complete;
    }
    if (own) own = squash(own, LIMITS.blockChars);
    if (own && !truncated) {
      if (blocks.text.length < LIMITS.blocks && textChars < LIMITS.snapshotTextChars) {
        if (frame.struck < LIMITS.struckDepth) blocks.struck.push(blocks.text.length);
        blocks.text.push(own);
        blocks.path.push(pathOf(frame));
        textChars += own.length;
      } else truncated = true;
    }
    if (HEADINGS.has(tag) && headlineParts.length < 24) headlineParts.push(squash(el.textContent, 300));

    if ((tag === 'input' || tag === 'select' || tag === 'textarea') && fields.length < LIMITS.fields) {
      const declared = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
      // A masked text field is a password box to the shopper, whatever its declared type.
      const type = MASKABLE.has(declared) && isMasked(el) ? 'password' : declared;
      if (type === 'hidden' || type === 'submit' || type === 'button' || type === 'image' || type === 'reset') {
        // not a field a shopper types into
      } else {
        const form = el.closest('form');
        const label = fieldLabel(el, labels);
        const path = pathOf(frame);
        const field: PackedSnapshot['fields'][number] = {
          type: clip(type, 40),
          name: clip((el.getAttribute('name') ?? el.getAttribute('id') ?? '').toLowerCase(), 200),
          autocomplete: clip((el.getAttribute('autocomplete') ?? '').toLowerCase(), 100),
          label,
          path,
          formAction: form ? clip(resolve(form.getAttribute('action') ?? '', url), 2000) : '',
        };
        // A field whose selector starts from its own id names no parent: the parent is kept beside it.
        if (paths.parent[path] === -1 && frame.parent?.el) field.parentPath = pathOf(frame.parent);
        if (el.closest(HEADER_OR_MENU)) field.inHeader = true;
        // The browser's reading of the maxlength attribute (-1 without a valid one); only short limits say anything.
        const maxLength = tag === 'input' ? (el as HTMLInputElement).maxLength : -1;
        if (Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 99) field.maxLength = maxLength;
        // A bare box: what it asks for may be said only by the text just before it.
        if (!label && CODE_BOX_TYPES.has(type) && blocks.text.length > 0) field.blockBefore = blocks.text.length - 1;
        fields.push(field);
        if (type === 'radio' || type === 'checkbox') {
          const text = label || squash(el.parentElement?.textContent, 300).toLowerCase();
          if (text && options.text.length < LIMITS.options) addOption(text, pathOf(frame));
        }
      }
    } else if (tag === 'form' && forms.length < LIMITS.forms) {
      const form: PackedSnapshot['forms'][number] = {
        action: clip(resolve(el.getAttribute('action') ?? '', url), 2000),
        method: clip((el.getAttribute('method') ?? 'get').toLowerCase(), 20),
        path: pathOf(frame),
      };
      forms.push(form);
      formElements.push(el);
      openForms.push({ frame, form, blocks: blocks.text.length, options: options.text.length });
    } else if (tag === 'a' && links.length < LIMITS.links) {
      const href = el.getAttribute('href');
      if (href) links.push({ href: clip(resolve(href, url) || href, 2000), text: squash(el.textContent, 200) });
    } else if ((tag === 'option' || tag === 'button') && options.text.length < LIMITS.options) {
      const t = squash(el.textContent, 300);
      if (t) addOption(t, pathOf(frame));
    }
  }

  /**
   * A submit button's formaction overrides its form's action: the form then also goes there. Read
   * for the buttons found by the query of each root whose form the walk has recorded; idempotent,
   * so packed() may be asked more than once.
   */
  function noteButtonActions(): void {
    for (const b of actionButtons) {
      const type = (b.getAttribute('type') ?? '').toLowerCase();
      // A <button> submits unless its type says button or reset; an <input> only as submit or image.
      const submits = b.localName === 'button' ? type !== 'button' && type !== 'reset' : type === 'submit' || type === 'image';
      if (!submits) continue;
      const owner = (b as HTMLButtonElement).form ?? b.closest('form');
      const k = owner ? formElements.indexOf(owner) : -1;
      const form = forms[k];
      if (!form) continue;
      const action = clip(resolve(b.getAttribute('formaction') ?? '', url), 2000);
      if (!action || action === form.action) continue;
      const list = form.buttonActions ?? [];
      if (list.includes(action) || list.length >= LIMITS.buttonActions) continue;
      list.push(action);
      form.buttonActions = list;
    }
  }

  function packed(): PackedSnapshot {
    noteButtonActions();
    // A form the walk is still in (it stopped or paused there) holds everything read since it began.
    for (const open of openForms) readSoFar(open);
    return {
      url: clip(url, 4000),
      title: squash(doc.title, 500),
      lang: clip(doc.documentElement?.getAttribute('lang') ?? '', 40),
      headline: squash(headlineParts.join(' · '), 4000),
      paths,
      blocks,
      fields,
      forms,
      links,
      options,
      stats: { elements, textTruncated: truncated },
    };
  }

  function giveUp(): void {
    if (!done) truncated = true;
    done = true;
  }

  return { step, giveUp, packed };
}
