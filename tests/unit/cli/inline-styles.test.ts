/**
 * The build step that puts our pages' own style sheets inside them (scripts/inline-styles.ts,
 * wxt.config.ts): the popup's shell must paint without waiting for a file.
 */
import { describe, expect, test } from 'vitest';
import { inlineStyleSheets } from '../../../scripts/inline-styles';

const SHEETS = new Map([
  ['assets/popup-1a.css', 'body{width:380px}\n'],
  ['assets/boot-2b.css', '.prices{display:grid}'],
]);

describe('inlineStyleSheets', () => {
  test('a linked sheet of the build becomes a <style> in its place, and is reported', () => {
    const html = '<head><title>P</title>\n<link rel="stylesheet" crossorigin href="/assets/popup-1a.css">\n</head><body></body>';
    const out = inlineStyleSheets(html, SHEETS);
    expect(out.html).toBe('<head><title>P</title>\n<style>body{width:380px}</style>\n</head><body></body>');
    expect(out.inlined).toEqual(['assets/popup-1a.css']);
  });

  test.each([
    ['single quotes, relative href', "<link href='./assets/popup-1a.css' rel='stylesheet'>"],
    ['no quotes, upper case', '<LINK REL=STYLESHEET HREF=assets/popup-1a.css>'],
    ['a query after the name', '<link rel="stylesheet" href="/assets/popup-1a.css?v=2">'],
    ['a self-closing tag', '<link rel="stylesheet" href="/assets/popup-1a.css" />'],
  ])('%s', (_what, tag) => {
    expect(inlineStyleSheets(`<head>${tag}</head>`, SHEETS).html).toBe('<head><style>body{width:380px}</style></head>');
  });

  test("a link's media query stays with its rules", () => {
    const out = inlineStyleSheets('<link rel="stylesheet" media="(prefers-color-scheme: dark)" href="/assets/popup-1a.css">', SHEETS);
    expect(out.html).toBe('<style media="(prefers-color-scheme: dark)">body{width:380px}</style>');
  });

  test('links that are not our sheets stay as they are', () => {
    const html = [
      '<link rel="modulepreload" href="/chunks/x.js">',
      '<link rel="icon" href="/assets/popup-1a.css">',
      '<link rel="stylesheet" href="https://cdn.example/assets/popup-1a.css">',
      '<link rel="stylesheet" href="//cdn.example/assets/popup-1a.css">',
      '<link rel="stylesheet" href="/assets/other.css">',
      '<link rel="stylesheet">',
      // Not applied as the page loads: inlined, they would be.
      '<link rel="alternate stylesheet" title="Large" href="/assets/popup-1a.css">',
      '<link rel="stylesheet" disabled href="/assets/popup-1a.css">',
    ].join('\n');
    const out = inlineStyleSheets(html, SHEETS);
    expect(out.html).toBe(html);
    expect(out.inlined).toEqual([]);
  });

  test('every linked sheet is inlined, each where it was linked', () => {
    const html = '<link rel="stylesheet" href="/assets/popup-1a.css"><meta charset="utf-8"><link rel="stylesheet" href="/assets/boot-2b.css">';
    const out = inlineStyleSheets(html, SHEETS);
    expect(out.html).toBe('<style>body{width:380px}</style><meta charset="utf-8"><style>.prices{display:grid}</style>');
    expect(out.inlined).toEqual(['assets/popup-1a.css', 'assets/boot-2b.css']);
  });

  test('a sheet that would end its <style> element early is refused with a message naming it', () => {
    const sheets = new Map([['assets/bad.css', 'a::after{content:"</STYLE><script>"}']]);
    expect(() => inlineStyleSheets('<link rel="stylesheet" href="/assets/bad.css">', sheets)).toThrow(/assets\/bad\.css holds "<\/style"/);
  });
});
