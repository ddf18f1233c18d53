/**
 * The parents' options page (issue 5): normal or strict mode, what happens on
 * danger pages, the PIN, trusted shops, the activity log, and what policy
 * controls. Settings a browser policy sets are shown locked and cannot be
 * changed here. When a PIN is set, every change needs it first.
 */
import { useEffect, useState } from 'preact/hooks';
import { clearLog, readLog, toCsv, type LogEntry } from '../../src/activity-log/log';
import { t } from '../../src/platform/browser';
import { checkPin, removePin, setPin, type PinChange } from '../../src/pin/store';
import { normalizeSite, type Settings, type SettingsProblem } from '../../src/settings/schema';
import { loadEffective, saveSettings, type Effective } from '../../src/settings/store';

const secs = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

/** The sentence for a refused PIN. */
function refusal(r: Exclude<PinChange, { ok: true }>): string {
  if (r.reason === 'invalid') return t('optionsPinInvalid');
  if (r.reason === 'no-pin') return t('optionsPinNone');
  if (r.reason === 'storage') return t('optionsPinStorageFailed');
  return r.retryInMs > 0 ? `${t('strictPinWrong')} ${t('strictPinWait', secs(r.retryInMs))}` : t('strictPinWrong');
}

function problemText(p: SettingsProblem): string {
  switch (p.code) {
    case 'corrupt':
      return t('settingsProblemCorrupt');
    case 'newer':
      return t('settingsProblemNewer');
    case 'fieldReset':
      return t('settingsProblemField', p.field);
    case 'managedInvalid':
      return t('settingsProblemManaged', p.field);
  }
}

function Locked({ on }: { on: boolean }) {
  return on ? <p class="locked-note">{t('optionsLockedByPolicy')}</p> : null;
}

