/**
 * Merging cross-origin frames into the top page's snapshot (src/engine/frames.ts):
 * what the detectors then see, and where "Show me" points.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { FRAME_SEPARATOR, frameOriginOf, frameSelector, mergeFrames, topSelector } from '../../../src/engine/frames';
import { FRAME_ORIGIN as FRAME, emptySnapshot as snap, loginFrame as login, shopTop as top } from '../helpers/frame-fixtures';

describe('mergeFrames', () => {
  test('a frame’s fields, forms and text join the page, under a prefix naming the frame', () => {
    const merged = mergeFrames(top, [{ origin: FRAME, snapshot: login }]);
    expect(merged.fields.map((f) => f.selector)).toEqual(login.fields.map((f) => `iframe[src^="${FRAME}"]${FRAME_SEPARATOR}${f.selector}`));
    expect(merged.forms[0]?.selector).toBe(`iframe[src^="${FRAME}"] >>> body > form:nth-of-type(1)`);
    expect(merged.blocks.map((b) => b.text)).toEqual([top.blocks[0]?.text, login.blocks[0]?.text]);
    expect(merged.stats).toEqual({ elements: 17, textTruncated: true });
    // The top snapshot is left as it was.
    expect(top.fields).toEqual([]);
  });

  test('the verdict changes because of the frame: none on its own, danger with the TikTok password box', () => {
    expect(analyze(top).verdict).toBe('none');
    const result = analyze(mergeFrames(top, [{ origin: FRAME, snapshot: login }]));
    expect(result.verdict).toBe('danger');
    const cred = result.signals.find((s) => s.id === 'credential-fields');
    expect(cred?.evidence[0]?.text).toMatch(/tiktok password.* — in a frame from checkout-frame\.example$/);
    expect(topSelector(cred?.evidence[0]?.selector ?? '')).toBe(`iframe[src^="${FRAME}"]`);
  });

  test('a frame from the page’s own origin is skipped: the page’s snapshot already read it', () => {
    expect(mergeFrames(top, [{ origin: 'https://coincorner.example', snapshot: login }])).toBe(top);
  });

  test('merged lists stay inside the snapshot schema’s caps', () => {
    const many = snap(`${FRAME}/x`, {
      fields: Array.from({ length: 400 }, (_, i) => ({ type: 'text', name: `f${i}`, autocomplete: '', label: '', selector: `input:nth-of-type(${i + 1})`, formAction: '' })),
    });
    const merged = mergeFrames(top, [
      { origin: FRAME, snapshot: many },
      { origin: 'https://b.example', snapshot: many },
    ]);
    expect(merged.fields).toHaveLength(500);
  });
});

describe('selectors of merged items', () => {
  test('topSelector gives the part the top document can resolve; plain selectors pass through', () => {
    expect(topSelector(`iframe[src^="${FRAME}"] >>> form > input`)).toBe(`iframe[src^="${FRAME}"]`);
    expect(topSelector('main > form > input:nth-of-type(2)')).toBe('main > form > input:nth-of-type(2)');
  });
  test('frameOriginOf reads the frame’s origin back', () => {
    expect(frameOriginOf(`${frameSelector(FRAME)} >>> input`)).toBe(FRAME);
    expect(frameOriginOf('main > input')).toBeNull();
  });
  test('quotes in an origin cannot break out of the attribute selector', () => {
    expect(frameSelector('https://a"],body,[x="')).toBe('iframe[src^="https://a],body,[x="]');
  });
});
