/**
 * The engine: PageSnapshot → ScanResult. Pure and deterministic; runs in the
 * background script, in the scan/eval commands and in unit tests alike.
 *
 *   platform  ← brand words on the page, or the official domain
 *   prices    ← coin packages compared with the official catalogue
 *   official? ← the platform's own domain: "official" for its coin and login
 *               pages, "none" for its help pages and articles
 *   shop?     ← does the page sell something to act on (order form, package
 *               options, buy button with prices, payment instructions, a
 *               platform login, a generator step) for a known platform? no → "none"
 *   signals   ← every detector; scoreSignals() → verdict: risk weights add up,
 *               good weights subtract at most goodCap, and the verdict is the
 *               worse of the total's and the strongest single signal's
 *               (scoring.json, with the reason for every number)
 */
import { data, type Platform } from '../data';
import { DETECTORS } from '../detectors';
import { secretFindings, secretReasonIn } from '../detectors/credential-fields';
import { chatOnlyCheckout, offPlatformFindings } from '../detectors/off-platform-payment';
import { findMoney } from '../prices/parse';
import { extractPrices } from '../prices/extract';
import { platformMatchers } from './gate';
import { fieldText, optionHolds, sentencesWith, siblingsOf } from './page';
import { siteInfo, type SiteInfo } from './site';
import { NO_TEXT, TermMatcher, findTerm, listMatcher, normalize } from './terms';
import type { PageSnapshot, PriceEntry, ScanResult, Severity, Signal, Verdict } from './types';

export interface AnalyzeOptions {
  /** Parents' strict mode: lower thresholds (scoring.json strictThresholds). */
  strict?: boolean;
}

const platformRes = new Map<string, TermMatcher>();
function platformRe(p: Platform): TermMatcher {
  let re = platformRes.get(p.id);
  if (!re) platformRes.set(p.id, (re = new TermMatcher([...p.brandTokens, ...p.unitTerms])));
  return re;
}

