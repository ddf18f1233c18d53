import { describe, expect, test } from 'vitest';
import { pressureTactics } from '../../../src/detectors/pressure-tactics';
import { idsOf, page } from './helpers';

const cases: [string, string, boolean][] = [
  ['countdown', '<p>Offer ends in <span>04:59</span></p>', true],
  ['timer next to "expires"', '<p>Price expires 09:59</p>', true],
  ['only 3 left', '<p>Only 3 left at this price!</p>', true],
  ['only 3 slots left', '<p>Reserve now, only 3 slots left today!</p>', true],
  ['Indonesian tersisa 5', '<p>Tersisa 5 paket lagi</p>', true],
  ['fake purchase feed', '<p>Ana from Jakarta just bought 5,000 coins · 2 min ago</p>', true],
  ['Indonesian buruan', '<p>Buruan! Stok terbatas.</p>', true],
  ['Portuguese acabou de receber', '<p>Joana de Recife acabou de receber 5.000 moedas</p>', true],
  ['Vietnamese chỉ còn', '<p>Chỉ còn 2 gói giá này</p>', true],
  ['opening hours are not a countdown', '<p>Support: 09:00–18:00, Monday to Friday</p>', false],
  ['plain shop text', '<p>Delivered within 24 hours to your username.</p>', false],
];

describe('pressure-tactics', () => {
  test.each(cases)('%s', async (_n, body, flagged) => {
    expect(await idsOf(pressureTactics, page(`<h1>TikTok coins</h1>${body}`))).toEqual(flagged ? ['pressure-tactics'] : []);
  });
});
