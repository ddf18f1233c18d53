import { describe, expect, test } from 'vitest';
import { generator } from '../../../src/detectors/generator';
import { idsOf, page } from './helpers';

const cases: [string, string, boolean][] = [
  ['generator in the title', page('<h1>Free TikTok Coins Generator</h1><input placeholder="Your TikTok @"><button>Generate</button>', 'TikTok Coins Generator 2026'), true],
  ['human verification step', page('<h1>Claim your coins</h1><p>Please verify you are human to unlock your coins.</p>'), true],
  ['content locker: complete an offer', page('<h1>Robux</h1><p>Complete an offer below to receive your Robux.</p>', 'Robux rewards'), true],
  ['French générateur', page('<h1>Pièces TikTok</h1><p>Notre générateur de pièces fonctionne encore.</p>', 'Pièces TikTok', 'fr'), true],
  ['Indonesian verifikasi manusia', page('<h1>Koin TikTok</h1><p>Selesaikan verifikasi manusia untuk menerima koin.</p>', 'Koin TikTok', 'id'), true],
  ['Spanish monedas gratis + oferta', page('<h1>Monedas TikTok</h1><p>Monedas gratis: completa una oferta y listo.</p>', 'Monedas TikTok', 'es'), true],
  ['Portuguese gerador', page('<h1>Gerador de Moedas TikTok</h1>', 'Gerador de Moedas TikTok', 'pt'), true],
  ['Vietnamese xu miễn phí + xác minh', page('<h1>Xu TikTok</h1><p>Nhận xu miễn phí sau khi xác minh con người.</p>', 'Xu TikTok', 'vi'), true],
  ['two weak words in the body', page('<h1>TikTok coins</h1><p>Free coins, 100% working!</p>'), true],
  ['an honest shop', page('<h1>TikTok coins</h1><p>Top up with your username. Card or PayPal.</p>'), false],
  ['a shop that denies generators exist', page('<h1>TikTok coins</h1><p>There is no such thing as a coin generator; never trust sites that promise free coins.</p>'), false],
  ['a bonus in the title', page('<h1>TikTok coins</h1><p>Top up with your username.</p>', 'Buy TikTok Coins – free coins on your first order'), false],
  ['free coins + unlimited in the title', page('<h1>TikTok</h1>', 'Unlimited free coins for TikTok'), true],
  ['one weak phrase in the body (a bonus)', page('<h1>TikTok coins</h1><p>Get 10 free coins with your first order.</p>'), false],
];

describe('generator', () => {
  test.each(cases)('%s', async (_n, html, flagged) => {
    expect(await idsOf(generator, html)).toEqual(flagged ? ['generator'] : []);
  });
});
