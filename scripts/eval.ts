/**
 * `npm run eval`: runs the engine over every page of the labelled corpus
 * (tests/fixtures/pages/manifest.json) and prints how well it does:
 *
 *   - a confusion matrix (rows: expected label, columns: predicted verdict)
 *   - danger recall            danger pages predicted danger / danger pages
 *   - false danger             ok, official or none pages predicted danger (target: 0)
 *   - noise on none            none pages given any verdict but none
 *   - exact verdict accuracy   pages whose verdict equals their label
 *   - expected-signal hit rate expected signals that were raised / expected signals
 *   - packages found           Σ result.prices.length / Σ manifest `packages` (pages that state it)
 *
 * Options: --verbose / -v (also list missing signals and package-count
 * mismatches), --json (figures and every page's verdict as one JSON object),
 * --manifest <path> (another corpus).
 * Exits 1 when a target is missed (TARGETS below, the numbers), 2 on bad input.
 * `evaluateCorpus()` is exported for tests/unit/engine/corpus.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { scanHtml } from '../src/node/scan-html';
import { VERDICTS, type ScanResult, type Verdict } from '../src/engine/types';

/** The targets: danger recall ≥ 0.97 with zero false danger, exact verdict on ≥ 90% of pages. */
export const TARGETS = { dangerRecall: 0.97, falseDanger: 0, exactAccuracy: 0.9 } as const;

export const DEFAULT_MANIFEST = fileURLToPath(new URL('../tests/fixtures/pages/manifest.json', import.meta.url));

export const ManifestPageSchema = z.object({
  file: z.string().min(1),
  url: z.string().min(1),
  label: z.enum(VERDICTS),
  lang: z.string().optional(),
  signals: z.array(z.string()).default([]),
  packages: z.number().int().nonnegative().optional(),
});
export type ManifestPage = z.infer<typeof ManifestPageSchema>;
const ManifestSchema = z.object({ pages: z.array(z.looseObject(ManifestPageSchema.shape)) });

export interface PageOutcome {
  page: ManifestPage;
  result: ScanResult;
  missingSignals: string[];
}

export interface Evaluation {
  pages: PageOutcome[];
  /** matrix[expected][predicted] = count */
  matrix: Record<Verdict, Record<Verdict, number>>;
  dangerPages: number;
  dangerRecall: number;
  /** ok / official / none pages predicted danger. */
  falseDanger: PageOutcome[];
  nonePages: number;
  /** none pages predicted anything but none. */
  noiseOnNone: PageOutcome[];
  exact: number;
  exactAccuracy: number;
  expectedSignals: number;
  signalsHit: number;
  signalHitRate: number;
  packagesExpected: number;
  packagesFound: number;
  meetsTargets: boolean;
}

function emptyMatrix(): Record<Verdict, Record<Verdict, number>> {
  const row = () => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  return Object.fromEntries(VERDICTS.map((v) => [v, row()])) as Record<Verdict, Record<Verdict, number>>;
}

