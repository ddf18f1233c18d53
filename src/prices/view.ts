/**
 * What the popup's price block shows, computed from the scan result's prices:
 * pure (no DOM, no extension API), so it is unit-tested directly and the
 * Preact component only lays it out.
 */
import type { PriceEntry } from '../engine/types';
import { fairPriceFloorPer100, formatMoney, formatMoneyFor, noOfficialFigure, priceData, type CatalogueEntry } from './catalogue';
import { compareWithOfficial, gradeDiscount, summarizePrices, type DiscountGrade } from './compare';
import { platformOfEntry } from './extract';

/** Packages drawn in the chart: enough to compare, few enough to read in a 380-px popup. */
export const CHART_MAX = 8;

export interface PriceRowView {
  label: string;
  priceText: string;
  per100Text: string;
  officialText: string | null;
  /** Signed percent against the cheapest official price, e.g. -38.6. */
  diff: number | null;
  /** No official price: `diff` is against a documented fair-price floor, so the real difference is at least this. */
  atLeast: boolean;
  grade: DiscountGrade;
  selector?: string;
}

export interface ChartRowView {
  label: string;
  page: number;
  official: number | null;
  pageText: string;
  officialText: string | null;
  grade: DiscountGrade;
}

export interface PriceBlockView {
  rows: PriceRowView[];
  chart: ChartRowView[];
  best: {
    label: string;
    priceText: string;
    referenceText: string | null;
    /** 'web' = the official web price; 'official' = another channel (the platform sells no web package). */
    reference: 'web' | 'official' | null;
    diff: number | null;
    grade: DiscountGrade;
  } | null;
  /** The official in-app price per 100 in the best deal's currency, when the catalogue has one. */
  app: { per100Text: string; estimate: boolean } | null;
  /** The official figure compared against: its date and source. */
  asOf: { date: string; source: string; estimate: boolean } | null;
  /** Units of this page with no official figure at all (PUBG UC, Free Fire diamonds). */
  noFigure: { unit: string; reason: string; source: string; floorText: string | null; floorAsOf: string | null }[];
  /** Rates date when an amount was converted between currencies. */
  ratesAsOf: string | null;
}

function unitsLabel(e: Pick<PriceEntry, 'units' | 'unit'>, locale?: string): string {
  let n: string;
  try {
    n = e.units.toLocaleString(locale);
  } catch {
    n = String(e.units);
  }
  return `${n} ${e.unit}`;
}

function refOf(e: CatalogueEntry): { date: string; source: string; estimate: boolean } {
  return { date: e.asOf, source: e.source, estimate: e.status === 'estimate' };
}

/**
 * The price block for a page. `platformId` is the page's platform (the scan
 * result's `platform`); packages of another unit use that unit's platform.
 * `userCurrency` adds "(≈ …)" amounts in the shopper's chosen currency.
 */
export function priceBlockView(
  prices: readonly PriceEntry[],
  platformId: string | null | undefined,
  opts: { userCurrency?: string | null; locale?: string } = {},
): PriceBlockView {
  const { userCurrency, locale } = opts;
  const money = (n: number, c: string) => formatMoneyFor(n, c, userCurrency, locale);
  let converted = false;
  let asOf: PriceBlockView['asOf'] = null;
  const noFigure = new Map<string, PriceBlockView['noFigure'][number]>();
  const addNoFigure = (pid: string, currency: string) => {
    const nf = noOfficialFigure(pid);
    if (!nf || noFigure.has(nf.unit)) return;
    const floor = fairPriceFloorPer100(pid, currency);
    noFigure.set(nf.unit, {
      unit: nf.unit,
      reason: nf.reason,
      source: nf.source,
      floorText: floor ? money(floor.per100, currency) : null,
      floorAsOf: floor ? floor.floor.asOf : null,
    });
  };

  const rows: PriceRowView[] = prices.map((p) => {
    const pid = platformOfEntry(p, platformId);
    const cmp = compareWithOfficial(p, pid);
    if (cmp.cheapest) {
      if (cmp.cheapest.entry.currency !== p.currency) converted = true;
      asOf ??= refOf(cmp.cheapest.entry);
    }
    if (pid && cmp.noFigure) addNoFigure(pid, p.currency);
    if (userCurrency && userCurrency !== p.currency) converted = true;
    return {
      label: unitsLabel(p, locale),
      priceText: money(p.price, p.currency),
      per100Text: money(p.per100, p.currency),
      officialText: p.officialPer100 === null ? null : money(p.officialPer100, p.currency),
      diff: p.diffPercent,
      atLeast: p.officialPer100 === null && p.diffPercent !== null,
      grade: gradeDiscount(p.diffPercent),
      ...(p.selector ? { selector: p.selector } : {}),
    };
  });

  // The chart compares like with like: the packages priced in the page's first currency.
  const chartCurrency = prices[0]?.currency;
  const chart: ChartRowView[] = prices
    .filter((p) => p.currency === chartCurrency)
    .slice(0, CHART_MAX)
    .map((p) => ({
      label: unitsLabel(p, locale),
      page: p.per100,
      official: p.officialPer100,
      pageText: formatMoney(p.per100, p.currency, locale),
      officialText: p.officialPer100 === null ? null : formatMoney(p.officialPer100, p.currency, locale),
      grade: gradeDiscount(p.diffPercent),
    }));

  let best: PriceBlockView['best'] = null;
  let app: PriceBlockView['app'] = null;
  const first = prices[0];
  const summaryPlatform = first ? platformOfEntry(first, platformId) : (platformId ?? null);
  const summary = summarizePrices(
    prices.filter((p) => platformOfEntry(p, platformId) === summaryPlatform),
    summaryPlatform,
  );
  if (summary) {
    const b = summary.best;
    best = {
      label: unitsLabel(b, locale),
      priceText: money(b.price, b.currency),
      referenceText: summary.reference ? money(summary.reference.per100, b.currency) : null,
      reference: summary.reference ? (summary.referenceChannel === 'web' ? 'web' : 'official') : null,
      diff: summary.diffPercent,
      grade: summary.grade,
    };
    if (summary.reference) asOf = refOf(summary.reference.entry);
    const appRef = compareWithOfficial(b, summaryPlatform).app;
    if (appRef && appRef.entry.channel === 'app') {
      app = { per100Text: money(appRef.per100, b.currency), estimate: appRef.entry.status === 'estimate' };
    }
  } else if (platformId) {
    // No prices on the page: still name the official reference and its date.
    addNoFigure(platformId, 'USD');
    const ref = compareWithOfficial({ per100: 1, currency: 'USD' }, platformId).web;
    if (ref) asOf = refOf(ref.entry);
  }

  return {
    rows,
    chart,
    best,
    app,
    asOf,
    noFigure: [...noFigure.values()],
    ratesAsOf: converted ? priceData().rates.asOf : null,
  };
}

/** The size of a difference, rounded: -38.6 → "39". */
export function percent(diff: number, locale?: string): string {
  try {
    return Math.abs(diff).toLocaleString(locale, { maximumFractionDigits: 0 });
  } catch {
    return String(Math.round(Math.abs(diff)));
  }
}

/** -38.6 → "−39" (a real minus sign, which screen readers say as "minus"). */
export function signedPercent(diff: number, locale?: string): string {
  return `${diff < 0 ? '−' : diff > 0 ? '+' : ''}${percent(diff, locale)}`;
}
