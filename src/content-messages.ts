/**
 * The content script's side of messaging, in zod/mini (a few KB) because the
 * content script is loaded on every page. Full schemas live in messages.ts.
 */
import * as z from 'zod/mini';

export const HighlightMessage = z.object({
  type: z.literal('highlight'),
  selector: z.string().check(z.minLength(1), z.maxLength(1000)),
});

/** The part of a ScanResult the badge shows. */
export const VerdictReply = z.object({
  url: z.string(),
  verdict: z.enum(['danger', 'caution', 'ok', 'official', 'none']),
  score: z.number(),
  platform: z.nullable(z.string()),
  signals: z.array(
    z.object({
      id: z.string(),
      severity: z.enum(['danger', 'caution', 'good']),
      evidence: z.array(z.object({ text: z.string(), selector: z.optional(z.string()) })),
    }),
  ),
  prices: z.array(z.any()),
});
