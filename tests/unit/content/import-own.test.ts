/**
 * Chrome's import of our own files (src/content/import-own.ts): without the extension's API (an
 * orphaned script) or with a file that cannot be loaded, it resolves quietly; nothing is thrown.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { importOwn } from '../../../src/content/import-own';

afterEach(() => vi.unstubAllGlobals());

test('no extension API: resolves to nothing', async () => {
  vi.stubGlobal('chrome', undefined);
  await expect(importOwn('/guard.js')).resolves.toBeUndefined();
});

test('an API that throws (the extension was reloaded): resolves to nothing', async () => {
  const getURL = () => {
    throw new Error('Extension context invalidated.');
  };
  vi.stubGlobal('chrome', { runtime: { getURL } });
  await expect(importOwn('/guard.js')).resolves.toBeUndefined();
});

test('a file that cannot be loaded: resolves to nothing', async () => {
  const asked: string[] = [];
  vi.stubGlobal('chrome', { runtime: { getURL: (p: string) => (asked.push(p), `file:///nonexistent-csg${p}`) } });
  await expect(importOwn('/guard.js')).resolves.toBeUndefined();
  expect(asked).toEqual(['/guard.js']);
});
