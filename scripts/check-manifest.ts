/**
 * Store readiness of the built extension, checked offline.
 *
 *   npm run check:manifest [-- --chrome <dir>] [-- --firefox <dir>] [-- --upload]
 *
 * Chrome build (.output/chrome-mv3), against the Chrome Web Store rules that
 * can be verified without the store:
 *  - manifest_version 3; version is 1–4 dot-separated integers 0–65535
 *    (https://developer.chrome.com/docs/extensions/reference/manifest/version)
 *  - name ≤ 75 and short_name ≤ 12 characters, description ≤ 132, in EVERY
 *    locale, with __MSG_x__ placeholders resolved from _locales
 *    (https://developer.chrome.com/docs/extensions/reference/manifest/name, …/description)
 *  - icons 16/32/48/128 (and the toolbar's default_icon) exist, are PNG and
 *    have the size their key says
 *  - permissions only from PERMISSION_ALLOW_LIST, no host/optional
 *    permissions, content scripts only on http/https
 *  - a content_security_policy allowing only our own scripts; no web-accessible
 *    resources (each lets any page detect the extension) but guard.js and
 *    frame-report.js behind use_dynamic_url (ALLOWED_WEB_ACCESSIBLE), no
 *    externally_connectable (web pages cannot message us)
 *  - no remote code: no http(s) script src in our HTML, no import()/
 *    importScripts() of a URL; no eval, `new Function` or `Function(…)`, no
 *    string timers, no innerHTML/outerHTML/insertAdjacentHTML/document.write
 *    in any bundle
 * Firefox build (.output/firefox-mv2): the same code and permission checks,
 * plus browser_specific_settings.gecko.id, strict_min_version and
 * data_collection_permissions { required: ['none'] }.
 *
 * Prints one line per problem and exits 1 if there is any.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every permission we ask for, and why, is in docs/privacy-and-permissions.md. */
export const PERMISSION_ALLOW_LIST = ['storage'];
export const ICON_SIZES = [16, 32, 48, 128] as const;
const MIN_FIREFOX = 140;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Width and height from a PNG's IHDR chunk, or null when it is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** `messages` of every locale in the build, by locale name. */
function locales(dir: string): Map<string, Record<string, { message?: unknown }>> {
  const root = join(dir, '_locales');
  const out = new Map<string, Record<string, { message?: unknown }>>();
  if (!existsSync(root)) return out;
  for (const name of readdirSync(root)) {
    const file = join(root, name, 'messages.json');
    if (existsSync(file)) out.set(name, readJson(file) as Record<string, { message?: unknown }>);
  }
  return out;
}

/** A manifest string in one locale: __MSG_key__ → that locale's message (keys are case-insensitive). */
function resolveMsg(value: string, messages: Record<string, { message?: unknown }> | undefined): string | null {
  const m = /^__MSG_(\w+)__$/.exec(value);
  if (!m) return value;
  const key = (m[1] ?? '').toLowerCase();
  const entry = Object.entries(messages ?? {}).find(([k]) => k.toLowerCase() === key)?.[1];
  return typeof entry?.message === 'string' ? entry.message : null;
}

function checkStrings(manifest: Json, dir: string, problems: string[]): void {
  const all = locales(dir);
  const def = typeof manifest.default_locale === 'string' ? manifest.default_locale : undefined;
  if (def && !all.has(def)) problems.push(`default_locale "${def}" has no _locales/${def}/messages.json`);
  const uses = JSON.stringify(manifest).includes('__MSG_');
  if (uses && !def) problems.push('manifest uses __MSG_ placeholders but has no default_locale');
  const limits: [string, number, boolean][] = [
    ['name', 75, true],
    ['short_name', 12, false],
    ['description', 132, true],
  ];
  const localeNames = all.size ? [...all.keys()] : ['(none)'];
  for (const [field, max, required] of limits) {
    const raw = manifest[field];
    if (raw === undefined) {
      if (required) problems.push(`manifest has no ${field}`);
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push(`${field} is not a string`);
      continue;
    }
    for (const loc of localeNames) {
      // A locale without the key falls back to the default locale, as the browser does.
      const value = resolveMsg(raw, all.get(loc)) ?? resolveMsg(raw, def ? all.get(def) : undefined);
      if (value === null) problems.push(`${field}: ${raw} is not defined in locale ${loc} nor in the default locale`);
      else if (!value.trim()) problems.push(`${field} is empty in locale ${loc}`);
      else if ([...value].length > max) problems.push(`${field} in locale ${loc} is ${[...value].length} characters (max ${max}): "${value}"`);
    }
  }
}

