/**
 * Schemas of the curated data kept as YAML: `seeds/catalog.yaml` and the registries in `content/`.
 * `scripts/` validates them with `parseYamlWithFriendlyErrors`; pages import the inferred types.
 */
import { z } from 'astro/zod';
import { PeriodSchema, PlanKindSchema, RegionLevelSchema, IsoDateSchema } from './plan.ts';

/** A JavaScript regular expression, written as a string. */
const RegExpSource = z.string().refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** One entry of `seeds/catalog.yaml`: what a text does not say, or says wrongly. Every field is optional. */
export const CatalogEntrySchema = z.strictObject({
  /** URL slug (`/plans/<slug>/`); default: the file name without `.txt`, lower-cased, `_` → `-`. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  /** One line saying what the text is, for `seeds/README.md` and the home page. */
  description: z.string().optional(),
  title: z.string().optional(),
  noticeTitle: z.string().optional(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  dateWritten: IsoDateSchema.optional(),
  datePublished: IsoDateSchema.optional(),
  period: PeriodSchema.partial({ outlook: true }).optional(),
  /** Region id from `content/regions.yaml`. */
  region: z.string().optional(),
  kind: PlanKindSchema.optional(),
  validity: z.string().optional(),
  publisher: z.string().optional(),
  /**
   * For texts without numbered headings: a regular expression (JavaScript) for the unnumbered section titles that
   * open a paragraph, ending with its first `。` (001: `^实施[^。]{2,20}工程。`). Each match becomes a level-1
   * heading with an anchor by its position (`s1`, `s2` …); the text itself is unchanged.
   */
  runInHeadings: RegExpSource.optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

/** `seeds/catalog.yaml`: entries keyed by seed file name. */
export const CatalogSchema = z.record(z.string().regex(/\.txt$/), CatalogEntrySchema);
export type Catalog = z.infer<typeof CatalogSchema>;

/** One curated correction of scrape damage (`content/corrections.yaml`). */
export const CorrectionSchema = z.strictObject({
  /** Exact source text; must occur exactly once in the file (after chrome removal). */
  original: z.string().min(1),
  /** What the page shows instead. */
  replacement: z.string(),
  /** Why, for readers (shown beside the repair). */
  reason: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** `content/corrections.yaml`: corrections keyed by seed file name. */
export const CorrectionsSchema = z.record(z.string().regex(/\.txt$/), z.array(CorrectionSchema));
export type Corrections = z.infer<typeof CorrectionsSchema>;

/** A rule recognising a line of portal chrome or a portal metadata field (`content/chrome.yaml`). */
export const ChromeRuleSchema = z.strictObject({
  /** Short name shown in the source notes (`breadcrumb`). */
  rule: z.string(),
  /** Regular expression (JavaScript syntax) tested against the trimmed line. */
  pattern: RegExpSource,
  /** `chrome`: dropped and listed; `metadata`: read into the metadata card and listed. */
  kind: z.enum(['chrome', 'metadata']).default('chrome'),
  /** Where the rule applies: the first lines before the body, the last lines after it, or anywhere. */
  where: z.enum(['head', 'tail', 'anywhere']).default('anywhere'),
});
export type ChromeRule = z.infer<typeof ChromeRuleSchema>;
export const ChromeRulesSchema = z.array(ChromeRuleSchema);

/** A region (`content/regions.yaml`). */
export const RegionSchema = z.strictObject({
  /** Stable id used in URLs (`tianjin-beichen`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Short name as texts write it (`北辰区`). */
  name: z.string(),
  /** Full name (`天津市北辰区`). */
  fullName: z.string(),
  /** English name. */
  nameEn: z.string(),
  level: RegionLevelSchema,
  /** Parent region id, `null` for provinces and municipalities. */
  parent: z.string().nullable(),
  /** Other spellings found in texts. */
  aliases: z.array(z.string()).default([]),
});
export type Region = z.infer<typeof RegionSchema>;
export const RegionsSchema = z.array(RegionSchema);

/** A kind of plan, recognised from its title (`content/kinds.yaml`). */
export const KindSchema = z.strictObject({
  id: PlanKindSchema,
  /** Chinese label (`三年行动计划`). */
  label: z.string(),
  labelEn: z.string(),
  /** Regular expressions tested against the title; the first kind that matches wins. */
  patterns: z.array(z.string()).default([]),
});
export type Kind = z.infer<typeof KindSchema>;
export const KindsSchema = z.array(KindSchema);
