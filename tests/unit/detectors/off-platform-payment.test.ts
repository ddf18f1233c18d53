import { describe, expect, test } from 'vitest';
import { isValidIban, offPlatformPayment } from '../../../src/detectors/off-platform-payment';
import { idsOf, page, runDetector } from './helpers';

const ORDER = `<h1>TikTok coins</h1><div><span>1,000 Coins</span><b>$9.90</b></div><form action="/o"><label>TikTok username <input name="u"></label><button>Buy</button></form>`;

const flags: [string, string][] = [
  ['personal account: number + holder (en)', `${ORDER}<p>Pay to account number 0123456789, account holder: Rina Putri.</p>`],
  ['Indonesian rekening + atas nama across blocks', `${ORDER}<p>Transfer ke rekening BCA</p><p>No. Rek: 8830 1234 56</p><p>a/n Budi Santoso</p>`],
  ['Vietnamese số tài khoản + chủ tài khoản', `${ORDER}<p>Chuyển khoản đến tài khoản cá nhân:</p><p>Số tài khoản: 0071 0004 56789<br>Chủ tài khoản: NGUYEN VAN HUNG</p>`],
  ['e-wallet number in a person\'s name (DANA … a.n.)', `${ORDER}<p>Pembayaran: transfer DANA ke 0812 9876 5432 a.n. Siti Rahma.</p>`],
  ['valid IBAN', `${ORDER}<p>Virement sur l'IBAN FR76 3000 6000 0112 3456 7890 189 au nom de Jean Dupont.</p>`],
  ['TRC20 address', `${ORDER}<p>USDT (TRC20):</p><div>TXk4m9QvRkzB7pWcY2sNfJhL8aE3dGtUoZ</div>`],
  ['ETH address', `${ORDER}<p>Send ETH to</p><code>0x7a3B9c1D2e4F5a6b7C8d9E0f1A2b3C4d5E6f7A8b</code>`],
  ['Bitcoin bech32 address', `${ORDER}<p>Bitcoin (BTC):</p><div>bc1qw3xk8d9l2v0m7ahq5zyc4tfe6r8njs0ux2p7gk</div>`],
  ['gift cards as the only payment', `${ORDER}<p>We only accept payment with Steam gift cards or Google Play cards.</p>`],
  ['PayPal Friends and Family (no buyer protection)', `${ORDER}<p>Payment: PayPal Friends and Family only to deals@mail.example.</p>`],
  ['Western Union', `${ORDER}<p>Send the money by Western Union to our agent in Lagos.</p>`],
  ['DM on Instagram to order', `${ORDER}<p>DM us on Instagram to order.</p>`],
  ['order via WhatsApp', `${ORDER}<p>Order via WhatsApp: +62 812 3456 7890, then send payment proof.</p>`],
  ['checkout button opens a chat', `${ORDER}<a href="https://wa.me/6281234567890">Order now</a>`],
  ['Spanish: transferencia + Telegram', `${ORDER}<p>Paga por transferencia bancaria y envía el comprobante por Telegram.</p>`],
  ['bank transfer with no card processor on the page', `${ORDER}<p>Payment: bank transfer only.</p>`],
];

const passes: [string, string][] = [
  ['card processors only', `${ORDER}<p>Payment: Visa, Mastercard, PayPal (processed by Stripe).</p>`],
  ['"we never ask for bank transfer" negation', `${ORDER}<p>Pay by card or PayPal. We never ask for a bank transfer, gift cards or crypto.</p>`],
  ['beware warning about Western Union', `${ORDER}<p>Pay with PayPal.</p><p>Beware of sellers who ask for Western Union or MoneyGram.</p>`],
  ['Indonesian virtual-account bank transfer through a payment gateway', `${ORDER}<p>Metode pembayaran: QRIS, GoPay, OVO, DANA, Transfer Bank (Virtual Account) via Midtrans.</p>`],
  ['WhatsApp for support, not ordering', `${ORDER}<p>Pay by card. Questions? Our support team is on WhatsApp.</p>`],
  ['"Questions about your order? WhatsApp us" is support', `${ORDER}<p>Pay by card. Questions about your order or the price? WhatsApp us.</p>`],
  ['Indonesian CS on WhatsApp', `${ORDER}<p>Bayar pakai QRIS. Ada kendala? Hubungi CS via WhatsApp untuk bantuan.</p>`],
  ['an invalid IBAN-looking order number', `${ORDER}<p>Pay with PayPal. Order reference: GB00 1234 5678 9012 3456 78.</p>`],
  ['a phone number is not an account', `${ORDER}<p>Pay with PayPal. Phone: 0812 3456 7890</p>`],
  ['selling gift cards is not paying with them', `${ORDER}<p>Pay with Visa or PayPal.</p><p>We also sell Google Play gift cards.</p>`],
];

describe('off-platform-payment', () => {
  test.each(flags)('flags: %s', async (_n, body) => {
    expect(await idsOf(offPlatformPayment, page(body))).toEqual(['off-platform-payment']);
  });
  test.each(passes)('does not flag: %s', async (_n, body) => {
    expect(await idsOf(offPlatformPayment, page(body))).toEqual([]);
  });
  test('evidence quotes the instruction and points at its element', async () => {
    const [hit] = await runDetector(offPlatformPayment, page(`${ORDER}<p id="bank">Pay to account number 0123456789, account holder: Rina Putri.</p>`));
    expect(hit?.evidence[0]?.text).toContain('0123456789');
    expect(hit?.evidence[0]?.selector).toBe('p#bank');
  });
  test('an account number of eight digits alone in its block is read (the shortest identifier looked for)', async () => {
    const [hit] = await runDetector(offPlatformPayment, page(`${ORDER}<p>Transfer ke rekening BCA</p><p id="no">12345678</p><p>a/n Budi Santoso</p>`));
    expect(hit?.evidence.find((e) => e.selector === 'p#no')?.text).toBe('bank account: 12345678');
  });
});

describe('a price list whose only checkout is a chat', () => {
  const LIST = '<h1>Koin TikTok murah</h1><div>1.000 Koin – Rp 95.000</div><div>5.000 Koin – Rp 450.000</div>';
  test.each([
    ['WhatsApp number in text', `${LIST}<p>Minat? Chat admin di WA 0812 3456 7890</p>`, true],
    ['wa.me link', `${LIST}<a href="https://wa.me/6281234567890">Chat kami</a>`, true],
    ['price cards with Buy links and a "follow us on Telegram" footer', `${LIST}<a href="/tiktok/1000">Beli</a> <a href="/tiktok/5000">Beli</a><footer><a href="https://t.me/koinkita">Follow us on Telegram</a></footer>`, false],
    ['the same contact next to an order form is not the checkout', `${LIST}<form action="/o"><label>Username TikTok <input name="u"></label><button>Beli</button></form><p>Chat admin di WA 0812 3456 7890</p>`, false],
  ])('%s', async (_n, body, flagged) => {
    expect(await idsOf(offPlatformPayment, page(body, 'Koin TikTok murah', 'id'))).toEqual(flagged ? ['off-platform-payment'] : []);
  });
});

describe('isValidIban', () => {
  test.each([
    ['FR76 3000 6000 0112 3456 7890 189', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['GB00 1234 5678 9012 3456 78', false],
    ['DE89 3704 0044 0532 0130 01', false],
    ['hello', false],
  ])('%s → %s', (iban, ok) => {
    expect(isValidIban(iban)).toBe(ok);
  });
});
