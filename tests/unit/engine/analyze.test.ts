/**
 * The engine end to end (gate → snapshot → analyze) on small realistic pages:
 * what is a shop, what is not ("nothing" on articles, help pages, bank and
 * webmail logins), official domains, and how the score becomes a verdict.
 */
import { describe, expect, test } from 'vitest';
import { data } from '../../../src/data';
import { scoreSignals } from '../../../src/engine/analyze';
import type { Signal } from '../../../src/engine/types';
import { page, scan } from '../detectors/helpers';

const HONEST = page(`<h1>TikTok Coins top up</h1>
<form action="https://pay.topup.example/order" method="post">
<label for="u">TikTok username</label><input id="u" name="username">
<select name="pk"><option>70 Coins – $0.79</option><option>350 Coins – $3.89</option><option>1,400 Coins – $15.49</option></select>
<p>Payment: Visa, Mastercard, PayPal (processed by Stripe).</p><button>Continue to payment</button></form>
<footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a> <a href="/refund">Refund policy</a> <a href="/contact">Contact</a></footer>`, 'TopUp – TikTok Coins top up');

const PHISH = page(`<h1>Get TikTok Coins – 90% OFF</h1>
<div><b>1,000 Coins</b> <span>$1.99</span></div><div><b>5,000 Coins</b> <span>$7.99</span></div>
<form action="/collect.php" method="post"><h2>Log in with TikTok to receive your coins</h2>
<label for="u">TikTok username</label><input id="u" name="username"><label for="p">TikTok password</label><input id="p" name="password" type="password"><button>Get my coins</button></form>`, 'TikTok Coins Free');

describe('verdicts', () => {
  test('an honest reseller is ok, with its good signs as reasons', async () => {
    const r = await scan(HONEST, 'https://www.topup.example/tiktok');
    expect(r.verdict).toBe('ok');
    expect(r.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['username-only', 'known-payment-processor', 'trust-pages']));
    expect(r.signals.every((s) => s.severity === 'good')).toBe(true);
  });

  test('a phishing login on a lookalike domain is danger, the strongest reason first', async () => {
    const r = await scan(PHISH, 'https://tiktok-coins-free.xyz/');
    expect(r.verdict).toBe('danger');
    expect(r.signals[0]?.id).toBe('credential-fields');
    expect(r.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['fake-platform-login', 'lookalike-domain', 'too-good-discount-extreme']));
  });

  test('menu links such as Blog / News / Tips do not turn a scam shop into an article', async () => {
    const html = page(`<nav><a href="/blog">Blog</a> <a href="/news">News</a> <a href="/tips">Tips</a> <a href="/forum">Forum</a></nav>
<h1>TikTok Coins murah</h1><div><b>1,000 Coins</b> <span>$7.50</span></div><div><b>5,000 Coins</b> <span>$36.00</span></div>
<p>Pay by bank transfer to account number 0123456789, account holder: Rina Putri. Then send the receipt to our WhatsApp.</p>`, 'Cheap TikTok Coins');
    const r = await scan(html, 'https://coinmurah.example/');
    expect(r.verdict).toBe('danger');
    expect(r.signals[0]?.id).toBe('off-platform-payment');
  });

  test('the same honest page served over http is caution', async () => {
    expect((await scan(HONEST, 'http://www.topup.example/tiktok')).verdict).toBe('caution');
  });

  test("the platform's own coin page is official", async () => {
    const r = await scan(HONEST, 'https://www.tiktok.com/coin');
    expect(r.verdict).toBe('official');
    expect(r.signals.map((s) => s.id)).toEqual(['official-domain']);
  });

  test('strict mode turns a caution into danger', async () => {
    const cautious = page(`<h1>TikTok Coins</h1><form action="/o"><label>TikTok username <input name="u"></label>
<label><input type="radio" name="pk"> 1,000 Coins – $6.49</label><label><input type="radio" name="pk"> 5,000 Coins – $31.99</label><button>Buy now</button></form>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`);
    expect((await scan(cautious, 'https://coindeals.example/')).verdict).toBe('caution');
    expect((await scan(cautious, 'https://coindeals.example/', true)).verdict).toBe('danger');
  });
});

