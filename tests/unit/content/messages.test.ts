import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isProbeFrames, isRescan, isVerdictReply, parseHighlight } from '../../../src/content-messages';
import { HighlightMessage, ScanResultSchema } from '../../../src/messages';

const good = {
  url: 'https://x.example/',
  verdict: 'danger',
  score: 9,
  platform: 'tiktok',
  signals: [{ id: 'credential-fields', severity: 'danger', evidence: [{ text: 'password', selector: 'input#p' }] }],
  prices: [{ units: 1000, unit: 'coins', price: 1.49, currency: 'USD', per100: 0.149, officialPer100: 1.09, diffPercent: -86 }],
};

describe('content-script message checks agree with the zod schemas', () => {
  test('a real verdict passes', () => {
    expect(isVerdictReply(good)).toBe(true);
    expect(ScanResultSchema.safeParse(good).success).toBe(true);
  });

  test.each([
    ['null', null],
    ['a string', 'danger'],
    ['unknown verdict', { ...good, verdict: 'safe' }],
    ['score NaN', { ...good, score: Number.NaN }],
    ['score Infinity', { ...good, score: Infinity }],
    ['platform missing', { ...good, platform: undefined }],
    ['signals not an array', { ...good, signals: {} }],
    ['bad severity', { ...good, signals: [{ id: 'x', severity: 'fatal', evidence: [] }] }],
    ['evidence too long', { ...good, signals: [{ id: 'x', severity: 'danger', evidence: [{ text: 'x'.repeat(501) }] }] }],
    ['price without currency', { ...good, prices: [{ units: 1, unit: 'c', price: 1, per100: 1, officialPer100: null, diffPercent: null }] }],
  ])('rejects %s', (_name, raw) => {
    expect(isVerdictReply(raw)).toBe(false);
    expect(ScanResultSchema.safeParse(raw).success).toBe(false);
  });

  test('on arbitrary mutations of a verdict, accepts only what the schema accepts', () => {
    const anyValue = fc.oneof(fc.constant(null), fc.string(), fc.double(), fc.boolean(), fc.constant(undefined), fc.array(fc.string()), fc.object());
    const key = fc.constantFrom('url', 'verdict', 'score', 'platform', 'signals', 'prices');
    fc.assert(
      fc.property(key, anyValue, (k, v) => {
        const raw = { ...good, [k]: v };
        // The content-side check may be stricter than the schema, never looser.
        if (isVerdictReply(raw)) expect(ScanResultSchema.safeParse(raw).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('highlight requests', () => {
    for (const raw of [{ type: 'highlight', selector: 'p' }, { type: 'highlight', selector: '' }, { type: 'highlight', selector: 'x'.repeat(1001) }, { type: 'other', selector: 'p' }, null, 7]) {
      expect(parseHighlight(raw) !== null, JSON.stringify(raw)?.slice(0, 40)).toBe(HighlightMessage.safeParse(raw).success);
    }
  });
});

describe('the background’s nudges about cross-origin frames', () => {
  test('exactly {type:"rescan"} and {type:"probe-frames"} are accepted, each by its own check', () => {
    expect(isRescan({ type: 'rescan' })).toBe(true);
    expect(isProbeFrames({ type: 'probe-frames' })).toBe(true);
    expect(isRescan({ type: 'probe-frames' })).toBe(false);
    expect(isProbeFrames({ type: 'rescan' })).toBe(false);
  });
  test('anything else is refused: extra keys, arrays, strings, null', () => {
    for (const raw of [{ type: 'rescan', selector: 'body' }, [{ type: 'rescan' }], 'rescan', null, undefined, { type: 'probe-frames', all: true }]) {
      expect(isRescan(raw)).toBe(false);
      expect(isProbeFrames(raw)).toBe(false);
    }
  });
});
