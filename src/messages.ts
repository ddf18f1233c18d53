/**
 * Every message between content script, background and popup, as zod
 * schemas. Receivers parse with these and drop anything that does not fit.
 */
import { z } from 'zod';
import { MAX_SELECTOR } from './engine/limits';
import { EvidenceSchema, PackedSnapshotSchema, SEVERITIES, VERDICTS } from './engine/types';
import { WORD_MAX, WORDS_MAX } from './ui/page-words';
// Parents' strict mode (issue 5): strict-plan, verify-pin, log-event — see src/settings/messages.ts.
import { StrictMessages } from './settings/messages';

// Messages are parsed with strict objects: a message carrying anything we did not ask for (an extra
// megabyte-long string, a `__proto__` or `constructor` key) is malformed and dropped, not trimmed and acted on.
// Snapshots travel packed (src/engine/packed.ts); the router unpacks them.
export const SnapshotMessage = z.strictObject({ type: z.literal('snapshot'), snapshot: PackedSnapshotSchema });
/**
 * A cross-origin frame with a secret field, as read inside that frame by entrypoints/frame-probe.ts.
 * The background merges it into its tab's verdict (src/engine/frames.ts).
 */
export const FrameSnapshotMessage = z.strictObject({ type: z.literal('frame-snapshot'), snapshot: PackedSnapshotSchema });
/** The content script found the page is (no longer) a coin shop, e.g. after SPA navigation. */
export const ClearMessage = z.strictObject({ type: z.literal('clear') });
/** Tab ids are positive 32-bit integers in both browsers. */
export const GetResultMessage = z.strictObject({ type: z.literal('get-result'), tabId: z.number().int().nonnegative().max(2 ** 31 - 1) });
export const HighlightMessage = z.strictObject({ type: z.literal('highlight'), selector: z.string().min(1).max(MAX_SELECTOR) });

/** Messages the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [SnapshotMessage, FrameSnapshotMessage, ClearMessage, GetResultMessage, ...StrictMessages]);
/**
 * Who may send each background message: `page` = the top frame of a web page
 * in a tab (our content script), `frame` = a frame inside a web page in a tab
 * (the frame probe), `extension` = one of our own pages (popup, options).
 * Every message type must be listed; the router drops a message
 * from anyone else. Adding a type to BackgroundMessage without an entry here
 * is a type error.
 */
export const MESSAGE_SENDERS: Record<z.infer<typeof BackgroundMessage>['type'], 'page' | 'frame' | 'extension'> = {
  snapshot: 'page',
  'frame-snapshot': 'frame',
  clear: 'page',
  'get-result': 'extension',
  // Parents' strict mode (issue 5): asked by the content script's cover and field lock.
  'strict-plan': 'page',
  'verify-pin': 'page',
  'log-event': 'page',
};
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;


export const PriceEntrySchema = z.object({
  units: z.number(),
  unit: z.string(),
  price: z.number(),
  currency: z.string(),
  per100: z.number(),
  officialPer100: z.number().nullable(),
  diffPercent: z.number().nullable(),
  selector: z.string().optional(),
});

export const ScanResultSchema = z.object({
  url: z.string(),
  verdict: z.enum(VERDICTS),
  score: z.number(),
  platform: z.string().nullable(),
  signals: z.array(z.object({ id: z.string(), severity: z.enum(SEVERITIES), evidence: z.array(EvidenceSchema) })),
  prices: z.array(PriceEntrySchema),
});

/**
 * The page's words sent with a verdict (src/ui/page-words.ts). The content script's own check,
 * parseWords in src/content-messages.ts, mirrors it (tests/unit/ui/page-words.test.ts).
 */
export const PageWordsSchema = z
  .record(z.string().max(100), z.string().max(WORD_MAX))
  .refine((w) => Object.keys(w).length <= WORDS_MAX, { message: `at most ${WORDS_MAX} words` });
