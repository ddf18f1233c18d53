/**
 * WCAG AA contrast of every colour pair the verdict is shown in, light and dark,
 * computed from src/ui/verdict-style.ts, the popup stylesheet and the badge CSS.
 * Text needs 4.5:1 (WCAG 1.4.3); focus rings and control borders 3:1 (1.4.11).
 * The end-to-end suite (tests/e2e/chromium/a11y.spec.ts) checks the computed
 * colours in the real browser as well; this catches a bad colour without one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GLYPHS } from '../../../src/ui/icons';
import { SURFACE, VERDICT_STYLE, contrast, luminance } from '../../../src/ui/verdict-style';

const AA_TEXT = 4.5;
const AA_UI = 3;
const verdicts = Object.entries(VERDICT_STYLE);

describe('contrast()', () => {
  test.each([
    ['#000000', '#FFFFFF', 21],
    ['#FFFFFF', '#FFFFFF', 1],
    ['#767676', '#FFFFFF', 4.54],
  ])('%s on %s is %d:1', (a, b, want) => {
    expect(contrast(a, b)).toBeCloseTo(want, 1);
    expect(contrast(b, a)).toBeCloseTo(want, 1);
  });
  test('rejects what is not #RRGGBB', () => {
    expect(() => luminance('red')).toThrow();
    expect(() => luminance('#fff')).toThrow();
  });
});

describe('verdict colours', () => {
  test.each(verdicts)('%s: white toolbar-badge text on its colour', (_v, s) => {
    expect(contrast('#FFFFFF', s.colour)).toBeGreaterThanOrEqual(AA_TEXT);
  });
  test.each(verdicts)('%s: the word on the light surface and on its light banner', (_v, s) => {
    expect(contrast(s.colour, SURFACE.light.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(s.colour, s.tint)).toBeGreaterThanOrEqual(AA_TEXT);
  });
  test.each(verdicts)('%s: the word on the dark surface and on its dark banner', (_v, s) => {
    expect(contrast(s.colourDark, SURFACE.dark.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(s.colourDark, s.tintDark)).toBeGreaterThanOrEqual(AA_TEXT);
  });
  test.each(verdicts)('%s: body text on its banner, light and dark', (_v, s) => {
    expect(contrast(SURFACE.light.fg, s.tint)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(SURFACE.dark.fg, s.tintDark)).toBeGreaterThanOrEqual(AA_TEXT);
  });
  test('every verdict has its own colour, glyph, word and badge text', () => {
    for (const key of ['colour', 'colourDark', 'glyph', 'word', 'badge'] as const) {
      expect(new Set(verdicts.map(([, s]) => s[key])).size, key).toBe(verdicts.length);
    }
    for (const [, s] of verdicts) expect(GLYPHS[s.glyph].length).toBeGreaterThan(0);
  });
});

describe('popup surfaces', () => {
  test.each(Object.entries(SURFACE))('%s: text, muted text, focus ring and control borders', (_scheme, s) => {
    expect(contrast(s.fg, s.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(s.muted, s.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrast(s.focus, s.bg)).toBeGreaterThanOrEqual(AA_UI);
    expect(contrast(s.control, s.bg)).toBeGreaterThanOrEqual(AA_UI);
  });

  test('style.css uses the SURFACE values', () => {
    const css = readFileSync('entrypoints/popup/style.css', 'utf8').toLowerCase();
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];
    for (const [name, value] of Object.entries(SURFACE.light)) expect(light, `--${name}`).toContain(`--${name}: ${value.toLowerCase()}`);
    for (const [name, value] of Object.entries(SURFACE.dark)) expect(dark, `--${name}`).toContain(`--${name}: ${value.toLowerCase()}`);
  });
});

describe('on-page badge CSS (src/ui/badge.ts)', () => {
  /** `selector { … }` rules of one colour scheme, with their hex colour and background. */
  function rules(css: string): { selector: string; color?: string; background?: string }[] {
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
      selector: (m[1] ?? '').trim(),
      color: /(?:^|[;\s])color:\s*(#[0-9a-f]{6})/i.exec(m[2] ?? '')?.[1],
      background: /background(?:-color)?:\s*(#[0-9a-f]{6}|#fff)\b/i.exec(m[2] ?? '')?.[1]?.replace(/^#fff$/i, '#ffffff'),
    }));
  }
  const source = readFileSync('src/ui/badge.ts', 'utf8');
  const css = /const css = \(\) => `([\s\S]*?)`;/.exec(source)?.[1] ?? '';
  const [lightCss, darkCss = ''] = css.split('@media (prefers-color-scheme: dark)');
  const light = rules(lightCss ?? '');
  const dark = rules(darkCss);

  test('the CSS is where this test reads it', () => {
    expect(light.some((r) => r.selector === '.card' && r.color && r.background)).toBe(true);
    expect(dark.some((r) => r.selector.endsWith('.card') && r.color && r.background)).toBe(true);
  });

  for (const [scheme, list, base] of [
    ['light', light, light],
    ['dark', dark, [...light, ...dark]],
  ] as const) {
    test(`${scheme}: every text colour on its background (or the card's)`, () => {
      const card = [...base].reverse().find((r) => r.selector.endsWith('.card') && r.background);
      expect(card?.background).toBeDefined();
      const checked = list.filter((r) => r.color);
      expect(checked.length).toBeGreaterThan(1);
      for (const r of checked) {
        const bg = r.background ?? card?.background ?? '#ffffff';
        expect(contrast(r.color as string, bg), `${r.selector}: ${r.color} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
      }
    });
  }

  test.each(verdicts)('%s: the word (verdict colour) on the light card', (_v, s) => {
    const card = light.find((r) => r.selector === '.card');
    expect(contrast(s.colour, card?.background ?? '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
  });
});

describe('toolbar icons (assets/icons/*.svg, drawn into public/icons by scripts/make-icons.ts)', () => {
  // Chrome's light toolbar is near white: each icon's outermost shape must stand out from it by 3:1 (WCAG 1.4.11).
  const outline = (kind: string) => {
    const svg = readFileSync(`assets/icons/${kind}.svg`, 'utf8');
    const shape = /<(?:circle|polygon)\b[^>]*>/.exec(svg)?.[0] ?? '';
    const attr = (name: string) => new RegExp(`\\b${name}="(#[0-9A-Fa-f]{6})"`).exec(shape)?.[1];
    return attr('stroke') ?? attr('fill') ?? '';
  };
  test.each(['danger', 'caution', 'ok', 'official'])('%s: its outline on a white toolbar', (kind) => {
    expect(contrast(outline(kind).toUpperCase(), '#FFFFFF')).toBeGreaterThanOrEqual(AA_UI);
  });
});
