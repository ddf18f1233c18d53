/**
 * Runs the engine on an HTML string outside the browser (happy-dom): the same
 * gate, snapshot and analysis as the extension. Used by the scan, eval and demo
 * commands and by unit tests.
 */
import { Window } from 'happy-dom';
import { analyze, type AnalyzeOptions } from '../engine/analyze';
import { isCandidate } from '../engine/gate';
import { buildSnapshot } from '../engine/snapshot';
import type { PageSnapshot, ScanResult } from '../engine/types';

/** Parse HTML into a Document at `url`, without running its scripts or loading anything. */
export function parseHtml(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

export interface HtmlScan {
  result: ScanResult;
  gate: boolean;
  snapshot: PageSnapshot | null;
}

/** The extension's pipeline on one page: gate → snapshot → analyze. */
export async function scanHtml(html: string, url: string, opts: AnalyzeOptions = {}): Promise<HtmlScan> {
  const { document, close } = parseHtml(html, url);
  try {
    const gate = isCandidate(document);
    if (!gate) return { gate, snapshot: null, result: { url, verdict: 'none', score: 0, platform: null, signals: [], prices: [] } };
    const snapshot = buildSnapshot(document, url);
    return { gate, snapshot, result: analyze(snapshot, opts) };
  } finally {
    await close();
  }
}