/** The platform a page is about: most brand mentions, title and headings counting triple. */
export function detectPlatform(snap: PageSnapshot, site: SiteInfo): Platform | null {
  if (site.officialFor) return site.officialFor;
  const headline = normalize(snap.headline);
  const body = normalize(snap.blocks.slice(0, 400).map((b) => b.text).join(' '));
  let best: Platform | null = null;
  let bestScore = 0;
  for (const p of data().platforms) {
    const re = platformRe(p);
    const score = re.all(headline).length * 3 + Math.min(re.all(body).length, 20);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Does the page sell (or harvest accounts)? Words alone are not enough: an
 * article about coin scams names coins, passwords and transfers too. A shop has
 * something to act on: an ID field, a secret field tied to the platform,
 * package options, a buy button next to prices, payment instructions, a
 * generator step. Pages that read like an article, forum thread or help page
 * (discussion words) need an order form; their payment talk does not count.
 */
export function looksLikeShop(snap: PageSnapshot, platform: Platform | null, prices: readonly PriceEntry[]): boolean {
  return shopScore(snap, platform, prices).shop;
}

/** A selector's last part names a link: `a`, `a:nth-of-type(2)`, `a#buy`, `a.x`. */
const LINK_PART = /^a(?:[:#.]|$)/;

/** The last part of a selector ("main > a:nth-of-type(2)" → "a:nth-of-type(2)"), without splitting the rest. */
function lastPart(selector: string): string {
  const k = selector.lastIndexOf(' > ');
  return k < 0 ? selector : selector.slice(k + 3);
}

export function shopScore(
  snap: PageSnapshot,
  platform: Platform | null,
  prices: readonly PriceEntry[],
): { shop: boolean; score: number; interactive: number; discussion: boolean } {
  const pricesFound = prices.length;
  const headline = normalize(snap.headline);
  const { unit, brand } = platformMatchers();
  const coinRe = listMatcher('coinWords');
  const coinInHeadline = unit.test(headline) || coinRe.test(headline);
  let score = 0;
  let interactive = 0;
  if (coinInHeadline && (listMatcher('commerceWords').test(headline) || listMatcher('generatorWords').test(headline))) score += 2;
  const allSecrets = secretFindings(snap, platform);
  // The username box of a site's own login (next to a password that is not the platform's) is not an order form.
  const siteLogin = new Set(allSecrets.filter((x) => !x.platformTied).flatMap((x) => siblingsOf(snap, x.field).map((f) => f.selector)));
  const idField = snap.fields.some(
    (f) => f.type !== 'radio' && f.type !== 'checkbox' && !siteLogin.has(f.selector) && findTerm('accountIdLabels', fieldText(f)),
  );
  if (idField) {
    score += 2;
    interactive++;
  }
  const secrets = allSecrets.filter((x) => x.platformTied && (x.brand || platform || brand.test(headline)));
  if (secrets.length) {
    score += 3;
    interactive++;
  }
  // Prices alone are not a shop: an article or a calculator quotes prices too. They add weight to
  // something to act on (an order form, a buy button, payment instructions).
  if (pricesFound > 0) score += pricesFound >= 2 ? 2 : 1;
  const unitOption = optionHolds(snap, unit);
  const coinOption = optionHolds(snap, coinRe);
  const coinOptions = snap.options.filter((_, i) => unitOption(i) || coinOption(i));
  if (coinOptions.length >= 1) {
    score += coinOptions.length >= 2 ? 1 : 0;
    interactive++;
  }
  // A buy button or order link ("Buy now", "Beli", "Order via WhatsApp"), or price buttons.
  const buyRe = listMatcher('commerceWords');
  const chatRe = listMatcher('chatOrderWords');
  const buyOption = optionHolds(snap, buyRe);
  const buyAction =
    snap.options.some((o, i) => o.text.length <= 60 && (buyOption(i) || findMoney(o.text).length > 0)) ||
    snap.links.some((l) => l.text.length <= 60 && (buyRe.test(normalize(l.text)) || chatRe.test(normalize(l.text))));
  if (buyAction && (pricesFound > 0 || coinOptions.length > 0)) {
    score += 1;
    interactive++;
  }
  // Articles, forum threads and help pages: discussion words in the title or headings, or several
  // different ones in the text. Menu links ("Blog", "News") do not count: shops have those too.
  const prose = snap.blocks.slice(0, 300).filter((b) => !LINK_PART.test(lastPart(b.selector)));
  const bodyText = normalize(prose.map((b) => b.text).join(' · '));
  const discussionTerms = new Set(listMatcher('discussionWords').all(bodyText));
  const discussion = listMatcher('discussionWords').test(headline) || discussionTerms.size >= 3;
  // An order form (ID or platform secret) outweighs discussion words: shops have FAQs and guides too.
  if (discussion && !idField && !secrets.length) score -= 2;
  // A generator announces itself in the title (a heading deeper in an article does not), and has a
  // form, a button, or a "verify you are human" / "complete an offer" step.
  if (!discussion && listMatcher('generatorWords').test(normalize(snap.title))) {
    const step = snap.fields.length + snap.options.length > 0 || [...sentencesWith(snap, 'generatorStrongWords')].length > 0;
    if (step) {
      score += 2;
      interactive++;
    }
  }
  // Payment instructions (an account number, a wallet address, "order on WhatsApp") are how such a page sells,
  // unless the page is an article describing them.
  if (!discussion && (offPlatformFindings(snap).some((f) => f.strong) || chatOnlyCheckout(snap, pricesFound))) {
    score += 1;
    interactive++;
  }
  // A coin shop is a shop for some platform's currency: "buy silver coins" at a numismatist's is not ours.
  const platformKnown = !!platform || brand.test(headline) || unit.test(headline);
  return { shop: platformKnown && interactive > 0 && (score >= 3 || interactive >= 2), score, interactive, discussion };
}

function severityOf(weight: number): Severity {
  if (weight < 0) return 'good';
  return weight >= data().scoring.thresholds.danger ? 'danger' : 'caution';
}

function verdictFor(score: number, t: { danger: number; caution: number }): Verdict {
  return score >= t.danger ? 'danger' : score >= t.caution ? 'caution' : 'ok';
}

const RANK: Record<Verdict, number> = { none: 0, official: 0, ok: 1, caution: 2, danger: 3 };

/**
 * Score → verdict (scoring.json): risk weights add up; good weights subtract,
 * together at most goodCap; the verdict is the worse of the total's and the
 * strongest single risk signal's.
 */
export function scoreSignals(signals: readonly Signal[], strict = false): { score: number; verdict: Verdict } {
  const { weights, thresholds, strictThresholds, goodCap } = data().scoring;
  const t = strict ? strictThresholds : thresholds;
  let risk = 0;
  let good = 0;
  let strongest = 0;
  for (const s of signals) {
    const w = weights[s.id]?.weight ?? 0;
    if (w >= 0) {
      risk += w;
      strongest = Math.max(strongest, w);
    } else good += w;
  }
  const score = risk + Math.max(good, goodCap.max);
  const byTotal = verdictFor(score, t);
  const byStrongest = verdictFor(strongest, t);
  return { score, verdict: RANK[byStrongest] > RANK[byTotal] ? byStrongest : byTotal };
}

export function analyze(snap: PageSnapshot, opts: AnalyzeOptions = {}): ScanResult {
  const site = siteInfo(snap.url);
  const platform = detectPlatform(snap, site);
  const prices = extractPrices(snap, platform);
  const base = { url: snap.url, platform: platform?.id ?? null, prices };

  if (site.officialFor) {
    // The platform's help pages and articles are not shops: nothing to show there either.
    const login = snap.fields.some((f) => secretReasonIn(snap, f));
    if (!login && !looksLikeShop(snap, platform, prices)) return { ...base, verdict: 'none', score: 0, signals: [], prices: [] };
    return {
      ...base,
      verdict: 'official',
      score: 0,
      signals: [{ id: 'official-domain', severity: 'good', evidence: [{ text: `${site.registrable} is ${site.officialFor.name}'s own domain` }] }],
    };
  }
  if (!looksLikeShop(snap, platform, prices)) return { ...base, verdict: 'none', score: 0, signals: [], prices: [] };

  const { weights } = data().scoring;
  const ctx = { snap, site, platform, prices };
  const signals: Signal[] = [];
  const seen = new Set<string>();
  for (const d of DETECTORS) {
    for (const hit of d.run(ctx)) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      signals.push({ id: hit.id, severity: severityOf(weights[hit.id]?.weight ?? 0), evidence: hit.evidence });
    }
  }
  // Strongest first: what the toolbar title names as the main reason.
  signals.sort((a, b) => (weights[b.id]?.weight ?? 0) - (weights[a.id]?.weight ?? 0));
  const { score, verdict } = scoreSignals(signals, opts.strict);
  return { ...base, verdict, score, signals };
}
