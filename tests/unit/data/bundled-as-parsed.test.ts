/**
 * The extension reads its bundled data files as they are, typed as their
 * schemas' output, without parsing them on every start (asParsed in
 * src/data/index.ts). That is sound only if parsing each file gives the file
 * back: no default filled in, no key dropped, no value rewritten. Checked here
 * for every file the extension reads; the top-level "$comment" is the one key
 * a schema may drop (the code never reads it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { PlatformsFileSchema, ScoringFileSchema, VocabFileSchema, data } from '../../../src/data';
import { CatalogueSchema, RatesSchema, priceData } from '../../../src/prices/catalogue';

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(process.cwd(), 'src/data', name), 'utf8'));
const withoutComment = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== '$comment'));

const files: [string, z.ZodType][] = [
  ['platforms.json', PlatformsFileSchema],
  ['vocab.json', VocabFileSchema],
  ['scoring.json', ScoringFileSchema],
  ['prices.json', CatalogueSchema],
  ['rates.json', RatesSchema],
];

describe('bundled data files are what their schemas parse them to', () => {
  test.each(files)('%s', (name, schema) => {
    const json = read(name);
    const parsed = schema.parse(json) as Record<string, unknown>;
    expect(withoutComment(parsed)).toStrictEqual(withoutComment(json));
  });

  test('a file that needs a default or drops a key is caught', () => {
    const json = read('platforms.json') as { platforms: Record<string, unknown>[] };
    const lacking = { ...json, platforms: json.platforms.map(({ domainTokens: _, ...p }) => p) };
    expect(withoutComment(PlatformsFileSchema.parse(lacking) as Record<string, unknown>)).not.toStrictEqual(withoutComment(lacking));
    const extra = { ...json, platforms: json.platforms.map((p) => ({ ...p, note: 'x' })) };
    expect(withoutComment(PlatformsFileSchema.parse(extra) as Record<string, unknown>)).not.toStrictEqual(withoutComment(extra));
  });

  test('data() and priceData() give the parsed files', () => {
    const platforms = PlatformsFileSchema.parse(read('platforms.json'));
    expect(data().platforms).toStrictEqual(platforms.platforms);
    expect(data().freeHosts).toStrictEqual(platforms.freeHosts);
    expect(withoutComment(data().vocab as unknown as Record<string, unknown>)).toStrictEqual(withoutComment(VocabFileSchema.parse(read('vocab.json')) as Record<string, unknown>));
    expect(withoutComment(data().scoring as unknown as Record<string, unknown>)).toStrictEqual(withoutComment(ScoringFileSchema.parse(read('scoring.json')) as Record<string, unknown>));
    expect(priceData().catalogue).toStrictEqual(CatalogueSchema.parse(read('prices.json')));
    expect(priceData().rates).toStrictEqual(RatesSchema.parse(read('rates.json')));
  });
});
