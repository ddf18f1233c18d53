/** @vitest-environment happy-dom */
/**
 * A frame's report (src/content/frame-report.ts), which Chrome's frame probe
 * imports only in a frame holding a secret field: the frame's snapshot goes
 * to the background at once, and again on each {type:'probe-frames'} from our
 * background while the field is there; nudges from anyone else are ignored.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { startReporting } from '../../../src/content/frame-report';

type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, respond: (r: unknown) => void) => undefined;

function fakeExtension() {
  const sent: { type: string; snapshot?: unknown }[] = [];
  const listeners: Listener[] = [];
  vi.stubGlobal('browser', {
    runtime: {
      id: 'ours',
      sendMessage: (m: { type: string }) => (sent.push(m), Promise.resolve(undefined)),
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
    },
  });
  const nudge = (sender: { id?: string; tab?: unknown }) => {
    for (const l of listeners) l({ type: 'probe-frames' }, sender, () => undefined);
  };
  return { sent, nudge };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

test('reports at once, and again on each nudge from our background while the secret field is there', () => {
  document.body.innerHTML = '<form><label>TikTok password <input type="password" name="p"></label><button>Log in</button></form>';
  const ext = fakeExtension();
  startReporting(document);
  expect(ext.sent.map((m) => m.type)).toEqual(['frame-snapshot']);
  expect(ext.sent[0]?.snapshot).toBeTruthy();
  ext.nudge({ id: 'ours' });
  expect(ext.sent).toHaveLength(2);
  // Another extension, or a content script in a tab, cannot make it report.
  ext.nudge({ id: 'someone-else' });
  ext.nudge({ id: 'ours', tab: { id: 3 } });
  expect(ext.sent).toHaveLength(2);
  // The field is gone: a nudge sends nothing.
  document.body.innerHTML = '<p>Thanks!</p>';
  ext.nudge({ id: 'ours' });
  expect(ext.sent).toHaveLength(2);
});

test('the extension is gone: nothing thrown into the frame', () => {
  document.body.innerHTML = '<input type="password">';
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', undefined);
  expect(() => startReporting(document)).not.toThrow();
});
