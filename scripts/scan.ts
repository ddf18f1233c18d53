/**
 * `npm run scan -- <file.html | directory> [...] [--url <url>] [--json] [--strict]`
 *
 * Runs the extension's engine (gate → snapshot → analyze, under happy-dom) on
 * saved pages and prints the verdict, the score and every signal with its
 * evidence.
 *
 * URL: the page is analysed as if it were at --url. Without --url, a page
 * listed in a manifest.json next to it (the corpus format) uses the manifest's
 * URL; otherwise its file:// URL, which has no domain, so domain signals
 * (lookalike, http) stay silent.
 *
 * --json prints one JSON object per page, one per line (JSON Lines). The shape
 * is a stable contract:
 *   { "file", "url", "verdict", "score", "platform",
 *     "signals": [{ "id", "severity", "evidence": [{ "text", "selector"? }] }],
 *     "prices":  [{ "units", "unit", "price", "currency", "per100", "officialPer100", "diffPercent" }] }
 *
 * Bad input (missing path, a directory without .html files, a file that is
 * not HTML, binary, or over MAX_BYTES) prints one line on stderr and the exit
 * code is 2; other pages in the same run are still scanned. Exit 0 otherwise.
 */
import { readdir, readFile, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanHtml } from '../src/node/scan-html';
import type { ScanResult } from '../src/engine/types';

/** Larger files are refused: real shop pages are well under 2 MB; the extension reads a bounded snapshot anyway. */
export const MAX_BYTES = 10 * 1024 * 1024;

export const USAGE = 'usage: npm run scan -- <file.html | directory> [...] [--url <url>] [--json] [--strict]';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

export class InputError extends Error {}

interface Args {
  paths: string[];
  url: string | null;
  json: boolean;
  strict: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { paths: [], url: null, json: false, strict: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i] as string;
    if (x === '--json') a.json = true;
    else if (x === '--strict') a.strict = true;
    else if (x === '--help' || x === '-h') a.help = true;
    else if (x === '--url' || x.startsWith('--url=')) {
      const v = x === '--url' ? argv[++i] : x.slice(6);
      if (!v) throw new InputError('--url needs a value, e.g. --url https://shop.example/tiktok');
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        throw new InputError(`--url is not a valid absolute URL: ${v}`);
      }
      if (!/^(https?|file):$/.test(u.protocol)) throw new InputError(`--url must be http(s) or file: ${v}`);
      a.url = u.href;
    } else if (x.startsWith('--')) throw new InputError(`unknown option ${x}`);
    else a.paths.push(x);
  }
  return a;
}

const HTML_EXT = /\.(html?|xhtml)$/i;

/** Files to scan for one command-line path. */
async function expand(p: string): Promise<string[]> {
  let s;
  try {
    s = await stat(p);
  } catch {
    throw new InputError(`${p}: no such file or directory`);
  }
  if (s.isDirectory()) {
    const names = (await readdir(p)).filter((n) => HTML_EXT.test(n)).sort();
    if (!names.length) throw new InputError(`${p}: directory has no .html files`);
    return names.map((n) => path.join(p, n));
  }
  if (!s.isFile()) throw new InputError(`${p}: not a regular file`);
  return [p];
}

/** Read a file as HTML, refusing what is too big, binary or not HTML. */
export async function readHtml(file: string): Promise<string> {
  const s = await stat(file);
  if (s.size > MAX_BYTES) throw new InputError(`${file}: file is ${(s.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB`);
  if (s.size === 0) throw new InputError(`${file}: file is empty`);
  // Sniff the start before reading everything.
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(8192, s.size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.includes(0)) throw new InputError(`${file}: binary file, not HTML`);
  const bytes = await readFile(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 16 && bad / text.length > 0.01) throw new InputError(`${file}: not UTF-8 text, not HTML`);
  if (!/<(?:!doctype\s+html|html|head|body|title|meta|div|p|form|h[1-6]|main|section|table|a|span|script)[\s>/]/i.test(text.slice(0, 65536))) {
    throw new InputError(`${file}: does not look like HTML (no HTML tags found)`);
  }
  return text;
}

