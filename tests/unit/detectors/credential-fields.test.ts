import { describe, expect, test } from 'vitest';
import { credentialFields } from '../../../src/detectors/credential-fields';
import { idsOf, page, runDetector } from './helpers';

const flags: [string, string, string, string[]][] = [
  [
    'TikTok password next to the username',
    page(`<h1>Get TikTok Coins</h1><form action="/go" method="post"><label for="u">TikTok username</label><input id="u" name="username"><label for="p">TikTok password</label><input id="p" type="password" name="password"><button>Get coins</button></form>`),
    'https://tiktok-coins.shop/',
    ['credential-fields'],
  ],
  [
    '"Log in with TikTok" impersonation: brand + password on another domain',
    page(`<div class="login"><h2>Log in with TikTok</h2><form action="/auth"><input type="text" placeholder="Email or username"><input type="password" placeholder="Password"><button>Log in</button></form></div>`, 'TikTok – Log in to claim your coins'),
    'https://secure-login-portal.example/',
    ['credential-fields', 'fake-platform-login'],
  ],
  [
    'one-time code by autocomplete',
    page(`<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input name="user"></label><label>Code we sent you <input name="c" autocomplete="one-time-code"></label><button>Buy</button></form>`),
    'https://cheap-topup.example/',
    ['credential-fields'],
  ],
  [
    'verification code label without for= (positional <label>)',
    page(`<h1>MLBB diamonds</h1><form action="/mlbb/order" method="post"><label>Player ID</label><input name="pid"><label>Verification code</label><input name="vcode" maxlength="6"><button>Confirm order</button></form>`, 'Mobile Legends Diamonds Top Up'),
    'https://diamondrush.example/',
    ['credential-fields'],
  ],
  [
    'e-mail password (Indonesian kata sandi)',
    page(`<h1>Top up koin TikTok</h1><form action="/beli"><label>Username TikTok <input name="u"></label><label>Kata sandi email <input name="mailpass"></label><button>Beli</button></form>`, 'Beli Koin TikTok Murah', 'id'),
    'https://koinmurah.example/',
    ['credential-fields'],
  ],
  [
    'Vietnamese mật khẩu without a <form>',
    page(`<h1>Nạp xu TikTok</h1><div><p><input placeholder="ID TikTok"></p><p><input placeholder="Mật khẩu TikTok"></p><button>Nạp ngay</button></div>`, 'Nạp xu TikTok giá rẻ', 'vi'),
    'https://napxu.example/',
    ['credential-fields'],
  ],
  [
    'asks for the password in text (order by WhatsApp)',
    page(`<h1>TikTok coins</h1><p>After paying, send us your TikTok username and password on WhatsApp so we can load the coins.</p>`),
    'https://coins-fast.example/',
    ['credential-fields'],
  ],
  [
    'Indonesian: kirim kode OTP ke admin',
    page(`<h1>Koin TikTok</h1><p>Setelah transfer, kirim kode OTP yang masuk ke admin.</p>`, 'Koin TikTok Murah', 'id'),
    'https://koin.example/',
    ['credential-fields'],
  ],
  [
    'a field outside any form, in a box at the top of the page, named by its positional <label>',
    page(`<h1>Buy TikTok Coins</h1><p>Top up TikTok coins, buy now.</p><div><label>TikTok password</label><input type="password" name="pass"><button>Buy now</button></div>`),
    'https://cheap-coins.example/',
    ['credential-fields'],
  ],
  [
    'a field outside any form, in a box at the top of the page, named by the text beside it',
    page(`<h1>Buy TikTok Coins</h1><p>Top up TikTok coins, buy now.</p><div><span>TikTok password</span><input type="password" name="pass"><button>Buy now</button></div>`),
    'https://cheap-coins.example/',
    ['credential-fields'],
  ],
  [
    'the same box with an id (its selector, input#pass, names no parent): the text beside it is read from the parent kept beside it',
    page(`<h1>Top up coins cheap</h1><p>1,000 coins $4.99, buy now.</p><div><span>TikTok password</span><input type="password" id="pass"><button>Buy now</button></div>`, 'Cheap coins top up'),
    'https://cheap-coins.example/',
    ['credential-fields'],
  ],
  [
    'a password box with an id, wrapped in a box of its own inside an order box outside any form: the order box names the platform',
    page(`<h1>Top up coins cheap</h1><p>1,000 coins $4.99</p><div class="order"><p>Log in with your TikTok account</p><div><input id="user" placeholder="Username"></div><div><input type="password" id="pw" placeholder="Password"></div><button id="buy">Buy now</button></div>`, 'Cheap coins top up'),
    'https://cheap-coins.example/',
    ['credential-fields', 'fake-platform-login'],
  ],
  [
    'a code box that only says how many digits ("6-digit code")',
    page(`<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label><input name="x" placeholder="Enter the 6-digit code"><button>Buy</button></form>`),
    'https://cheap-topup.example/',
    ['credential-fields'],
  ],
  [
    'a bare box that only the text just before it explains ("Enter the 6-digit code TikTok sent you")',
    page(`<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label><p>Enter the 6-digit code TikTok sent you:</p><input name="x"><button>Buy</button></form>`),
    'https://cheap-topup.example/',
    ['credential-fields'],
  ],
  [
    'a bare box with an id (its selector names no parent): its form holds the prompt',
    page(`<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input id="user" name="u"></label><p>Enter the 6-digit code TikTok sent you:</p><input id="box" name="f2"><button>Buy</button></form>`),
    'https://cheap-topup.example/',
    ['credential-fields'],
  ],
  [
    'the prompt in a wrapper beside the box\'s own wrapper (its grandparent holds both)',
    page(`<h1>Top up TikTok coins</h1><form action="/o"><label>TikTok username <input name="u"></label><div><p>Type the verification code from the SMS.</p><div><input type="tel" name="v1"></div></div><button>Buy</button></form>`),
    'https://cheap-topup.example/',
    ['credential-fields'],
  ],
  [
    'Spanish: "código de 6 dígitos"',
    page(`<h1>Monedas de TikTok</h1><form action="/o"><label>Usuario de TikTok <input name="u"></label><label>Código de 6 dígitos <input name="x"></label><button>Comprar</button></form>`, 'Monedas TikTok baratas', 'es'),
    'https://monedas.example/',
    ['credential-fields'],
  ],
  [
    'a code split over six one-character boxes',
    page(`<h1>Buy TikTok Coins</h1><ul><li>1,000 Coins $9.99</li></ul><section><div><p>Enter the code we sent you</p><div><input maxlength="1" inputmode="numeric" name="d0"><input maxlength="1" inputmode="numeric" name="d1"><input maxlength="1" inputmode="numeric" name="d2"><input maxlength="1" inputmode="numeric" name="d3"><input maxlength="1" inputmode="numeric" name="d4"><input maxlength="1" inputmode="numeric" name="d5"></div><button>Verify</button></div></section><form action="/o"><label>TikTok username <input name="u"></label><button>Buy now</button></form>`),
    'https://coinshop.example/',
    ['credential-fields'],
  ],
  [
    'a code split over four boxes, each in a box of its own, no names',
    page(`<h1>Buy TikTok Coins</h1><ul><li>1,000 Coins $9.99</li></ul><form action="/o"><label>TikTok username <input name="u"></label><div class="otp"><span><input type="tel" maxlength="1"></span><span><input type="tel" maxlength="1"></span><span><input type="tel" maxlength="1"></span><span><input type="tel" maxlength="1"></span></div><button>Buy now</button></form>`),
    'https://coinshop.example/',
    ['credential-fields'],
  ],
  [
    'a code split over six one-character boxes that each have an id (input#d0 … input#d5)',
    page(`<h1>Buy TikTok Coins</h1><ul><li>1,000 Coins $9.99</li></ul><form action="/o"><label>TikTok username <input name="u"></label><p>Enter the code we sent you</p><div class="digits"><input id="d0" maxlength="1" inputmode="numeric"><input id="d1" maxlength="1" inputmode="numeric"><input id="d2" maxlength="1" inputmode="numeric"><input id="d3" maxlength="1" inputmode="numeric"><input id="d4" maxlength="1" inputmode="numeric"><input id="d5" maxlength="1" inputmode="numeric"></div><button>Buy now</button></form>`),
    'https://coinshop.example/',
    ['credential-fields'],
  ],
  [
    'a code split over four boxes with ids, each in a box of its own',
    page(`<h1>Buy TikTok Coins</h1><ul><li>1,000 Coins $9.99</li></ul><form action="/o"><label>TikTok username <input name="u"></label><div class="otp"><span><input id="c1" type="tel" maxlength="1"></span><span><input id="c2" type="tel" maxlength="1"></span><span><input id="c3" type="tel" maxlength="1"></span><span><input id="c4" type="tel" maxlength="1"></span></div><button>Buy now</button></form>`),
    'https://coinshop.example/',
    ['credential-fields'],
  ],
];