function checkVersion(manifest: Json, problems: string[]): void {
  const v = manifest.version;
  const parts = typeof v === 'string' ? v.split('.') : [];
  const ok = parts.length >= 1 && parts.length <= 4 && parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65535) && parts.some((p) => p !== '0');
  if (!ok) problems.push(`version "${String(v)}" is not 1-4 dot-separated integers 0-65535 (not all zero, no leading zeros)`);
}

function checkIcons(manifest: Json, dir: string, problems: string[]): void {
  const sets: [string, unknown][] = [['icons', manifest.icons]];
  const action = (manifest.action ?? manifest.browser_action) as Json | undefined;
  if (isObj(action) && action.default_icon !== undefined) sets.push(['default_icon', action.default_icon]);
  for (const [name, set] of sets) {
    if (!isObj(set)) {
      problems.push(`${name} is missing or not a size → file map`);
      continue;
    }
    for (const size of name === 'icons' ? ICON_SIZES : Object.keys(set).map(Number)) {
      const path = set[String(size)];
      if (typeof path !== 'string') {
        problems.push(`${name} has no ${size}px icon`);
        continue;
      }
      const file = join(dir, path.replace(/^\//, ''));
      if (!existsSync(file)) {
        problems.push(`${name}.${size}: ${path} does not exist`);
        continue;
      }
      const dim = pngSize(readFileSync(file));
      if (!dim) problems.push(`${name}.${size}: ${path} is not a PNG`);
      else if (dim.width !== size || dim.height !== size) problems.push(`${name}.${size}: ${path} is ${dim.width}x${dim.height}, not ${size}x${size}`);
    }
  }
}

/**
 * The web-accessible files we allow, in Chrome only: guard.js, which the every-page script imports
 * (entrypoints/look.ts), and frame-report.js, which the frame probe imports in a frame with a secret
 * field (entrypoints/frame-probe.ts); marked use_dynamic_url (pages are refused them at the
 * extension's fixed address, the one they could probe for them), and only for http(s) pages.
 * Anything else a page could load at a fixed address, and so tell the extension is there.
 */
export const ALLOWED_WEB_ACCESSIBLE = { resources: ['guard.js', 'frame-report.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true } as const;

function checkWebAccessible(manifest: Json, problems: string[]): void {
  const war = manifest.web_accessible_resources;
  if (war === undefined) return;
  const allowed = manifest.manifest_version === 3 && Array.isArray(war) && war.length === 1 && JSON.stringify(war[0]) === JSON.stringify(ALLOWED_WEB_ACCESSIBLE);
  if (!allowed) {
    problems.push(`web_accessible_resources must be absent, or in MV3 exactly ${JSON.stringify([ALLOWED_WEB_ACCESSIBLE])}: ${JSON.stringify(war)}`);
  }
}

function checkPermissions(manifest: Json, problems: string[]): void {
  const perms = Array.isArray(manifest.permissions) ? (manifest.permissions as unknown[]) : [];
  for (const p of perms) if (!PERMISSION_ALLOW_LIST.includes(String(p))) problems.push(`permission "${String(p)}" is not on the allow-list (${PERMISSION_ALLOW_LIST.join(', ')})`);
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions']) {
    const v = manifest[key];
    if (Array.isArray(v) ? v.length > 0 : v !== undefined) problems.push(`${key} must be absent: ${JSON.stringify(v)}`);
  }
  for (const key of ['externally_connectable', 'content_security_policy_report_only', 'update_url', 'oauth2', 'sandbox']) {
    if (manifest[key] !== undefined) problems.push(`${key} must be absent: ${JSON.stringify(manifest[key])}`);
  }
  checkWebAccessible(manifest, problems);
  const scripts = Array.isArray(manifest.content_scripts) ? (manifest.content_scripts as Json[]) : [];
  for (const cs of scripts) {
    for (const m of Array.isArray(cs.matches) ? (cs.matches as unknown[]) : []) {
      if (m !== 'http://*/*' && m !== 'https://*/*') problems.push(`content script matches "${String(m)}": only http://*/* and https://*/* are expected`);
    }
  }
}

/** A CSP string → directive → sources. */
export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function checkCsp(csp: unknown, problems: string[]): void {
  if (typeof csp !== 'string' || !csp.trim()) {
    problems.push('content_security_policy for extension pages is missing');
    return;
  }
  const d = parseCsp(csp);
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) problems.push(`CSP has no script-src: "${csp}"`);
  else if (script.some((s) => s !== "'self'")) problems.push(`CSP script-src allows more than 'self': "${script.join(' ')}"`);
  const object = d.get('object-src') ?? d.get('default-src');
  if (!object || object.some((s) => s !== "'self'" && s !== "'none'")) problems.push(`CSP object-src must be 'self' or 'none': "${csp}"`);
  if (/unsafe-eval|unsafe-inline|https?:|\*/i.test(csp)) problems.push(`CSP allows eval, inline code, remote hosts or wildcards: "${csp}"`);
}

/** Code patterns a store reviewer (and web-ext lint) reject, with why. */
const CODE_RULES: { re: RegExp; why: string }[] = [
  { re: /(?<![\w$.])eval\s*\(/, why: 'eval()' },
  { re: /\bnew\s+Function\s*\(/, why: 'new Function()' },
  { re: /(?<![\w$.])Function\s*\(\s*[`'"]/, why: 'Function("…") (eval)' },
  { re: /\bset(?:Timeout|Interval)\s*\(\s*[`'"]/, why: 'a string passed to setTimeout/setInterval (eval)' },
  { re: /\.(?:innerHTML|outerHTML)\s*=(?!=)/, why: 'an innerHTML/outerHTML write' },
  { re: /\.insertAdjacentHTML\s*\(/, why: 'insertAdjacentHTML' },
  { re: /\bdocument\.write(?:ln)?\s*\(/, why: 'document.write' },
  { re: /\bimport\s*\(\s*[`'"](?:https?:)?\/\//, why: 'import() of a remote URL' },
  { re: /\bimportScripts\s*\(\s*[`'"](?:https?:)?\/\//, why: 'importScripts() of a remote URL' },
  { re: /\bfrom\s*[`'"](?:https?:)?\/\//, why: 'a static import from a remote URL' },
];

function checkCode(dir: string, problems: string[]): void {
  for (const file of walk(dir)) {
    const rel = relative(dir, file);
    if (/\.(m?js)$/.test(file)) {
      const code = readFileSync(file, 'utf8');
      for (const { re, why } of CODE_RULES) {
        const m = re.exec(code);
        if (m) problems.push(`${rel}: ${why} at offset ${m.index}: …${code.slice(Math.max(0, m.index - 40), m.index + 60)}…`);
      }
    } else if (/\.html?$/.test(file)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
        if (!src) {
          // Inline scripts are blocked by our CSP: they would silently not run.
          const close = html.indexOf('</script>', (m.index ?? 0) + m[0].length);
          if (close > (m.index ?? 0) + m[0].length && html.slice((m.index ?? 0) + m[0].length, close).trim()) problems.push(`${rel}: inline <script> (blocked by the CSP)`);
        } else if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) problems.push(`${rel}: remote script ${src}`);
      }
      for (const m of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi)) problems.push(`${rel}: remote resource ${m[1]}`);
    }
  }
}

function load(dir: string, problems: string[]): Json | null {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    problems.push(`${file} does not exist (run npm run build)`);
    return null;
  }
  try {
    const m = readJson(file);
    if (isObj(m)) return m;
  } catch {
    // reported below
  }
  problems.push(`${file} is not a JSON object`);
  return null;
}

/**
 * `upload`: the zip for the store dashboard. The `key` field (a fixed ID for
 * unpacked and policy-installed builds, see wxt.config.ts) is rejected by the
 * dashboard ("key field is not allowed in manifest"), so it must be stripped
 * from the uploaded copy; elsewhere it is allowed and only noted.
 */
export function checkChrome(dir: string, opts: { upload?: boolean } = {}): string[] {
  const problems: string[] = [];
  const m = load(dir, problems);
  if (!m) return problems;
  if (m.key !== undefined && opts.upload) problems.push('key must be removed from the copy uploaded to the Chrome Web Store');
  if (m.manifest_version !== 3) problems.push(`manifest_version is ${String(m.manifest_version)}, the Chrome Web Store needs 3`);
  checkVersion(m, problems);
  checkStrings(m, dir, problems);
  checkIcons(m, dir, problems);
  checkPermissions(m, problems);
  const csp = m.content_security_policy;
  checkCsp(isObj(csp) ? csp.extension_pages : undefined, problems);
  if (isObj(csp) && Object.keys(csp).some((k) => k !== 'extension_pages')) problems.push(`content_security_policy has unexpected keys: ${Object.keys(csp).join(', ')}`);
  const bg = m.background;
  if (!isObj(bg) || typeof bg.service_worker !== 'string' || !existsSync(join(dir, bg.service_worker))) problems.push('background.service_worker is missing or its file does not exist');
  checkCode(dir, problems);
  return problems.map((p) => `chrome: ${p}`);
}

export function checkFirefox(dir: string): string[] {
  const problems: string[] = [];
  const m = load(dir, problems);
  if (!m) return problems;
  if (m.manifest_version !== 2 && m.manifest_version !== 3) problems.push(`manifest_version is ${String(m.manifest_version)}`);
  checkVersion(m, problems);
  checkStrings(m, dir, problems);
  checkIcons(m, dir, problems);
  checkPermissions(m, problems);
  const csp = m.content_security_policy;
  checkCsp(m.manifest_version === 2 ? csp : isObj(csp) ? csp.extension_pages : undefined, problems);
  const bss = isObj(m.browser_specific_settings) ? m.browser_specific_settings : {};
  const gecko = isObj(bss.gecko) ? bss.gecko : {};
  const id = gecko.id;
  // AMO accepts an email-like id or a {GUID}.
  if (typeof id !== 'string' || !(/^[\w.+-]+@[\w.-]+$/.test(id) || /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i.test(id))) {
    problems.push(`browser_specific_settings.gecko.id is missing or malformed: ${JSON.stringify(id)}`);
  }
  const min = gecko.strict_min_version;
  const major = typeof min === 'string' && /^\d+(\.\d+){0,2}$/.test(min) ? Number(min.split('.')[0]) : NaN;
  if (!(major >= MIN_FIREFOX)) problems.push(`gecko.strict_min_version must be ≥ ${MIN_FIREFOX}.0 (data_collection_permissions needs 140): ${JSON.stringify(min)}`);
  const dcp = gecko.data_collection_permissions;
  if (!isObj(dcp) || JSON.stringify(dcp.required) !== '["none"]' || (dcp.optional !== undefined && JSON.stringify(dcp.optional) !== '[]')) {
    problems.push(`gecko.data_collection_permissions must be { required: ["none"] }: ${JSON.stringify(dcp)}`);
  }
  checkCode(dir, problems);
  return problems.map((p) => `firefox: ${p}`);
}

function main(argv: string[]): number {
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return resolve((i >= 0 ? argv[i + 1] : undefined) ?? fallback);
  };
  const chrome = arg('--chrome', '.output/chrome-mv3');
  const firefox = arg('--firefox', '.output/firefox-mv2');
  const upload = argv.includes('--upload');
  const problems = [...checkChrome(chrome, { upload }), ...checkFirefox(firefox)];
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} manifest problem(s)` : `manifest check: ${relative('.', chrome)} and ${relative('.', firefox)} pass`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
