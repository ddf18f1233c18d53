import { describe, expect, test } from 'vitest';
import { lookalikeDomain } from '../../../src/detectors/lookalike-domain';
import { idsOf, page, runDetector } from './helpers';

const TIKTOK_SHOP = page('<h1>TikTok coins</h1><p>Top up TikTok coins</p>');
const TWITCH_SHOP = page('<h1>Twitch Bits</h1><p>Buy Twitch bits</p>', 'Buy Twitch Bits');

const cases: [string, string, string[], string?][] = [
  ['https://tiktok-coins.shop/', 'brand in a foreign registrable domain', ['lookalike-domain']],
  ['https://tiktokcoins.store/', 'brand glued to other words', ['lookalike-domain']],
  ['https://tiktok.com.cheap-coins.xyz/', 'official domain in front of another', ['lookalike-domain', 'spoofed-domain']],
  ['https://tiktok-com.example/', 'official domain with a dash', ['lookalike-domain', 'spoofed-domain']],
  ['https://tikt0k.shop/', 'digit swap', ['lookalike-domain', 'spoofed-domain']],
  ['https://xn--tktok-n2e.com/', 'punycode with a Cyrillic і (tіktok)', ['lookalike-domain', 'spoofed-domain']],
  ['https://tiktok-free-coins.web.app/', 'free-host subdomain (psl private suffix)', ['lookalike-domain']],
  ['https://robux-free.github.io/', 'free-host subdomain for Roblox', ['lookalike-domain']],
  ['https://tiktik-coins.shop/', 'one-letter typo on a TikTok page', ['lookalike-domain', 'spoofed-domain']],
  ['https://tlktok-coins.shop/', 'l for i', ['lookalike-domain', 'spoofed-domain']],
  ['https://mytiktok-community.example/', 'brand, but "tiktok-com" only as part of a word', ['lookalike-domain']],
  ['https://www.tiktok.com/coin', "the platform's own domain", []],
  ['https://support.tiktok.com/en', "the platform's subdomain", []],
  ['https://coinhub.example/tiktok-coins', 'brand only in the path', []],
  ['https://switch-deals.example/', '"switch" is not "twitch" on a TikTok page', []],
  ['https://192.168.1.10/tiktok', 'an IP address', []],
  ['file:///tmp/page.html', 'a local file', []],
];

describe('lookalike-domain', () => {
  test.each(cases)('%s (%s)', async (url, _n, ids) => {
    expect(await idsOf(lookalikeDomain, TIKTOK_SHOP, url)).toEqual(ids);
  });

  test('a typo only counts on a page about that platform', async () => {
    expect(await idsOf(lookalikeDomain, TWITCH_SHOP, 'https://twltch.example/')).toEqual(['lookalike-domain', 'spoofed-domain']);
    expect(await idsOf(lookalikeDomain, TIKTOK_SHOP, 'https://twltch.example/')).toEqual(['lookalike-domain', 'spoofed-domain']);
    expect(await idsOf(lookalikeDomain, TIKTOK_SHOP, 'https://glitch.example/')).toEqual([]);
  });

  test('evidence shows the decoded address and the free host', async () => {
    const [hit] = await runDetector(lookalikeDomain, TIKTOK_SHOP, 'https://xn--tktok-n2e.com/');
    expect(hit?.evidence[0]?.text).toContain('tіktok.com');
    const [free] = await runDetector(lookalikeDomain, TIKTOK_SHOP, 'https://tiktok-free-coins.web.app/');
    expect(free?.evidence[0]?.text).toContain('web.app');
  });
});
