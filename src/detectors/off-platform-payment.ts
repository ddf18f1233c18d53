/**
 * Instructions to pay off-platform, where the money cannot be got back:
 *
 *  strong (one is enough)
 *   - an IBAN (checked with its mod-97 check digits)
 *   - a crypto address (Bitcoin, Ethereum/ERC-20, TRON/TRC-20 formats)
 *   - a personal bank account: an account number next to a holder name or a transfer instruction
 *   - Western Union / MoneyGram and other cash transfer services
 *   - ordering or sending payment proof through WhatsApp / Telegram / DM, a checkout button that opens a chat,
 *     or a price list whose only way to order is a chat contact
 *   - gift cards, crypto or bank transfer named as the ONLY way to pay
 *  soft (flagged only when the page names no card processor or e-wallet)
 *   - gift cards or crypto named as a payment method; a bank transfer instruction
 *
 * A sentence that warns or denies ("we never ask for a bank transfer",
 * "beware of sellers who want gift cards") is not an instruction and is skipped.
 */
import { NO_TEXT, listMatcher, normalize, type Normalized } from '../engine/terms';
import { blockHolds, isNegated, optionHolds, sentences, sentencesWith } from '../engine/page';
import type { Evidence, PageSnapshot, TextBlock } from '../engine/types';
import { MAX_EVIDENCE, clipEvidence, type Detector } from './types';

/** Valid IBAN: country code, check digits, 11–30 alphanumerics; mod-97 must equal 1 (ISO 13616). */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b/g;

/** Payment identifiers that need no words around them (crypto formats need a crypto word nearby). */
export const CRYPTO_PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'Bitcoin address', re: /(?<![A-Za-z0-9])(?:bc1[ac-hj-np-z02-9]{25,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})(?![A-Za-z0-9])/ },
  { name: 'Ethereum/ERC-20 address', re: /(?<![A-Za-z0-9])0x[a-fA-F0-9]{40}(?![A-Za-z0-9])/ },
  { name: 'TRON/TRC-20 address', re: /(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])/ },
];

/** A run of 8–20 digits, possibly grouped ("0123 4567 89", "123-456-7890"). */
const ACCOUNT_DIGITS = /(?<![\d])\d(?:[\d\s.-]{6,26})\d(?![\d])/g;
function hasAccountNumber(text: string): string | null {
  // An exec loop over the shared regex (String#matchAll would build a new RegExp for every block).
  ACCOUNT_DIGITS.lastIndex = 0;
  for (let m = ACCOUNT_DIGITS.exec(text); m; m = ACCOUNT_DIGITS.exec(text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 8 && digits.length <= 20) return m[0];
  }
  return null;
}

/** The shortest text IBAN_RE, CRYPTO_PATTERNS or ACCOUNT_DIGITS can match: eight digits of an account number. */
const SHORTEST_IDENTIFIER = 8;

const CHAT_LINK = /^(?:https?:\/\/)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|m\.me|zalo\.me|line\.me)\//i;

interface Finding {
  kind: string;
  strong: boolean;
  evidence: Evidence;
}

/** Text of block i and its neighbours, `span` blocks either side. */
function around(snap: PageSnapshot, i: number, span: number): string {
  return snap.blocks
    .slice(Math.max(0, i - span), i + span + 1)
    .map((b) => b.text)
    .join(' · ');
}

function ev(kind: string, b: TextBlock, text: string): Evidence {
  return { text: clipEvidence(`${kind}: ${text}`), selector: b.selector };
}

const cache = new WeakMap<PageSnapshot, Finding[]>();

/** Every off-platform payment instruction on the page (computed once per snapshot). */
export function offPlatformFindings(snap: PageSnapshot): Finding[] {
  let found = cache.get(snap);
  if (!found) cache.set(snap, (found = findAll(snap)));
  return found;
}

