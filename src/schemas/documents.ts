/**
 * Schema of `content/documents.yaml`: documents the plans cite in 《》 (laws, municipal and provincial plans,
 * the plans themselves in their covering notices). `scripts/pipeline/cited-documents.ts` resolves a citation's
 * title to a registry id, so that one document cited by several plans, in several spellings, is one page.
 *
 * Titles are compared by their normalised key (`documentKey` in `scripts/pipeline/citations.ts`: brackets,
 * dashes, quotes and spaces folded), so `aliases` only needs forms that differ in wording, not in punctuation.
 * That check runs in `parseDocuments`, which can call `documentKey`; this schema checks exact duplicates.
 */
import { z } from 'astro/zod';
import { chineseText } from './chinese-text.ts';
import { CheckedAgainstSchema, CheckedDateSchema, provenanceFields, provenanceIssues, sourceEnField, sourceEnIssues } from './sourced.ts';
import { checkUnique } from './unique.ts';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens');

/**
 * `law` a national law (法); `local-regulation` a local regulation (地方性法规, 条例); `plan` a plan, programme or
 * outline (规划, 计划, 方案, 纲要); `policy` opinions, measures, rules (意见, 措施, 办法); `agreement` an agreement.
 */
export const CitedDocumentKindSchema = z.enum(['law', 'local-regulation', 'plan', 'policy', 'agreement']);

/**
 * A published target of a plan that is not on the site (the plan above a local plan), recorded so that the local
 * plans can be set beside it (src/lib/alignment.ts). Each value carries where it was read: the sentence as the source
 * prints it, the source (document number, or title and URL), the day it was checked and against what.
 */
export const ParentTargetSchema = z.strictObject({
  /** Indicator id in `content/indicators.yaml` (`rd-intensity`). */
  indicatorId: kebab,
  /** The number, in `unit` (`3.2`, `9000`). */
  value: z.number(),
  /** The value as the source writes it (`3.2%以上`, `9000家`). */
  valueText: z.string().min(1),
  /** Unit as the indicator registry writes it (`%`, `家`, `件`, `亿元`). */
  unit: z.string().min(1),
  /** Year the target is for. */
  year: z.number().int().min(1949).max(2100),
  /** As `Target.measure`: `level` a value to reach, `increase` an increment, `growth` a rate, `cumulative` a total over the period. */
  measure: z.enum(['level', 'growth', 'cumulative', 'increase']),
  /** Qualifiers as written (力争, 以上, 突破, 左右, 新建 …); default none. */
  qualifiers: z.array(z.string().min(1)).default([]),
  /** The sentence (or the part of it) that states the value, exactly as the source prints it. */
  quote: z.string().min(1),
  /** Document number, or title and URL, of what was read. */
  source: z.string().min(1),
  checked: CheckedDateSchema,
  against: CheckedAgainstSchema,
});
export type ParentTarget = z.infer<typeof ParentTargetSchema>;

/** One cited document. */
export const CitedDocumentSchema = z
  .strictObject({
  /** Stable id and URL segment (`tianjin-st-innovation-3yr-2020-2022`), kebab-case English. */
  id: kebab,
  /** Official full title without 《》 (`天津市科技创新三年行动计划（2020—2022年）`). */
  title: z.string().min(1),
  /**
   * Titles as the texts write them, without 《》, when they differ from `title` in wording: a short form
   * (`科技进步法`), the covering notice's title (`河北省人民政府办公厅关于印发河北省科技创新“十四五”规划的通知`),
   * a title with its quotes lost in scraping.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /** Document number (发文字号, `津政发〔2020〕23号`), `null` when not known. */
  docNumber: z.string().min(1).nullable().default(null),
  /** Issuing body (`天津市人民政府`), `null` when not known with confidence. */
  issuer: z.string().min(1).nullable().default(null),
  /** Year issued or first adopted (laws: the year of first adoption; see `note` for revisions), `null` when not known. */
  year: z.number().int().min(1949).max(2100).nullable().default(null),
  kind: CitedDocumentKindSchema,
  /** Slug in `seeds/catalog.yaml` when the document is itself one of the plans on the site; its page links there. */
  planSlug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/u).nullable().default(null),
  /**
   * Where the entry's facts (`title` as the official title, `docNumber`, `issuer`, `year`, and what `note` states)
   * come from: the notice a number was read from, with its date and URL, or the plan text on this site; with the day
   * it was checked and against what. Required when the entry states a document number, an issuer or a year.
   */
  ...provenanceFields,
  /** `source` in English, for the English edition: its words translated, the titles, numbers and addresses it cites as they are. */
  ...sourceEnField,
  /** Editorial note, in Chinese (shown on the document's page): why two titles are one document, which revision a text cites, what is uncertain. */
  note: chineseText('noteEn').optional(),
  /** The same note in English, for an English edition; never shown on Chinese pages. */
  noteEn: z.string().min(1).optional(),
  /**
   * Plans on the site (slugs) that implement this document: their texts say they carry it out (为贯彻落实《…》,
   * 依据《…》), so their targets are set beside its targets (上位规划对照). Each must cite the document.
   */
  implementedBy: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/u)).default([]),
  /**
   * The document's published targets, each with its source, when the document is not itself on the site. For a
   * document on the site (`planSlug`), its own text's targets are used and none are recorded here.
   */
  targets: z.array(ParentTargetSchema).default([]),
  })
  .superRefine((d, ctx) => {
    if (d.planSlug !== null && d.targets.length > 0) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'a plan on the site (planSlug) brings its own targets: drop targets' });
    for (const issue of sourceEnIssues(d)) ctx.addIssue({ code: 'custom', ...issue });
    const stated = (['docNumber', 'issuer', 'year'] as const).filter((k) => d[k] !== null);
    if (stated.length === 0 && d.source === undefined) return;
    for (const issue of provenanceIssues(d, `this entry states ${stated.join(', ') || 'a source'}; set the one you cannot source to null`)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type CitedDocument = z.infer<typeof CitedDocumentSchema>;

/** `content/documents.yaml`: ids unique, no title or alias written twice. */
export const CitedDocumentsSchema = z.array(CitedDocumentSchema).superRefine((docs, ctx) =>
  checkUnique(docs, ctx, {
    words: (d) => [d.title, ...d.aliases],
    path: (j) => (j === 0 ? ['title'] : ['aliases', j - 1]),
    message: (t, other) => `${t} is already a title of entry ${other}`,
    owner: (_, i) => String(i),
  }),
);
