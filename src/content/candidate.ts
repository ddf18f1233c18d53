/**
 * The gate as the content script applies it. The gate (src/engine/gate.ts)
 * looks for a password field with one querySelector on the document; a fake
 * login can put that field inside an open shadow root or a same-origin
 * iframe. We only search there when it would change the answer — the page
 * names a platform but has no password field in the light DOM — so ordinary
 * pages pay nothing extra.
 */
import { gateDecision, mayNamePlatform, mayPassGate, passesFirstLook, readGateInput } from '../engine/gate';
import { LIMITS } from '../engine/limits';
import { hasInputMatching } from '../engine/query';
import { SECRET_FIELD } from '../engine/secret-fields';

/** Open shadow roots and same-origin frame documents under `root`, bounded. */
export function* nestedRoots(root: Document | ShadowRoot, budget = { elements: LIMITS.deepSearchElements }): Generator<Document | ShadowRoot> {
  // nodeType, not instanceof: a frame's Document comes from another realm.
  const isDoc = root.nodeType === 9;
  const doc = isDoc ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const start = isDoc ? (root as Document).documentElement : root;
  if (!start) return;
  const walker = doc.createTreeWalker(start, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    if (--budget.elements < 0) return;
    const shadow = n.shadowRoot;
    if (shadow) {
      yield shadow;
      yield* nestedRoots(shadow, budget);
    }
    if (n.localName === 'iframe' || n.localName === 'frame') {
      let inner: Document | null = null;
      try {
        inner = (n as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null; // cross-origin
      }
      if (inner?.documentElement) {
        yield inner;
        yield* nestedRoots(inner, budget);
      }
    }
  }
}

export function hasNestedSecretField(doc: Document): boolean {
  for (const r of nestedRoots(doc)) if (hasInputMatching(r, SECRET_FIELD)) return true;
  return false;
}

let namedPlatform = false;

/**
 * Whether a frame that loads later could change the gate's answer, as of the
 * last isShopCandidate: only when the page's text may name a platform (a
 * secret field inside a frame matters only then). The content script hooks
 * frames' load events only then, so ordinary pages pay nothing for frames.
 */
export function framesMayMatter(): boolean {
  return namedPlatform;
}

/** True when the page deserves a full scan. */
export function isShopCandidate(doc: Document): boolean {
  // The first look touches no element: most pages end here (gate.ts readFirstLook).
  if (!passesFirstLook(doc)) {
    namedPlatform = false;
    return false;
  }
  const input = readGateInput(doc);
  namedPlatform = mayNamePlatform(input);
  if (!mayPassGate(input)) return false;
  if (gateDecision(input)) return true;
  if (input.hasSecretField) return false;
  // Would a secret field make it a candidate? Only then look inside shadow roots and frames.
  if (!gateDecision({ ...input, hasSecretField: true })) return false;
  return hasNestedSecretField(doc);
}
