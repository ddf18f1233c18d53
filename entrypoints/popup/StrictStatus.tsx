/**
 * The popup's strict-mode line (issue 5): strict on or off, and who keeps it
 * on — the browser policy, the parent PIN, or nobody yet. Renders nothing in
 * normal mode, so the popup stays as it was for everyone else.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/platform/browser';
import { isTrusted, loadEffective, type Effective } from '../../src/settings/store';

export function StrictStatus({ host }: { host?: string }) {
  const [eff, setEff] = useState<Effective | null>(null);
  useEffect(() => {
    void loadEffective().then(setEff, () => setEff(null));
  }, []);
  if (!eff || eff.settings.mode !== 'strict') return null;
  const who = eff.controlledBy === 'policy' ? t('strictByPolicy') : eff.controlledBy === 'pin' ? t('strictByPin') : t('strictByNobody');
  const trusted = host ? isTrusted(host, eff.settings.allowList) : false;
  return (
    <p class="strict-status" role="status" data-strict="on" data-controlled-by={eff.controlledBy}>
      <strong>{t('strictOn')}</strong> {who}
      {trusted && <> {t('strictTrustedSite')}</>}
    </p>
  );
}
