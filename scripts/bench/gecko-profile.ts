/**
 * Reads a Firefox profile (the Gecko profiler's own JSON, as Firefox writes it at shutdown with
 * MOZ_PROFILER_SHUTDOWN) for `npm run bench:firefox-pages`: how much of each page load's sampled
 * main-thread time in the web content processes went to content scripts.
 *
 * A sample is counted for a load when its time falls in the load's window, by the first of:
 * - **script**: a frame of its stack is in an extension's own file (`moz-extension://`): our
 *   scripts' JavaScript and the DOM, style and messaging work it calls;
 * - **compile**: Firefox compiling a content script (`ChromeUtils.compileScript`, which its
 *   ExtensionContent module calls once per process and script, then keeps the result);
 * - **machinery**: any other frame of Firefox's extension code (`Extension…` modules, conduits,
 *   schemas): setting up a process and a page for an extension's content scripts.
 * The background page's process (`WebExtensions`) and the parent process are left out: what they
 * do is not the page's time.
 *
 * The format, as Firefox 140 writes it: the parent process's profile holds `processes`, each with
 * `meta.startTime` (ms since the epoch) and `threads`; a thread has a `stringTable`, and
 * `frameTable`, `stackTable` and `samples` as `{ schema: { column: index }, data: rows }`; a stack
 * row is `[prefix, frame]`, a frame row's `location` indexes the string table, a sample row's `time`
 * is ms after its process's start.
 */

export type Part = 'script' | 'compile' | 'machinery';
export interface LoadWindow {
  start: number;
  end: number;
}
export type PartsMs = Record<Part, number>;

const OURS = /moz-extension:\/\//;
const COMPILE = /ChromeUtils\.compileScript/;
const MACHINERY = /\bExtension[A-Za-z]*\.sys\.mjs|Conduits[A-Za-z]*\.sys\.mjs|Schemas\.sys\.mjs/;

/** Which part a stack's frames (innermost first, as location strings) are, or null for none. */
export function partOf(locations: readonly string[]): Part | null {
  if (locations.some((l) => OURS.test(l))) return 'script';
  if (locations.some((l) => COMPILE.test(l))) return 'compile';
  if (locations.some((l) => MACHINERY.test(l))) return 'machinery';
  return null;
}

interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}
interface Thread {
  processName?: string;
  stringTable: string[];
  frameTable: Table;
  stackTable: Table;
  samples: Table;
}
interface Process {
  meta: { startTime: number; interval?: number };
  threads: Thread[];
  processes?: Process[];
}

function isTable(t: unknown): t is Table {
  return typeof t === 'object' && t !== null && typeof (t as Table).schema === 'object' && Array.isArray((t as Table).data);
}

function isThread(t: unknown): t is Thread {
  const x = t as Thread;
  return typeof t === 'object' && t !== null && Array.isArray(x.stringTable) && isTable(x.frameTable) && isTable(x.stackTable) && isTable(x.samples);
}

function isProcess(p: unknown): p is Process {
  const x = p as Process;
  return typeof p === 'object' && p !== null && typeof x.meta?.startTime === 'number' && Array.isArray(x.threads) && x.threads.every(isThread) && (x.processes === undefined || (Array.isArray(x.processes) && x.processes.every(isProcess)));
}

function column(t: Table, name: string): number {
  const at = t.schema[name];
  if (typeof at !== 'number') throw new Error(`gecko profile: a table has no "${name}" column`);
  return at;
}

/**
 * Sampled ms of each part per window (same order as `windows`), in the child processes of
 * `profile` but the extension process. Throws a clear error on anything that is not such a
 * profile (an unfinished file, another format).
 */
export function partsByWindow(profile: unknown, windows: readonly LoadWindow[]): PartsMs[] {
  if (!isProcess(profile) || typeof profile.meta.interval !== 'number' || !profile.processes) {
    throw new Error('gecko profile: not a Gecko profile with child processes (was Firefox quit before it finished writing it?)');
  }
  const interval = profile.meta.interval;
  const out: PartsMs[] = windows.map(() => ({ script: 0, compile: 0, machinery: 0 }));
  const children = (p: Process): Process[] => (p.processes ?? []).flatMap((c) => [c, ...children(c)]);
  for (const proc of children(profile)) {
    for (const thread of proc.threads) {
      if (thread.processName === 'WebExtensions') continue;
      const prefixAt = column(thread.stackTable, 'prefix');
      const frameAt = column(thread.stackTable, 'frame');
      const locationAt = column(thread.frameTable, 'location');
      const stackAt = column(thread.samples, 'stack');
      const timeAt = column(thread.samples, 'time');
      const parts = new Map<number, Part | null>();
      const partOfStack = (stack: number): Part | null => {
        const known = parts.get(stack);
        if (known !== undefined) return known;
        const locations: string[] = [];
        // Bounded by the table's size: a malformed prefix loop cannot spin forever.
        for (let s: unknown = stack, n = 0; typeof s === 'number' && n <= thread.stackTable.data.length; n++) {
          const row = thread.stackTable.data[s];
          const frame = thread.frameTable.data[row?.[frameAt] as number];
          locations.push(String(thread.stringTable[frame?.[locationAt] as number] ?? ''));
          s = row?.[prefixAt];
        }
        const part = partOf(locations);
        parts.set(stack, part);
        return part;
      };
      for (const row of thread.samples.data) {
        const stack = row[stackAt];
        const time = row[timeAt];
        if (typeof stack !== 'number' || typeof time !== 'number') continue;
        const part = partOfStack(stack);
        if (!part) continue;
        const at = proc.meta.startTime + time;
        const w = windows.findIndex((win) => win.start <= at && at <= win.end);
        if (w >= 0) (out[w] as PartsMs)[part] += interval;
      }
    }
  }
  return out;
}
