/**
 * Checks public/_locales: every locale has exactly the keys of en, the same
 * placeholders, no empty or untranslated messages, and the lengths the stores
 * accept. The checks are pure functions so tests/unit/i18n can feed them
 * broken catalogues and see them fail.
 *
 *   npx tsx scripts/check-locales.ts
 *
 * Message format: https://developer.chrome.com/docs/extensions/reference/api/i18n#message-format
 * (keys use only A–Z a–z 0–9 _ @; `$name$` refers to a placeholder; `$$` is a literal dollar).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_LOCALE = 'en';
/** The languages the extension ships in (issue 8). A folder outside this list is a mistake, and so is a missing one. */
export const LOCALES = ['en', 'es', 'fr', 'id', 'pt_BR', 'vi'] as const;

/**
 * Messages that may read the same as English in a translation. The extension
 * name is a brand and stays English everywhere; anything else identical to
 * English was most likely copied and not translated.
 */
export const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  '*': ['extName'],
  // The same word in these languages; reviewed by hand, not copies.
  fr: ['optionsLogDate', 'optionsLogSite', 'optionsLogVerdict', 'optionsModeLegend', 'verdictDanger'],
  // "Label: text" is written with the same colon in these languages (French puts a no-break space before it).
  es: ['labelled'],
  id: ['optionsModeLegend', 'labelled'],
  pt_BR: ['optionsLogSite', 'labelled'],
  vi: ['labelled'],
};

/**
 * Store limits on localized manifest strings: Chrome's `name` (75 characters)
 * and `description` (132 characters).
 * https://developer.chrome.com/docs/extensions/reference/manifest/name
 * https://developer.chrome.com/docs/extensions/reference/manifest/description
 */
export const MAX_LENGTH: Readonly<Record<string, number>> = { extName: 75, extDescription: 132 };

export interface Placeholder {
  content: string;
  example?: string;
}
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}
export type Catalogue = Record<string, LocaleMessage>;

const KEY = /^[A-Za-z0-9_@]+$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `$name$` placeholders a message uses (lower-cased: Chrome matches them case-insensitively), sorted. */
export function placeholderRefs(message: string): string[] {
  const refs = [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  return [...new Set(refs)].sort();
}

/** Placeholder name → content, lower-cased names, as one comparable string. */
function placeholderSignature(m: LocaleMessage): string {
  const entries = Object.entries(m.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`);
  return entries.sort().join(', ') || '(none)';
}

/**
 * Parses one messages.json and checks it on its own: valid JSON, an object of
 * messages with valid keys, non-empty `message` strings, and placeholders that
 * are both defined and used.
 */
export function parseCatalogue(text: string, where: string): { catalogue: Catalogue | null; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { catalogue: null, problems: [`${where}: invalid JSON (${(e as Error).message})`] };
  }
  if (!isRecord(data)) return { catalogue: null, problems: [`${where}: must be a JSON object of messages`] };
  const catalogue: Catalogue = {};
  for (const [key, value] of Object.entries(data)) {
    const at = `${where} ${key}`;
    if (!KEY.test(key) || key.startsWith('@@')) problems.push(`${at}: key may use only A-Z a-z 0-9 _ @ and must not start with @@`);
    if (!isRecord(value) || typeof value.message !== 'string') {
      problems.push(`${at}: needs a "message" string`);
      continue;
    }
    if (!value.message.trim()) problems.push(`${at}: message is empty`);
    const placeholders = value.placeholders;
    if (placeholders !== undefined) {
      if (!isRecord(placeholders)) {
        problems.push(`${at}: "placeholders" must be an object`);
        continue;
      }
      for (const [name, p] of Object.entries(placeholders)) {
        if (!KEY.test(name)) problems.push(`${at}: placeholder name "${name}" is invalid`);
        if (!isRecord(p) || typeof p.content !== 'string' || !p.content) problems.push(`${at}: placeholder "${name}" needs a "content" string`);
      }
    }
    const defined = Object.keys(isRecord(placeholders) ? placeholders : {}).map((n) => n.toLowerCase());
    const used = placeholderRefs(value.message);
    for (const name of used) if (!defined.includes(name)) problems.push(`${at}: uses $${name}$ but does not define it`);
    for (const name of defined) if (!used.includes(name)) problems.push(`${at}: defines placeholder "${name}" but never uses $${name}$`);
    catalogue[key] = value as unknown as LocaleMessage;
  }
  return { catalogue, problems };
}

/** Compares one translation with the base (English) catalogue. */
export function compareWithBase(base: Catalogue, locale: string, other: Catalogue): string[] {
  const problems: string[] = [];
  const allowedSame = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
  for (const key of Object.keys(base).sort()) {
    const b = base[key]!;
    const o = other[key];
    if (!o) {
      problems.push(`${locale}: missing key ${key} (en: "${b.message}")`);
      continue;
    }
    const bSig = placeholderSignature(b), oSig = placeholderSignature(o);
    if (bSig !== oSig) problems.push(`${locale} ${key}: placeholders differ from en (en: ${bSig}; ${locale}: ${oSig})`);
    const bRefs = placeholderRefs(b.message).join(' '), oRefs = placeholderRefs(o.message).join(' ');
    if (bRefs !== oRefs) problems.push(`${locale} ${key}: message uses placeholders [${oRefs}], en uses [${bRefs}]`);
    if (o.message === b.message && !allowedSame.has(key)) problems.push(`${locale} ${key}: same as English, not translated`);
  }
  for (const key of Object.keys(other).sort()) if (!(key in base)) problems.push(`${locale}: extra key ${key} (not in en)`);
  if (other.extName && base.extName && other.extName.message !== base.extName.message)
    problems.push(`${locale} extName: the extension name stays "${base.extName.message}" in every language`);
  return problems;
}

/** Store length limits, for any catalogue (English included). */
export function checkLengths(locale: string, catalogue: Catalogue): string[] {
  return Object.entries(MAX_LENGTH)
    .filter(([key, max]) => (catalogue[key]?.message.length ?? 0) > max)
    .map(([key, max]) => `${locale} ${key}: ${catalogue[key]!.message.length} characters, the store limit is ${max}`);
}

/** Reads every locale folder under `dir` and returns all problems found (empty when all is well). */
export function checkLocaleDir(dir: string, expected: readonly string[] = LOCALES): string[] {
  const problems: string[] = [];
  const found = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort();
  for (const l of expected) if (!found.includes(l)) problems.push(`${l}: locale folder is missing`);
  for (const l of found) if (!expected.includes(l)) problems.push(`${l}: unexpected locale folder`);
  const catalogues = new Map<string, Catalogue>();
  for (const l of found) {
    const file = join(dir, l, 'messages.json');
    if (!existsSync(file)) {
      problems.push(`${l}: messages.json is missing`);
      continue;
    }
    const { catalogue, problems: own } = parseCatalogue(readFileSync(file, 'utf8'), `${l}/messages.json`);
    problems.push(...own);
    if (catalogue) {
      catalogues.set(l, catalogue);
      problems.push(...checkLengths(l, catalogue));
    }
  }
  const base = catalogues.get(BASE_LOCALE);
  if (!base) return [...problems, `${BASE_LOCALE}: no usable base catalogue`];
  for (const [l, c] of catalogues) if (l !== BASE_LOCALE) problems.push(...compareWithBase(base, l, c));
  return problems;
}

/**
 * Locale keys named literally in source: `t('key')` / `t("key")` calls and
 * `__MSG_key__` manifest references. Keys built at run time (signalKeys(id),
 * VERDICT_STYLE words) are not found here; tests check those separately.
 */
export function keysUsedIn(source: string): string[] {
  const keys = new Set<string>();
  for (const m of source.matchAll(/(?<![\w$])t\(\s*(['"`])([A-Za-z0-9_@]+)\1/g)) keys.add(m[2]!);
  for (const m of source.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) keys.add(m[1]!);
  return [...keys].sort();
}

