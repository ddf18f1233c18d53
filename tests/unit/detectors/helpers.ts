/** Builds a detector's context from HTML, exactly as analyze() does, so a detector can be tested alone. */
import { detectPlatform } from '../../../src/engine/analyze';
import { siteInfo } from '../../../src/engine/site';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { parseHtml, scanHtml } from '../../../src/node/scan-html';
import { extractPrices } from '../../../src/prices/extract';
import type { DetectContext, Detector, Hit } from '../../../src/detectors/types';

export async function contextFor(html: string, url = 'https://shop.example/tiktok'): Promise<DetectContext> {
  const { document, close } = parseHtml(html, url);
  try {
    const snap = buildSnapshot(document, url);
    const site = siteInfo(url);
    const platform = detectPlatform(snap, site);
    return { snap, site, platform, prices: extractPrices(snap, platform) };
  } finally {
    await close();
  }
}

export async function runDetector(d: Detector, html: string, url?: string): Promise<Hit[]> {
  return d.run(await contextFor(html, url));
}

export async function idsOf(d: Detector, html: string, url?: string): Promise<string[]> {
  return (await runDetector(d, html, url)).map((h) => h.id).sort();
}

/** A page with a title and body, as a shop or article would have. */
export function page(body: string, title = 'Buy TikTok Coins – cheap top up', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** The whole pipeline (gate → snapshot → analyze). */
export async function scan(html: string, url = 'https://shop.example/tiktok', strict = false) {
  return (await scanHtml(html, url, { strict })).result;
}
