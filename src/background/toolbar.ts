/** Paints a tab's verdict on the toolbar button: icon, badge text and colour, title. */
import type { ScanResult } from '../engine/types';
import { t, toolbarAction } from '../platform/browser';
import { VERDICT_STYLE, signalKeys } from '../ui/verdict-style';

const SIZES = [16, 32, 48, 128] as const;
const iconPaths = (name: string) => Object.fromEntries(SIZES.map((s) => [s, `/icons/${name}-${s}.png`]));

/** "Danger: Asks for your password" (in English) — the stable contract read by tests and evaluators. */
export function toolbarTitle(result: ScanResult): string | null {
  if (result.verdict === 'none') return null;
  const word = t(VERDICT_STYLE[result.verdict].word);
  const top = result.signals[0];
  const reason =
    result.verdict === 'official'
      ? t('reasonOfficial')
      : top && top.severity !== 'good'
        ? t(signalKeys(top.id).title)
        : t('reasonNoDanger');
  // "Danger: …"; French writes "Danger : …" (messages.json `labelled`).
  return t('labelled', [word, reason]);
}

export async function paintTab(tabId: number, result: ScanResult | null): Promise<void> {
  const action = toolbarAction();
  if (!result || result.verdict === 'none') {
    await Promise.all([
      action.setBadgeText({ tabId, text: '' }),
      action.setTitle({ tabId, title: t('extName') }),
      action.setIcon({ tabId, path: iconPaths('default') }),
    ]);
    return;
  }
  const style = VERDICT_STYLE[result.verdict];
  await Promise.all([
    action.setBadgeText({ tabId, text: style.badge }),
    action.setBadgeBackgroundColor({ tabId, color: style.colour }),
    action.setTitle({ tabId, title: toolbarTitle(result) ?? t('extName') }),
    action.setIcon({ tabId, path: iconPaths(result.verdict) }),
  ]);
  // White badge text where supported (Chrome 110+, Firefox 63+).
  await action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' });
}
