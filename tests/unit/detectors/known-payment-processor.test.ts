import { describe, expect, test } from 'vitest';
import { knownPaymentProcessor } from '../../../src/detectors/known-payment-processor';
import { idsOf, page, runDetector } from './helpers';

const cases: [string, string, boolean][] = [
  ['card brands and Stripe', '<p>Payment: Visa, Mastercard (processed by Stripe)</p>', true],
  ['Indonesian e-wallets', '<p>Bayar pakai QRIS, GoPay, OVO</p>', true],
  ['Brazilian Pix', '<p>Pague com Pix ou boleto</p>', true],
  ['Vietnamese MoMo', '<p>Thanh toán qua MoMo, ZaloPay</p>', true],
  ['PayPal in a select option', '<select><option>PayPal</option></select>', true],
  ['an e-wallet named only in a transfer to a person', '<p>Pembayaran: transfer DANA ke 0812 9876 5432 a.n. Siti Rahma.</p>', false],
  ['no processor named', '<p>Payment by bank transfer.</p>', false],
  ['"visa" inside another word is not Visa', '<p>Revisar pedido</p>', false],
];

describe('known-payment-processor', () => {
  test.each(cases)('%s', async (_n, body, good) => {
    expect(await idsOf(knownPaymentProcessor, page(`<h1>TikTok coins</h1>${body}`))).toEqual(good ? ['known-payment-processor'] : []);
  });
  test('evidence lists the names found', async () => {
    const [hit] = await runDetector(knownPaymentProcessor, page('<p>Visa, PayPal and Apple Pay</p>'));
    expect(hit?.evidence[0]?.text).toBe('visa, paypal, apple pay');
  });
});
