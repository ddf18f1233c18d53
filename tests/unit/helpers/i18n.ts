/**
 * The real message catalogues (public/_locales/<lang>/messages.json) for unit
 * tests, and a browser.i18n.getMessage over one of them ("$1$" ← the first
 * substitution…), to mock fakeBrowser's.
 */
import { readFileSync } from 'node:fs';

export type Catalogue = Record<string, { message: string }>;

export const catalogue = (lang: string): Catalogue => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;

export function getMessageIn(msgs: Catalogue): (key: string, subs?: string | string[]) => string {
  return (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (msgs[key]?.message ?? '').replace(/\$(\d)\$/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
}
