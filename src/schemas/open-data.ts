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
  /**
   * The indicator's English name in the registry (`nameEn`), and whose it is: `editors` (the editors' translation)
   * or the source that gives it; both `null` when unmapped.
   */
  indicatorNameEn: z.string().nullable(),
  indicatorNameEnSource: z.string().nullable(),
  /** The indicator phrase as written. */
  phrase: z.string(),
  /** The administrative level the value counts (`国家级`, `市级以上`), for an indicator counted by level; `null` when none is written. */
  level: z.string().nullable(),
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

const MeasureSchema = z.enum(['level', 'growth', 'cumulative', 'increase']);

/** One row of `/data/alignment.json`: a plan's target beside the target of the plan it carries out (src/lib/alignment.ts). */
export const AlignmentRecordSchema = z.object({
  /** Plan slug (`/plans/<slug>/`). */
  plan: z.string(),
  /** The plan above: its id in the cited documents (`/documents/<id>/`, `/alignment/<id>/`). */
  parent: z.string(),
  parentTitle: z.string(),
  /** Indicator id (`content/indicators.yaml`) both targets are for. */
  indicatorId: z.string(),
  indicatorName: z.string(),
  /** The plan's target: its id in the plan (`v1`), number, value as written, unit, year, measure, paragraph URL. */
  childTargetId: z.string(),
  childValue: z.number().nullable(),
  childValueText: z.string(),
  childUnit: z.string(),
  childYear: z.number().int().nullable(),
  childMeasure: MeasureSchema,
  childUrl: z.url(),
  /** The target above, as its source writes it. */
  parentValue: z.number().nullable(),
  parentValueText: z.string(),
  parentUnit: z.string(),
  parentYear: z.number().int().nullable(),
  parentMeasure: MeasureSchema,
  /** The sentence stating it, as the source prints it. */
  parentQuote: z.string(),
  /** Its paragraph's URL when the plan above is on the site; else the source (document number, or title and URL). */
  parentSource: z.string(),
  /** The day the source was checked and against what (`official`, `reprint`, `secondary`); `null` for a plan on the site. */
  parentChecked: z.string().nullable(),
  parentAgainst: z.enum(['official', 'reprint', 'secondary']).nullable(),
  /** `higher`, `equal`, `lower` (the numbers; no direction is implied) or `not-comparable`. */
  verdict: z.enum(['higher', 'equal', 'lower', 'not-comparable']),
  /** Why not comparable: `no-value`, `unit`, `measure`, `level` (one counts a level only), `year`, or `scale` (totals of a region and the region above), in Chinese and English. */
  reasons: z.array(z.object({ code: z.enum(['no-value', 'unit', 'measure', 'level', 'year', 'scale']), text: z.string(), textEn: z.string() })),
  /** The plan's total as a share of the total above (editors' calculation), when only `scale` stands in the way. */
  share: z.number().nullable(),
});
export type AlignmentRecordRow = z.infer<typeof AlignmentRecordSchema>;

/** `/data/alignment.json` as a whole. */
export const AlignmentFileSchema = z.object({
  /** Reference to the schema of one record, relative to the file (`schema.json#/$defs/AlignmentRecord`). */
  schema: z.string(),
  count: z.number().int().nonnegative(),
  rows: z.array(AlignmentRecordSchema),
});
