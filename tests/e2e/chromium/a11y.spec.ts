/**
 * Accessibility of every screen, in real Chromium with the built extension:
 *  - axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) finds no violation
 *    in the popup for every verdict, on the options page, and on a page carrying
 *    the badge, each in light and dark;
 *  - the popup is fully keyboard usable: Tab reaches every interactive element
 *    and each shows a visible focus ring (solid, ≥ 2 px, ≥ 3:1 against the page);
 *  - the verdict is never colour alone: glyph + word, in the popup and the badge;
 *  - the badge, inside a CLOSED shadow root axe cannot enter, is checked through
 *    the DevTools protocol: its accessibility tree (role, name with the verdict
 *    word, a named button reachable by Tab) and the contrast of its computed colours;
 *  - prefers-reduced-motion switches transitions off.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROME_EXT, inClosedShadow, launchChromium, openPopup, waitForToolbar, type Harness } from '../support/chromium';
import { corpusEntry } from '../support/corpus';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { contrast } from '../../../src/ui/verdict-style';

const byFile = corpusEntry;
/** One page per verdict: the demo pages. */
const PAGES = {
  danger: byFile('scam-password.html'),
  caution: byFile('caution-shop.html'),
  ok: byFile('good-reseller.html'),
  official: byFile('official-tiktok-coin.html'),
  none: byFile('ordinary-news.html'),
} as const;
const SCHEMES = ['light', 'dark'] as const;
/** Emoji that render as empty boxes where no emoji font is installed. */
const EMOJI = /[⛔⚠✔✅❌★⭐]/u;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let h: Harness;
test.beforeAll(async () => {
  h = await launchChromium();
});
test.afterAll(async () => {
  await h?.close();
});

/** Opens `url` and returns its tab id once the background has a verdict for it. */
async function visit(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(url);
  const bar = await waitForToolbar(h, url);
  await page.locator('coin-shop-guard').waitFor({ state: 'attached' });
  return { page, tabId: bar.tabId };
}

async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** rgb()/rgba() → #RRGGBB (alpha ignored: callers pass opaque colours). */
function hex(rgb: string): string {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  if (!m) throw new Error(`not an rgb colour: ${rgb}`);
  return `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}`;
}

for (const scheme of SCHEMES) {
  for (const [verdict, entry] of Object.entries(PAGES)) {
    test(`popup (${verdict}, ${scheme}) has no axe violations`, async () => {
      let tabId: number;
      let page: Page;
      if (verdict === 'none') {
        // No verdict is ever stored for an ordinary page: the popup reports on a tab with none.
        page = await h.context.newPage();
        await page.goto(entry.url);
        tabId = 999_999;
      } else {
        ({ page, tabId } = await visit(entry.url));
      }
      const popup = await openPopup(h, tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.locator('main')).toHaveAttribute('data-verdict', verdict);
      // Open every sign so axe sees the folded explanations and buttons too.
      await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await expect(popup.locator('details:not([open])')).toHaveCount(0);
      expect(await axe(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });
  }

  test(`page with the badge (${scheme}) has no axe violations`, async () => {
    const { page } = await visit(PAGES.danger.url);
    await page.emulateMedia({ colorScheme: scheme });
    // axe sees the host element only (its card is in a closed shadow root): the host must not break any rule.
    expect(await axe(page, 'coin-shop-guard')).toEqual([]);
    await page.close();
  });

  test(`options page (${scheme}) has no axe violations`, async () => {
    test.skip(!existsSync(`${CHROME_EXT}/options.html`), 'this build has no options page (entrypoints/options not written yet)');
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.locator('main').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
}

test('popup: Tab reaches every interactive element, each with a visible focus ring', async () => {
  const { page, tabId } = await visit(PAGES.danger.url);
  for (const scheme of SCHEMES) {
    const popup = await openPopup(h, tabId);
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'danger');
    // Keyboard only: open every folded sign with Enter on its summary, then walk the whole popup.
    const seen: { tag: string; text: string; outline: string; width: number; colour: string; bg: string; visible: boolean }[] = [];
    for (let i = 0; i < 200; i++) {
      await popup.keyboard.press('Tab');
      const f = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        return {
          id: el.dataset['kbd'] ?? (el.dataset['kbd'] = String(Math.random())),
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? '').trim().slice(0, 60),
          outline: cs.outlineStyle,
          width: parseFloat(cs.outlineWidth),
          colour: cs.outlineColor,
          bg: getComputedStyle(document.body).backgroundColor,
          visible: el.matches(':focus-visible'),
          open: el.tagName === 'SUMMARY' ? (el.parentElement as HTMLDetailsElement).open : null,
        };
      });
      if (!f) break; // Tab left the document: every element has had its turn.
      if (seen.some((s) => (s as unknown as { id: string }).id === f.id)) break;
      seen.push(f as (typeof seen)[number]);
      if (f.open === false) await popup.keyboard.press('Enter');
    }
    const interactive = await popup.locator('a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])').count();
    expect(interactive).toBeGreaterThan(5);
    expect(seen.length, `focus order: ${seen.map((s) => `${s.tag} "${s.text}"`).join(' → ')}`).toBe(interactive);
    for (const s of seen) {
      expect.soft(s.visible, `${s.tag} "${s.text}" matches :focus-visible`).toBe(true);
      expect.soft(s.outline, `${s.tag} "${s.text}" outline style`).toBe('solid');
      expect.soft(s.width, `${s.tag} "${s.text}" outline width`).toBeGreaterThanOrEqual(2);
      expect.soft(contrast(hex(s.colour), hex(s.bg)), `${s.tag} "${s.text}" focus ring contrast (${scheme})`).toBeGreaterThanOrEqual(3);
    }
    // Every sign was opened from the keyboard.
    await expect(popup.locator('details:not([open])')).toHaveCount(0);
    await popup.close();
  }
  await page.close();
});

