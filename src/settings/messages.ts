/**
 * Strict-mode messages the background accepts (added to BackgroundMessage in
 * src/messages.ts). Only a tab's top-frame content script may send them; the
 * background takes the site and verdict from the browser (sender.url) and its
 * own stored result, never from the message. Strict objects: extra keys → dropped.
 */
import { z } from 'zod';

/** "What should strict mode do on this page?" — asked once after the verdict arrives. */
export const StrictPlanMessage = z.strictObject({ type: z.literal('strict-plan') });
/** The PIN typed into the cover or the field lock. */
export const VerifyPinMessage = z.strictObject({
  type: z.literal('verify-pin'),
  pin: z.string().max(64),
  purpose: z.enum(['continue', 'unlock-fields']),
});
/** Things the page-side UI did without a PIN, for the activity log. */
export const LogEventMessage = z.strictObject({ type: z.literal('log-event'), action: z.enum(['went-back', 'continued']) });

export const StrictMessages = [StrictPlanMessage, VerifyPinMessage, LogEventMessage] as const;

/** How the cover / field lock may be lifted: without the PIN, with it, or not at all (no PIN set). */
export const GATES = ['free', 'pin', 'never'] as const;
export type Gate = (typeof GATES)[number];

export interface StrictPlan {
  /** Cover the page with the full-page warning. */
  cover: boolean;
  /** Lock password, one-time-code and payment fields. */
  lockFields: boolean;
  continueGate: Gate;
  fieldsGate: Gate;
  /** The parent trusts this site: no cover, no lock. */
  trusted: boolean;
  verdict: string;
}

export type VerifyReply = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'no-pin' | 'invalid' | 'refused'; retryInMs: number };
