/**
 * The words shops use for each kind of virtual currency, in the languages of
 * the corpus (en, fr, id, es, pt, vi), by family. A package's family decides
 * which platform's catalogue it is compared with.
 */
export const UNIT_FAMILIES = ['coins', 'robux', 'vbucks', 'diamonds', 'uc', 'crystals', 'bits', 'other'] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];

const WORDS: Record<UnitFamily, string[]> = {
  coins: ['coins', 'coin', 'koin', 'xu', 'moedas', 'moeda', 'monedas', 'moneda', 'pièces', 'pièce', 'pieces', 'jetons', 'tiktok coins', 'tiktok coin'],
  robux: ['robux', 'rbx'],
  vbucks: ['v-bucks', 'vbucks', 'v bucks', 'v-buck', 'pavos'],
  diamonds: ['diamonds', 'diamond', 'diamantes', 'diamante', 'diamants', 'diamant', 'berlian', 'kim cương'],
  uc: ['uc', 'unknown cash'],
  crystals: ['genesis crystals', 'genesis crystal', 'crystals', 'crystal', 'cristais', 'cristales', 'cristaux'],
  bits: ['bits', 'twitch bits'],
  /** Other games' currencies that multi-game shops list beside ours: read (so a package is counted), never compared. */
  other: ['oneiric shards', 'shards', 'vp', 'valorant points', 'cp', 'cod points', 'gems', 'primogems', 'tokens', 'credits', 'points'],
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
  /** The words joined by single spaces (the phrase as a package names it). */
  phrase: string;
}

/** First word → phrases starting with it, longest first ("genesis crystals" before "genesis"). */
export const UNIT_PHRASES: ReadonlyMap<string, UnitPhrase[]> = (() => {
  const map = new Map<string, UnitPhrase[]>();
  for (const family of UNIT_FAMILIES) {
    for (const phrase of WORDS[family]) {
      const words = phrase.normalize('NFKC').toLowerCase().split(' ');
      const first = words[0] ?? '';
      const list = map.get(first) ?? [];
      list.push({ family, words, phrase: words.join(' ') });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/**
 * Every family is read on every page: shops often sell several games'
 * currencies on one page. (A sentence such as a TikTok creator's "1,000
 * diamonds" earnings is dropped as prose by the extractor.)
 */
export const ALL_FAMILIES: ReadonlySet<UnitFamily> = new Set(UNIT_FAMILIES);

/**
 * The platform a package belongs to: the page's platform when the family is
 * its own (or unnamed), otherwise the one platform selling that family; null
 * when that is ambiguous (diamonds: Mobile Legends or Free Fire).
 */
export function platformForFamily(family: UnitFamily | undefined, pagePlatformId: string | null | undefined): string | null {
  if (!family) return pagePlatformId ?? null;
  if (family === 'other') return null;
  if (pagePlatformId && PLATFORM_FAMILY[pagePlatformId] === family) return pagePlatformId;
  const ids = Object.keys(PLATFORM_FAMILY).filter((id) => PLATFORM_FAMILY[id] === family);
  return ids.length === 1 ? (ids[0] ?? null) : null;
}