/** URLs from a manifest.json beside the file (the corpus format), by file name. */
async function manifestUrls(dir: string, cache: Map<string, Map<string, string>>): Promise<Map<string, string>> {
  const hit = cache.get(dir);
  if (hit) return hit;
  const map = new Map<string, string>();
  try {
    const json = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { pages?: unknown };
    if (Array.isArray(json.pages)) {
      for (const p of json.pages as { file?: unknown; url?: unknown }[]) {
        if (typeof p.file === 'string' && typeof p.url === 'string') map.set(p.file, p.url);
      }
    }
  } catch {
    // no manifest, or not ours: file:// URLs then
  }
  cache.set(dir, map);
  return map;
}

/** The --json shape for one page (prices without selectors). */
export function toJson(file: string, r: ScanResult) {
  return {
    file,
    url: r.url,
    verdict: r.verdict,
    score: r.score,
    platform: r.platform,
    signals: r.signals.map((s) => ({ id: s.id, severity: s.severity, evidence: s.evidence })),
    prices: r.prices.map((p) => ({
      units: p.units,
      unit: p.unit,
      price: p.price,
      currency: p.currency,
      per100: p.per100,
      officialPer100: p.officialPer100,
      diffPercent: p.diffPercent,
    })),
  };
}

const MARK: Record<string, string> = { danger: '✖', caution: '!', good: '✓' };

export function toText(file: string, r: ScanResult): string {
  const lines = [`${file}`, `  url:      ${r.url}`, `  verdict:  ${r.verdict.toUpperCase()}  (score ${r.score}${r.platform ? `, platform ${r.platform}` : ''})`];
  if (!r.signals.length) lines.push('  signals:  none');
  for (const s of r.signals) {
    lines.push(`  ${MARK[s.severity] ?? '-'} ${s.id} [${s.severity}]`);
    for (const e of s.evidence) lines.push(`      “${e.text}”${e.selector ? `  @ ${e.selector}` : ''}`);
  }
  if (r.prices.length) {
    lines.push('  prices:');
    for (const p of r.prices) {
      const diff = p.diffPercent === null ? 'no official price' : `${p.diffPercent > 0 ? '+' : ''}${p.diffPercent}% vs official`;
      lines.push(`      ${p.units.toLocaleString('en')} ${p.unit} for ${p.price} ${p.currency} (${p.per100} per 100; ${diff})`);
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`scan: ${e instanceof Error ? e.message : String(e)}`);
    io.err(USAGE);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (!args.paths.length) {
    io.err('scan: no file or directory given');
    io.err(USAGE);
    return 2;
  }
  let failed = false;
  const manifests = new Map<string, Map<string, string>>();
  for (const p of args.paths) {
    let files: string[];
    try {
      files = await expand(p);
    } catch (e) {
      io.err(`scan: ${e instanceof InputError ? e.message : `${p}: cannot read`}`);
      failed = true;
      continue;
    }
    for (const file of files) {
      try {
        const html = await readHtml(file);
        const url =
          args.url ??
          (await manifestUrls(path.dirname(file), manifests)).get(path.basename(file)) ??
          pathToFileURL(path.resolve(file)).href;
        const { result } = await scanHtml(html, url, { strict: args.strict });
        io.out(args.json ? JSON.stringify(toJson(file, result)) : toText(file, result) + '\n');
      } catch (e) {
        io.err(`scan: ${e instanceof InputError ? e.message : `${file}: could not be scanned (${e instanceof Error ? e.message.split('\n')[0] : 'unknown error'})`}`);
        failed = true;
      }
    }
  }
  return failed ? 2 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scan: ${e instanceof Error ? e.message.split('\n')[0] : 'unexpected error'}\n`);
      process.exitCode = 2;
    },
  );
}
