/** @vitest-environment happy-dom */
/**
 * The content script hooks frames' load events only where a frame could
 * change the gate's answer (entrypoints/guard.ts, framesMayMatter): on a page
 * whose text may name a platform.
 */
import { describe, expect, test } from 'vitest';
import { framesMayMatter, isShopCandidate } from '../../../src/content/candidate';

const load = (html: string) => {
  document.documentElement.innerHTML = html;
};

describe('framesMayMatter', () => {
  test('an ordinary page with a frame: frames cannot matter', () => {
    load('<title>Weather</title><h1>Rain tomorrow</h1><iframe src="/map"></iframe>');
    expect(isShopCandidate(document)).toBe(false);
    expect(framesMayMatter()).toBe(false);
  });

  test('a page that names a platform but is no shop yet: a login frame could make it one', () => {
    load('<title>Log in with TikTok</title><h1>Welcome back</h1><iframe src="/login"></iframe>');
    expect(isShopCandidate(document)).toBe(false);
    expect(framesMayMatter()).toBe(true);
  });

  test('follows the latest check', () => {
    load('<title>Log in with Roblox</title>');
    isShopCandidate(document);
    expect(framesMayMatter()).toBe(true);
    load('<title>Tomato soup</title>');
    isShopCandidate(document);
    expect(framesMayMatter()).toBe(false);
  });
});