test('options page: Tab reaches every interactive element, each with a visible focus ring', async () => {
  test.skip(!existsSync(`${CHROME_EXT}/options.html`), 'this build has no options page');
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('main').waitFor();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: { key: string; what: string; style: string; width: number; ring: string; bg: string; visible: boolean }[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        // A radio group is one Tab stop: the key is the group's name.
        const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : (el.dataset['kbd'] ??= String(Math.random()));
        return {
          key,
          what: `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}"`,
          style: cs.outlineStyle,
          width: parseFloat(cs.outlineWidth),
          ring: cs.outlineColor,
          bg: getComputedStyle(document.body).backgroundColor,
          visible: el.matches(':focus-visible'),
        };
      });
      if (!f || seen.some((x) => x.key === f.key)) break;
      seen.push(f);
    }
    // Every enabled control is a Tab stop (radio groups once).
    const stops = await page.evaluate(() => {
      const els = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
        (e) => !(e as HTMLButtonElement).disabled && e.offsetParent !== null && !(e instanceof HTMLInputElement && e.type === 'hidden'),
      );
      return new Set(els.map((e) => (e instanceof HTMLInputElement && e.type === 'radio' ? `radio:${e.name}` : e))).size;
    });
    expect(seen.length, `focus order: ${seen.map((x) => x.what).join(' → ')}`).toBe(stops);
    for (const x of seen) {
      expect.soft(x.visible, `${x.what} matches :focus-visible`).toBe(true);
      expect.soft(x.style, `${x.what} outline style`).not.toBe('none');
      expect.soft(x.width, `${x.what} outline width`).toBeGreaterThanOrEqual(2);
      expect.soft(contrast(hex(x.ring), hex(x.bg)), `${x.what} focus ring ${x.ring} on ${x.bg} (${scheme})`).toBeGreaterThanOrEqual(3);
    }
  }
  await page.close();
});

test('popup: the verdict is a glyph and a word, never colour alone', async () => {
  for (const [verdict, entry] of Object.entries(PAGES)) {
    if (verdict === 'none') continue;
    const { page, tabId } = await visit(entry.url);
    const popup = await openPopup(h, tabId);
    const head = popup.locator('h1');
    await expect(head.locator(`svg[data-glyph="${verdict}"]`)).toBeVisible();
    await expect(head.locator(`svg[data-glyph="${verdict}"]`)).toHaveAttribute('aria-hidden', 'true');
    await expect(head).toHaveText(/\p{L}{4,}/u);
    // Every sign has its glyph beside its title (no emoji, which needs a font).
    const signs = popup.locator('[data-signal]');
    const n = await signs.count();
    for (let i = 0; i < n; i++) await expect(signs.nth(i).locator('summary svg[data-glyph]')).toHaveCount(1);
    expect(await popup.locator('.head').textContent()).not.toMatch(EMOJI);
    for (let i = 0; i < n; i++) expect(await signs.nth(i).textContent()).not.toMatch(EMOJI);
    await popup.close();
    await page.close();
  }
});

test('popup: the price comparison draws no emoji either', async () => {
  const { page, tabId } = await visit(PAGES.danger.url);
  const popup = await openPopup(h, tabId);
  await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'danger');
  expect(await popup.locator('main').textContent()).not.toMatch(EMOJI);
  await popup.close();
  await page.close();
});

