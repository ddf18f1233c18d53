/**
 * The popup's first paint (issue 7): the shell in popup.html paints before the
 * popup's code (Preact, zod, the data) has even loaded, says what it is doing
 * in a polite status, claims no verdict, passes axe, and is replaced by the
 * real verdict — with no other verdict shown in between.
 *
 * The popup's app chunk is held back at the network layer until the shell has
 * been checked; nothing waits for a fixed time.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchChromium, waitForToolbar, type Harness } from '../support/chromium';
import { corpusEntry } from '../support/corpus';

const EN = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const en = (key: string): string => EN[key]?.message ?? key;

const SCAM = corpusEntry('scam-password.html');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every data-verdict <main> ever carried in the page, in order (recorded from the first script on). */
const RECORD_VERDICTS = `(() => {
  const seen = []; Object.defineProperty(window, '__verdicts', { value: seen });
  const note = () => { const v = document.querySelector('main')?.getAttribute('data-verdict') ?? null; if (v !== null && seen[seen.length - 1] !== v) seen.push(v); };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-verdict'] });
  note();
})();`;

/** The first-contentful-paint time, once the browser has painted something (a real event, not a delay). */
const FCP = `new Promise((res) => {
  const get = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  if (get() !== undefined) return res(get());
  new PerformanceObserver(() => res(get() ?? -1)).observe({ type: 'paint', buffered: true });
})`;

let h: Harness;
test.beforeAll(async () => {
  h = await launchChromium();
});
test.afterAll(async () => {
  await h?.close();
});

test('popup: the shell paints before the app code loads, claims no verdict, and gives way to the real one', async () => {
  const page = await h.context.newPage();
  await page.goto(SCAM?.url ?? '');
  const bar = await waitForToolbar(h, SCAM?.url ?? '');
  expect(bar.verdict).toBe('danger');

  const popup = await h.context.newPage();
  await popup.addInitScript(RECORD_VERDICTS);
  // Hold the popup's app chunk (chunks/boot-*.js: Preact, App, zod, data) until released.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held: string | null = null;
  await popup.route(/\/chunks\/boot-[^/]+\.js$/, async (route: Route) => {
    held = route.request().url();
    await released;
    await route.continue();
  });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${bar.tabId}`);

  // First paint happens while the app chunk is still held back.
  const fcp = (await popup.evaluate(FCP)) as number;
  expect(fcp).toBeGreaterThan(0);
  await expect.poll(() => held).not.toBeNull();

  const main = popup.locator('main');
  await expect(main).toHaveAttribute('aria-busy', 'true');
  await expect(main).not.toHaveAttribute('data-verdict');
  await expect(popup.locator('h1')).toHaveText(en('extName'));
  const status = popup.getByRole('status');
  await expect(status).toHaveText(en('popupLoading'));
  // No verdict word, glyph or colour in the shell.
  const text = (await main.textContent()) ?? '';
  for (const k of ['verdictDanger', 'verdictCaution', 'verdictOk', 'verdictOfficial', 'verdictNone', 'popupNone']) {
    expect(text).not.toContain(en(k));
  }
  await expect(popup.locator('[data-glyph]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page: popup }).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  release();
  await expect(main).toHaveAttribute('data-verdict', 'danger');
  await expect(main).not.toHaveAttribute('aria-busy');
  await expect(popup.locator('h1')).toContainText(en('verdictDanger'));
  await expect(popup.locator('[data-signal="credential-fields"]')).toBeVisible();
  await expect(popup.locator('.prices')).toBeVisible();
  // The only verdict the popup ever showed is the tab's own.
  expect(await popup.evaluate(() => (window as unknown as { __verdicts: string[] }).__verdicts)).toEqual(['danger']);
  await popup.close();
  await page.close();
});

test('popup: the shell paints styled with every style sheet file held back (its own styles are inside it)', async () => {
  const popup = await h.context.newPage();
  // Any style sheet the page fetches waits for good: a linked one would keep the first paint waiting with it.
  const sheets: string[] = [];
  await popup.route(/\.css(?:[?#]|$)/, (route: Route) => {
    sheets.push(route.request().url());
  });
  // A tab id no tab has; 'commit': the page's load event may wait on a held sheet.
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=2147483646`, { waitUntil: 'commit' });
  const fcp = (await popup.evaluate(FCP)) as number;
  expect(fcp).toBeGreaterThan(0);
  // The shell's rules apply: the popup's width and its type.
  const look = await popup.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { width: s.width, margin: s.margin, fontSize: s.fontSize };
  });
  expect(look).toEqual({ width: '380px', margin: '0px', fontSize: '14px' });
  await expect(popup.locator('h1')).toHaveText(en('extName'));
  // Only the app's own sheet, which its chunk asks for once the shell is up, was requested.
  expect(sheets.every((u) => /\/assets\/boot-[^/]+\.css/.test(u))).toBe(true);
  await popup.close();
});

test('popup: a tab with no verdict goes from the shell straight to "not a coin shop"', async () => {
  const popup = await h.context.newPage();
  await popup.addInitScript(RECORD_VERDICTS);
  // A tab id no tab has: the background holds no result for it.
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=2147483646`);
  const main = popup.locator('main');
  await expect(main).toHaveAttribute('data-verdict', 'none');
  await expect(main).not.toHaveAttribute('aria-busy');
  await expect(popup.locator('.main-reason')).toHaveText(en('popupNone'));
  await expect(popup.getByRole('status')).toHaveCount(0);
  expect(await popup.evaluate(() => (window as unknown as { __verdicts: string[] }).__verdicts)).toEqual(['none']);
  await popup.close();
});
