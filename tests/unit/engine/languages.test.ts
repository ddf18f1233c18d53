/**
 * One honest shop and one scam per language, end to end (gate → snapshot →
 * analyze), including the hard negatives that once produced false alarms:
 * "tanpa password", a support-only WhatsApp line, a warning against PCS
 * coupons, a shop's own header login, gift cards for sale (not as payment).
 */
import { describe, expect, test } from 'vitest';
import { scan } from '../detectors/helpers';

const PAGES: [name: string, url: string, html: string, verdict: string, signals: string[]][] = [
  [
    "id: honest top-up (QRIS, e-wallets, virtual-account transfer, WhatsApp support, \"tanpa password\")",
    "https://koinkita.example/",
    `<!doctype html><html lang="id"><head><title>Top Up Koin TikTok Murah & Cepat – KoinKita</title></head><body>
<header><a href="/">Beranda</a> <a href="/blog">Blog</a> <a href="/masuk">Masuk</a> <a href="/daftar">Daftar</a></header>
<h1>Top Up Koin TikTok</h1><p>Proses instan 24 jam. Cukup masukkan ID TikTok kamu, tanpa password.</p>
<form action="/checkout" method="post"><label for="uid">Username TikTok</label><input id="uid" name="username">
<div><label><input type="radio" name="p"> 70 Koin – Rp 12.000</label><label><input type="radio" name="p"> 350 Koin – Rp 59.000</label><label><input type="radio" name="p"> 1.400 Koin – Rp 235.000</label></div>
<h3>Metode pembayaran</h3><p>QRIS · GoPay · OVO · DANA · ShopeePay · Transfer Bank (Virtual Account BCA, BNI, Mandiri)</p>
<button>Beli Sekarang</button></form>
<p>Butuh bantuan? Hubungi CS kami via WhatsApp 0812-3456-7890 (09.00–21.00).</p>
<p>Promo berakhir dalam 02:13:45</p>
<footer><a href="/syarat">Syarat dan Ketentuan</a> · <a href="/privasi">Kebijakan Privasi</a> · <a href="/kontak">Kontak</a></footer></body></html>`,
    "ok",
    ["username-only", "known-payment-processor"],
  ],
  [
    "id: DANA transfer to a person, proof to admin",
    "https://koin-kilat.example/",
    `<!doctype html><html lang="id"><head><title>Koin TikTok Termurah – Top Up Kilat</title></head><body>
<h1>Koin TikTok Termurah</h1><div>1.000 Koin – Rp 45.000</div><div>5.000 Koin – Rp 200.000</div>
<p>Pembayaran: transfer DANA ke 0812 9876 5432 a.n. Siti Rahma, lalu kirim bukti transfer + username TikTok ke admin.</p></body></html>`,
    "danger",
    ["off-platform-payment"],
  ],
  [
    "vi: honest shop, never asks for mật khẩu",
    "https://napnhanh.example/",
    `<!doctype html><html lang="vi"><head><title>Nạp xu TikTok giá rẻ, uy tín – NapNhanh</title></head><body>
<h1>Nạp xu TikTok</h1><p>Chỉ cần ID TikTok, không cần mật khẩu. Chúng tôi không bao giờ yêu cầu mật khẩu hay mã OTP.</p>
<form action="/dat-hang" method="post"><label>ID TikTok <input name="tiktok_id"></label>
<select name="goi"><option>100 xu – 25.000 ₫</option><option>500 xu – 122.000 ₫</option><option>1.000 xu – 243.000 ₫</option></select>
<p>Thanh toán qua MoMo, ZaloPay, VNPay hoặc thẻ ATM nội địa (Napas).</p><button>Mua ngay</button></form>
<footer><a href="/dieu-khoan">Điều khoản</a> <a href="/chinh-sach-bao-mat">Chính sách bảo mật</a> <a href="/lien-he">Liên hệ</a></footer></body></html>`,
    "ok",
    ["username-only"],
  ],
  [
    "vi: Zalo ordering, only 5 left",
    "https://xure.example/",
    `<!doctype html><html lang="vi"><head><title>Xu TikTok giá sốc – XuRe</title></head><body>
<h1>Bán xu TikTok giá sốc</h1><div>1.000 xu – 60.000 ₫</div><div>5.000 xu – 280.000 ₫</div>
<p>Liên hệ Zalo 0909 111 222 để mua. Chỉ còn 5 suất giá sốc!</p></body></html>`,
    "danger",
    ["off-platform-payment", "pressure-tactics"],
  ],
  [
    "pt: honest Pix via Mercado Pago",
    "https://recargaja.example/",
    `<!doctype html><html lang="pt"><head><title>Moedas TikTok – Recarga rápida | RecargaJá</title></head><body>
<h1>Comprar moedas do TikTok</h1><p>Informe seu @ do TikTok. Nunca pedimos sua senha.</p>
<form action="/pedido" method="post"><label>Seu @ do TikTok <input name="arroba"></label>
<label><input type="radio" name="p"> 70 moedas – R$ 4,49</label><label><input type="radio" name="p"> 350 moedas – R$ 21,90</label>
<p>Pagamento via Pix (Mercado Pago) ou cartão de crédito.</p><button>Comprar agora</button></form>
<p>Dúvidas? Chama no WhatsApp.</p>
<footer><a href="/termos">Termos de uso</a> <a href="/privacidade">Privacidade</a> <a href="/contato">Contato</a></footer></body></html>`,
    "ok",
    ["username-only", "known-payment-processor"],
  ],
  [
    "pt: honest Free Fire reseller",
    "https://recargaff.example/",
    `<!doctype html><html lang="pt"><head><title>Diamantes Free Fire – Recarga oficial parceira</title></head><body>
<h1>Recarga de diamantes Free Fire</h1><form action="/recarga" method="post"><label>ID do jogador <input name="id"></label>
<label><input type="radio" name="p"> 100 diamantes – R$ 4,90</label><label><input type="radio" name="p"> 310 diamantes – R$ 14,90</label>
<p>Pague com Pix, boleto ou cartão de crédito (PagSeguro).</p><button>Comprar</button></form>
<footer><a href="/termos">Termos de uso</a> <a href="/privacidade">Política de privacidade</a> <a href="/reembolso">Reembolso</a></footer></body></html>`,
    "ok",
    ["username-only"],
  ],
  [
    "es: WhatsApp deposit ordering",
    "https://monedas-baratas.example/",
    `<!doctype html><html lang="es"><head><title>Monedas TikTok baratas 70% descuento</title></head><body>
<h1>Monedas de TikTok al mejor precio</h1>
<div>1.000 monedas – 3 USD</div><div>5.000 monedas – 12 USD</div><div>10.000 monedas – 20 USD</div>
<p>Para comprar escríbenos por WhatsApp al +52 55 1234 5678 y te damos los datos para el depósito.</p></body></html>`,
    "danger",
    ["off-platform-payment"],
  ],
  [
    "es: honest OXXO / card, WhatsApp only for questions, sells gift cards",
    "https://turecarga.example/",
    `<!doctype html><html lang="es"><head><title>Recarga monedas TikTok – TuRecarga</title></head><body>
<h1>Recargar monedas de TikTok</h1><form action="/pedido" method="post"><label>Usuario de TikTok <input name="usuario"></label>
<label><input type="radio" name="p"> 70 monedas – MX$ 17</label><label><input type="radio" name="p"> 350 monedas – MX$ 85</label>
<p>Paga en OXXO, con tarjeta de crédito o Mercado Pago.</p><button>Comprar</button></form>
<p>¿Dudas? Escríbenos por WhatsApp. También vendemos tarjetas de regalo de Google Play.</p>
<footer><a href="/terminos">Términos y condiciones</a> <a href="/privacidad">Política de privacidad</a></footer></body></html>`,
    "ok",
    ["username-only"],
  ],
  [
    "es: Robux for Amazon gift cards only",
    "https://robuxya.example/",
    `<!doctype html><html lang="es"><head><title>Robux baratos – RobuxYa</title></head><body>
<h1>Compra Robux baratos</h1><form action="/pedido"><label>Usuario de Roblox <input name="u"></label>
<select><option>1.000 Robux – 4 USD</option><option>2.000 Robux – 7 USD</option></select><button>Comprar</button></form>
<p>Solo aceptamos tarjetas de regalo de Amazon o Steam como pago.</p></body></html>`,
    "danger",
    ["off-platform-payment"],
  ],
  [
    "fr: honest card / PayPal / SEPA, warns against PCS",
    "https://piecesplus.example/",
    `<!doctype html><html lang="fr"><head><title>Recharge pièces TikTok – PiècesPlus</title></head><body>
<h1>Acheter des pièces TikTok</h1><form action="/commande" method="post"><label>Nom d'utilisateur TikTok <input name="pseudo"></label>
<label><input type="radio" name="p"> 70 pièces – 0,89 €</label><label><input type="radio" name="p"> 350 pièces – 4,29 €</label>
<p>Paiement par carte bancaire, PayPal ou virement bancaire (SEPA).</p><button>Commander</button></form>
<p>Ne payez jamais par coupon PCS ou carte cadeau : c'est une arnaque.</p>
<footer><a href="/cgv">CGV</a> <a href="/confidentialite">Confidentialité</a> <a href="/contact">Contact</a></footer></body></html>`,
    "ok",
    ["username-only"],
  ],
  [
    "fr: PCS / Transcash only",
    "https://pieces-pascher.example/",
    `<!doctype html><html lang="fr"><head><title>Pièces TikTok pas chères</title></head><body>
<h1>Pièces TikTok -70%</h1><div>1 000 pièces – 3 €</div><div>5 000 pièces – 12 €</div>
<p>Paiement uniquement par coupon PCS ou Transcash. Envoyez le code à notre service client.</p></body></html>`,
    "danger",
    ["off-platform-payment"],
  ],
  [
    "fr: TikTok login clone",
    "https://tiktok-pieces.example/",
    `<!doctype html><html lang="fr"><head><title>Pièces TikTok – Connexion</title></head><body>
<h1>Connectez votre compte TikTok pour recevoir vos pièces</h1>
<div><label>Adresse e-mail</label><input name="mail" type="email"></div>
<div><label>Mot de passe</label><input name="mdp" type="password"></div>
<button>Se connecter</button></body></html>`,
    "danger",
    ["credential-fields", "fake-platform-login", "lookalike-domain"],
  ],
  [
    "en: shop with its own header login and Bitcoin via BitPay",
    "https://coincart.example/",
    `<!doctype html><html lang="en"><head><title>CoinCart – TikTok Coins top up</title></head><body>
<header><b>CoinCart</b><form action="/account/login" method="post"><input type="email" name="email" placeholder="Email"><input type="password" name="password" placeholder="Password"><button>Log in</button></form></header>
<h1>TikTok Coins</h1><form action="/order" method="post"><label>TikTok username <input name="tt"></label>
<select name="p"><option>70 Coins – $0.79</option><option>350 Coins – $3.89</option></select>
<p>We accept Visa, Mastercard, PayPal and Bitcoin (via BitPay).</p><button>Buy now</button></form>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact</a></footer></body></html>`,
    "ok",
    ["known-payment-processor"],
  ],
  [
    "en: PayPal Friends and Family only",
    "https://vbuckdeals.example/",
    `<!doctype html><html lang="en"><head><title>Cheap V-Bucks – VBuckDeals</title></head><body>
<h1>Cheap Fortnite V-Bucks</h1><div>1,000 V-Bucks – $3.99</div><div>2,800 V-Bucks – $9.99</div><div>5,000 V-Bucks – $15.99</div>
<p>Payment: PayPal Friends and Family only to vbuckdeals@mail.example. Include your Epic username in the note.</p>
<footer><a href="/terms">Terms</a> <a href="/contact">Contact</a></footer></body></html>`,
    "danger",
    ["off-platform-payment"],
  ],
  [
    "en: free Robux on a free host",
    "https://free-robux-2026.web.app/",
    `<!doctype html><html lang="en"><head><title>Free Robux 2026 – Claim now</title></head><body>
<h1>Claim free Robux</h1><p>Enter your Roblox username, choose an amount and click claim.</p>
<input placeholder="Roblox username"><button>400 Robux</button><button>800 Robux</button><button>Claim</button>
<p>Last step: verify you are human by completing 2 offers.</p></body></html>`,
    "danger",
    ["generator", "lookalike-domain"],
  ],
];

describe('six languages, honest and scam', () => {
  test.each(PAGES)('%s', async (_name, url, html, verdict, signals) => {
    const r = await scan(html, url);
    expect(r.verdict).toBe(verdict);
    expect(r.signals.map((s) => s.id)).toEqual(expect.arrayContaining(signals));
    if (verdict === 'ok') expect(r.signals.filter((s) => s.severity === 'danger')).toEqual([]);
  });
});
