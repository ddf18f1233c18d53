import { useEffect, useState } from 'preact/hooks';
import { data } from '../../src/data';
import type { ScanResult, Signal } from '../../src/engine/types';
import { browser, t } from '../../src/platform/browser';
import { signalGlyph } from '../../src/ui/icons';
import { Glyph } from './Glyph';
import { VERDICT_STYLE, signalKeys } from '../../src/ui/verdict-style';
import { mainReason } from '../../src/ui/badge';
import { PriceTable } from './PriceTable';
import { StrictStatus } from './StrictStatus';
import { requestResult, type Loaded } from './request';

type Load = { state: 'loading' } | ({ state: 'ready' } & Loaded);

async function load(): Promise<Loaded> {
  return requestResult(location.search);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * One sign: its title always shows (the list reads at a glance); the
 * explanation and evidence fold out. The first sign of a list starts open.
 */
function SignalItem({ signal, tabId, open }: { signal: Signal; tabId: number | null; open: boolean }) {
  const keys = signalKeys(signal.id);
  return (
    <li class={`signal ${signal.severity}`} data-signal={signal.id}>
      <details open={open}>
        <summary>
          <strong class="signal-title">
            <Glyph kind={signalGlyph(signal.severity)} size={16} />
            <span>{t(keys.title)}</span>
          </strong>
        </summary>
        <p>{t(keys.explain)}</p>
        {signal.evidence.length > 0 && (
          <ul class="evidence">
            {signal.evidence.map((e, i) => (
              <li key={i}>
                <q>{e.text}</q>
                {e.selector && tabId !== null && (
                  <button
                    type="button"
                    class="show-me"
                    onClick={() => void browser.tabs.sendMessage(tabId, { type: 'highlight', selector: e.selector })}
                  >
                    {t('showMe')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function OfficialWay({ platformId }: { platformId: string | null }) {
  const platform = data().platforms.find((p) => p.id === (platformId ?? 'tiktok'));
  if (!platform) return null;
  return (
    <section class="official-way" aria-labelledby="official-way-h">
      <h2 id="official-way-h">{t('officialWayTitle', platform.name)}</h2>
      <p>
        <a href={platform.officialTopUp} target="_blank" rel="noopener noreferrer">
          {platform.officialTopUp.replace(/^https:\/\//, '')}
        </a>
      </p>
      {platform.inAppPath && <p>{t('officialWayInApp', platform.inAppPath)}</p>}
      {platform.id === 'tiktok' && <p class="terms">{t('termsWarning')}</p>}
    </section>
  );
}

/**
 * While the background answers: the same shell index.html paints before any
 * script runs. It claims no verdict (no verdict word, glyph or colour, no
 * data-verdict); the page is busy and a polite status says what is going on.
 */
export function Shell() {
  return (
    <main aria-busy="true" data-state="loading">
      <header class="head">
        <h1 class="verdict">
          <span class="word">{t('extName')}</span>
        </h1>
        <p class="main-reason" role="status" id="popup-status">
          {t('popupLoading')}
        </p>
      </header>
    </main>
  );
}

/** `pending`: the request main.tsx already sent before the first paint; without it, App asks itself. */
export function App({ pending }: { pending?: Promise<Loaded> } = {}) {
  const [s, setS] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    (pending ?? load()).then(
      (r) => setS({ state: 'ready', ...r }),
      () => setS({ state: 'ready', tabId: null, result: null }),
    );
  }, []);

  if (s.state === 'loading') return <Shell />;
  const r = s.result;
  if (!r || r.verdict === 'none') {
    return (
      <main data-verdict="none">
        <StrictStatus />
        <header class="head">
          <h1 class="verdict">
            <Glyph kind="none" size={28} />
            <span class="word">{t('extName')}</span>
          </h1>
          <p class="main-reason">{t('popupNone')}</p>
        </header>
      </main>
    );
  }
  const style = VERDICT_STYLE[r.verdict];
  const shown = r.signals.filter((x) => x.severity !== 'good');
  const good = r.signals.filter((x) => x.severity === 'good');
  return (
    <main
      data-verdict={r.verdict}
      style={{ '--c': style.colour, '--c-dark': style.colourDark, '--tint': style.tint, '--tint-dark': style.tintDark }}
    >
      <StrictStatus host={hostOf(r.url)} />
      <header class="head">
        <h1 class="verdict">
          <Glyph kind={style.glyph} size={28} />
          <span class="word">{t(style.word)}</span>
        </h1>
        <p class="main-reason">{mainReason(r)}</p>
      </header>
      {shown.length > 0 && (
        <section aria-labelledby="signs-h">
          <h2 id="signs-h">{t('popupSigns')}</h2>
          <ul class="signals">
            {shown.map((x, i) => (
              <SignalItem key={x.id} signal={x} tabId={s.tabId} open={i === 0} />
            ))}
          </ul>
        </section>
      )}
      <PriceTable prices={r.prices} platform={r.platform} />
      {good.length > 0 && (
        <section aria-labelledby="good-h">
          <h2 id="good-h">{t('popupGood')}</h2>
          <ul class="signals">
            {good.map((x, i) => (
              <SignalItem key={x.id} signal={x} tabId={s.tabId} open={shown.length === 0 && i === 0} />
            ))}
          </ul>
        </section>
      )}
      <OfficialWay platformId={r.platform} />
    </main>
  );
}
