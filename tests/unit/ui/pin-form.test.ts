/** @vitest-environment happy-dom */
/**
 * The parent-PIN form shared by strict mode's cover and field lock: what the
 * person sees after a right PIN, a wrong one, a locked-out one and a failed
 * request, and that the field lock built on it keeps secret fields locked
 * until the background accepts the PIN.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const send = vi.fn<(m: unknown) => Promise<unknown>>();
const MESSAGES: Record<string, string> = { strictPinWrong: 'Wrong PIN.', strictPinWait: 'Try again in $1 s.' };
vi.mock('../../../src/content/ext', () => ({
  sendToBackground: (m: unknown) => send(m),
  t: (key: string, subs?: string) => (MESSAGES[key] ?? key).replace('$1', subs ?? ''),
}));

const { pinForm } = await import('../../../src/ui/pin-form');
const { lockFields } = await import('../../../src/ui/input-guard');

/** Lets the reply's promise chain run. */
const settle = () => new Promise<void>((r) => queueMicrotask(() => queueMicrotask(() => queueMicrotask(r))));

function setup(extra: Partial<Parameters<typeof pinForm>[1]> = {}) {
  const host = document.createElement('div');
  host.setAttribute('data-state', 'pin');
  const onOk = vi.fn();
  const ui = pinForm(document, { purpose: 'continue', host, readyState: 'pin', submitText: 'Unlock', visibleLabel: 'PIN:', onOk, ...extra });
  host.append(ui.form, ui.msg);
  document.body.append(host);
  const button = ui.form.querySelector('button')!;
  const submit = async (value: string) => {
    ui.pin.value = value;
    ui.form.requestSubmit();
    await settle();
  };
  return { host, ui, onOk, button, submit, state: () => host.getAttribute('data-state') };
}

