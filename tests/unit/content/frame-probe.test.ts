/** @vitest-environment happy-dom */
/**
 * The frame probe's logic (src/content/frame-probe.ts): in a frame it touches
 * the extension API only once the frame holds a secret field its parent cannot
 * read; it sees a login box rendered after load when something in the frame
 * gets the focus; and a frame that keeps moving the focus costs a bounded
 * number of looks.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { FRAME_LOOKS, probeFrame, type FrameProbeDeps } from '../../../src/content/frame-probe';

function deps({ alive = true, parentCanRead = false } = {}) {
  const calls = { alive: 0, startReporting: 0, parentCanRead: 0 };
  const d: FrameProbeDeps = {
    parentCanRead: () => (calls.parentCanRead++, parentCanRead),
    alive: () => (calls.alive++, alive),
    startReporting: () => void calls.startReporting++,
  };
  return { d, calls };
}

const focus = (el: Element | null) => el?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the frame probe', () => {
  test('a frame with a password box: reporting starts at once, once (the nudges are the reporter’s, frame-report.test.ts)', () => {
    document.body.innerHTML = '<form><input name="user"><input type="password"></form>';
    const { d, calls } = deps();
    probeFrame(document, d);
    expect(calls).toEqual({ parentCanRead: 1, alive: 1, startReporting: 1 });
    focus(document.querySelector('input'));
    expect(calls.startReporting).toBe(1);
  });

  test('a same-origin frame (its parent reads it) sends nothing and leaves the extension API alone', () => {
    document.body.innerHTML = '<input type="password">';
    const { d, calls } = deps({ parentCanRead: true });
    probeFrame(document, d);
    expect(calls).toEqual({ parentCanRead: 1, alive: 0, startReporting: 0 });
  });

  test('an ad frame: the extension API is not touched and nothing is sent, whatever gets the focus', () => {
    document.body.innerHTML = '<a href="https://shoes.example/"><img alt=""><span>Spring sale</span></a><input type="search" name="q">';
    const { d, calls } = deps();
    probeFrame(document, d);
    focus(document.querySelector('a'));
    focus(document.querySelector('input'));
    expect(calls).toEqual({ parentCanRead: 0, alive: 0, startReporting: 0 });
  });

  test('a login box a widget renders after load is reported when it (or anything in the frame) gets the focus', () => {
    const { d, calls } = deps();
    probeFrame(document, d);
    const form = document.createElement('form');
    form.innerHTML = '<label>TikTok password <input type="password"></label>';
    document.body.append(form);
    expect(calls.startReporting).toBe(0);
    focus(form.querySelector('input'));
    expect(calls).toEqual({ parentCanRead: 1, alive: 1, startReporting: 1 });
    // Started once: later focus is the nudges' business.
    focus(form.querySelector('input'));
    expect(calls.startReporting).toBe(1);
  });

  test('a text box turned into a code box is seen on the next focus', () => {
    document.body.innerHTML = '<input id="box">';
    const { d, calls } = deps();
    probeFrame(document, d);
    const box = document.getElementById('box');
    box?.setAttribute('autocomplete', 'one-time-code');
    focus(box);
    expect(calls.startReporting).toBe(1);
  });

  test('a frame that keeps moving the focus: at most FRAME_LOOKS looks, then the probe stops looking', () => {
    document.body.innerHTML = '<button>Next</button>';
    const { d, calls } = deps();
    probeFrame(document, d);
    for (let i = 0; i < FRAME_LOOKS * 3; i++) focus(document.querySelector('button'));
    document.body.append(Object.assign(document.createElement('input'), { type: 'password' }));
    focus(document.querySelector('input'));
    expect(calls.startReporting).toBe(0);
  });

  test('an orphaned probe (the extension was removed) sends nothing and does not listen', () => {
    document.body.innerHTML = '<input type="password">';
    const { d, calls } = deps({ alive: false });
    probeFrame(document, d);
    expect(calls).toEqual({ parentCanRead: 1, alive: 1, startReporting: 0 });
  });

  test('the returned function stops the looking', () => {
    const { d, calls } = deps();
    const stop = probeFrame(document, d);
    stop();
    document.body.append(Object.assign(document.createElement('input'), { type: 'password' }));
    focus(document.querySelector('input'));
    expect(calls.startReporting).toBe(0);
  });
});