const passes: [string, string, string][] = [
  [
    'username only',
    page(`<h1>TikTok coins</h1><form action="/o"><label>TikTok username <input name="username"></label><button>Buy</button></form>`),
    'https://honest.example/',
  ],
  [
    "the shop's own account form (register / forgot password), no platform named in it",
    page(`<h1>TikTok coins</h1><form action="/account/login" method="post"><h3>Sign in to CoinHub</h3><input type="email" name="email" placeholder="E-mail"><input type="password" name="pw" placeholder="Password"><a href="/forgot">Forgot password?</a> <a href="/register">Create an account</a><button>Sign in</button></form>`),
    'https://coinhub.example/',
  ],
  [
    "the shop's own login box in the page header (no platform named in it)",
    page(`<header><b>CoinCart</b><form action="/account/login" method="post"><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Log in</button></form></header><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login box in the page header, its fields with ids (no platform named in it)",
    page(`<header><b>CoinCart</b><form action="/account/login" method="post"><input type="email" id="email" placeholder="Email"><input type="password" id="password" placeholder="Password"><button>Log in</button></form></header><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login box in the page header, outside any form, its fields with ids (no platform named in it)",
    page(`<header><b>CoinCart</b><div class="account"><input type="email" id="email" placeholder="Email"><input type="password" id="password" placeholder="Password"><button>Log in</button></div></header><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login form with an id, in the page header (no platform named in it)",
    page(`<header><b>CoinCart</b><form id="login" action="/account/login" method="post"><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Log in</button></form></header><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login box in a banner that is a div (role=banner, no platform named in it)",
    page(`<div role="banner"><b>CoinCart</b><form action="/account/login" method="post"><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Log in</button></form></div><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login box at the top of the page, outside any form (no platform named in it)",
    page(`<div><b>Sign in to CoinCart</b><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Sign in</button></div><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    "the shop's own login box at the top of the page, outside any form, its fields with ids (no platform named beside them)",
    page(`<div id="login"><b>Sign in to CoinCart</b><input type="email" id="email" placeholder="Email"><input type="password" id="password" placeholder="Password"><button>Sign in</button></div><h1>TikTok Coins</h1><form action="/order"><label>TikTok username <input name="tt"></label><button>Buy now</button></form>`, 'CoinCart – TikTok Coins top up'),
    'https://coincart.example/',
  ],
  [
    'a gift card\'s 16-digit code is not a login code',
    page(`<h1>TikTok coins</h1><form action="/redeem"><label>TikTok username <input name="u"></label><label>Enter the 16-digit code on your card <input name="card"></label><button>Redeem</button></form>`),
    'https://honest.example/',
  ],
  [
    'fields split for a date, a card number, three boxes or ten: not a split code',
    page(`<h1>TikTok coins</h1><form action="/pay"><label>TikTok username <input name="u"></label><div><input maxlength="2" name="dd"><input maxlength="2" name="mm"><input maxlength="4" name="yyyy"></div><div><input maxlength="4" name="cc0"><input maxlength="4" name="cc1"><input maxlength="4" name="cc2"><input maxlength="4" name="cc3"></div><div><input maxlength="1" inputmode="numeric" name="d0"><input maxlength="1" inputmode="numeric" name="d1"><input maxlength="1" inputmode="numeric" name="d2"></div><div><input maxlength="1" inputmode="numeric" name="d0"><input maxlength="1" inputmode="numeric" name="d1"><input maxlength="1" inputmode="numeric" name="d2"><input maxlength="1" inputmode="numeric" name="d3"><input maxlength="1" inputmode="numeric" name="d4"><input maxlength="1" inputmode="numeric" name="d5"><input maxlength="1" inputmode="numeric" name="d6"><input maxlength="1" inputmode="numeric" name="d7"><input maxlength="1" inputmode="numeric" name="d8"><input maxlength="1" inputmode="numeric" name="d9"></div><button>Pay</button></form>`),
    'https://honest.example/',
  ],
  [
    "the platform's own login page",
    page(`<h1>Log in to TikTok</h1><form action="/login"><input name="email"><input type="password" name="password"><button>Log in</button></form>`, 'Log in | TikTok'),
    'https://www.tiktok.com/login',
  ],
  [
    'a search box and a card CVC are not account secrets',
    page(`<h1>TikTok coins</h1><form action="/pay"><input type="search" name="q" placeholder="Search"><label>Card number <input name="cc" autocomplete="cc-number"></label><label>CVC <input name="cvc" autocomplete="cc-csc"></label><button>Pay</button></form>`),
    'https://honest.example/',
  ],
  [
    'text that says the shop never asks for a password',
    page(`<h1>TikTok coins</h1><p>Enter your username only: we will never ask for your password.</p><form action="/o"><label>TikTok username <input name="username"></label></form>`),
    'https://honest.example/',
  ],
  [
    'Indonesian "tanpa password" (without a password)',
    page(`<h1>Top Up Koin TikTok</h1><p>Cukup masukkan ID TikTok kamu, tanpa password.</p><form action="/o"><label>Username TikTok <input name="username"></label></form>`, 'Top Up Koin TikTok', 'id'),
    'https://koinkita.example/',
  ],
  [
    'text before a bare box that denies asking for a code',
    page(`<h1>TikTok coins</h1><form action="/o"><p>We never ask for your verification code.</p><input name="username"><button>Buy</button></form>`),
    'https://honest.example/',
  ],
  [
    '"no password needed" before a username box: a password named before a bare box is no ask',
    page(`<h1>TikTok coins</h1><form action="/o"><p>No password needed, just your TikTok username:</p><input name="who"><button>Buy</button></form>`),
    'https://honest.example/',
  ],
  [
    'a code named in text outside the box\'s container (a heading of the page)',
    page(`<h1>Your SMS code and TikTok coins</h1><section><div><div><input name="who"></div></div></section><button>Buy</button>`),
    'https://honest.example/',
  ],
  [
    'a box with a label of its own is read by its label, not by the text before it',
    page(`<h1>TikTok coins</h1><form action="/o"><p>Then enter the verification code below.</p><input name="promo" placeholder="Coupon"><button>Buy</button></form>`),
    'https://honest.example/',
  ],
  [
    'long prose before a box is not its prompt',
    page(`<h1>TikTok coins</h1><form action="/o"><p>${'Our shop has sold coins since 2019 and ships every order in minutes. '.repeat(4)}Some sites ask for a verification code.</p><input name="who"><button>Buy</button></form>`),
    'https://honest.example/',
  ],
  [
    'text that warns about passwords is not a field',
    page(`<h1>TikTok coins</h1><p>We never ask for your TikTok password or verification code.</p><form action="/o"><label>TikTok username <input name="username"></label></form>`),
    'https://honest.example/',
  ],
];

describe('credential-fields', () => {
  test.each(flags)('flags: %s', async (_name, html, url, ids) => {
    expect(await idsOf(credentialFields, html, url)).toEqual(ids);
  });

  test.each(passes)('does not flag: %s', async (_name, html, url) => {
    expect(await idsOf(credentialFields, html, url)).toEqual([]);
  });

  test('evidence names the field and carries its selector for "Show me"', async () => {
    const [hit] = await runDetector(credentialFields, flags[0]![1], flags[0]![2]);
    expect(hit?.evidence[0]?.text).toMatch(/tiktok password/i);
    expect(hit?.evidence[0]?.selector).toBe('input#p');
  });
});
