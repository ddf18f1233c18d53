/**
 * How `npm run bench:firefox-pages` reads a Firefox profile (scripts/bench/gecko-profile.ts): which
 * samples count as our scripts, as compiling content scripts, or as Firefox's extension machinery,
 * and for which page load.
 */
import { expect, test } from 'vitest';
import { partOf, partsByWindow } from '../../../scripts/bench/gecko-profile';

const OUR = 'Lt (moz-extension://1234/guard.js:1:500)';
const COMPILE = 'ChromeUtils.compileScript';
const MACHINERY = 'preloadContentScript (resource://gre/modules/ExtensionProcessScript.sys.mjs:301:5)';

test('a stack is ours if any frame is in an extension file, else compile, else machinery, else none', () => {
  expect(partOf(['Element.textContent getter', OUR, 'js::RunScript'])).toBe('script');
  // Our script compiled inside the machinery's call still counts as compile.
  expect(partOf([COMPILE, 'ScriptCache/< (resource://gre/modules/ExtensionContent.sys.mjs:171:7)'])).toBe('compile');
  expect(partOf(['stencil instantiate', MACHINERY])).toBe('machinery');
  expect(partOf(['get ConduitsChild (resource://gre/modules/ConduitsChild.sys.mjs:60:10)'])).toBe('machinery');
  expect(partOf(['Paint', 'PresShell::DoReflow', 'https://shop.example/app.js'])).toBeNull();
});

/** A child process started at `start` (ms since the epoch) whose samples are [stack innermost-first, time after start]. */
function child(start: number, samples: [string[] | null, number][], processName = 'Web Content') {
  const strings: string[] = [];
  const frames: number[][] = [];
  const stacks: (number | null)[][] = [];
  const rows = samples.map(([chain, time]) => {
    let prefix: number | null = null;
    // The stack table goes outermost first: each row names its caller.
    for (const loc of [...(chain ?? [])].reverse()) {
      strings.push(loc);
      frames.push([strings.length - 1]);
      stacks.push([prefix, frames.length - 1]);
      prefix = stacks.length - 1;
    }
    return [chain ? prefix : null, time];
  });
  return {
    meta: { startTime: start },
    threads: [
      {
        processName,
        stringTable: strings,
        frameTable: { schema: { location: 0 }, data: frames },
        stackTable: { schema: { prefix: 0, frame: 1 }, data: stacks },
        samples: { schema: { stack: 0, time: 1 }, data: rows },
      },
    ],
  };
}

test("each window's samples are summed by part, at the profile's interval, across the pages' processes", () => {
  const profile = {
    meta: { startTime: 1000, interval: 0.5 },
    threads: [],
    processes: [
      child(2000, [
        [[OUR], 10], // 2010: first load
        [[COMPILE], 20], // 2020: first load
        [['Paint'], 30], // not ours
        [null, 40], // an idle sample
        [[OUR], 200], // 2200: between the loads
      ]),
      child(2500, [
        [[MACHINERY], 10], // 2510: second load
        [['x', OUR], 20],
      ]),
      // The background page's process is not the page's time.
      child(2000, [[[OUR], 15]], 'WebExtensions'),
    ],
  };
  expect(
    partsByWindow(profile, [
      { start: 2000, end: 2100 },
      { start: 2500, end: 2600 },
    ]),
  ).toEqual([
    { script: 0.5, compile: 0.5, machinery: 0 },
    { script: 0.5, compile: 0, machinery: 0.5 },
  ]);
});

test('what is not a finished profile is refused with a message, not read as zero', () => {
  expect(() => partsByWindow({}, [])).toThrow(/not a Gecko profile/);
  // A profile without child processes: Firefox quit before it gathered them.
  expect(() => partsByWindow({ meta: { startTime: 1, interval: 0.1 }, threads: [] }, [])).toThrow(/not a Gecko profile/);
  const noTime = { meta: { startTime: 1, interval: 0.1 }, threads: [], processes: [{ ...child(1, []), threads: [{ ...child(1, []).threads[0], samples: { schema: { stack: 0 }, data: [] } }] }] };
  expect(() => partsByWindow(noTime, [])).toThrow(/no "time" column/);
});