describe('not a shop → none', () => {
  test.each([
    [
      'a safety-tips article naming passwords, bank transfers and cheap coins',
      page(`<article><h1>5 signs a TikTok coin shop is a scam</h1><p>Posted by Mia · 5 min read</p>
<p>Never give your TikTok password or verification code. Sellers who want a bank transfer to a personal account, gift cards or crypto are scams.</p>
<p>1,000 coins for $2? The official price is about $10.</p><p>Beware of "free coin generators" that ask you to verify you are human.</p></article>
<form action="/newsletter"><label>Newsletter <input type="email" name="email"></label><button>Subscribe</button></form>`, 'Cheap TikTok coins: 5 scams to avoid – SafeWeb Blog'),
      'https://blog.safeweb.example/tiktok-coin-scams',
    ],
    [
      'a news article about TikTok gifts',
      page(`<h1>TikTok creators earn more from LIVE gifts</h1><p>Viewers buy coins and send gifts; creators now keep up to 53% of diamonds' value.</p>`, 'TikTok raises creator share of LIVE gifts – Daily News'),
      'https://news.example/tech/tiktok-gifts',
    ],
    [
      'a forum thread with a sidebar login',
      page(`<h1>Is cheap-tiktok-coins.shop legit? They want my password</h1>
<div class="post"><p>They asked for my TikTok password to deliver 5,000 coins for $9. Reply below.</p></div><div class="post"><p>Scam. Never do that.</p></div>
<aside><form action="/forum/login" method="post"><h3>Log in</h3><label>Username <input name="user"></label><label>Password <input type="password" name="pass"></label><a href="/forgot">Forgot password?</a> <a href="/register">Register</a><button>Log in</button></form></aside>`, 'Is cheap-tiktok-coins.shop legit? – Forum'),
      'https://forum.example/t/12345',
    ],
    [
      'a bank login',
      page(`<h1>Online banking</h1><form action="/login" method="post"><label>Customer number <input name="cust"></label><label>Password <input type="password" name="pw"></label><button>Log in</button></form>`, 'Log in – Example Bank'),
      'https://online.examplebank.example/login',
    ],
    [
      'a webmail login',
      page(`<h1>Sign in to Mail</h1><form action="/auth"><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Sign in</button></form>`, 'Mail – Sign in'),
      'https://mail.example.com/',
    ],
    [
      "the platform's help page on buying coins",
      page(`<article><h1>Buying Coins</h1><p>You can buy Coins in the TikTok app or at tiktok.com/coin.</p><p>TikTok will never ask for your password.</p></article>`, 'Buying Coins | TikTok Help Center'),
      'https://support.tiktok.com/en/coins',
    ],
    [
      "a numismatist's coin shop",
      page(`<h1>Buy silver coins</h1><div>1 oz Silver Eagle coin – $32.00 <button>Add to cart</button></div><div>Gold sovereign coin – $620 <button>Add to cart</button></div>`, 'Buy silver and gold coins – CoinDealer'),
      'https://coindealer.example/',
    ],
  ])('%s', async (_n, html, url) => {
    const r = await scan(html, url);
    expect(r.verdict).toBe('none');
    expect(r.signals).toEqual([]);
  });
});

describe('score → verdict (scoring.json)', () => {
  const sig = (id: string): Signal => ({ id, severity: 'caution', evidence: [] });
  const { thresholds } = data().scoring;

  test.each([
    ['nothing', [], 'ok'],
    ['one weak sign', ['pressure-tactics'], 'ok'],
    ['two weak signs', ['pressure-tactics', 'missing-trust-pages'], 'caution'],
    ['two weak signs minus every good sign', ['pressure-tactics', 'missing-trust-pages', 'username-only', 'known-payment-processor', 'trust-pages', 'https-throughout'], 'caution'],
    ['one caution sign with good signs', ['too-good-discount', 'username-only', 'known-payment-processor'], 'caution'],
    ['one danger sign', ['off-platform-payment'], 'danger'],
    ['a danger sign is never offset by good signs', ['credential-fields', 'username-only', 'known-payment-processor', 'trust-pages', 'https-throughout'], 'danger'],
    ['lookalike domain alone is caution', ['lookalike-domain'], 'caution'],
    ['lookalike domain + a weak sign is danger', ['lookalike-domain', 'missing-trust-pages'], 'danger'],
  ])('%s → %s', (_n, ids, verdict) => {
    expect(scoreSignals(ids.map(sig)).verdict).toBe(verdict);
  });

  test('good signals lower the score by at most goodCap', () => {
    const many = ['username-only', 'known-payment-processor', 'trust-pages', 'https-throughout'].map(sig);
    expect(scoreSignals(many).score).toBe(data().scoring.goodCap.max);
  });

  test('thresholds are ordered and strict is stricter', () => {
    const { strictThresholds } = data().scoring;
    expect(strictThresholds.danger).toBeLessThan(thresholds.danger);
    expect(strictThresholds.caution).toBeLessThan(thresholds.caution);
    expect(scoreSignals([sig('pressure-tactics')], true).verdict).toBe('caution');
  });
});

describe('cost', () => {
  test('a huge page (thousands of blocks, a hundred fields) is analysed in well under a second', async () => {
    const { parseHtml } = await import('../../../src/node/scan-html');
    const { buildSnapshot } = await import('../../../src/engine/snapshot');
    const { analyze } = await import('../../../src/engine/analyze');
    let body = '<h1>Buy TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label>';
    for (let i = 0; i < 100; i++) body += `<label>Field ${i} <input name="f${i}"></label>`;
    body += '</form>';
    for (let i = 0; i < 2000; i++) body += `<div><p>Ana from Jakarta just bought ${i * 10} coins · 2 min ago. Hurry, offer ends in 04:59! Pay with card.</p></div>`;
    const { document, close } = parseHtml(page(body), 'https://shop.example/');
    const snap = buildSnapshot(document, 'https://shop.example/');
    await close();
    const t = performance.now();
    const r = analyze(snap);
    expect(performance.now() - t).toBeLessThan(1500);
    expect(r.signals.find((s) => s.id === 'pressure-tactics')?.evidence.length).toBeLessThanOrEqual(6);
  }, 60_000); // building the page in happy-dom takes seconds; only analyze() is timed
});
