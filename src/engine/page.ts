/**
 * Helpers detectors share for reading a PageSnapshot: which form a field is
 * in, the text around a field, sentences, and negated sentences ("we never
 * ask for a bank transfer"). Pure functions over plain data.
 */
import type { VocabList } from '../data';
import { MAY_HOLD_LETTER, NO_TEXT, digitShape, findTerm, listByDigits, listMatcher, listNeedsLetter, normalize, type Normalized, type TermMatcher } from './terms';
import type { Field, Form, PageSnapshot, TextBlock } from './types';

/** Label and name of a field, normalised, with name separators read as spaces. */
export function fieldText(f: Field): Normalized {
  return normalize(`${f.label} ${f.name.replace(/[_\-.[\]]/g, ' ')}`);
}

/**
 * The label of a field that has none of its own: the <label> element paired
 * with it by position ("<label>Code</label><input>" repeated), found by the
 * matching nth-of-type selector of a sibling label block.
 */
export function pairedLabel(snap: PageSnapshot, f: Field): string {
  const m = /^(.*?)(?:input|select|textarea):nth-of-type\((\d+)\)$/.exec(f.selector);
  if (!m) return '';
  const parent = m[1] ?? '';
  const n = Number(m[2]);
  const same = snap.fields.filter((x) => x.selector.startsWith(parent) && !x.selector.slice(parent.length).includes(' > '));
  const index = same.findIndex((x) => x.selector === f.selector);
  for (const sel of [`${parent}label:nth-of-type(${n})`, `${parent}label:nth-of-type(${index + 1})`]) {
    const b = snap.blocks.find((x) => x.selector === sel);
    if (b) return normalize(b.text);
  }
  return '';
}

/** The parent path of a CSS path, `levels` steps up ('' when there is none). */
export function ancestorPath(selector: string, levels: number): string {
  const parts = selector.split(' > ');
  if (parts.length <= levels) return parts.length > 1 ? (parts[0] ?? '') : '';
  return parts.slice(0, parts.length - levels).join(' > ');
}

/**
 * The path `levels` steps above a field (1: its parent, 2: its grandparent), from the parent kept
 * beside it when its own selector names none (Field.parent: a field with an id); '' when it is not
 * known (the parent's own selector starts from its id).
 */
export function aboveField(f: Field, levels: 1 | 2): string {
  if (f.parent === undefined) return ancestorPath(f.selector, levels);
  return levels === 1 ? f.parent : ancestorPath(f.parent, 1);
}

/** The form a field belongs to, when the snapshot lets us tell. */
export function formOf(snap: PageSnapshot, f: Field): Form | null {
  if (!f.formAction) return null;
  const same = snap.forms.filter((x) => x.action === f.formAction);
  if (same.length <= 1) return same[0] ?? null;
  return same.find((x) => f.selector.startsWith(`${x.selector} > `)) ?? same[0] ?? null;
}

/** Fields that share a form with `f` (or, without a form, that sit under the same ancestor). */
export function siblingsOf(snap: PageSnapshot, f: Field): Field[] {
  if (f.formAction) return snap.fields.filter((x) => x.formAction === f.formAction);
  const near = aboveField(f, 2);
  if (!near || !near.includes(' > ')) return [f];
  return snap.fields.filter((x) => !x.formAction && x.selector.startsWith(`${near} > `));
}

