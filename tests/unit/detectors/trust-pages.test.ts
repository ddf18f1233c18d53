import { describe, expect, test } from 'vitest';
import { trustPages } from '../../../src/detectors/trust-pages';
import { idsOf, page } from './helpers';

const cases: [string, string, string[]][] = [
  ['privacy + terms + refund + contact', '<a href="/privacy">Privacy policy</a><a href="/terms">Terms of service</a><a href="/refunds">Refund policy</a><a href="/contact">Contact us</a>', ['trust-pages']],
  ['Indonesian footer', '<a href="/kebijakan">Kebijakan Privasi</a> <a href="/sk">Syarat dan Ketentuan</a>', ['trust-pages']],
  ['French mentions légales + confidentialité', '<a href="/ml">Mentions légales</a> <a href="/c">Confidentialité</a>', ['trust-pages']],
  ['icon links read from the path', '<a href="/privacy-policy"><img alt=""></a><a href="/terms"><img alt=""></a>', ['trust-pages']],
  ['nothing at all', '<p>© CoinVault</p>', ['missing-trust-pages']],
  ['only one kind: neither good nor missing', '<a href="/contact">Contact</a>', []],
];

describe('trust-pages', () => {
  test.each(cases)('%s', async (_n, footer, ids) => {
    expect(await idsOf(trustPages, page(`<h1>TikTok coins</h1><footer>${footer}</footer>`))).toEqual(ids);
  });
});
