/** Schema of the open-data target records (`/data/targets.json`, `/data/targets.csv`), checked in tests. */
import { z } from 'astro/zod';

export const TargetRecordSchema = z.object({
  /** Plan slug (`/plans/<slug>/`). */
  plan: z.string(),
  planTitle: z.string(),
  /** Region id (`content/regions.yaml`). */
  region: z.string().nullable(),
  /** Target id within the plan (`v12`). */
  id: z.string(),
  /** Indicator id (`content/indicators.yaml`), `null` when unmapped. */
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  /** The indicator phrase as written. */
  phrase: z.string(),
  kind: z.enum(['target', 'baseline', 'achievement']),
  measure: z.enum(['level', 'growth', 'cumulative', 'increase']),
  value: z.number().nullable(),
  valueText: z.string(),
  unit: z.string(),
  year: z.number().int().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  /** Qualifiers joined with `;` (力争;以上). */
  qualifiers: z.string(),
  /** The sentence, as on the page. */
  quote: z.string(),
  /** URL of the paragraph. */
  url: z.url(),
  /** Source line in the seed. */
  line: z.number().int(),
});
export type TargetRecordRow = z.infer<typeof TargetRecordSchema>;

/** `/data/targets.json` as a whole: the records with their count and where their schema is. */
export const TargetsFileSchema = z.object({
  /** Reference to the schema of one record, relative to the file (`schema.json#/$defs/TargetRecord`). */
  schema: z.string(),
  /** Number of records. */
  count: z.number().int().nonnegative(),
  targets: z.array(TargetRecordSchema),
});