test('popup: prefers-reduced-motion switches transitions off', async () => {
  const { page, tabId } = await visit(PAGES.danger.url);
  const popup = await openPopup(h, tabId);
  // The buttons exist once the verdict is rendered (the static shell before it has none).
  await expect(popup.locator('main')).toHaveAttribute('data-verdict', 'danger');
  const duration = () => popup.evaluate(() => getComputedStyle(document.querySelector('button') as Element).transitionDuration);
  await popup.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await duration()).not.toBe('0s');
  await popup.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBe('0s');
  await popup.close();
  await page.close();
});

// ---------------------------------------------------------------------------
// The badge, through the DevTools protocol (it is in a closed shadow root).

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
  parentId?: string;
}

async function axTree(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes;
  } finally {
    await cdp.detach();
  }
}

const inShadow = inClosedShadow;

test('badge: an alert named with the verdict word, with a named button reachable by Tab', async () => {
  const { page } = await visit(PAGES.danger.url);
  const nodes = await axTree(page);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const within = (n: AXNode, root: AXNode): boolean => {
    for (let p: AXNode | undefined = n; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (p === root) return true;
    return false;
  };
  const live = nodes.filter((n) => !n.ignored && (n.role?.value === 'alert' || n.role?.value === 'status'));
  // The badge's card: the live region holding its button.
  const card = live.find((n) => nodes.some((b) => b.role?.value === 'button' && b.name?.value === 'Hide' && within(b, n)));
  expect(card, `live regions: ${JSON.stringify(live.map((n) => [n.role?.value, n.name?.value]))}`).toBeDefined();
  if (!card) return;
  expect(card.role?.value).toBe('alert');
  // Named, so a screen reader announces what the alert is about ("Coin Shop Guard: Danger").
  expect.soft(card.name?.value ?? '', 'accessible name of the badge card').toMatch(/Coin Shop Guard.*Danger/);
  const buttons = nodes.filter((n) => !n.ignored && n.role?.value === 'button' && within(n, card));
  expect(buttons.map((b) => b.name?.value)).toEqual(['Hide']);

  // Keyboard: Tab from the top of the page until the badge's button has focus.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await inShadow<boolean>(page, `function () { return this.activeElement?.tagName === 'BUTTON'; }`);
  }
  expect(reached, 'Tab reaches the badge button').toBe(true);
  const ring = await inShadow<{ style: string; width: number; visible: boolean }>(
    page,
    `function () { const b = this.activeElement; const cs = getComputedStyle(b); return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), visible: b.matches(':focus-visible') }; }`,
  );
  expect(ring).toEqual({ style: 'solid', width: 3, visible: true });
  // The ring stands out from the card (≥ 3:1, WCAG 1.4.11) in both schemes.
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const [ringColour, cardBg] = await inShadow<[string, string]>(
      page,
      `function () { return [getComputedStyle(this.activeElement).outlineColor, getComputedStyle(this.querySelector('.card')).backgroundColor]; }`,
    );
    expect.soft(contrast(hex(ringColour), hex(cardBg)), `badge focus ring ${ringColour} on ${cardBg} (${scheme})`).toBeGreaterThanOrEqual(3);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // And it works from the keyboard: Enter collapses the card.
  await page.keyboard.press('Enter');
  expect(await inShadow<string | null>(page, `function () { return this.activeElement.getAttribute('aria-expanded'); }`)).toBe('false');
  await page.close();
});

