/**
 * The engine: PageSnapshot → ScanResult. Pure and deterministic; runs in the
 * background script, in the scan/eval commands and in unit tests alike.
 *
 *   platform  ← brand words on the page, or the official domain
 *   prices    ← coin packages compared with the official catalogue
 *   shop?     ← does the page actually sell (fields, packages, prices)?  no → "none"
 *   official? ← the platform's own domain → "official"
 *   signals   ← every detector; score = Σ weights (scoring.json) → verdict
 */
import { data, type Platform } from '../data';
import { DETECTORS } from '../detectors';
import { secretReason } from '../detectors/credential-fields';
import { extractPrices } from '../prices/extract';
import { platformMatchers } from './gate';
import { siteInfo, type SiteInfo } from './site';
import { compileTerms, findTerm, listMatcher, normalize } from './terms';
import type { PageSnapshot, ScanResult, Severity, Signal, Verdict } from './types';

export interface AnalyzeOptions {
  /** Parents' strict mode: lower thresholds (scoring.json strictThresholds). */
  strict?: boolean;
}

const platformRes = new Map<string, RegExp>();
function platformRe(p: Platform): RegExp {
  let re = platformRes.get(p.id);
  if (!re) platformRes.set(p.id, (re = compileTerms([...p.brandTokens, ...p.unitTerms], 'giu')));
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
    const score = (headline.match(re)?.length ?? 0) * 3 + Math.min(body.match(re)?.length ?? 0, 20);
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
 * something to act on: an ID field, a secret field with the brand, package
 * options or priced packages.
 */
export function looksLikeShop(snap: PageSnapshot, platform: Platform | null, pricesFound: number): boolean {
  const headline = normalize(snap.headline);
  const { unit, brand } = platformMatchers();
  const coinInHeadline = unit.test(headline) || listMatcher('coinWords').test(headline);
  let score = 0;
  let interactive = 0;
  if (coinInHeadline && (listMatcher('commerceWords').test(headline) || listMatcher('generatorWords').test(headline))) score += 2;
  const idField = snap.fields.some((f) => findTerm('accountIdLabels', normalize(`${f.label} ${f.name.replace(/[_-]/g, ' ')}`)));
  if (idField) {
    score += 2;
    interactive++;
  }
  const secret = snap.fields.some((f) => secretReason(f));
  if (secret && (platform || brand.test(headline))) {
    score += 3;
    interactive++;
  }
  if (pricesFound > 0) {
    score += pricesFound >= 2 ? 2 : 1;
    interactive++;
  }
  const coinOptions = snap.options.filter((o) => unit.test(normalize(o.text)) || listMatcher('coinWords').test(normalize(o.text)));
  if (coinOptions.length >= 2) {
    score += 1;
    interactive++;
  }
  if (listMatcher('generatorWords').test(headline) && snap.fields.length + snap.options.length > 0) {
    score += 2;
    interactive++;
  }
  return interactive > 0 && score >= 3;
}

function severityOf(weight: number): Severity {
  if (weight < 0) return 'good';
  return weight >= data().scoring.thresholds.danger ? 'danger' : 'caution';
}

export function analyze(snap: PageSnapshot, opts: AnalyzeOptions = {}): ScanResult {
  const site = siteInfo(snap.url);
  const platform = detectPlatform(snap, site);
  const prices = extractPrices(snap, platform);
  const base = { url: snap.url, platform: platform?.id ?? null, prices };

  if (site.officialFor) {
    return {
      ...base,
      verdict: 'official',
      score: 0,
      signals: [{ id: 'official-domain', severity: 'good', evidence: [{ text: `${site.registrable} is ${site.officialFor.name}'s own domain` }] }],
    };
  }
  if (!looksLikeShop(snap, platform, prices.length)) return { ...base, verdict: 'none', score: 0, signals: [], prices: [] };

  const { weights, thresholds, strictThresholds } = data().scoring;
  const ctx = { snap, site, platform, prices };
  const signals: Signal[] = [];
  let score = 0;
  for (const d of DETECTORS) {
    for (const hit of d.run(ctx)) {
      const w = weights[hit.id]?.weight ?? 0;
      score += w;
      signals.push({ id: hit.id, severity: severityOf(w), evidence: hit.evidence });
    }
  }
  // Strongest first: what the toolbar title names as the main reason.
  signals.sort((a, b) => (weights[b.id]?.weight ?? 0) - (weights[a.id]?.weight ?? 0));
  const t = opts.strict ? strictThresholds : thresholds;
  const verdict: Verdict = score >= t.danger ? 'danger' : score >= t.caution ? 'caution' : 'ok';
  return { ...base, verdict, score, signals };
}
