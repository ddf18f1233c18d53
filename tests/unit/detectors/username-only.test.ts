import { describe, expect, test } from 'vitest';
import { usernameOnly } from '../../../src/detectors/username-only';
import { idsOf, page } from './helpers';

const cases: [string, string, boolean][] = [
  ['TikTok username', '<label>TikTok username <input name="username"></label>', true],
  ['game ID + zone ID', '<label>Player ID <input name="pid"></label><label>Zone ID <input name="zone"></label>', true],
  ['Indonesian ID pengguna', '<label>ID Pengguna <input name="uid"></label>', true],
  ['Portuguese placeholder "Seu @ do TikTok"', '<input placeholder="Seu @ do TikTok">', true],
  ['username + password', '<label>Username <input name="u"></label><label>Password <input type="password" name="p"></label>', false],
  ['username + verification code by name only', '<label>Username <input name="u"></label><input name="otp_code">', false],
  ["the shop's own header login does not spoil it", '<label>TikTok username <input name="u"></label></form><header><form action="/login"><input type="email" name="e"><input type="password" name="p"><button>Log in</button>', true],
  ['only an e-mail field', '<label>E-mail <input type="email" name="email"></label>', false],
];

describe('username-only', () => {
  test.each(cases)('%s', async (_n, fields, good) => {
    expect(await idsOf(usernameOnly, page(`<h1>TikTok coins</h1><form action="/o">${fields}<button>Buy</button></form>`))).toEqual(good ? ['username-only'] : []);
  });
});
