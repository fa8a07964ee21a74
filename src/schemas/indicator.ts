/**
 * Schema of the curated indicator registry, `content/indicators.yaml`: the quantities local S&T plans set targets
 * for, with the phrasings texts use for them. `scripts/pipeline/targets.ts` maps each number to an indicator through
 * `aliases`; pages use `name`, `unit`, `definition` and `comparability` (Chinese; English in `*En` fields) to label and
 * compare values.
 */
import { z } from 'astro/zod';
import { chineseText } from './chinese-text.ts';
import { ClaimTextSchema, checkNameEn, nameEnFields } from './sourced.ts';

/** What kind of quantity an indicator is; it decides how values may be compared and added up. */
export const IndicatorKindSchema = z.enum([
  /** A count or amount at a point in time (有效发明专利 at year end, 高新技术企业数量). */
  'stock',
  /** An amount over a year (技术合同成交额, R&D经费投入). */
  'flow',
  /** One quantity divided by another, usually in % (研发投入强度 = R&D / GDP). */
  'ratio',
  /** A rate of change (年均增长 x%). */
  'growth-rate',
  /** A total over a period (十三五期间累计…). */
  'cumulative',
]);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

/** One indicator of `content/indicators.yaml`. */
export const IndicatorSchema = z
  .strictObject({
  /** Stable id used in data and URLs, kebab-case English (`rd-intensity`). */
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use kebab-case English, e.g. rd-intensity'),
  /** Chinese name as a statistical yearbook would print it (`全社会研发投入强度`). */
  name: z.string().min(1),
  /**
   * Other phrasings exactly as the texts write them (`全社会R&D支出占GDP的比重`). Matching ignores quotation marks
   * (`雏鹰企业` matches `“雏鹰”企业`) and treats half- and full-width brackets alike; everything else is literal.
   * The name itself is always matched, so it need not be repeated here. Default: none.
   */
  aliases: z.array(z.string().min(2)).default([]),
  /** English name. */
  nameEn: z.string().min(1),
  /** Whose `nameEn` is: `editors` (the editors' translation, shown as 编者译名) or where it is published, with `nameEnChecked`. */
  ...nameEnFields,
  /** Unit values are given in (`%`, `家`, `件`, `亿元`, `平方米`); a value in a unit of another kind is never mapped here. */
  unit: z.string().min(1),
  /** Kind of quantity: `stock`, `flow`, `ratio`, `growth-rate` or `cumulative`. */
  kind: IndicatorKindSchema,
  /**
   * Which administrative level of the things counted the indicator counts, where texts count them by level
   * (`国家级科技企业孵化器`, `市级以上创新平台`): `all` (every level: a value of one level only counts a part), or
   * the level it counts (`市级以上`: a value of that level, or of none named, compares; another level does not).
   * Absent where a level word is part of the thing's name (`国家高新技术企业`: the certification is national).
   */
  levels: z.union([z.literal('all'), z.string().regex(/^(国家级|省级|市级|区级|县级)(以上)?$/u, 'a level: 国家级, 省级以上, 市级以上 …')]).optional(),
  /**
   * What is counted or divided by what, in one or two sentences, in Chinese: the statistical definition with its
   * source (`source`, `checked`, `against`), or the editors' own wording (`editors: true`, shown as 编者释义).
   */
  definition: ClaimTextSchema,
  /**
   * What a reader comparing values must know: which similar-looking indicators this is NOT, and where definitions
   * differ between regions or years, in Chinese. Shown on the indicator's page and under its comparison chart.
   */
  comparability: chineseText('comparabilityEn'),
  /** The same note in English, for an English edition; never shown on Chinese pages. */
  comparabilityEn: z.string().min(1).optional(),
  })
  .superRefine(checkNameEn);
export type Indicator = z.infer<typeof IndicatorSchema>;
/** What authors write in YAML (defaults not yet applied). */
export type IndicatorInput = z.input<typeof IndicatorSchema>;

/** The whole registry: ids unique, and no phrasing claimed by two indicators (a number must map to one). */
export const IndicatorsSchema = z.array(IndicatorSchema).superRefine((list, ctx) => {
  const ids = new Map<string, number>();
  const phrases = new Map<string, string>();
  list.forEach((indicator, i) => {
    if (ids.has(indicator.id)) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${JSON.stringify(indicator.id)} (also entry ${ids.get(indicator.id)})` });
    }
    ids.set(indicator.id, i);
    for (const phrase of [indicator.name, ...indicator.aliases]) {
      const owner = phrases.get(phrase);
      if (owner !== undefined && owner !== indicator.id) {
        ctx.addIssue({ code: 'custom', path: [i, 'aliases'], message: `phrase ${JSON.stringify(phrase)} already belongs to ${owner}` });
      }
      phrases.set(phrase, indicator.id);
    }
  });
});