/** Each literal `t('key')` call and whether it passes substitutions (`t('key', …)`). */
export function callsIn(source: string): { key: string; withSubs: boolean }[] {
  return [...source.matchAll(/(?<![\w$])t\(\s*(['"`])([A-Za-z0-9_@]+)\1\s*([,)])/g)].map((m) => ({ key: m[2]!, withSubs: m[3] === ',' }));
}

/**
 * Calls whose substitutions do not fit the message: a message with `$1$`-style
 * placeholders called without values shows blanks; values passed to a message
 * without placeholders are lost.
 */
export function substitutionMismatches(calls: { key: string; withSubs: boolean }[], base: Catalogue): string[] {
  const out: string[] = [];
  for (const { key, withSubs } of calls) {
    const m = base[key];
    if (!m) continue;
    const hasPlaceholders = Object.keys(m.placeholders ?? {}).length > 0;
    if (hasPlaceholders && !withSubs) out.push(`t('${key}') passes no values, but the message has placeholders`);
    if (!hasPlaceholders && withSubs) out.push(`t('${key}', …) passes values, but the message has no placeholders`);
  }
  return [...new Set(out)].sort();
}

/** Source files (.ts, .tsx, .html) under the given folders, sorted, skipping node_modules. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tsx?|html)$/.test(name)) out.push(p);
    }
  };
  for (const f of folders) if (existsSync(join(root, f))) walk(join(root, f));
  return out;
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = checkLocaleDir(join(root, 'public/_locales'));
  const en = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Catalogue;
  for (const file of [...sourceFiles(root, ['entrypoints', 'src']), join(root, 'wxt.config.ts')]) {
    const source = readFileSync(file, 'utf8');
    for (const key of keysUsedIn(source)) if (!(key in en)) problems.push(`${file.slice(root.length)}: uses locale key ${key}, which en lacks`);
    problems.push(...substitutionMismatches(callsIn(source), en).map((p) => `${file.slice(root.length)}: ${p}`));
  }
  if (problems.length) {
    console.error(`${problems.length} locale problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`locales OK: ${LOCALES.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