/** The closed shadow roots our UI attaches, as they are created. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const r = attach.call(this, init);
    roots.push(r);
    return r;
  });
  return roots;
}

beforeEach(() => {
  send.mockReset();
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('pin form', () => {
  test('a right PIN is sent to the background for its purpose and continues', async () => {
    send.mockResolvedValue({ ok: true });
    const f = setup();
    await f.submit('1234');
    expect(send).toHaveBeenCalledWith({ type: 'verify-pin', pin: '1234', purpose: 'continue' });
    expect(f.onOk).toHaveBeenCalledOnce();
  });

  test('a wrong PIN empties the box and says so; the button works again at once', async () => {
    send.mockResolvedValue({ ok: false, reason: 'wrong', retryInMs: 0 });
    const f = setup();
    await f.submit('0000');
    expect(f.onOk).not.toHaveBeenCalled();
    expect(f.ui.pin.value).toBe('');
    expect(f.ui.msg.textContent).toBe('Wrong PIN.');
    expect(f.state()).toBe('wrong');
    expect(f.button.disabled).toBe(false);
  });

  test('a wrong PIN with a back-off disables the button until the wait is over, then is ready again', async () => {
    vi.useFakeTimers();
    send.mockResolvedValue({ ok: false, reason: 'wrong', retryInMs: 2500 });
    const f = setup({ refocusAfterWait: true });
    await f.submit('0000');
    expect(f.ui.msg.textContent).toBe('Wrong PIN. Try again in 3 s.');
    expect(f.state()).toBe('waiting');
    expect(f.button.disabled).toBe(true);
    // A second submit while waiting sends nothing.
    await f.submit('1111');
    expect(send).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(2499);
    expect(f.button.disabled).toBe(true);
    vi.advanceTimersByTime(1);
    expect(f.button.disabled).toBe(false);
    expect(f.state()).toBe('pin');
    expect(document.activeElement).toBe(f.ui.pin);
  });

  test('still locked out: says when to try again, not that the PIN was wrong', async () => {
    send.mockResolvedValue({ ok: false, reason: 'locked', retryInMs: 60_000 });
    const f = setup();
    await f.submit('1234');
    expect(f.ui.msg.textContent).toBe('Try again in 60 s.');
    f.ui.dispose();
  });

  test('a failed request leaves the form usable', async () => {
    send.mockRejectedValue(new Error('gone'));
    const f = setup({ readyState: 'shown' });
    await f.submit('1234');
    expect(f.button.disabled).toBe(false);
    expect(f.state()).toBe('shown');
    expect(f.onOk).not.toHaveBeenCalled();
  });

  test('without a visible label the box is labelled for assistive tech', () => {
    const f = setup({ visibleLabel: undefined, boxLabel: 'Parent PIN' });
    expect(f.ui.form.querySelector('label')).toBeNull();
    expect(f.ui.pin.getAttribute('aria-label')).toBe('Parent PIN');
    expect(f.ui.pin.placeholder).toBe('Parent PIN');
  });
});

describe('field lock with the shared form', () => {
  test('a password field refuses typing until the background accepts the PIN', async () => {
    const roots = captureShadowRoots();
    document.body.innerHTML = '<form><input id="user"><input id="pw" type="password"></form>';
    const pw = document.getElementById('pw') as HTMLInputElement;
    const user = document.getElementById('user') as HTMLInputElement;
    const lock = lockFields(document, 'pin');
    expect(pw.readOnly).toBe(true);
    expect(user.readOnly).toBe(false);

    const typed = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    pw.dispatchEvent(typed);
    expect(typed.defaultPrevented).toBe(true);
    const host = document.querySelector('coin-shop-guard-lock')!;
    expect(host.getAttribute('data-state')).toBe('shown');

    const root = roots.at(-1)!;
    const pin = root.querySelector('input') as HTMLInputElement;
    const form = root.querySelector('form') as HTMLFormElement;
    send.mockResolvedValueOnce({ ok: false, reason: 'wrong', retryInMs: 0 });
    pin.value = '0000';
    form.requestSubmit();
    await settle();
    expect(send).toHaveBeenLastCalledWith({ type: 'verify-pin', pin: '0000', purpose: 'unlock-fields' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Wrong PIN.');
    expect(pw.readOnly).toBe(true);

    send.mockResolvedValueOnce({ ok: true });
    pin.value = '1234';
    form.requestSubmit();
    await settle();
    expect(host.getAttribute('data-state')).toBe('unlocked');
    expect(pw.readOnly).toBe(false);
    lock.remove();
  });

  test('every box of a code split over one-character boxes is locked; dates, cards and stray boxes are not', () => {
    document.body.innerHTML =
      '<form><input id="user">' +
      '<div id="code">' + '<input maxlength="1">'.repeat(6) + '</div>' +
      '<div id="wrapped">' + '<span><input maxlength="1" type="tel"></span>'.repeat(4) + '</div>' +
      '<div id="date"><input maxlength="2"><input maxlength="2"><input maxlength="4"></div>' +
      '<div id="three">' + '<input maxlength="1">'.repeat(3) + '</div>' +
      '<div id="ten">' + '<input maxlength="1">'.repeat(10) + '</div></form>';
    const lock = lockFields(document, 'pin');
    const locked = (id: string) => [...document.querySelectorAll(`#${id} input`)].map((el) => (el as HTMLInputElement).readOnly);
    expect(locked('code')).toEqual(Array(6).fill(true));
    expect(locked('wrapped')).toEqual(Array(4).fill(true));
    expect(locked('date')).toEqual([false, false, false]);
    expect(locked('three')).toEqual([false, false, false]);
    expect(locked('ten')).toEqual(Array(10).fill(false));
    expect((document.getElementById('user') as HTMLInputElement).readOnly).toBe(false);
    lock.remove();
  });

  test('a bare code box that only the text above it names is locked through the verdict\'s evidence', async () => {
    const { analyze } = await import('../../../src/engine/analyze');
    const { buildSnapshot } = await import('../../../src/engine/snapshot');
    document.body.innerHTML =
      '<h1>Buy TikTok Coins</h1><p>1,000 Coins for $8.99.</p><form action="/o"><label>TikTok username <input id="user" name="username"></label>' +
      '<p>Enter the 6-digit code TikTok sent you:</p><input id="box" name="f2"><button>Buy now</button></form>';
    const result = analyze(buildSnapshot(document, 'https://cheap-topup.example/'));
    const named = result.signals.filter((x) => x.id === 'credential-fields').flatMap((x) => x.evidence.map((e) => e.selector ?? ''));
    const lock = lockFields(document, 'pin', named);
    expect((document.getElementById('box') as HTMLInputElement).readOnly).toBe(true);
    expect((document.getElementById('user') as HTMLInputElement).readOnly).toBe(false);
    lock.remove();
  });

  test('with no PIN set there is no PIN box, only the explanation', () => {
    const roots = captureShadowRoots();
    document.body.innerHTML = '<input type="password">';
    const lock = lockFields(document, 'never');
    const root = roots.at(-1)!;
    expect(root.querySelector('input')).toBeNull();
    expect(root.textContent).toContain('strictNoPinSet');
    lock.remove();
  });
});

describe('loading the strict-mode modules does no work', () => {
  test('importing them creates no element and compiles no pattern', async () => {
    vi.resetModules();
    const create = vi.spyOn(document, 'createElement');
    const RealRegExp = globalThis.RegExp;
    let compiled = 0;
    globalThis.RegExp = new Proxy(RealRegExp, {
      construct(target, args) {
        compiled++;
        return Reflect.construct(target, args);
      },
    });
    try {
      await import('../../../src/ui/strict-overlay');
      await import('../../../src/ui/input-guard');
      await import('../../../src/ui/pin-form');
    } finally {
      globalThis.RegExp = RealRegExp;
    }
    expect(create).not.toHaveBeenCalled();
    expect(compiled).toBe(0);
  });
});
