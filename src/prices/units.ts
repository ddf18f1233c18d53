/**
 * The words shops use for each kind of virtual currency, in the languages of
 * the corpus (en, fr, id, es, pt, vi). A page about one platform reads only
 * its own family: on a TikTok page "500 diamonds" are creator earnings, not
 * coins for sale.
 */
export const UNIT_FAMILIES = ['coins', 'robux', 'vbucks', 'diamonds', 'uc', 'crystals', 'bits'] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];

const WORDS: Record<UnitFamily, string[]> = {
  coins: ['coins', 'coin', 'koin', 'xu', 'moedas', 'moeda', 'monedas', 'moneda', 'pièces', 'pièce', 'pieces', 'jetons', 'tiktok coins', 'tiktok coin'],
  robux: ['robux', 'rbx'],
  vbucks: ['v-bucks', 'vbucks', 'v bucks', 'v-buck', 'pavos'],
  diamonds: ['diamonds', 'diamond', 'diamantes', 'diamante', 'diamants', 'diamant', 'berlian', 'kim cương'],
  uc: ['uc', 'unknown cash'],
  crystals: ['genesis crystals', 'genesis crystal', 'crystals', 'crystal', 'cristais', 'cristales', 'cristaux'],
  bits: ['bits', 'twitch bits'],
};

/** Which family each platform (platforms.json id) sells. */
export const PLATFORM_FAMILY: Record<string, UnitFamily> = {
  tiktok: 'coins',
  roblox: 'robux',
  fortnite: 'vbucks',
  mobilelegends: 'diamonds',
  freefire: 'diamonds',
  pubgmobile: 'uc',
  genshin: 'crystals',
  twitch: 'bits',
};

export interface UnitPhrase {
  family: UnitFamily;
  words: string[];
}

/** First word → phrases starting with it, longest first ("genesis crystals" before "genesis"). */
export const UNIT_PHRASES: ReadonlyMap<string, UnitPhrase[]> = (() => {
  const map = new Map<string, UnitPhrase[]>();
  for (const family of UNIT_FAMILIES) {
    for (const phrase of WORDS[family]) {
      const words = phrase.normalize('NFKC').toLowerCase().split(' ');
      const first = words[0] ?? '';
      const list = map.get(first) ?? [];
      list.push({ family, words });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/** The families a page may sell: its platform's, or all of them when the platform is unknown. */
export function familiesFor(platformId: string | null | undefined): ReadonlySet<UnitFamily> {
  const f = platformId ? PLATFORM_FAMILY[platformId] : undefined;
  return new Set(f ? [f] : UNIT_FAMILIES);
}