/** A path that stands for the whole page: the body, or a top-level main. */
function isPageRoot(path: string): boolean {
  return /^body[:#]|^body$|^main[:#]?[^>]*$/.test(path) && !path.includes(' > ');
}

/** The selector prefix of a field's container: its form, or (without a form) its grandparent — never the whole body. */
function prefixNear(form: Form | null, f: Field): string | null {
  if (form) return `${form.selector} > `;
  const up = aboveField(f, 2);
  if (!up || isPageRoot(up)) return null;
  return `${up} > `;
}

/**
 * The text right beside a field: the first `max` blocks in its own parent (none when the parent
 * is the page itself), normalised. A box at the top of the page ("<div><span>TikTok password</span>
 * <input type=password></div>") has no container for contextOf() to read, but it names the field.
 */
export function besideText(snap: PageSnapshot, f: Field, max = 10): Normalized {
  const parent = aboveField(f, 1);
  if (!parent || isPageRoot(parent)) return NO_TEXT;
  // The parent is the field's form or inside it: its text is among the form's.
  const form = formOf(snap, f);
  const within = form && (parent === form.selector || parent.startsWith(`${form.selector} > `)) ? form.inside?.blocks : undefined;
  return normalize(under(snap.blocks, `${parent} > `, max, within).map((b) => b.text).join(' · '));
}

/** Characters of the text before a bare box read as what it asks for: a prompt, not a page of prose. */
const MAX_TEXT_BEFORE = 300;

/**
 * The text just before a bare box (Field.blockBefore), when it sits in the box's own container,
 * its parent, grandparent or form (never the whole page), normalised, without the sentences that warn or
 * deny ("we never ask for your code"): what "Enter the 6-digit code we sent you" above an unnamed
 * input asks for. '' when there is none, or it is long prose.
 */
export function textBefore(snap: PageSnapshot, f: Field): Normalized {
  const b = f.blockBefore === undefined ? undefined : snap.blocks[f.blockBefore];
  if (!b || b.text.length > MAX_TEXT_BEFORE) return NO_TEXT;
  // A box with an id has a selector of its own ("input#code") and no path to its parents: the parent kept beside it
  // (Field.parent) and its form stand in.
  const containers = [aboveField(f, 1), aboveField(f, 2), formOf(snap, f)?.selector ?? ''];
  const inside = containers.some((up) => up !== '' && !isPageRoot(up) && b.selector.startsWith(`${up} > `));
  if (!inside) return NO_TEXT;
  return normalize(sentences(b.text).filter((x) => !isNegated(x)).join(' · '));
}

/**
 * The first `max` items under `prefix` (none without one), looked for in `within` (a form's range
 * of them, Form.inside) when known, else among all: a plain loop over every block of the page.
 */
function under(items: readonly TextBlock[], prefix: string | null, max: number, within?: readonly [number, number]): TextBlock[] {
  const out: TextBlock[] = [];
  if (prefix === null) return out;
  const end = within ? Math.min(within[1], items.length) : items.length;
  for (let i = within ? within[0] : 0; i < end && out.length < max; i++) {
    const b = items[i] as TextBlock;
    if (b.selector.startsWith(prefix)) out.push(b);
  }
  return out;
}

/** Everything that says what a field is for: its own label, its form's fields, text and options, normalised. */
export function contextOf(snap: PageSnapshot, f: Field): Normalized {
  const form = formOf(snap, f);
  const prefix = prefixNear(form, f);
  const parts = [
    fieldText(f),
    ...siblingsOf(snap, f).map(fieldText),
    ...under(snap.blocks, prefix, 40, form?.inside?.blocks).map((b) => b.text),
    ...under(snap.options, prefix, 10, form?.inside?.options).map((o) => o.text),
  ];
  return normalize(parts.join(' · '));
}

/** Split text into sentences (., !, ?, ;, •, and line-like separators). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|[•|\n]+|\s[–—-]\s/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The sentence warns against or denies something ("we never ask…", "beware of…"). */
export function isNegated(sentence: string): boolean {
  return isNegatedNormalised(normalize(sentence));
}

/** isNegated() for a sentence already normalised. */
function isNegatedNormalised(normalised: Normalized): boolean {
  return listMatcher('negationWords').test(normalised);
}

export interface SentenceHit {
  block: TextBlock;
  sentence: string;
  term: string;
}

const normalizedCache = new WeakMap<PageSnapshot, Normalized[]>();

/** The page's text blocks, normalised once per snapshot. */
export function normalizedBlocks(snap: PageSnapshot): Normalized[] {
  let n = normalizedCache.get(snap);
  if (!n) normalizedCache.set(snap, (n = snap.blocks.map((b) => normalize(b.text))));
  return n;
}

const letteredCache = new WeakMap<PageSnapshot, number[]>();

/**
 * Indices of the blocks whose normalised text may hold a letter (MAY_HOLD_LETTER),
 * once per snapshot: on a shop page about half the blocks are prices and sizes
 * ("$0.50", "1,000"), which no word list can match.
 */
export function letteredBlocks(snap: PageSnapshot): readonly number[] {
  let idx = letteredCache.get(snap);
  if (!idx) {
    idx = [];
    const norm = normalizedBlocks(snap);
    for (let i = 0; i < norm.length; i++) if (MAY_HOLD_LETTER.test(norm[i] ?? NO_TEXT)) idx.push(i);
    letteredCache.set(snap, idx);
  }
  return idx;
}

/** Indices of the blocks that may hold a term of `list`: only lettered ones when every term has a letter. */
export function blocksThatMayHold(snap: PageSnapshot, list: VocabList): readonly number[] {
  return listNeedsLetter(list) ? letteredBlocks(snap) : snap.blocks.map((_, i) => i);
}

const sameTextCache = new WeakMap<PageSnapshot, Int32Array>();

/**
 * For each block, the first block with the same normalised text (itself when no earlier one has
 * it), once per snapshot: a shop repeats its labels ("Buy now" on every card), and blockHolds()
 * searches each distinct text once per list. Only blocks that may hold a letter are compared: the
 * others are prices and sizes ("$9.99", "1,000"), mostly each different, which no list with
 * letters in every term reads; each stands for itself.
 */
function firstWithText(snap: PageSnapshot): Int32Array {
  let first = sameTextCache.get(snap);
  if (!first) {
    const norm = normalizedBlocks(snap);
    const seen = new Map<string, number>();
    first = new Int32Array(norm.length);
    for (let i = 0; i < norm.length; i++) first[i] = i;
    for (const i of letteredBlocks(snap)) {
      const t = norm[i] as string;
      const j = seen.get(t);
      if (j === undefined) seen.set(t, i);
      else first[i] = j;
    }
    sameTextCache.set(snap, first);
  }
  return first;
}

const sameShapeCache = new WeakMap<PageSnapshot, Int32Array>();

/**
 * firstWithText(), with texts that differ only in their ASCII digits counted as one ("100 coins",
 * "250 coins"): for the terms without digits (listByDigits). On the 5,000-element shop the
 * 842 distinct texts with a letter are 12 such shapes. Each distinct text's shape is made once.
 */
function firstWithShape(snap: PageSnapshot): Int32Array {
  let shape = sameShapeCache.get(snap);
  if (!shape) {
    const norm = normalizedBlocks(snap);
    const first = firstWithText(snap);
    const seen = new Map<string, number>();
    shape = first.slice();
    for (const i of letteredBlocks(snap)) {
      const j = first[i] as number;
      if (j !== i) {
        shape[i] = shape[j] as number;
        continue;
      }
      const key = digitShape(norm[i] as string);
      const k = seen.get(key);
      if (k === undefined) seen.set(key, i);
      else shape[i] = k;
    }
    sameShapeCache.set(snap, shape);
  }
  return shape;
}

const blockAnswers: AnswerCache = new WeakMap();

/**
 * "Does block i's normalised text hold a term of `list`?" (listMatcher(list).test). The list's
 * terms without digits are searched once per shape of text (firstWithShape); its terms with digits
 * ("only 3 left", "2fa") as shapes first, once per shape, then as they are, once per distinct text
 * whose shape held one (listByDigits). The answers are kept for the snapshot, so a repeated label
 * is searched once.
 */
export function blockHolds(snap: PageSnapshot, list: VocabList): (i: number) => boolean {
  const { words, numbered } = listByDigits(list);
  const norm = normalizedBlocks(snap);
  const byWords = keptAnswers(blockAnswers, snap, norm, words, firstWithShape(snap), false);
  if (!numbered) return byWords;
  const mayHoldNumbered = keptAnswers(blockAnswers, snap, norm, numbered.shapes, firstWithShape(snap), true);
  const byNumbered = keptAnswers(blockAnswers, snap, norm, numbered.terms, firstWithText(snap), false);
  return (i) => byWords(i) || (mayHoldNumbered(i) && byNumbered(i));
}

const optionsCache = new WeakMap<PageSnapshot, Normalized[]>();

/** The page's option labels, normalised once per snapshot (as normalizedBlocks does for blocks). */
export function normalizedOptions(snap: PageSnapshot): Normalized[] {
  let n = optionsCache.get(snap);
  if (!n) optionsCache.set(snap, (n = snap.options.map((o) => normalize(o.text))));
  return n;
}

const sameOptionCache = new WeakMap<PageSnapshot, Int32Array>();
const optionAnswers: AnswerCache = new WeakMap();

/**
 * "Does option i's normalised label hold a term of `m`?" (m.test), searched once per distinct
 * label and kept for the snapshot: a shop has a "Buy now" button on every card.
 */
export function optionHolds(snap: PageSnapshot, m: TermMatcher): (i: number) => boolean {
  const norm = normalizedOptions(snap);
  let first = sameOptionCache.get(snap);
  if (!first) {
    first = new Int32Array(norm.length);
    const seen = new Map<string, number>();
    for (let i = 0; i < norm.length; i++) {
      const t = norm[i] as string;
      const j = seen.get(t);
      if (j === undefined) seen.set(t, i);
      first[i] = j ?? i;
    }
    sameOptionCache.set(snap, first);
  }
  return keptAnswers(optionAnswers, snap, norm, m, first, false);
}

/** Answers per snapshot and matcher, by index: 0 not searched yet, 1 holds a term, 2 holds none. */
type AnswerCache = WeakMap<PageSnapshot, Map<TermMatcher, Int8Array>>;

/**
 * Item i's answer from `m`, asked of the text `first[i]` stands for (of its digit shape when
 * `asShape`), and kept in `cache` per snapshot and matcher.
 */
function keptAnswers(
  cache: AnswerCache,
  snap: PageSnapshot,
  texts: readonly Normalized[],
  m: TermMatcher,
  first: Int32Array,
  asShape: boolean,
): (i: number) => boolean {
  let byMatcher = cache.get(snap);
  if (!byMatcher) cache.set(snap, (byMatcher = new Map()));
  let known = byMatcher.get(m);
  if (!known) byMatcher.set(m, (known = new Int8Array(texts.length)));
  const kept = known;
  return (i) => {
    const j = first[i] ?? i;
    let a = kept[j] ?? 0;
    if (a === 0) {
      const t = texts[j] ?? NO_TEXT;
      kept[j] = a = m.test(asShape ? (digitShape(t) as Normalized) : t) ? 1 : 2;
    }
    return a === 1;
  };
}

/** Non-negated sentences of the page's blocks that contain a term of `list`. */
export function* sentencesWith(snap: PageSnapshot, list: VocabList): Generator<SentenceHit> {
  const holds = blockHolds(snap, list);
  const may = blocksThatMayHold(snap, list);
  // An index loop: a for-of inside a generator allocates an iterator result for every block (about
  // 30 bytes each, 11 lists over every lettered block of a shop).
  for (let k = 0; k < may.length; k++) {
    const i = may[k] as number;
    const block = snap.blocks[i] as TextBlock;
    if (!holds(i)) continue;
    for (const s of sentences(block.text)) {
      const n = normalize(s);
      const term = findTerm(list, n);
      if (term && !isNegatedNormalised(n)) yield { block, sentence: s, term };
    }
  }
}