/** Read and validate a manifest; throws a one-line Error on bad input. */
export async function loadManifest(manifestPath = DEFAULT_MANIFEST): Promise<ManifestPage[]> {
  let raw: string;
  try {
    raw = await readFile(manifestPath, 'utf8');
  } catch {
    throw new Error(`cannot read manifest ${manifestPath}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`manifest ${manifestPath} is not valid JSON`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`manifest ${manifestPath} does not fit the schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.pages.map((p) => ManifestPageSchema.parse(p));
}

/** Run the engine over every manifest page and compute the figures. */
export async function evaluateCorpus(manifestPath = DEFAULT_MANIFEST): Promise<Evaluation> {
  const pages = await loadManifest(manifestPath);
  const dir = path.dirname(manifestPath);
  const outcomes: PageOutcome[] = [];
  for (const page of pages) {
    const html = await readFile(path.join(dir, page.file), 'utf8');
    const { result } = await scanHtml(html, page.url);
    const raised = new Set(result.signals.map((s) => s.id));
    outcomes.push({ page, result, missingSignals: page.signals.filter((s) => !raised.has(s)) });
  }
  return summarise(outcomes);
}

export function summarise(outcomes: PageOutcome[]): Evaluation {
  const matrix = emptyMatrix();
  let dangerPages = 0;
  let dangerHit = 0;
  let exact = 0;
  let expectedSignals = 0;
  let signalsHit = 0;
  let packagesExpected = 0;
  let packagesFound = 0;
  let nonePages = 0;
  const falseDanger: PageOutcome[] = [];
  const noiseOnNone: PageOutcome[] = [];
  for (const o of outcomes) {
    const { label } = o.page;
    const got = o.result.verdict;
    matrix[label][got]++;
    if (label === got) exact++;
    if (label === 'danger') {
      dangerPages++;
      if (got === 'danger') dangerHit++;
    } else if (got === 'danger' && label !== 'caution') falseDanger.push(o);
    if (label === 'none') {
      nonePages++;
      if (got !== 'none') noiseOnNone.push(o);
    }
    expectedSignals += o.page.signals.length;
    signalsHit += o.page.signals.length - o.missingSignals.length;
    if (o.page.packages !== undefined) {
      packagesExpected += o.page.packages;
      packagesFound += o.result.prices.length;
    }
  }
  const total = outcomes.length;
  const dangerRecall = dangerPages ? dangerHit / dangerPages : 1;
  const exactAccuracy = total ? exact / total : 1;
  return {
    pages: outcomes,
    matrix,
    dangerPages,
    dangerRecall,
    falseDanger,
    nonePages,
    noiseOnNone,
    exact,
    exactAccuracy,
    expectedSignals,
    signalsHit,
    signalHitRate: expectedSignals ? signalsHit / expectedSignals : 1,
    packagesExpected,
    packagesFound,
    meetsTargets:
      dangerRecall >= TARGETS.dangerRecall && falseDanger.length <= TARGETS.falseDanger && exactAccuracy >= TARGETS.exactAccuracy,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report `npm run eval` prints. */
export function formatEvaluation(e: Evaluation, verbose = false): string {
  const lines: string[] = [];
  const w = 9;
  lines.push(`Corpus: ${e.pages.length} pages`, '');
  lines.push('Confusion matrix (rows: expected, columns: predicted)');
  lines.push(['expected'.padEnd(w), ...VERDICTS.map((v) => v.padStart(w)), 'total'.padStart(w)].join(''));
  for (const exp of VERDICTS) {
    const row = e.matrix[exp];
    const total = VERDICTS.reduce((s, v) => s + row[v], 0);
    lines.push([exp.padEnd(w), ...VERDICTS.map((v) => String(row[v]).padStart(w)), String(total).padStart(w)].join(''));
  }
  lines.push('');
  const dangerHit = e.matrix.danger.danger;
  lines.push(`Danger recall:          ${e.dangerRecall.toFixed(3)} (${dangerHit}/${e.dangerPages})  target ≥ ${TARGETS.dangerRecall}`);
  lines.push(`False danger:           ${e.falseDanger.length} on ok/official/none pages  target ${TARGETS.falseDanger}`);
  lines.push(`Noise on none:          ${e.noiseOnNone.length}/${e.nonePages} none pages got a verdict`);
  lines.push(`Exact verdict:          ${pct(e.exactAccuracy)} (${e.exact}/${e.pages.length})  target ≥ ${pct(TARGETS.exactAccuracy)}`);
  lines.push(`Expected signals hit:   ${pct(e.signalHitRate)} (${e.signalsHit}/${e.expectedSignals})`);
  const pk = e.packagesExpected ? pct(e.packagesFound / e.packagesExpected) : 'n/a';
  lines.push(`Packages found:         ${pk} (${e.packagesFound}/${e.packagesExpected} on pages that state a count)`);
  const wrong = e.pages.filter((o) => o.result.verdict !== o.page.label || (verbose && o.missingSignals.length));
  if (wrong.length) {
    lines.push('', verbose ? 'Pages with a wrong verdict or missing signals:' : 'Pages with a wrong verdict:');
    for (const o of wrong) {
      const sig = o.result.signals.map((s) => s.id).join(', ') || '—';
      lines.push(`  ${o.page.file}: expected ${o.page.label}, got ${o.result.verdict} (score ${o.result.score}; ${sig})`);
      if (o.missingSignals.length) lines.push(`      missing signals: ${o.missingSignals.join(', ')}`);
    }
  }
  if (verbose) {
    const off = e.pages.filter((o) => o.page.packages !== undefined && o.page.packages !== o.result.prices.length);
    if (off.length) {
      lines.push('', 'Pages where the packages found differ from the manifest:');
      for (const o of off) lines.push(`  ${o.page.file}: expected ${o.page.packages}, found ${o.result.prices.length}`);
    }
  }
  lines.push('', e.meetsTargets ? 'Targets met.' : 'TARGETS MISSED.');
  return lines.join('\n');
}

/** `--json`: the figures and every page's verdict, for other suites (e.g. the end-to-end check) to compare with. */
export function evaluationJson(e: Evaluation) {
  return {
    pages: e.pages.length,
    matrix: e.matrix,
    dangerRecall: e.dangerRecall,
    falseDanger: e.falseDanger.map((o) => o.page.file),
    noiseOnNone: e.noiseOnNone.map((o) => o.page.file),
    exactAccuracy: e.exactAccuracy,
    signalHitRate: e.signalHitRate,
    packagesFound: e.packagesFound,
    packagesExpected: e.packagesExpected,
    meetsTargets: e.meetsTargets,
    results: e.pages.map((o) => ({
      file: o.page.file,
      url: o.page.url,
      label: o.page.label,
      verdict: o.result.verdict,
      score: o.result.score,
      signals: o.result.signals.map((s) => s.id),
      missingSignals: o.missingSignals,
      packages: o.result.prices.length,
    })),
  };
}

export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const json = argv.includes('--json');
  const i = argv.indexOf('--manifest');
  const manifest = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1] as string) : DEFAULT_MANIFEST;
  let e: Evaluation;
  try {
    e = await evaluateCorpus(manifest);
  } catch (err) {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  process.stdout.write((json ? JSON.stringify(evaluationJson(e), null, 2) : formatEvaluation(e, verbose)) + '\n');
  return e.meetsTargets ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