for (const scheme of SCHEMES) {
  test(`badge (${scheme}): glyph and word, AA contrast of every text colour`, async () => {
    const { page } = await visit(PAGES.danger.url);
    await page.emulateMedia({ colorScheme: scheme });
    const read = await inShadow<{ glyph: string | null; emoji: boolean; pairs: [string, string, string][] }>(
      page,
      `function () {
        const card = this.querySelector('.card');
        const bg = getComputedStyle(card).backgroundColor;
        const pairs = [];
        for (const el of card.querySelectorAll('.word, .reason, .hint, button')) {
          const cs = getComputedStyle(el);
          const own = cs.backgroundColor;
          pairs.push([el.className || el.tagName, cs.color, own === 'rgba(0, 0, 0, 0)' ? bg : own]);
        }
        return { glyph: card.querySelector('svg[data-glyph]')?.getAttribute('data-glyph') ?? null, emoji: /[⛔⚠✔★]/u.test(card.textContent), pairs };
      }`,
    );
    expect(read.glyph).toBe('danger');
    expect(read.emoji).toBe(false);
    expect(read.pairs.length).toBe(4);
    for (const [what, fg, bg] of read.pairs) {
      expect.soft(contrast(hex(fg), hex(bg)), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });
}

test('badge: prefers-reduced-motion switches its transition off', async () => {
  const { page } = await visit(PAGES.danger.url);
  const duration = () => inShadow<string>(page, `function () { return getComputedStyle(this.querySelector('.card')).transitionDuration; }`);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await duration()).not.toBe('0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBe('0s');
  await page.close();
});

// ---------------------------------------------------------------------------
// The full-page strict warning (parents' strict mode): a modal dialog in a closed shadow root.

test.describe('strict mode full-page warning', () => {
  const COVER = 'coin-shop-guard-strict';
  let sh: Harness;
  test.beforeAll(async () => {
    sh = await launchChromium();
    const settings = { ...DEFAULT_SETTINGS, mode: 'strict', allowList: [] };
    await sh.worker.evaluate(async (s) => {
      await chrome.storage.sync.set({ settings: s });
      await chrome.storage.local.set({ strictLatch: true });
    }, settings);
  });
  test.afterAll(async () => {
    await sh?.close();
  });

  async function cover(scheme: 'light' | 'dark'): Promise<Page> {
    const page = await sh.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(PAGES.danger.url);
    await expect(page.locator(COVER)).toHaveAttribute('data-state', 'cover');
    return page;
  }

  test('a modal dialog named by its heading, "Go back" focused, Tab never reaches the page behind, visible ring', async () => {
    const page = await cover('light');
    const nodes = await axTree(page);
    const dialog = nodes.find((n) => !n.ignored && n.role?.value === 'dialog');
    expect(dialog, 'a dialog in the accessibility tree').toBeDefined();
    expect(dialog?.name?.value ?? '').not.toBe('');
    expect(dialog?.properties?.find((p) => p.name === 'modal')?.value.value).toBe(true);
    const focused = () =>
      inShadow<{ tag: string; text: string; style: string; width: number; visible: boolean } | null>(
        page,
        `function () { const b = this.activeElement; if (!b) return null; const cs = getComputedStyle(b);
          return { tag: b.tagName, text: b.textContent, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), visible: b.matches(':focus-visible') }; }`,
        COVER,
      );
    await expect.poll(async () => (await focused())?.tag).toBe('BUTTON');
    // Tab never lands on the page behind (it is inert); past the last button a modal dialog lets focus go to
    // the browser's own toolbar (body here), and the next Tab comes back into the dialog.
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const outer = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'body');
      expect([COVER, 'body'], 'focus never reaches the page behind').toContain(outer);
      const f = await focused();
      if (outer === 'body' || !f) continue;
      seen.add(f.text);
      expect.soft(f.visible, `${f.text} :focus-visible`).toBe(true);
      expect.soft(f.style, `${f.text} outline`).toBe('solid');
      expect.soft(f.width, `${f.text} outline width`).toBeGreaterThanOrEqual(2);
    }
    expect(seen.size, `buttons reached: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  for (const scheme of SCHEMES) {
    test(`AA contrast of its text, buttons and focus ring (${scheme})`, async () => {
      const page = await cover(scheme);
      const pairs = await inShadow<[string, string, string, number][]>(
        page,
        `function () {
          const card = this.querySelector('dialog');
          const bg = getComputedStyle(card).backgroundColor;
          const out = [];
          for (const el of card.querySelectorAll('h1, p, button')) {
            if (!el.textContent.trim() || el.closest('[hidden]')) continue;
            const cs = getComputedStyle(el);
            const own = cs.backgroundColor === 'rgba(0, 0, 0, 0)' ? bg : cs.backgroundColor;
            out.push([el.tagName + ' ' + el.textContent.slice(0, 30), cs.color, own, 4.5]);
          }
          return out;
        }`,
        COVER,
      );
      expect(pairs.length).toBeGreaterThanOrEqual(4);
      for (const [what, fg, bg, min] of pairs) {
        expect.soft(contrast(hex(fg), hex(bg)), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
      }
      // The focus ring, measured on "Go back" focused from the keyboard (Tab away and back).
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      const ring = await inShadow<[string, string]>(
        page,
        `function () { const b = this.activeElement; return [getComputedStyle(b).outlineColor, getComputedStyle(this.querySelector('dialog')).backgroundColor]; }`,
        COVER,
      );
      expect(contrast(hex(ring[0]), hex(ring[1])), `focus ring ${ring[0]} on ${ring[1]}`).toBeGreaterThanOrEqual(3);
      await page.close();
    });
  }
});
