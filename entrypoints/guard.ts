/**
 * The page-facing script. In Firefox it is the content script (registered in
 * wxt.config.ts, top frame only, at document_idle); in Chrome, the every-page
 * script (entrypoints/look.ts) imports it once the gate's first look passes.
 * Built as an unlisted script so WXT's content-script context, which
 * announces itself to every page, is not used.
 *
 * What runs when:
 *  1. The gate (src/content/candidate.ts → src/engine/gate.ts) reads title,
 *     headings and a bounded text sample. Not a coin shop → nothing is added,
 *     nothing is sent; only a MutationObserver and navigation listeners stay,
 *     which the page cannot observe. They re-run the gate, throttled with
 *     back-off and a budget (src/content/throttle.ts), when content is added
 *     or the URL changes (SPA navigation, src/content/watch.ts). Once the
 *     budget is spent, only a URL compare per mutation batch remains.
 *  2. A coin shop → one bounded snapshot (src/engine/snapshot.ts, including
 *     open shadow roots and same-origin frames, read in slices of a few ms:
 *     src/content/sliced-snapshot.ts) goes to the background, which
 *     runs the detectors and paints the toolbar; the verdict comes back and
 *     the badge is shown in a closed shadow root, in the top layer, kept there
 *     by src/content/guardian.ts. Later content changes trigger throttled
 *     re-scans; navigating to a page that is no shop removes the badge and
 *     clears the toolbar ({type:'clear'}).
 *  3. The popup may ask us to point at an element ("Show me").
 *  4. Cross-origin frames are read by the frame probe (entrypoints/frame-probe.ts)
 *     inside them; when one reports a secret field after our scan, the
 *     background asks us to scan again ({type:'rescan'}), through the same
 *     throttle as content changes.
 *
 * The extension API comes from the browser's global through a thin typed
 * wrapper (src/content/ext.ts), not webextension-polyfill: this file runs on
 * every page and should cost as little to load as possible.
 */
import { isRescan, isVerdictReply, parseHighlight, parseWords } from '../src/content-messages';
import { framesMayMatter, isShopCandidate } from '../src/content/candidate';
import { alive, onExtensionMessage, sendToBackground, useWords } from '../src/content/ext';
import { guardBadge } from '../src/content/guardian';
import { snapshotInSlices } from '../src/content/sliced-snapshot';
import { GATE, RESCAN } from '../src/content/recheck';
import { createThrottle } from '../src/content/throttle';
import { type ContentWanted, type Watch, watchPage } from '../src/content/watch';
import type { ScanResult } from '../src/engine/types';
import { BADGE_TAG, mountBadge, type BadgeHandle } from '../src/ui/badge';
import { HIGHLIGHT_TAG, highlight } from '../src/ui/highlight';
// Parents' strict mode (issue 5): cover danger pages, lock secret fields — src/ui/strict-overlay.ts.
import { applyStrict } from '../src/ui/strict-overlay';

let badge: BadgeHandle | null = null;
let unguard: (() => void) | null = null;
let shop = false;
let listening: (() => void) | null = null;
let watch: Watch | null = null;
let lastKey = '';

function resultKey(r: ScanResult): string {
  return `${r.verdict}|${r.signals.map((s) => s.id).join(',')}`;
}

function show(result: ScanResult): void {
  if (result.verdict === 'none') {
    hide();
    return;
  }
  if (badge) badge.update(result);
  else {
    badge = mountBadge(document, result);
    unguard = guardBadge(document, badge);
  }
}

function hide(): void {
  unguard?.();
  unguard = null;
  badge?.remove();
  badge = null;
}

/** Counts the times the page stopped being a shop: a scan begun before is stale (see scan()). */
let noShopCount = 0;

/** Full scan → verdict → badge. Resolves true when the verdict changed. */
async function scan(): Promise<boolean> {
  const began = noShopCount;
  // In slices of a few ms, one task each: a big page never waits on one long task of ours.
  const snapshot = await snapshotInSlices(document, location.href);
  // Meanwhile the page may have turned into one that is no shop (an SPA navigation): its verdict is gone already.
  if (began !== noShopCount || !shop) return false;
  const reply = await sendToBackground({ type: 'snapshot', snapshot });
  if (!isVerdictReply(reply) || began !== noShopCount || !shop) return false;
  // The badge's words come with the verdict: looking them up here would block the page (src/ui/page-words.ts).
  const { words, ...result } = reply as ScanResult & { words?: unknown };
  useWords(parseWords(words));
  // applyStrict hook (parents' strict mode) goes right after the verdict arrives.
  show(result);
  void applyStrict(document, result);
  const key = resultKey(result);
  const changed = key !== lastKey;
  lastKey = key;
  return changed;
}

