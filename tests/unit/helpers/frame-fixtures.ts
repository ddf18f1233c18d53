/**
 * Snapshots for the cross-origin frame tests: a shop whose order form lives in
 * a checkout frame from another origin, and that frame asking for the TikTok
 * password (as the frame probe reads it).
 */
import type { PageSnapshot } from '../../../src/engine/types';

export const SHOP_URL = 'https://coincorner.example/';
export const FRAME_ORIGIN = 'https://checkout-frame.example';
export const FRAME_URL = `${FRAME_ORIGIN}/pay`;

export function emptySnapshot(url: string, over: Partial<PageSnapshot> = {}): PageSnapshot {
  return { url, title: '', lang: 'en', headline: '', blocks: [], fields: [], forms: [], links: [], options: [], stats: { elements: 10, textTruncated: false }, ...over };
}

/** The shop: talks about TikTok coins and prices, but has no form of its own. */
export const shopTop = emptySnapshot(SHOP_URL, {
  title: 'TikTok coins top-up',
  headline: 'TikTok coins top-up · Buy TikTok coins',
  blocks: [{ text: 'Buy TikTok coins for your account. 700 coins – $9.99', selector: 'main > p:nth-of-type(1)' }],
});

/** The checkout frame: username and TikTok password. */
export const loginFrame = emptySnapshot(FRAME_URL, {
  blocks: [{ text: 'To deliver your coins we log in to your account for you.', selector: 'body > form:nth-of-type(1) > p:nth-of-type(1)' }],
  fields: [
    { type: 'text', name: 'username', autocomplete: '', label: 'tiktok username', selector: 'body > form:nth-of-type(1) > input:nth-of-type(1)', formAction: `${FRAME_ORIGIN}/submit` },
    { type: 'password', name: 'pass', autocomplete: '', label: 'tiktok password', selector: 'body > form:nth-of-type(1) > input:nth-of-type(2)', formAction: `${FRAME_ORIGIN}/submit` },
  ],
  forms: [{ action: `${FRAME_ORIGIN}/submit`, method: 'post', selector: 'body > form:nth-of-type(1)' }],
  stats: { elements: 7, textTruncated: true },
});
