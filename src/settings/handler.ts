/**
 * The background's side of strict mode: answers the content script's
 * strict-plan, verify-pin and log-event messages (router.ts sends them here
 * after zod parsing). Only a tab's top frame is answered; the site comes from
 * sender.url and the verdict from the background's own stored result.
 */
import type { Runtime } from 'webextension-polyfill';
import { appendLog } from '../activity-log/log';
import { loadResult } from '../background/state';
import { checkPin } from '../pin/store';
import type { LogEventMessage, StrictPlanMessage, VerifyPinMessage, VerifyReply, StrictPlan } from './messages';
import { NO_PLAN, strictPlan } from './plan';
import { loadEffective } from './store';
import type { z } from 'zod';

type Msg = z.infer<typeof StrictPlanMessage> | z.infer<typeof VerifyPinMessage> | z.infer<typeof LogEventMessage>;

/** The tab, host and verdict a content-script message speaks for, or null if it is not one. */
async function pageOf(sender: Runtime.MessageSender, extensionOrigin: string): Promise<{ host: string; verdict: string; plan: StrictPlan } | null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === extensionOrigin || !/^https?:$/.test(url.protocol)) return null;
  const result = await loadResult(tabId);
  // The stored verdict must be for this very document's address.
  const verdict = result && result.url === sender.url ? result.verdict : 'none';
  const eff = await loadEffective();
  return { host: url.hostname, verdict, plan: verdict === 'none' ? NO_PLAN : strictPlan(eff.settings, eff.pinSet, url.hostname, verdict) };
}

export async function handleStrictMessage(msg: Msg, sender: Runtime.MessageSender, extensionOrigin: string): Promise<unknown> {
  const page = await pageOf(sender, extensionOrigin);
  if (!page) return undefined;
  const { host, verdict, plan } = page;
  switch (msg.type) {
    case 'strict-plan':
      if (plan.cover) await appendLog({ site: host, verdict, action: 'covered' });
      else if (plan.lockFields) await appendLog({ site: host, verdict, action: 'fields-locked' });
      return plan;
    case 'verify-pin': {
      const gate = msg.purpose === 'continue' ? plan.continueGate : plan.fieldsGate;
      const active = msg.purpose === 'continue' ? plan.cover : plan.lockFields;
      if (!active || gate !== 'pin') return { ok: false, reason: 'refused', retryInMs: 0 } satisfies VerifyReply;
      const check = await checkPin(msg.pin);
      if (check.ok) await appendLog({ site: host, verdict, action: msg.purpose === 'continue' ? 'continued' : 'unlocked' });
      return check satisfies VerifyReply;
    }
    case 'log-event':
      // Only meaningful while the page is covered; "continued" without a PIN only where the gate is free.
      if (!plan.cover || (msg.action === 'continued' && plan.continueGate !== 'free')) return null;
      await appendLog({ site: host, verdict, action: msg.action });
      return null;
  }
}
