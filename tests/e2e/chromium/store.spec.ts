/**
 * Store readiness of the BUILT extension (npm test builds before this suite):
 * the offline Chrome Web Store / AMO manifest check (scripts/check-manifest.ts)
 * and Mozilla's add-on linter (web-ext lint) with 0 errors and 0 warnings,
 * and the compile hint the build puts on Chrome's imported files.
 * No browser is launched here.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkChrome, checkFirefox, pngSize } from '../../../scripts/check-manifest';

const CHROME = resolve('.output/chrome-mv3');
const FIREFOX = resolve('.output/firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function webExtLint(dir: string): LintReport {
  const run = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  if (!json) throw new Error(`web-ext lint printed no report: ${run.stderr}`);
  return JSON.parse(json) as LintReport;
}

const brief = (r: LintReport) => [...r.errors, ...r.warnings, ...r.notices].map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);

test('the Chrome build passes the offline Chrome Web Store manifest check', () => {
  expect(checkChrome(CHROME)).toEqual([]);
});

test("Chrome's imported files open with V8's compile hint; the every-page scripts and Firefox's do not (wxt.config.ts compileHints)", () => {
  const firstLine = (file: string) => readFileSync(file, 'utf8').split('\n', 1)[0];
  // The hint must be the file's first line, before the code: anything else and V8 does not see it.
  for (const file of ['guard.js', 'frame-report.js']) expect(firstLine(join(CHROME, file)), file).toBe('//# allFunctionsCalledOnLoad');
  // Chrome injects these as classic scripts and compiles them on the page's thread either way; Firefox has no such hint.
  for (const file of [join(CHROME, 'look.js'), join(CHROME, 'frame-probe.js'), join(FIREFOX, 'guard.js'), join(FIREFOX, 'frame-probe.js')]) {
    expect(readFileSync(file, 'utf8'), file).not.toContain('allFunctionsCalledOnLoad');
  }
});

test('the Firefox build passes the manifest check: gecko id, strict_min_version, no data collected', () => {
  expect(checkFirefox(FIREFOX)).toEqual([]);
  const m = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string; data_collection_permissions: unknown } };
  };
  expect(m.browser_specific_settings.gecko.id).toBe('coin-shop-guard@coinshopguard.example');
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

test('web-ext lint on the Firefox build: 0 errors, 0 warnings, 0 notices', () => {
  test.setTimeout(150_000);
  const report = webExtLint(FIREFOX);
  expect(brief(report)).toEqual([]);
  expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
});

test.describe('the checks can fail: a broken copy of the build is caught', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csg-store-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('Chrome: extra permission, web-accessible resource, weak CSP, bad version, long name, wrong icon, eval and remote import', () => {
    cpSync(CHROME, dir, { recursive: true });
    const file = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    Object.assign(m, {
      version: '1.02',
      name: 'N'.repeat(76),
      permissions: ['storage', 'tabs'],
      host_permissions: ['<all_urls>'],
      // guard.js at a fixed address: any page could load it to tell the extension is there.
      web_accessible_resources: [{ resources: ['guard.js', 'icons/*'], matches: ['<all_urls>'] }],
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'" },
      icons: { ...(m.icons as object), 48: 'icon-16.png' },
    });
    writeFileSync(file, JSON.stringify(m));
    writeFileSync(join(dir, 'evil.js'), 'const x = eval("1"); import("https://cdn.example/x.js"); el.innerHTML = x;');
    const problems = checkChrome(dir).join('\n');
    for (const expected of [
      /version "1\.02"/,
      /name in locale \w+ is 76 characters/,
      /permission "tabs" is not on the allow-list/,
      /host_permissions must be absent/,
      /web_accessible_resources must be absent, or in MV3 exactly/,
      /script-src allows more than 'self'/,
      /icons\.48: icon-16\.png is 16x16, not 48x48/,
      /evil\.js: eval\(\)/,
      /evil\.js: import\(\) of a remote URL/,
      /evil\.js: an innerHTML\/outerHTML write/,
    ]) {
      expect(problems).toMatch(expected);
    }
  });

  test('web-accessible resources: only guard.js and frame-report.js, marked use_dynamic_url, and only in Chrome', () => {
    const variants: [string, unknown][] = [
      ['a fixed address', [{ resources: ['guard.js', 'frame-report.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: false }]],
      ['one file more', [{ resources: ['guard.js', 'frame-report.js', 'look.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]],
      ['every scheme', [{ resources: ['guard.js', 'frame-report.js'], matches: ['<all_urls>'], use_dynamic_url: true }]],
      ['a second entry', [{ resources: ['guard.js', 'frame-report.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }, { resources: ['icons/*'], matches: ['https://*/*'] }]],
    ];
    cpSync(CHROME, dir, { recursive: true });
    const file = join(dir, 'manifest.json');
    const built = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(checkChrome(dir)).toEqual([]);
    for (const [what, war] of variants) {
      writeFileSync(file, JSON.stringify({ ...built, web_accessible_resources: war }));
      expect(checkChrome(dir).join('\n'), what).toMatch(/web_accessible_resources must be absent, or in MV3 exactly/);
    }
    // Firefox has no use_dynamic_url: none at all.
    const fx = join(dir, 'firefox');
    cpSync(FIREFOX, fx, { recursive: true });
    const fxFile = join(fx, 'manifest.json');
    const fxBuilt = JSON.parse(readFileSync(fxFile, 'utf8')) as Record<string, unknown>;
    expect(checkFirefox(fx)).toEqual([]);
    writeFileSync(fxFile, JSON.stringify({ ...fxBuilt, web_accessible_resources: ['guard.js'] }));
    expect(checkFirefox(fx).join('\n')).toMatch(/web_accessible_resources must be absent/);
  });

  test('Firefox: no gecko id, data collection declared, old strict_min_version', () => {
    cpSync(FIREFOX, dir, { recursive: true });
    const file = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    m.browser_specific_settings = { gecko: { strict_min_version: '109.0', data_collection_permissions: { required: ['browsingActivity'] } } };
    writeFileSync(file, JSON.stringify(m));
    const problems = checkFirefox(dir).join('\n');
    expect(problems).toMatch(/gecko\.id is missing/);
    expect(problems).toMatch(/strict_min_version must be/);
    expect(problems).toMatch(/data_collection_permissions must be/);
  });

  test('web-ext lint reports a warning for code it must reject', () => {
    test.setTimeout(150_000);
    cpSync(FIREFOX, dir, { recursive: true });
    writeFileSync(join(dir, 'evil.js'), 'document.body.innerHTML = location.hash; new Function(location.hash)();');
    const report = webExtLint(dir);
    expect(report.summary.warnings).toBeGreaterThan(0);
  });
});

test('pngSize reads PNG dimensions and rejects non-PNGs', () => {
  expect(pngSize(readFileSync(join(CHROME, 'icon-128.png')))).toEqual({ width: 128, height: 128 });
  expect(pngSize(Buffer.from('GIF89a not a png at all......'))).toBeNull();
});
