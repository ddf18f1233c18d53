/**
 * Locale completeness (issue 8): every language has every English key, with
 * the same placeholders, translated and non-empty; every key the code asks
 * for exists in English. The second half feeds the same checks broken
 * catalogues, so a check that silently passes everything fails here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BASE_LOCALE,
  type Catalogue,
  callsIn,
  LOCALES,
  checkLengths,
  checkLocaleDir,
  compareWithBase,
  keysUsedIn,
  parseCatalogue,
  placeholderRefs,
  sourceFiles,
  substitutionMismatches,
} from '../../../scripts/check-locales';
import { VERDICT_STYLE, signalKeys } from '../../../src/ui/verdict-style';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCALE_DIR = join(ROOT, 'public/_locales');

function load(locale: string): { catalogue: Catalogue | null; problems: string[] } {
  return parseCatalogue(readFileSync(join(LOCALE_DIR, locale, 'messages.json'), 'utf8'), `${locale}/messages.json`);
}
function en(): Catalogue {
  const { catalogue } = load(BASE_LOCALE);
  if (!catalogue) throw new Error('en/messages.json does not parse');
  return catalogue;
}

describe('shipped locales', () => {
  test.each(LOCALES)('%s/messages.json is valid: JSON, key names, non-empty messages, placeholders defined and used', (locale) => {
    const { catalogue, problems } = load(locale);
    expect(problems).toEqual([]);
    expect(catalogue).not.toBeNull();
  });

  test.each(LOCALES.filter((l) => l !== BASE_LOCALE))('%s has exactly the keys and placeholders of en, translated', (locale) => {
    const { catalogue } = load(locale);
    expect(compareWithBase(en(), locale, catalogue ?? {})).toEqual([]);
  });

  test.each(LOCALES)('%s fits the store limits for name and description', (locale) => {
    expect(checkLengths(locale, load(locale).catalogue ?? {})).toEqual([]);
  });

  test('the locale folders are exactly the shipped languages, and the whole folder checks clean', () => {
    expect(checkLocaleDir(LOCALE_DIR)).toEqual([]);
  });

  test('every t(\'key\') and __MSG_key__ in entrypoints/, src/ and wxt.config.ts exists in en', () => {
    const base = en();
    const files = [...sourceFiles(ROOT, ['entrypoints', 'src']), join(ROOT, 'wxt.config.ts')];
    const used = files.flatMap((f) => keysUsedIn(readFileSync(f, 'utf8')).map((key) => ({ key, file: relative(ROOT, f) })));
    // The scan must see the code's keys at all; an empty result means the pattern broke.
    expect(used.map((u) => u.key)).toEqual(expect.arrayContaining(['extName', 'extDescription', 'popupLoading']));
    expect(used.filter((u) => !(u.key in base))).toEqual([]);
  });

  test('t() calls pass values exactly to the messages that have placeholders', () => {
    const calls = sourceFiles(ROOT, ['entrypoints', 'src']).flatMap((f) => callsIn(readFileSync(f, 'utf8')));
    expect(calls.some((c) => c.withSubs)).toBe(true);
    expect(substitutionMismatches(calls, en())).toEqual([]);
  });

  test('every verdict word key exists in en', () => {
    const base = en();
    const words = [...Object.values(VERDICT_STYLE).map((s) => s.word), 'verdictNone'];
    expect(words.filter((w) => !(w in base))).toEqual([]);
  });

  test('every scored signal has a title and an explanation in en', () => {
    const scoring = JSON.parse(readFileSync(join(ROOT, 'src/data/scoring.json'), 'utf8')) as { weights: Record<string, unknown> };
    const ids = Object.keys(scoring.weights);
    expect(ids.length).toBeGreaterThan(0);
    const base = en();
    const missing = ids.flatMap((id) => Object.values(signalKeys(id)).filter((k) => !(k in base)));
    expect(missing).toEqual([]);
  });

  test('every signal id written in src/detectors and src/engine has a title and an explanation in en', () => {
    // Signals are emitted as `{ id: 'signal-id', … }`; detectors declare `id: 'detector-id'` (the same names).
    const ids = new Set<string>();
    for (const f of sourceFiles(ROOT, ['src/detectors', 'src/engine']))
      for (const m of readFileSync(f, 'utf8').matchAll(/\bid:\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!);
    expect(ids).toContain('official-domain');
    const base = en();
    const missing = [...ids].sort().flatMap((id) => Object.values(signalKeys(id)).filter((k) => !(k in base)));
    expect(missing).toEqual([]);
  });
});

describe('the checks catch broken catalogues', () => {
  const base: Catalogue = {
    extName: { message: 'Coin Shop Guard' },
    hello: { message: 'Hello' },
    greet: { message: 'Buy $1$ coins', placeholders: { '1': { content: '$1' } } },
  };
  const good: Catalogue = {
    extName: { message: 'Coin Shop Guard' },
    hello: { message: 'Bonjour' },
    greet: { message: 'Acheter des pièces $1$', placeholders: { '1': { content: '$1' } } },
  };
  const with_ = (patch: Catalogue, drop: string[] = []): Catalogue =>
    Object.fromEntries(Object.entries({ ...good, ...patch }).filter(([k]) => !drop.includes(k)));

  test('a faithful translation passes', () => {
    expect(compareWithBase(base, 'fr', good)).toEqual([]);
  });

  test.each<[string, Catalogue, RegExp]>([
    ['a missing key', with_({}, ['hello']), /fr: missing key hello/],
    ['an extra key', with_({ bye: { message: 'Au revoir' } }), /fr: extra key bye/],
    ['a dropped placeholder', with_({ greet: { message: 'Acheter des pièces' } }), /greet: placeholders differ/],
    ['a placeholder with other content', with_({ greet: { message: 'Acheter $1$', placeholders: { '1': { content: '$2' } } } }), /greet: placeholders differ/],
    ['an untranslated message', with_({ hello: { message: 'Hello' } }), /fr hello: same as English/],
    ['a translated extension name', with_({ extName: { message: 'Garde des pièces' } }), /extName: the extension name stays/],
  ])('a locale with %s fails', (_what, catalogue, problem) => {
    const problems = compareWithBase(base, 'fr', catalogue);
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });

  test.each<[string, string, RegExp]>([
    ['invalid JSON', '{ "hello": { "message": "Hi" }, }', /invalid JSON/],
    ['not an object', '["hello"]', /must be a JSON object/],
    ['an empty message', '{ "hello": { "message": "  " } }', /hello: message is empty/],
    ['no message string', '{ "hello": { "text": "Hi" } }', /hello: needs a "message" string/],
    ['a bad key name', '{ "hello-there": { "message": "Hi" } }', /key may use only/],
    ['an undefined placeholder', '{ "greet": { "message": "Hi $name$" } }', /uses \$name\$ but does not define it/],
    ['an unused placeholder', '{ "greet": { "message": "Hi", "placeholders": { "name": { "content": "$1" } } } }', /never uses \$name\$/],
    ['a placeholder without content', '{ "greet": { "message": "Hi $name$", "placeholders": { "name": {} } } }', /needs a "content" string/],
  ])('a messages.json with %s fails', (_what, text, problem) => {
    const { problems } = parseCatalogue(text, 'xx/messages.json');
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });

  test('a valid messages.json parses without problems', () => {
    const { catalogue, problems } = parseCatalogue(JSON.stringify(base), 'en/messages.json');
    expect(problems).toEqual([]);
    expect(Object.keys(catalogue ?? {})).toEqual(['extName', 'hello', 'greet']);
  });

  test('placeholder references ignore $$ and match case-insensitively', () => {
    expect(placeholderRefs('Pay $$5 for $Count$ coins on $1$')).toEqual(['1', 'count']);
  });

  test('too long a name or description fails', () => {
    expect(checkLengths('fr', { extName: { message: 'x'.repeat(76) }, extDescription: { message: 'y'.repeat(133) } })).toHaveLength(2);
    expect(checkLengths('fr', { extName: { message: 'x'.repeat(75) }, extDescription: { message: 'y'.repeat(132) } })).toEqual([]);
  });

  test('the source scan finds t() keys and __MSG_ references, and nothing else', () => {
    const src = [
      "t('popupLoading'); t(\"pricesTitle\", x); i18n.t(`showMe`);",
      "name: '__MSG_extName__',",
      'format(\'notAKey\'); t(keys.title); t(`signal_${id}_title`); const at = t2(\'nope\');',
    ].join('\n');
    expect(keysUsedIn(src)).toEqual(['extName', 'popupLoading', 'pricesTitle', 'showMe']);
  });

  test('a t() call that leaves out or adds substitutions is reported', () => {
    const calls = callsIn("t('greet'); t('hello', name); t( 'greet' , x); t('hello')");
    expect(calls).toEqual([
      { key: 'greet', withSubs: false },
      { key: 'hello', withSubs: true },
      { key: 'greet', withSubs: true },
      { key: 'hello', withSubs: false },
    ]);
    expect(substitutionMismatches(calls, base)).toEqual([
      "t('greet') passes no values, but the message has placeholders",
      "t('hello', …) passes values, but the message has no placeholders",
    ]);
  });

  describe('checkLocaleDir', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'csg-locales-'));
      const write = (l: string, c: unknown): void => {
        mkdirSync(join(dir, l), { recursive: true });
        writeFileSync(join(dir, l, 'messages.json'), typeof c === 'string' ? c : JSON.stringify(c));
      };
      write('en', base);
      write('fr', good);
      write('es', '{ broken');
      write('de', good);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('reports missing and unexpected folders and broken files', () => {
      const problems = checkLocaleDir(dir, ['en', 'es', 'fr', 'vi']);
      expect(problems).toEqual(['vi: locale folder is missing', 'de: unexpected locale folder', expect.stringMatching(/^es\/messages\.json: invalid JSON/)]);
    });

    test('reports nothing else when the folders match and the good files are good', () => {
      expect(checkLocaleDir(dir, ['de', 'en', 'es', 'fr'])).toEqual([expect.stringMatching(/^es\/messages\.json: invalid JSON/)]);
    });
  });
});