export function App() {
  const [eff, setEff] = useState<Effective | null>(null);
  /** The PIN the parent typed to unlock this page (kept only in this page's memory). */
  const [pin, setPinState] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; bad?: boolean }>({ text: '' });
  const [log, setLog] = useState<LogEntry[] | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = async () => setEff(await loadEffective());
  useEffect(() => {
    void reload();
  }, []);
  if (!eff) return <main id="options" aria-busy="true" />;

  const unlocked = !eff.pinSet || pin !== null;
  const lock = (field: keyof Settings) => eff.locked.includes(field);
  const canEdit = (field: keyof Settings) => unlocked && !lock(field) && !busy;

  const save = async (patch: Partial<Settings>) => {
    setBusy(true);
    try {
      await saveSettings({ ...eff.user, ...patch });
      await reload();
      setMsg({ text: t('optionsSaved') });
    } finally {
      setBusy(false);
    }
  };

  const withPin = async (fn: () => Promise<PinChange>, ok: string) => {
    setBusy(true);
    try {
      const r = await fn();
      if (r.ok) setMsg({ text: ok });
      else setMsg({ text: refusal(r), bad: true });
      return r.ok;
    } finally {
      setBusy(false);
    }
  };

  const onUnlock = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('unlock-pin') as HTMLInputElement;
    const typed = input.value;
    input.value = '';
    if (await withPin(() => checkPin(typed), t('optionsUnlocked'))) setPinState(typed);
  };

  const onSetPin = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const a = (form.elements.namedItem('new-pin') as HTMLInputElement).value;
    const b = (form.elements.namedItem('new-pin-again') as HTMLInputElement).value;
    form.reset();
    if (a !== b) {
      setMsg({ text: t('optionsPinMismatch'), bad: true });
      return;
    }
    if (await withPin(() => setPin(a, pin ?? undefined), t('optionsPinSaved'))) {
      setPinState(a);
      await reload();
    }
  };

  const onRemovePin = async () => {
    if (pin === null) return;
    if (await withPin(() => removePin(pin), t('optionsPinRemoved'))) {
      setPinState(null);
      await reload();
    }
  };

  const onAddSite = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('site') as HTMLInputElement;
    const host = normalizeSite(input.value);
    if (!host) {
      setMsg({ text: t('optionsSiteInvalid'), bad: true });
      return;
    }
    input.value = '';
    await save({ allowList: [...new Set([...eff.user.allowList, host])] });
  };

  const onShowLog = async () => {
    setBusy(true);
    try {
      const r = await readLog(pin ?? undefined, eff.pinSet);
      if (r.ok) setLog(r.entries);
      else setMsg({ text: refusal(r), bad: true });
    } finally {
      setBusy(false);
    }
  };

  const onExport = () => {
    if (!log) return;
    const blob = new Blob([toCsv(log)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `coin-shop-guard-log-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const s = eff.settings;
  return (
    <main id="options" data-mode={s.mode} data-controlled-by={eff.controlledBy} data-unlocked={String(unlocked)}>
      <h1>{t('optionsTitle')}</h1>

      {eff.problems.length > 0 && (
        <div class="alert" role="alert" data-problems={eff.problems.length}>
          <strong>{t('settingsProblemTitle')}</strong>
          <ul>
            {eff.problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}

      {eff.pinSet && pin === null && (
        <section id="unlock" aria-labelledby="unlock-h">
          <h2 id="unlock-h">{t('optionsUnlockTitle')}</h2>
          <p class="hint">{t('optionsUnlockHint')}</p>
          <form class="row" onSubmit={onUnlock}>
            <label>
              {t('strictPinLabel')} <input type="password" name="unlock-pin" autocomplete="off" inputMode="numeric" required />
            </label>
            <button type="submit" disabled={busy}>
              {t('strictUnlock')}
            </button>
          </form>
        </section>
      )}

      <p class={`msg${msg.bad ? ' bad' : ''}`} role="status" id="status">
        {msg.text}
      </p>

      <section aria-labelledby="mode-h" class={lock('mode') ? 'locked' : ''}>
        <h2 id="mode-h">{t('optionsModeTitle')}</h2>
        <fieldset data-setting="mode" disabled={!canEdit('mode')}>
          <legend>{t('optionsModeLegend')}</legend>
          <label>
            <input type="radio" name="mode" value="normal" checked={s.mode === 'normal'} onChange={() => void save({ mode: 'normal' })} /> {t('optionsModeNormal')}
          </label>
          <label>
            <input type="radio" name="mode" value="strict" checked={s.mode === 'strict'} onChange={() => void save({ mode: 'strict' })} /> {t('optionsModeStrict')}
          </label>
        </fieldset>
        <Locked on={lock('mode')} />
        {s.mode === 'strict' && !eff.pinSet && !lock('mode') && <p class="hint">{t('optionsStrictNeedsPin')}</p>}

        <fieldset data-setting="dangerAction" disabled={!canEdit('dangerAction')}>
          <legend>{t('optionsActionLegend')}</legend>
          <label>
            <input type="radio" name="dangerAction" value="warn" checked={s.dangerAction === 'warn'} onChange={() => void save({ dangerAction: 'warn' })} />{' '}
            {t('optionsActionWarn')}
          </label>
          <label>
            <input type="radio" name="dangerAction" value="block" checked={s.dangerAction === 'block'} onChange={() => void save({ dangerAction: 'block' })} />{' '}
            {t('optionsActionBlock')}
          </label>
        </fieldset>
        <Locked on={lock('dangerAction')} />
        <label>
          <input type="checkbox" name="requirePin" checked={s.requirePin} disabled={!canEdit('requirePin')} onChange={(e) => void save({ requirePin: e.currentTarget.checked })} />{' '}
          {t('optionsRequirePin')}
        </label>
        <Locked on={lock('requirePin')} />
      </section>

      <section aria-labelledby="pin-h">
        <h2 id="pin-h">{t('optionsPinTitle')}</h2>
        <p class="hint">{eff.pinSet ? t('optionsPinIsSet') : t('optionsPinNotSet')}</p>
        {unlocked && (
          <form class="row" onSubmit={onSetPin} data-form="set-pin">
            <label>
              {t('optionsPinNew')} <input type="password" name="new-pin" autocomplete="new-password" minLength={4} maxLength={64} required />
            </label>
            <label>
              {t('optionsPinAgain')} <input type="password" name="new-pin-again" autocomplete="new-password" minLength={4} maxLength={64} required />
            </label>
            <button type="submit" disabled={busy}>
              {eff.pinSet ? t('optionsPinChange') : t('optionsPinSet')}
            </button>
          </form>
        )}
        {eff.pinSet && pin !== null && (
          <button type="button" data-action="remove-pin" disabled={busy || s.requirePin} onClick={() => void onRemovePin()}>
            {t('optionsPinRemove')}
          </button>
        )}
      </section>

      <section aria-labelledby="sites-h" class={lock('allowList') ? 'locked' : ''}>
        <h2 id="sites-h">{t('optionsSitesTitle')}</h2>
        <p class="hint">{t('optionsSitesHint')}</p>
        {s.allowList.length === 0 ? (
          <p class="hint">{t('optionsSitesEmpty')}</p>
        ) : (
          <ul class="sites">
            {s.allowList.map((site) => (
              <li key={site} data-site={site}>
                {site}{' '}
                {canEdit('allowList') && (
                  <button type="button" onClick={() => void save({ allowList: eff.user.allowList.filter((x) => x !== site) })} aria-label={`${t('optionsSiteRemove')} ${site}`}>
                    {t('optionsSiteRemove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit('allowList') && (
          <form class="row" onSubmit={onAddSite}>
            <label>
              {t('optionsSiteAdd')} <input type="text" name="site" placeholder="shop.example" required />
            </label>
            <button type="submit">{t('optionsSiteAddButton')}</button>
          </form>
        )}
        <Locked on={lock('allowList')} />
      </section>

      <section aria-labelledby="log-h">
        <h2 id="log-h">{t('optionsLogTitle')}</h2>
        <p class="hint">{t('optionsLogHint')}</p>
        {log === null ? (
          <button type="button" data-action="show-log" disabled={busy || !unlocked} onClick={() => void onShowLog()}>
            {t('optionsLogShow')}
          </button>
        ) : (
          <>
            <button type="button" data-action="export-log" onClick={onExport} disabled={log.length === 0}>
              {t('optionsLogExport')}
            </button>
            <button
              type="button"
              data-action="clear-log"
              onClick={() => {
                void clearLog().then(() => setLog([]));
              }}
            >
              {t('optionsLogClear')}
            </button>
            {log.length === 0 ? (
              <p class="hint">{t('optionsLogEmpty')}</p>
            ) : (
              <table data-log={log.length}>
                <thead>
                  <tr>
                    <th>{t('optionsLogDate')}</th>
                    <th>{t('optionsLogSite')}</th>
                    <th>{t('optionsLogVerdict')}</th>
                    <th>{t('optionsLogAction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((e, i) => (
                    <tr key={i}>
                      <td>{new Date(e.at).toLocaleString()}</td>
                      <td>{e.site}</td>
                      <td>{e.verdict}</td>
                      <td>{e.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="honest-h">
        <h2 id="honest-h">{t('optionsHonestTitle')}</h2>
        <p>{t('optionsHonestPin')}</p>
        <p>{t('optionsHonestPolicy')}</p>
        <p>{t('optionsHonestLocal')}</p>
      </section>
    </main>
  );
}
