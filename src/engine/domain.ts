/**
 * Reading host names the way a shopper sees them: punycode decoded back to
 * Unicode, and a "skeleton" that folds look-alike characters (Cyrillic "о",
 * Greek "ο", the digit "0") onto the Latin letter they imitate, so that
 * "tikt0k", "tіktok" (Cyrillic і) and "xn--tktok-…" all read as "tiktok".
 *
 * Runs in the browser and in Node alike: the URL parser keeps xn-- labels in
 * ASCII and node:url's domainToUnicode is Node-only, so the decoder below is
 * a small implementation of RFC 3492 (Punycode), section 6.2.
 */

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digitOf(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 22; // 0-9 → 26-35
  if (cp >= 0x41 && cp <= 0x5a) return cp - 0x41; // A-Z
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x61; // a-z
  return -1;
}

/** Decode one Punycode label (without the "xn--" prefix); null when it is malformed. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    const cp = input.charCodeAt(j);
    if (cp >= 0x80) return null;
    output.push(cp);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length; ) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit < 0) return null;
      i += digit * w;
      if (i > 0x10ffff * 64) return null; // overflow guard: far beyond any real label
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i++;
  }
  try {
    return String.fromCodePoint(...output);
  } catch {
    return null;
  }
}

/** A host name with every xn-- label decoded (labels that fail to decode stay as they are). */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => (/^xn--/i.test(label) ? (decodePunycode(label.slice(4).toLowerCase()) ?? label) : label))
    .join('.');
}

/**
 * Characters that imitate Latin letters in domain names, folded onto the
 * letter. A small, hand-picked subset of Unicode's confusables.txt (UTS #39)
 * covering Cyrillic, Greek and Latin look-alikes plus the digit swaps phishers
 * use ("0" for "o", "1" for "l"/"i").
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g', п: 'n', г: 'r', ь: 'b',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ω: 'w',
  // Latin look-alikes that NFKD does not fold
  ı: 'i', ł: 'l', ƙ: 'k', ɩ: 'i', ɪ: 'i', ʟ: 'l', ᴋ: 'k', ᴛ: 't', ᴏ: 'o', ß: 'ss', ø: 'o', đ: 'd', ħ: 'h',
  // Digits and signs
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '|': 'i', '!': 'i',
};

/**
 * The skeleton of a string: NFKD, accents dropped, confusables folded, and
 * "l" read as "i" (they look the same in many fonts), letters only.
 */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKD').toLowerCase()) {
    if (/\p{M}/u.test(ch)) continue;
    const mapped = CONFUSABLES[ch] ?? ch;
    out += mapped;
  }
  // "rn" imitates "m" and "vv" imitates "w"; "l" and "i" are read alike.
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/l/g, 'i').replace(/[^a-z]/g, '');
}

/** True when every letter of `s` is plain ASCII. */
export function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** Damerau–Levenshtein distance (optimal string alignment), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    (rows[i] as number[])[0] = i;
  }
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return Math.min((rows[a.length] as number[])[b.length] as number, max + 1);
}
