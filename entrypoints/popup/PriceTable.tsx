/**
 * The popup's price block: the page's packages against the official price per
 * 100 units (table + bar chart), the best deal against the official web price,
 * and the date and source of the official figures. Suspiciously cheap
 * packages carry a symbol and a word, never colour alone. The numbers come
 * from src/prices/view.ts (pure, unit-tested); this only lays them out.
 */
import type { PriceEntry } from '../../src/engine/types';
import { t } from '../../src/platform/browser';
import type { DiscountGrade } from '../../src/prices/compare';
import { percent, priceBlockView, signedPercent } from '../../src/prices/view';
import { Glyph } from './Glyph';
import { PriceChart } from './PriceChart';
import './prices.css';

/** Too-cheap rows carry the verdict glyph beside the word (never colour alone, never an emoji that may not render). */
function GradeGlyph({ grade }: { grade: DiscountGrade }) {
  return grade === 'danger' || grade === 'caution' ? <Glyph kind={grade} size={14} /> : null;
}

function gradeWord(g: DiscountGrade): string {
  if (g === 'danger') return t('pricesGradeDanger');
  if (g === 'caution') return t('pricesGradeCaution');
  return '';
}

function Diff({ diff, grade, atLeast }: { diff: number | null; grade: DiscountGrade; atLeast: boolean }) {
  if (diff === null) return <span aria-label={t('pricesNoOfficialShort')}>—</span>;
  const word = gradeWord(grade);
  return (
    <span class={`diff grade-${grade}`}>
      <GradeGlyph grade={grade} />{' '}
      {(grade === 'danger' || grade === 'caution') && <strong>{word}: </strong>}
      {diff < 0
        ? atLeast
          ? t('pricesBelowAtLeast', percent(diff))
          : t('pricesBelow', percent(diff))
        : diff > 0
          ? t('pricesAbove', percent(diff))
          : '±0%'}
    </span>
  );
}

export interface PriceTableProps {
  prices: PriceEntry[];
  /** The scan result's platform id; packages of another unit use that unit's platform. */
  platform?: string | null;
  /** The shopper's chosen currency (options page): amounts also shown in it. */
  userCurrency?: string | null;
}

/** Reseller against official price per 100 units. */
export function PriceTable({ prices, platform = null, userCurrency = null }: PriceTableProps) {
  const v = priceBlockView(prices, platform, { userCurrency });
  return (
    <section class="prices" aria-labelledby="prices-h">
      <h2 id="prices-h">{t('pricesTitle')}</h2>
      {v.rows.length === 0 ? (
        <p class="prices-none">{t('pricesNone')}</p>
      ) : (
        <>
          {v.best && (
            <p class={`price-best grade-${v.best.grade}`}>
              <GradeGlyph grade={v.best.grade} />{' '}
              {t('pricesBestDeal', [v.best.label, v.best.priceText])}{' '}
              {v.best.diff !== null && v.best.referenceText !== null && (
                <>
                  {(v.best.grade === 'danger' || v.best.grade === 'caution') && <strong>{gradeWord(v.best.grade)}: </strong>}
                  {v.best.reference === 'web'
                    ? t('pricesVsWeb', [v.best.referenceText, signedPercent(v.best.diff)])
                    : t('pricesVsOfficial', [v.best.referenceText, signedPercent(v.best.diff)])}
                </>
              )}
            </p>
          )}
          <table class="price-table">
            <caption class="sr-only">{t('pricesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pricesPackage')}</th>
                <th scope="col">{t('pricesPrice')}</th>
                <th scope="col">{t('pricesPer100')}</th>
                <th scope="col">{t('pricesOfficialPer100')}</th>
                <th scope="col">{t('pricesDiff')}</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r, i) => (
                <tr key={i} class={`grade-${r.grade}`} data-grade={r.grade}>
                  <th scope="row">{r.label}</th>
                  <td>{r.priceText}</td>
                  <td>{r.per100Text}</td>
                  <td>{r.officialText ?? '—'}</td>
                  <td>
                    <Diff diff={r.diff} grade={r.grade} atLeast={r.atLeast} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <PriceChart rows={v.chart} />
        </>
      )}
      {v.app && (
        <p class="price-note">
          {t('pricesApp', v.app.per100Text)}
          {v.app.estimate && ` ${t('pricesEstimate')}`}
        </p>
      )}
      {v.noFigure.map((n) => (
        <p key={n.unit} class="price-note no-figure">
          <span aria-hidden="true">ℹ </span>
          {t('pricesNoOfficial', n.unit)}
          {n.floorText && n.floorAsOf && ` ${t('pricesFloor', [n.floorText, n.floorAsOf])}`}
          <span class="reason">{n.reason}</span>
        </p>
      ))}
      {v.asOf && (
        <p class="price-note as-of">
          {t('pricesAsOf', [v.asOf.date === 'undated' ? t('pricesUndated') : v.asOf.date, v.asOf.source])}
          {v.asOf.estimate && ` ${t('pricesEstimate')}`}
        </p>
      )}
      {v.ratesAsOf && <p class="price-note">{t('pricesRates', v.ratesAsOf)}</p>}
    </section>
  );
}