function findAll(snap: PageSnapshot): Finding[] {
  const out: Finding[] = [];
  const crypto = listMatcher('cryptoWords');
  const holder = listMatcher('accountHolderWords');
  const accountWords = listMatcher('accountNumberWords');
  const transfer = listMatcher('bankTransferWords');
  const exclusive = listMatcher('exclusiveWords');
  const commerce = listMatcher('commerceWords');
  const payWith = listMatcher('payWithWords');

  snap.blocks.forEach((b, i) => {
    // Most blocks of a shop ("$0.50", "Buy now") are too short to hold any of the identifiers below.
    if (b.text.length < SHORTEST_IDENTIFIER) return;
    // IBAN, checked.
    IBAN_RE.lastIndex = 0;
    for (let m = IBAN_RE.exec(b.text); m; m = IBAN_RE.exec(b.text)) {
      if (isValidIban(m[0]) && !sentences(b.text).some((s) => s.includes(m[0]) && isNegated(s))) {
        out.push({ kind: 'iban', strong: true, evidence: ev('IBAN', b, b.text) });
        break;
      }
    }
    // Crypto addresses, with a crypto word in this block or its neighbours.
    for (const p of CRYPTO_PATTERNS) {
      if (p.re.test(b.text) && crypto.test(normalize(around(snap, i, 2)))) {
        out.push({ kind: 'crypto-address', strong: true, evidence: ev(p.name, b, b.text) });
        break;
      }
    }
    // A personal account: number + (holder name or transfer instruction), within a few blocks.
    const digits = hasAccountNumber(b.text);
    const near = digits ? normalize(around(snap, i, 2)) : NO_TEXT;
    // …or an e-wallet number in someone's name ("DANA ke 0812… a.n. Siti", "GCash 0917… account name Juan").
    const wallet = listMatcher('paymentProcessors');
    if (digits && (((accountWords.test(near) || transfer.test(near)) && (holder.test(near) || transfer.test(near))) || (wallet.test(near) && holder.test(near)))) {
      const negated = sentences(around(snap, i, 1)).some((s) => isNegated(s) && (accountWords.test(normalize(s)) || transfer.test(normalize(s))));
      // A phone number is not an account number.
      const phone = /(?:tel|phone|telp|hp|whatsapp|wa|zalo)\b/i.test(b.text) && !accountWords.test(normalize(b.text));
      if (!negated && !phone) out.push({ kind: 'bank-account', strong: true, evidence: ev('bank account', b, b.text) });
    }
  });

  for (const h of sentencesWith(snap, 'moneyTransferServices')) {
    out.push({ kind: 'money-transfer', strong: true, evidence: ev('money transfer', h.block, h.sentence) });
  }
  for (const h of sentencesWith(snap, 'chatOrderWords')) {
    out.push({ kind: 'chat-order', strong: true, evidence: ev('order by chat', h.block, h.sentence) });
  }
  for (const h of sentencesWith(snap, 'chatContactWords')) {
    const n = normalize(h.sentence);
    const pays = payWith.test(n) || transfer.test(n);
    // "Questions about your order? WhatsApp us" is support, not a chat checkout.
    const support = listMatcher('supportWords').test(n);
    if (pays || (!support && listMatcher('orderIntentWords').test(n))) {
      out.push({ kind: 'chat-order', strong: true, evidence: ev('order by chat', h.block, h.sentence) });
    }
  }
  for (const l of snap.links) {
    if (CHAT_LINK.test(l.href) && (commerce.test(normalize(l.text)) || listMatcher('chatOrderWords').test(normalize(l.text)))) {
      out.push({ kind: 'chat-order', strong: true, evidence: { text: clipEvidence(`checkout opens a chat: “${l.text}” → ${l.href}`) } });
    }
  }
  for (const h of sentencesWith(snap, 'giftCardWords')) {
    const n = normalize(h.sentence);
    if (!payWith.test(n)) continue;
    out.push({ kind: 'gift-card', strong: exclusive.test(n), evidence: ev('gift card as payment', h.block, h.sentence) });
  }
  for (const h of sentencesWith(snap, 'cryptoWords')) {
    const n = normalize(h.sentence);
    if (!payWith.test(n) && !transfer.test(n)) continue;
    out.push({ kind: 'crypto', strong: exclusive.test(n), evidence: ev('crypto payment', h.block, h.sentence) });
  }
  for (const h of sentencesWith(snap, 'bankTransferWords')) {
    const n = normalize(h.sentence);
    out.push({ kind: 'bank-transfer', strong: exclusive.test(n) || listMatcher('accountHolderWords').test(n), evidence: ev('bank transfer', h.block, h.sentence) });
  }
  return out;
}

/**
 * A price list whose only way to buy is a chat: no order form on the page, and
 * a WhatsApp / Telegram / Zalo contact or chat link. The chat is the checkout.
 */
export function chatOnlyCheckout(snap: PageSnapshot, pricesFound: number): Evidence | null {
  if (pricesFound === 0 || snap.fields.some((f) => f.type !== 'search' && !/^(?:q|s|search|query)$/.test(f.name))) return null;
  // A "Buy" button or link that is not a chat means there is a checkout elsewhere.
  const buy = listMatcher('commerceWords');
  const isBuy = (t: string) => t.length <= 60 && buy.test(normalize(t));
  const buyOption = optionHolds(snap, buy);
  if (snap.options.some((o, i) => o.text.length <= 60 && buyOption(i)) || snap.links.some((l) => !CHAT_LINK.test(l.href) && isBuy(l.text))) return null;
  const link = snap.links.find((l) => CHAT_LINK.test(l.href) && !listMatcher('supportWords').test(normalize(l.text)));
  if (link) return { text: clipEvidence(`the only way to order is a chat: “${link.text || link.href}” → ${link.href}`) };
  for (const h of sentencesWith(snap, 'chatContactWords')) {
    if (listMatcher('supportWords').test(normalize(h.sentence))) continue;
    return { text: clipEvidence(`the only way to order is a chat: ${h.sentence}`), selector: h.block.selector };
  }
  return null;
}

/** The page names a card processor or e-wallet with buyer protection. */
export function namesProcessor(snap: PageSnapshot): boolean {
  const named = optionHolds(snap, listMatcher('paymentProcessors'));
  const holds = blockHolds(snap, 'paymentProcessors');
  return snap.options.some((_, i) => named(i)) || snap.blocks.some((_, i) => holds(i));
}

export const offPlatformPayment: Detector = {
  id: 'off-platform-payment',
  emits: ['off-platform-payment'],
  run({ snap, site, prices }) {
    if (site.officialFor) return [];
    const chat = chatOnlyCheckout(snap, prices.length);
    const findings = [...offPlatformFindings(snap), ...(chat ? [{ kind: 'chat-order', strong: true, evidence: chat }] : [])];
    const strong = findings.filter((f) => f.strong);
    const soft = findings.filter((f) => !f.strong);
    const softKinds = new Set(soft.map((f) => f.kind));
    const use = strong.length ? [...strong, ...soft] : !namesProcessor(snap) || softKinds.size >= 2 ? soft : [];
    if (!use.length) return [];
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const f of use) {
      const key = f.evidence.selector ?? f.evidence.text;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(f.evidence);
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    return [{ id: 'off-platform-payment', evidence }];
  },
};
