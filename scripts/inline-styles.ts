/**
 * A build step (wxt.config.ts, `inlinePageStyles`): our own pages carry their style sheets inside
 * them. A page that links a style sheet does not paint until that file has been fetched, and an
 * extension page's fetch of its own file costs more here than the file is worth: the popup painted
 * 40 ms later with its 2.9 KB sheet linked than with the same rules inline (docs/performance.md,
 * item 66). Only the sheets the HTML links itself are inlined; those its scripts load later (the
 * popup app's, with its chunk) stay files.
 */

/** What inlineStyleSheets() did: the page, and the sheets (file names from the extension's root) now inside it. */
export interface Inlined {
  html: string;
  inlined: string[];
}

/** A tag's attribute value (double, single or no quotes), or null. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** The tag has the attribute, with a value or without one (`disabled`). */
function hasAttribute(tag: string, name: string): boolean {
  return new RegExp(`\\s${name}(?=[\\s=/>])`, 'i').test(tag);
}

/**
 * `html` with each `<link rel="stylesheet">` whose href names one of `sheets` (keyed by file name
 * from the extension's root, as "assets/popup-x.css"; the href may start with "/" or "./") replaced
 * by a `<style>` holding that sheet's text. Links to anything else (another site, a sheet not
 * given), and alternate or disabled sheets, are left as they are; a link's media query moves to its
 * <style>. A sheet holding "</style" cannot sit inside a <style> element and is refused with an
 * error, rather than let it end the element early.
 */
export function inlineStyleSheets(html: string, sheets: ReadonlyMap<string, string>): Inlined {
  const inlined: string[] = [];
  const out = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    // An alternate or disabled sheet is not applied as the page loads: inlined, it would be.
    if (!rel.includes('stylesheet') || rel.includes('alternate') || hasAttribute(tag, 'disabled')) return tag;
    if (href === null || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return tag;
    const file = href.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '';
    const css = sheets.get(file);
    if (css === undefined) return tag;
    if (/<\/style/i.test(css)) throw new Error(`${file} holds "</style", which would end its <style> element early: it cannot be inlined`);
    inlined.push(file);
    // A media query on the link stays with the rules.
    const media = attribute(tag, 'media');
    return `<style${media === null ? '' : ` media="${media.replace(/"/g, '&quot;')}"`}>${css.trim()}</style>`;
  });
  return { html: out, inlined };
}
