/**
 * Chrome: imports one of our own web-accessible files (guard.js, frame-report.js; wxt.config.ts)
 * into this content script's isolated world. Resolves to nothing when the extension's API is gone
 * (an orphaned script) or the file cannot be loaded: the caller stays quiet.
 */
export function importOwn(path: string): Promise<unknown> {
  const { chrome: api } = globalThis as { chrome?: { runtime?: { getURL?(path: string): string } } };
  try {
    const url = api?.runtime?.getURL?.(path);
    return url ? import(/* @vite-ignore */ url).catch(() => undefined) : Promise.resolve(undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}
