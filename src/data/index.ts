/**
 * Typed, validated access to the bundled data files. Each file is parsed with
 * its zod schema once, at first use; a malformed file fails loudly in tests
 * (tests/unit/data.test.ts) rather than silently at run time.
 */
import { z } from 'zod';
import platformsJson from './platforms.json';
import vocabJson from './vocab.json';
import scoringJson from './scoring.json';

export const PlatformSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  name: z.string().min(1),
  unit: z.string().min(1),
  brandTokens: z.array(z.string().min(2)).min(1),
  unitTerms: z.array(z.string().min(2)),
  /** Extra words that, in a domain name, claim the platform (its currency's own name: "robux", "vbucks"). */
  domainTokens: z.array(z.string().min(4)).default([]),
  officialDomains: z.array(z.string().min(3)).min(1),
  relatedDomains: z.array(z.string()),
  officialTopUp: z.url(),
  inAppPath: z.string().nullable(),
  domainSource: z.string().min(1),
});
export type Platform = z.infer<typeof PlatformSchema>;

export const PlatformsFileSchema = z.object({
  asOf: z.string(),
  source: z.string(),
  platforms: z.array(PlatformSchema).min(1),
  /**
   * Free hosting suffixes where anyone gets a subdomain (most are private
   * suffixes in the Public Suffix List, so psl makes each subdomain its own
   * registrable domain). A brand in such a subdomain is never the brand's site.
   */
  freeHosts: z.object({ source: z.string().min(3), suffixes: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1) }),
});

export const LANGUAGES = ['en', 'fr', 'id', 'es', 'pt', 'vi'] as const;
const termsByLanguage = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.array(z.string().min(1)).min(1)])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodArray<z.ZodString>
  >,
);
export const VOCAB_LISTS = [
  'coinWords',
  'commerceWords',
  'credentialLabels',
  'accountIdLabels',
  'bankTransferWords',
  'accountNumberWords',
  'accountHolderWords',
  'moneyTransferServices',
  'giftCardWords',
  'payWithWords',
  'cryptoWords',
  'chatOrderWords',
  'orderIntentWords',
  'supportWords',
  'askWords',
  'withoutWords',
  'chatContactWords',
  'exclusiveWords',
  'cardFieldLabels',
  'negationWords',
  'loginWords',
  'siteAccountWords',
  'generatorWords',
  'generatorStrongWords',
  'pressureWords',
  'trustPages',
  'paymentProcessors',
  'discussionWords',
] as const;
export type VocabList = (typeof VOCAB_LISTS)[number];
export const VocabFileSchema = z.object({
  languages: z.array(z.string()),
  lists: z.object(
    Object.fromEntries(VOCAB_LISTS.map((k) => [k, termsByLanguage])) as Record<VocabList, typeof termsByLanguage>,
  ),
});

const weight = z.object({ weight: z.number(), why: z.string().min(10) });
const thresholds = z
  .object({ danger: z.number(), caution: z.number() })
  .refine((t) => t.danger > t.caution, 'danger threshold must be above caution');
export const ScoringFileSchema = z.object({
  weights: z.record(z.string(), weight),
  thresholds,
  strictThresholds: thresholds,
  /** Good signals together lower the score by at most this much (a negative number). */
  goodCap: z.object({ max: z.number().max(0), why: z.string().min(10) }),
  discount: z
    .object({ cautionBelowPercent: z.number().max(0), dangerBelowPercent: z.number().max(0) })
    .refine((d) => d.dangerBelowPercent < d.cautionBelowPercent, 'danger discount must be deeper than caution'),
});
export type Scoring = z.infer<typeof ScoringFileSchema>;

let cache:
  | {
      platforms: Platform[];
      freeHosts: z.infer<typeof PlatformsFileSchema>['freeHosts'];
      vocab: z.infer<typeof VocabFileSchema>;
      scoring: Scoring;
    }
  | undefined;

/** All bundled data, validated. Throws with the zod message if a file is malformed. */
export function data() {
  if (cache) return cache;
  const platformsFile = PlatformsFileSchema.parse(platformsJson);
  cache = {
    platforms: platformsFile.platforms,
    freeHosts: platformsFile.freeHosts,
    vocab: VocabFileSchema.parse(vocabJson),
    scoring: ScoringFileSchema.parse(scoringJson),
  };
  return cache;
}
