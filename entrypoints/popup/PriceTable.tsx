import type { PriceEntry } from '../../src/engine/types';
import { t } from '../../src/platform/browser';

function money(n: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${n} ${currency}`;
  }
}

/** Reseller against official price per 100 units. */
export function PriceTable({ prices }: { prices: PriceEntry[] }) {
  return (
    <section class="prices" aria-labelledby="prices-h">
      <h2 id="prices-h">{t('pricesTitle')}</h2>
      {prices.length === 0 ? (
        <p>{t('pricesNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('pricesPackage')}</th>
              <th scope="col">{t('pricesPer100')}</th>
              <th scope="col">{t('pricesOfficialPer100')}</th>
              <th scope="col">{t('pricesDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((p, i) => (
              <tr key={i}>
                <td>
                  {p.units.toLocaleString()} {p.unit} · {money(p.price, p.currency)}
                </td>
                <td>{money(p.per100, p.currency)}</td>
                <td>{p.officialPer100 === null ? '—' : money(p.officialPer100, p.currency)}</td>
                <td>{p.diffPercent === null ? '—' : `${p.diffPercent > 0 ? '+' : ''}${p.diffPercent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
