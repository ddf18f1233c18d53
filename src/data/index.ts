/**
 * Typed access to the bundled data files and their zod schemas. The tests
 * parse each file with its schema (tests/unit/engine/data-files.test.ts,
 * tests/unit/data/bundled-as-parsed.test.ts): a malformed file fails there,
 * loudly, rather than at run time (see asParsed).
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
/** Why a number is what it is: scoring.json keeps it beside the numbers it explains. */
const why = z.string().min(10);
const thresholds = z
  .object({ danger: z.number(), caution: z.number(), $why: why })
  .refine((t) => t.danger > t.caution, 'danger threshold must be above caution');
export const ScoringFileSchema = z.object({
  weights: z.record(z.string(), weight),
  thresholds,
  strictThresholds: thresholds,
  /** Good signals together lower the score by at most this much (a negative number). */
  goodCap: z.object({ max: z.number().max(0), why: z.string().min(10) }),
  discount: z
    .object({ cautionBelowPercent: z.number().max(0), dangerBelowPercent: z.number().max(0), $why: why })
    .refine((d) => d.dangerBelowPercent < d.cautionBelowPercent, 'danger discount must be deeper than caution'),
});
export type Scoring = z.infer<typeof ScoringFileSchema>;

/**
 * A bundled data file read as its schema's output, without parsing it. The files ship inside the
 * extension and cannot change after the build, so they are checked where they are written:
 * tests/unit/data/bundled-as-parsed.test.ts parses each with its schema and checks that the parse
 * gives the file back unchanged (no default filled in, no key dropped or rewritten; only the
 * top-level "$comment" that the code never reads), so the file as it is *is* what parsing would
 * return. Parsing them at run time cost every start of the background's service worker (its first
 * scan after it wakes) and every popup 27–44 ms in Chromium, zod running without eval.
 */
export function asParsed<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  void schema; // names the schema the test holds this file to
  return json as z.output<S>;
}

let cache:
  | {
      platforms: Platform[];
      freeHosts: z.infer<typeof PlatformsFileSchema>['freeHosts'];
      vocab: z.infer<typeof VocabFileSchema>;
      scoring: Scoring;
    }
  | undefined;

/** All bundled data, as checked by the tests (see asParsed). */
export function data() {
  if (cache) return cache;
  const platformsFile = asParsed(PlatformsFileSchema, platformsJson);
  cache = {
    platforms: platformsFile.platforms,
    freeHosts: platformsFile.freeHosts,
    vocab: asParsed(VocabFileSchema, vocabJson),
    scoring: asParsed(ScoringFileSchema, scoringJson),
  };
  return cache;
}
