import { z } from 'zod';
import { LIMITS, MAX_SELECTOR } from './limits';

/** The five verdicts. Stable contract: see README "Verdicts". */
export const VERDICTS = ['danger', 'caution', 'ok', 'official', 'none'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How much a signal weighs on its own: `good` lowers the risk score. */
export const SEVERITIES = ['danger', 'caution', 'good'] as const;
export type Severity = (typeof SEVERITIES)[number];

const text = (max: number) => z.string().max(max);

/** One piece of evidence: what was seen, and where (a CSS selector for "Show me"). */
export const EvidenceSchema = z.object({
  text: text(500),
  selector: text(MAX_SELECTOR).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Indices [start, end) into a list of at most `max` items. */
const indexRange = (max: number) => z.tuple([z.number().int().min(0).max(max), z.number().int().min(0).max(max)]);

/** A form field as read from the page. */
export const FieldSchema = z.object({
  type: text(40),
  name: text(200),
  autocomplete: text(100),
  /** Visible label, placeholder or aria-label, lower-cased and trimmed. */
  label: text(300),
  selector: text(MAX_SELECTOR),
  /** Action URL of the enclosing form, resolved against the page; '' when none. */
  formAction: text(2000),
  /** The input's maxlength, when it is a short one (1–99): one-character boxes make up a split code. */
  maxLength: z.number().int().min(1).max(99).optional(),
  /**
   * For a text, tel or number field with no label of its own: the index in `blocks` of the last
   * text before it in page order ("Enter the 6-digit code we sent you" above a bare box).
   */
  blockBefore: z.number().int().min(0).max(LIMITS.blocks - 1).optional(),
  /**
   * The selector of the field's parent element, when the field's own selector names none: a field
   * with an id has the selector `input#pw`, so the text beside it ("TikTok password" in the same
   * box) could not be found from it.
   */
  parent: text(MAX_SELECTOR).optional(),
  /**
   * The field sits in the page's header or menu (a header or nav element, or role banner or
   * navigation, around it): where a shop keeps its own sign-in box. Read from the DOM, since a
   * selector stops at the nearest id (`form#login > input…` names no header around the form).
   */
  inHeader: z.literal(true).optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const FormSchema = z.object({
  action: text(2000),
  method: text(20),
  selector: text(MAX_SELECTOR),
  /**
   * Where the form's submit buttons send it instead of `action` (their formaction, resolved against
   * the page), when that differs: `<button formaction="http://…">` in an https form sends it there.
   */
  buttonActions: z.array(text(2000)).max(LIMITS.buttonActions).optional(),
  /**
   * The text blocks and options read inside the form, as index ranges [start, end) into `blocks`
   * and `options`: the walk reads a form's content in one run. A field's context then reads its
   * form's text without testing the selector of every block on the page. Without it, it does.
   */
  inside: z.object({ blocks: indexRange(LIMITS.blocks), options: indexRange(LIMITS.options) }).optional(),
});
export type Form = z.infer<typeof FormSchema>;

/** A block of visible text with the element it came from. */
export const TextBlockSchema = z.object({
  text: text(2000),
  selector: text(MAX_SELECTOR),
  /** The text is struck through (an old price). */
  struck: z.boolean().optional(),
});
export type TextBlock = z.infer<typeof TextBlockSchema>;

export const LinkSchema = z.object({ href: text(2000), text: text(200) });
export type Link = z.infer<typeof LinkSchema>;

/**
 * Everything the detectors read, extracted from the DOM in one bounded pass.
 * It is plain data: the content script sends it to the background, the scan
 * command builds it from a file, and detectors never touch a DOM.
 */
export const PageSnapshotSchema = z.object({
  url: text(4000),
  title: text(500),
  lang: text(40),
  /** Text of title, meta description, headings: what the page says it is. */
  headline: text(4000),
  blocks: z.array(TextBlockSchema).max(5000),
  fields: z.array(FieldSchema).max(500),
  forms: z.array(FormSchema).max(200),
  links: z.array(LinkSchema).max(2000),
  /** Option/radio/button labels of package pickers, in page order. */
  options: z.array(TextBlockSchema).max(2000),
  /** Counts for structure-based signals. */
  stats: z.object({
    elements: z.number().int().nonnegative(),
    textTruncated: z.boolean(),
  }),
});
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;

/** Most selector paths a packed snapshot holds: one per element the walk may visit, and one per shadow root. */
export const MAX_PATHS = LIMITS.elements + LIMITS.nestedRoots;
const pathRef = z.number().int().nonnegative();

/**
 * A PageSnapshot as the content script sends it (src/engine/packed.ts): each
 * selector is a path in one table, a parent path and one more part, so the
 * long shared beginnings ("body > main > section:nth-of-type(2) > …") cross
 * the message channel once instead of once per block. On a 5,000-element shop
 * selectors were 70% of the message, and the browser's copy of it cost the
 * page about 13 ms.
 */
export const PackedSnapshotSchema = PageSnapshotSchema.extend({
  paths: z.object({
    /** The parent path of each path (a smaller index), or -1: the part is the whole selector. */
    parent: z.array(z.number().int().min(-1)).max(MAX_PATHS),
    part: z.array(text(MAX_SELECTOR)).max(MAX_PATHS),
    /**
     * When given, one per path: above 0, the part is a tag name and the path's last part is
     * `${part}:nth-of-type(${nth})`, written out by unpackSnapshot(); 0, the part is whole. The walk
     * sends the tag and the number, so the page builds no selector text.
     */
    nth: z.array(z.number().int().nonnegative()).max(MAX_PATHS).optional(),
  }),
  /**
   * The text blocks as columns: block i is `text[i]` at path `path[i]`, struck through when i is in
   * `struck`. Arrays of strings and numbers cross the message channel for less than as many small
   * objects: on the 5,000-element shop, about 3 of 6–9 ms of the page's time to send (item 58).
   */
  blocks: z
    .object({ text: z.array(text(2000)).max(5000), path: z.array(pathRef).max(5000), struck: z.array(z.number().int().nonnegative()).max(5000) })
    .refine((b) => b.path.length === b.text.length && b.struck.every((i) => i < b.text.length), { message: 'one path per block, struck blocks among them' }),
  fields: z.array(FieldSchema.omit({ selector: true, parent: true }).extend({ path: pathRef, parentPath: pathRef.optional() })).max(500),
  forms: z.array(FormSchema.omit({ selector: true }).extend({ path: pathRef })).max(200),
  /** The options as columns, as the blocks. */
  options: z
    .object({ text: z.array(text(2000)).max(2000), path: z.array(pathRef).max(2000) })
    .refine((o) => o.path.length === o.text.length, { message: 'one path per option' }),
});
export type PackedSnapshot = z.infer<typeof PackedSnapshotSchema>;

/** A coin package read from the page and compared with the official catalogue. */
export interface PriceEntry {
  units: number;
  unit: string;
  price: number;
  currency: string;
  per100: number;
  /** Official price per 100 units in the page's currency; null when the catalogue has none. */
  officialPer100: number | null;
  /** Percent difference against the official price (negative = cheaper); null when unknown. */
  diffPercent: number | null;
  selector?: string;
}

export interface Signal {
  id: string;
  severity: Severity;
  evidence: Evidence[];
}

export interface ScanResult {
  url: string;
  verdict: Verdict;
  score: number;
  /** Platform the page sells for or impersonates (e.g. "tiktok"), when known. */
  platform: string | null;
  signals: Signal[];
  prices: PriceEntry[];
}
