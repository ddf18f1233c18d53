/**
 * Every message between content script, background and popup, as zod
 * schemas. Receivers parse with these and drop anything that does not fit.
 */
import { z } from 'zod';
import { EvidenceSchema, PageSnapshotSchema, SEVERITIES, VERDICTS } from './engine/types';

export const SnapshotMessage = z.object({ type: z.literal('snapshot'), snapshot: PageSnapshotSchema });
/** The content script found the page is (no longer) a coin shop, e.g. after SPA navigation. */
export const ClearMessage = z.object({ type: z.literal('clear') });
export const GetResultMessage = z.object({ type: z.literal('get-result'), tabId: z.number().int().nonnegative() });
export const HighlightMessage = z.object({ type: z.literal('highlight'), selector: z.string().min(1).max(1000) });

/** Messages the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [SnapshotMessage, ClearMessage, GetResultMessage]);
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