function becameNoShop(): void {
  noShopCount++;
  shop = false;
  lastKey = '';
  hide();
  void sendToBackground({ type: 'clear' }).catch(() => undefined);
}

function shutdown(): void {
  watch?.stop();
  watch = null;
  gate.stop();
  rescan.stop();
  listening?.();
  listening = null;
  hide();
}

/** One gate run: true when the page's status changed (worth looking again soon). */
function check(): boolean {
  const now = isShopCandidate(document);
  const changed = now !== shop;
  if (changed) {
    // Only acting needs the extension: asking whether it is still there (runtime.id) sets up its
    // bindings in this world, about 1.5 ms, which an ordinary page that stays ordinary never pays.
    // An orphaned script (extension reloaded or removed) goes quiet instead of acting.
    if (!alive()) {
      shutdown();
      return false;
    }
    if (now) {
      shop = true;
      startShop();
    } else becameNoShop();
  }
  return changed;
}

// After each run (and reset) the watch listens again if it rested: what the page wants may have
// changed. Frames added since are hooked now (after every gate run and re-scan: the page may have
// become one where frames matter), so a frame that loads later still counts.
const wake = () => {
  if (!watch) return;
  watchFrames();
  watch.wake();
};
const gate = createThrottle({ ...GATE, run: check, settled: wake });
const rescan = createThrottle({
  ...RESCAN,
  settled: wake,
  run: () => {
    if (!alive()) {
      shutdown();
      return false;
    }
    if (!isShopCandidate(document)) {
      becameNoShop();
      return true;
    }
    // The reply comes later; count this run as fruitless and reset if the verdict changed.
    void scan().then((changed) => changed && rescan.reset(), () => undefined);
    return false;
  },
});

function startShop(): void {
  listening ??= onExtensionMessage((raw) => {
    // A cross-origin frame reported a secret field after our scan (entrypoints/frame-probe.ts).
    // The background asks at most a few times per page (src/background/frames.ts), so a fresh budget is bounded.
    if (isRescan(raw)) {
      rescan.reset();
      rescan.poke();
      return undefined;
    }
    const msg = parseHighlight(raw);
    return msg ? highlight(document, msg.selector) : undefined;
  });
  rescan.reset();
  void scan().catch(() => {
    // The extension was reloaded or the background is gone: stay silent on the page.
  });
}

function onNavigate(): void {
  gate.reset();
  rescan.reset();
  if (shop) rescan.poke();
  else gate.poke();
}

/**
 * A frame's document loads after ours, and its load changes nothing in our DOM
 * for the MutationObserver to see: a frame's `load` counts as new content.
 * Hooked only on a shop, or on a page whose text may name a platform (only
 * there can a password field inside a frame change the gate's answer):
 * looking for frames on every page and every mutation batch costs time.
 */
const framesSeen = new WeakSet<Element>();
function watchFrames(): void {
  if (!shop && !framesMayMatter()) return;
  const frames = document.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length && i < 20; i++) {
    const f = frames[i];
    if (!f || framesSeen.has(f)) continue;
    framesSeen.add(f);
    f.addEventListener('load', onContent);
  }
}

function onContent(): void {
  watchFrames();
  if (shop) rescan.poke();
  else gate.poke();
}

/**
 * How closely a mutation batch is looked at (src/content/watch.ts). A shop, or a page whose text
 * may name a platform (frames are hooked there), looks at the elements added, skipping our own. Any
 * other page touches no added node: any addition pokes the gate while it may run. Nothing is looked
 * at while the next re-scan or check is due or once its budget is spent: the watch then rests until
 * that throttle has run or been reset (in Firefox ESR, which has no Navigation API, it also compares
 * the URL a second after it rested and takes a batch again). Frames added meanwhile are hooked when
 * it wakes, and the re-scan reads the page as it is.
 */
function contentWanted(): ContentWanted {
  if (shop) return rescan.ready ? 'elements' : 'none';
  if (!gate.ready) return 'none';
  return framesMayMatter() ? 'elements' : 'nodes';
}

const ours = (n: Node) => n.nodeType === 1 && ((n as Element).localName === BADGE_TAG || (n as Element).localName === HIGHLIGHT_TAG);

export default defineUnlistedScript(() => {
  if (window.top !== window) return;
  try {
    shop = isShopCandidate(document);
    if (shop) startShop();
    watch = watchPage(window, { onNavigate, onContent, ignore: ours, wants: contentWanted });
    watchFrames();
  } catch {
    // Never let a strange page turn into an error on its console.
  }
});
