/** The labelled corpus (tests/fixtures/pages/manifest.json), read for the browser tests and the demo. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PAGES_DIR = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

export const CorpusEntry = z.object({
  file: z.string(),
  url: z.url(),
  label: z.enum(['danger', 'caution', 'ok', 'official', 'none']),
  lang: z.string(),
  signals: z.array(z.string()),
  packages: z.number().int().nonnegative().optional(),
  demo: z.string().optional(),
  note: z.string().optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

export function corpus(): CorpusEntry[] {
  const raw = JSON.parse(readFileSync(`${PAGES_DIR}manifest.json`, 'utf8')) as { pages: unknown };
  return z.array(CorpusEntry).parse(raw.pages);
}

export function pageHtml(entry: CorpusEntry): string {
  return readFileSync(`${PAGES_DIR}${entry.file}`, 'utf8');
}

const HOSTILE_DIR = fileURLToPath(new URL('../../fixtures/hostile/', import.meta.url));

/** A page of tests/fixtures/hostile/ (not in the labelled corpus: pages built to attack or stress the extension). */
export function hostileFixture(name: string): string {
  return readFileSync(join(HOSTILE_DIR, name), 'utf8');
}

/** Fixture HTML by URL (without the hash), for request routing. */
export function routes(entries: CorpusEntry[] = corpus()): Map<string, string> {
  return new Map(entries.map((e) => [e.url.split('#')[0] ?? e.url, pageHtml(e)]));
}

/** One corpus page by file name; a page missing from the manifest fails loudly. */
export function corpusEntry(file: string): CorpusEntry {
  const e = corpus().find((p) => p.file === file);
  if (!e) throw new Error(`fixture ${file} missing from manifest`);
  return e;
}

/**
 * The engine's verdict for each page, from `npm run scan -- --json` (the same
 * gate, snapshot and analysis as the extension, under happy-dom). Run as a
 * child process: Playwright's loader cannot import the engine's JSON data.
 */
export function engineVerdicts(entries: CorpusEntry[]): Map<string, string> {
  const run = spawnSync('npx', ['--no-install', 'tsx', 'scripts/scan.ts', '--json', ...entries.map((e) => join(PAGES_DIR, e.file))], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`scan failed (${String(run.status)}): ${run.stderr}`);
  const out = new Map<string, string>();
  for (const line of run.stdout.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { url: string; verdict: string };
    out.set(r.url, r.verdict);
  }
  return out;
}
