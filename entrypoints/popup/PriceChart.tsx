/**
 * A small bar chart, inline SVG (no chart library: a few rectangles do not
 * earn one): per package, the page's price per 100 units against the
 * official price per 100. Readable without colour: every bar carries its
 * value as text, and a too-cheap package is marked with a symbol.
 */
import { Glyph } from './Glyph';
import type { DiscountGrade } from '../../src/prices/compare';
import { t } from '../../src/platform/browser';

export interface ChartRow {
  label: string;
  page: number;
  official: number | null;
  /** Formatted values, shown beside the bars. */
  pageText: string;
  officialText: string | null;
  grade: DiscountGrade;
}

const WIDTH = 348;
const LABEL_W = 96;
const VALUE_W = 64;
const BAR_H = 10;
const ROW_H = 2 * BAR_H + 12;

/** Characters of a package label that fit beside the bars at 10 px; the full label is in each bar's <title>. */
const LABEL_CHARS = 16;
const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

const MARKED = (g: DiscountGrade): g is 'danger' | 'caution' => g === 'danger' || g === 'caution';

export function PriceChart({ rows }: { rows: ChartRow[] }) {
  if (rows.length === 0) return null;
  const max = Math.max(...rows.flatMap((r) => [r.page, r.official ?? 0]), 1e-9);
  const barMax = WIDTH - LABEL_W - VALUE_W;
  const scale = (v: number) => Math.max(1, (v / max) * barMax);
  const height = rows.length * ROW_H + 18;
  const title = t('pricesChartLabel');
  return (
    <svg
      class="price-chart"
      role="img"
      aria-labelledby="price-chart-title"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <title id="price-chart-title">{title}</title>
      {/* legend */}
      <g class="legend" transform="translate(0,4)">
        <rect class="bar-page" x={LABEL_W} y={0} width={10} height={8} />
        <text x={LABEL_W + 14} y={8}>
          {t('pricesChartPage')}
        </text>
        <rect class="bar-official" x={LABEL_W + 100} y={0} width={10} height={8} />
        <text x={LABEL_W + 114} y={8}>
          {t('pricesChartOfficial')}
        </text>
      </g>
      {rows.map((r, i) => {
        const y = 18 + i * ROW_H;
        return (
          <g key={i} class={`chart-row grade-${r.grade}`}>
            {MARKED(r.grade) && <Glyph kind={r.grade} size={10} x={0} y={y + 1} />}
            <text class="chart-label" x={MARKED(r.grade) ? 12 : 0} y={y + BAR_H + 3}>
              {short(r.label)}
            </text>
            <rect class="bar-page" x={LABEL_W} y={y} width={scale(r.page)} height={BAR_H}>
              <title>{t('labelled', [r.label, `${t('pricesChartPage')} ${r.pageText}`])}</title>
            </rect>
            <text class="chart-value" x={LABEL_W + scale(r.page) + 4} y={y + BAR_H - 1}>
              {r.pageText}
            </text>
            {r.official !== null && r.officialText !== null && (
              <>
                <rect class="bar-official" x={LABEL_W} y={y + BAR_H + 2} width={scale(r.official)} height={BAR_H}>
                  <title>{t('labelled', [r.label, `${t('pricesChartOfficial')} ${r.officialText}`])}</title>
                </rect>
                <text class="chart-value" x={LABEL_W + scale(r.official) + 4} y={y + 2 * BAR_H + 1}>
                  {r.officialText}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
