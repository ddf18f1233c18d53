/** The gate: cheap, and lets through exactly the pages worth a full scan. */
import { describe, expect, test } from 'vitest';
import { gateDecision, isCandidate, readGateInput } from '../../../src/engine/gate';
import { parseHtml } from '../../../src/node/scan-html';
import { page } from '../detectors/helpers';

async function gate(html: string) {
  const { document, close } = parseHtml(html, 'https://x.example/');
  try {
    return isCandidate(document);
  } finally {
    await close();
  }
}

describe('gate', () => {
  test.each([
    ['English shop', page('<h1>Buy TikTok coins</h1>', 'Cheap TikTok coins'), true],
    ['Indonesian top-up', page('<h1>Isi ulang koin TikTok</h1>', 'Top up koin TikTok murah', 'id'), true],
    ['French recharge', page('<h1>Recharger des pièces TikTok</h1>', 'Pièces TikTok', 'fr'), true],
    ['Spanish recarga', page('<h1>Recargar monedas de TikTok</h1>', 'Monedas TikTok', 'es'), true],
    ['Portuguese recarga', page('<h1>Comprar moedas TikTok</h1>', 'Moedas TikTok', 'pt'), true],
    ['Vietnamese nạp xu', page('<h1>Nạp xu TikTok</h1>', 'Nạp xu TikTok', 'vi'), true],
    ['generator', page('<h1>Free TikTok coins generator</h1>', 'Generator'), true],
    ['platform login without coin words', page('<h1>Log in with TikTok</h1><form><input type="password"></form>', 'TikTok'), true],
    ['ordinary news', page('<h1>City adds bike lanes</h1><p>The council voted on Monday.</p>', 'Bike lanes'), false],
    ['a bank login', page('<h1>Online banking</h1><form><input type="password"></form>', 'Bank'), false],
  ])('%s → %s', async (_n, html, expected) => {
    expect(await gate(html)).toBe(expected);
  });

  test('reads a bounded sample: text past the limit is never read', async () => {
    const filler = '<p>lorem ipsum dolor sit amet</p>'.repeat(2000);
    const { document, close } = parseHtml(page(`${filler}<p>buy tiktok coins</p>`, 'Notes'), 'https://x.example/');
    const input = readGateInput(document);
    await close();
    expect(input.sample.length).toBeLessThanOrEqual(4000);
    expect(gateDecision(input)).toBe(false);
  });
});
