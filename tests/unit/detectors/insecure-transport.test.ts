import { describe, expect, test } from 'vitest';
import { insecureTransport } from '../../../src/detectors/insecure-transport';
import { idsOf, page } from './helpers';

const ID_FORM = (action: string) => `<h1>TikTok coins</h1><form action="${action}" method="post"><label>TikTok username <input name="u"></label><button>Buy</button></form>`;
const PW_FORM = (action: string) => `<h1>TikTok coins</h1><form action="${action}" method="post"><label>TikTok username <input name="u"></label><label>TikTok password <input type="password" name="p"></label><button>Buy</button></form>`;

const cases: [string, string, string, string[]][] = [
  ['http page with a username form (page-level only)', ID_FORM('/order'), 'http://coins.example/', ['insecure-transport']],
  ['http page with a password form', PW_FORM('/order'), 'http://coins.example/', ['insecure-transport', 'insecure-transport-form']],
  ['https page, password posted to another site over http', PW_FORM('http://collector.example/p.php'), 'https://coins.example/', ['insecure-transport-form']],
  ['https page, any form posted over http (mixed form)', ID_FORM('http://coins.example/order'), 'https://coins.example/', ['insecure-transport-form']],
  ['http page, username form posted to another http site', ID_FORM('http://other.example/x'), 'http://coins.example/', ['insecure-transport', 'insecure-transport-form']],
  ['https throughout', PW_FORM('/order'), 'https://coins.example/', ['https-throughout']],
  ['https page, form posts to another https site', ID_FORM('https://pay.example/checkout'), 'https://coins.example/', ['https-throughout']],
  ['a search box posting to http elsewhere sends only a query', `<h1>TikTok coins</h1><form action="http://search.example/"><input name="q"></form><form action="/o"><label>TikTok username <input name="u"></label></form>`, 'https://coins.example/', ['https-throughout']],
  ['localhost is a developer machine', ID_FORM('/order'), 'http://localhost:8080/', []],
  ['a form with nothing to type sends nothing', `<h1>TikTok coins</h1><form action="http://x.example/"><button>Go</button></form><p><input name="q"></p>`, 'https://coins.example/', ['https-throughout']],
];

describe('insecure-transport', () => {
  test.each(cases)('%s', async (_n, body, url, ids) => {
    expect(await idsOf(insecureTransport, page(body), url)).toEqual(ids);
  });
});
