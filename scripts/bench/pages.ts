/**
 * Benchmark pages, generated at run time (deterministic: no randomness), so
 * sizes are exact and nothing large is committed. Ten ordinary pages of
 * different kinds and sizes and five coin shops.
 */
export interface BenchPage {
  name: string;
  kind: 'ordinary' | 'shop';
  url: string;
  html: string;
}

const words = 'the of and to in is that for it as with was on be by this are or from at an which have not they but had one all were there when we can more your what about other time some into could them only then its also would these two may first like over any out see new'.split(' ');
function lorem(n: number, seed: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `${words[(i * 7 + seed * 13) % words.length]} `;
  return s.trim();
}
const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}<style>body{font-family:sans-serif;margin:0 auto;max-width:1100px;padding:16px}td,th{border:1px solid #ddd;padding:2px 4px}.card{display:inline-block;width:200px;margin:6px;vertical-align:top}</style></head><body>${body}</body></html>`;

function article(): string {
  const ps = Array.from({ length: 40 }, (_, i) => `<p>${lorem(120, i)}</p>`).join('');
  return page('City council approves new bike lanes', `<header><nav><a href="/">Home</a> <a href="/city">City</a></nav></header><article><h1>City council approves new bike lanes</h1>${ps}</article><footer>© News</footer>`);
}
function forum(): string {
  const posts = Array.from({ length: 400 }, (_, i) => `<div class="post"><div class="who"><a href="/u/${i}">user${i}</a> · <time>2026-11-${(i % 28) + 1}</time></div><div class="msg"><p>${lorem(60, i)}</p><blockquote>${lorem(20, i + 3)}</blockquote></div><div class="act"><button>Reply</button> <button>Quote</button></div></div>`).join('');
  return page('Thread: which sourdough starter? (page 1 of 20)', `<h1>Which sourdough starter?</h1>${posts}`);
}
function productGrid(): string {
  const cards = Array.from({ length: 600 }, (_, i) => `<div class="card"><img alt="" width="180" height="120" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><h3>Running shoe model ${i}</h3><p>${lorem(12, i)}</p><span class="price">$${(49 + (i % 80)).toFixed(2)}</span> <button>Add to cart</button></div>`).join('');
  return page('Running shoes – Shoe Shop', `<h1>Running shoes</h1><form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>${cards}`);
}
function bigTable(): string {
  const rows = Array.from({ length: 1000 }, (_, r) => `<tr>${Array.from({ length: 20 }, (_, c) => `<td>${(r * 20 + c) % 997}</td>`).join('')}</tr>`).join('');
  return page('Station measurements 2025', `<h1>Station measurements</h1><table><thead><tr>${Array.from({ length: 20 }, (_, c) => `<th>S${c}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`);
}
function spa(): string {
  // Re-renders a feed every animation frame for as long as the page is open.
  return page(
    'Live scores',
    `<h1>Live scores</h1><ul id="feed"></ul><script>
      let n = 0; const feed = document.getElementById('feed');
      function frame() { const li = document.createElement('li'); li.textContent = 'Match ' + (n++) + ': ' + (n % 5) + ' – ' + (n % 3); feed.prepend(li); if (feed.children.length > 50) feed.lastElementChild.remove(); requestAnimationFrame(frame); }
      requestAnimationFrame(frame);
      setInterval(() => history.replaceState({}, '', '/live?t=' + n), 500);
    </script>`,
  );
}
function recipe(): string {
  return page('Tomato soup recipe', `<h1>Tomato soup</h1><h2>Ingredients</h2><ul>${Array.from({ length: 12 }, (_, i) => `<li>${lorem(4, i)}</li>`).join('')}</ul><h2>Method</h2><ol>${Array.from({ length: 10 }, (_, i) => `<li>${lorem(30, i)}</li>`).join('')}</ol>`);
}
function docsPage(): string {
  const sections = Array.from({ length: 60 }, (_, i) => `<h2 id="s${i}">Section ${i}</h2><p>${lorem(80, i)}</p><pre><code>function f${i}(x) { return x * ${i}; }</code></pre>`).join('');
  return page('API reference – Widgets', `<nav>${Array.from({ length: 60 }, (_, i) => `<a href="#s${i}">Section ${i}</a>`).join(' ')}</nav><main><h1>Widgets API</h1>${sections}</main>`);
}
function login(): string {
  return page('Sign in – Webmail', `<h1>Sign in to your mailbox</h1><form action="/login" method="post"><label for="e">Email</label><input id="e" type="email"><label for="p">Password</label><input id="p" type="password"><button>Sign in</button></form>`);
}
function searchResults(): string {
  const r = Array.from({ length: 50 }, (_, i) => `<div class="r"><a href="https://site${i}.example/page"><h3>Result ${i}: ${lorem(6, i)}</h3></a><cite>site${i}.example</cite><p>${lorem(30, i)}</p></div>`).join('');
  return page('garden tools – Search', `<form><input name="q" value="garden tools"></form>${r}`);
}
function numismatic(): string {
  // A hard negative: talks about coins and buying, not virtual coins.
  const items = Array.from({ length: 80 }, (_, i) => `<div class="card"><h3>Silver coin ${1800 + i}</h3><p>${lorem(15, i)}</p><span>€${120 + i}</span> <button>Buy</button></div>`).join('');
  return page('Antique silver coins – Numismatic shop', `<h1>Antique silver coins</h1>${items}`);
}

/** A coin shop of roughly `packages * 6 + extra` elements. */
export function shop(packages: number, opts: { platform?: string; unit?: string; password?: boolean; title?: string } = {}): string {
  const platform = opts.platform ?? 'TikTok';
  const unit = opts.unit ?? 'Coins';
  const pk = Array.from({ length: packages }, (_, i) => `<div class="card"><b>${(i + 1) * 100} ${unit}</b><br><s>$${((i + 1) * 1.09).toFixed(2)}</s> <span class="price">$${((i + 1) * 0.5).toFixed(2)}</span> <button>Buy now</button></div>`).join('');
  const form = opts.password
    ? `<form action="/order" method="post"><label for="u">${platform} username</label><input id="u" name="username"><label for="p">${platform} password</label><input id="p" name="password" type="password"><button>Get ${unit}</button></form>`
    : `<form action="/order" method="post"><label for="u">${platform} username</label><input id="u" name="username"><button>Buy ${unit}</button></form>`;
  return page(
    opts.title ?? `Buy ${platform} ${unit} – cheap top up`,
    `<h1>Buy ${platform} ${unit} – top up</h1><p>Instant delivery to your ${platform} account.</p><section>${pk}</section>${form}<p>Pay by bank transfer to account 0099887766, account holder Budi Santoso.</p><footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>`,
  );
}

/** A shop page with about `elements` elements (packages add 6 each). */
export function shopOfSize(elements: number): string {
  return shop(Math.max(1, Math.round(elements / 6)), { password: true });
}

export function benchPages(): BenchPage[] {
  const o = (name: string, html: string): BenchPage => ({ name, kind: 'ordinary', url: `https://${name}.bench.example/`, html });
  const s = (name: string, html: string): BenchPage => ({ name, kind: 'shop', url: `https://${name}.bench.example/`, html });
  return [
    o('article', article()),
    o('forum-thread', forum()),
    o('product-grid', productGrid()),
    o('table-20k-cells', bigTable()),
    o('spa-mutating', spa()),
    o('recipe', recipe()),
    o('docs', docsPage()),
    o('webmail-login', login()),
    o('search-results', searchResults()),
    o('numismatic-shop', numismatic()),
    s('shop-tiktok-phish', shop(12, { password: true })),
    s('shop-robux', shop(10, { platform: 'Roblox', unit: 'Robux' })),
    s('shop-vbucks', shop(8, { platform: 'Fortnite', unit: 'V-Bucks' })),
    s('shop-diamonds', shop(20, { platform: 'Mobile Legends', unit: 'Diamonds' })),
    s('shop-5000-elements', shopOfSize(5000)),
  ];
}
