/**
 * The document model: the contract between the ingest scripts (`scripts/`) and the site (`src/`).
 *
 * `scripts/ingest.ts` builds one `PlanDocument` per seed text, validates it with `PlanDocumentSchema`
 * and writes it as `content/plans/<slug>.json` beside the MDX entry. Pages read the same file through
 * `allPlans` (`src/lib/data.ts`). Nothing else defines these shapes.
 */
import { z } from 'astro/zod';

/**
 * Where a metadata value came from: a line of the seed text, a reading inferred from another part of the text
 * (a title taken from the notice's 《》, a date whose 年月日 were lost), or the curated catalog (`seeds/catalog.yaml`).
 */
export const ProvenanceSchema = z.object({
  /** `text`: read as printed; `inferred`: derived from the text, `note` says how; `catalog`: from `seeds/catalog.yaml`. */
  from: z.enum(['text', 'inferred', 'catalog']),
  /** 1-based line of the seed the value was read from; `null` for catalog values. */
  line: z.number().int().positive().nullable(),
  /** The passage as written in the seed (`2021年04月19日`), `null` for catalog values. */
  raw: z.string().nullable(),
  /** For inferred values, how (in Chinese, shown to readers): `据通知标题推定`. */
  note: z.string().nullable().default(null),
  /** The same in English, for the English edition: `from the covering notice’s title`. */
  noteEn: z.string().nullable().default(null),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** A metadata value with its provenance. */
export const sourced = <T extends z.ZodType>(value: T) => ProvenanceSchema.extend({ value });

/** Plan kinds, from the curated list in `content/kinds.yaml`. */
export const PlanKindSchema = z.enum([
  'five-year-plan',
  'long-term-plan',
  'three-year-action-plan',
  'implementation-plan',
  'measures',
  'work-points',
  'conference-report',
  'news',
  'other',
]);
export type PlanKind = z.infer<typeof PlanKindSchema>;

/**
 * Administrative level of a region (GB/T 2260, `scripts/pipeline/regions.ts`): `province` (省, 直辖市, 自治区),
 * `city` (prefecture level: 地级市, 地区, 自治州, 盟), `district` (市辖区, and development zones texts treat as one),
 * `county` (县, 县级市, 旗, 自治县 …).
 */
export const RegionLevelSchema = z.enum(['province', 'city', 'district', 'county']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

/** GB/T 2260 code (`120113`); `null` for a region the standard does not list (a development zone from `content/regions.yaml`). */
const RegionCodeSchema = z.string().regex(/^\d{6}$/).nullable();

/** An ancestor of a region, top-down in `RegionRef.parents`. */
export const RegionParentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  code: RegionCodeSchema,
  name: z.string(),
  level: RegionLevelSchema,
});
export type RegionParent = z.infer<typeof RegionParentSchema>;

/** A region as a plan carries it: everything a page shows, so that pages need no registry lookup. */
export const RegionRefSchema = z.object({
  /** Stable URL slug from pinyin (`tianjin-beichen`), unique across the country. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  code: RegionCodeSchema,
  /** As GB/T 2260 writes it (`北辰区`, `广西壮族自治区`). */
  name: z.string(),
  /** Without the level suffix, at least two characters (`北辰`, `广西`, `环县`). */
  shortName: z.string(),
  /** With its ancestors (`天津市北辰区`, `甘肃省庆阳市环县`). */
  fullName: z.string(),
  level: RegionLevelSchema,
  /** Ancestors, top-down (province first). */
  parents: z.array(RegionParentSchema),
});
export type RegionRef = z.infer<typeof RegionRefSchema>;

/** A plan period, in years. */
export const PeriodSchema = z.object({
  /** First year covered, e.g. 2021. */
  start: z.number().int(),
  /** Last year covered, e.g. 2025. */
  end: z.number().int(),
  /** Outlook year (`展望到2035年`), if any. */
  outlook: z.number().int().nullable(),
});
export type Period = z.infer<typeof PeriodSchema>;

/** ISO calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Metadata of a plan, in the style of official policy databases (发文机关, 发文字号, 成文日期 …). */
export const PlanMetaSchema = z.object({
  /** Title of the plan itself (方案/规划/计划), without the covering notice; `null` when the text gives none (shown as 未识别). */
  title: sourced(z.string().min(1)).nullable(),
  /** Title of the covering notice (`…关于印发…的通知`), if the text has one. */
  noticeTitle: sourced(z.string()).nullable(),
  /** Issuing body (发文机关/发布机构). */
  issuer: sourced(z.string()).nullable(),
  /** Document number (发文字号), e.g. `北辰政发〔2021〕5号`. */
  docNumber: sourced(z.string()).nullable(),
  /** Date written (成文日期). */
  dateWritten: sourced(IsoDateSchema).nullable(),
  /** Date published (发布日期/发文日期). */
  datePublished: sourced(IsoDateSchema).nullable(),
  /** Plan period. */
  period: sourced(PeriodSchema).nullable(),
  /** The region the plan is of (`scripts/pipeline/regions.ts`), with its ancestors. */
  region: sourced(RegionRefSchema).nullable(),
  /** Kind of document. */
  kind: sourced(PlanKindSchema),
  /** Validity (有效性) as stated by the portal, e.g. `有效`. */
  validity: sourced(z.string()).nullable(),
  /** Subject (主题) as stated by the portal. */
  topic: sourced(z.string()).nullable(),
  /** Portal index number (索引号). */
  indexNumber: sourced(z.string()).nullable(),
  /** Publishing source named by the portal (`来源:宝坻区科技局`, `北方网`). */
  publisher: sourced(z.string()).nullable(),
});
export type PlanMeta = z.infer<typeof PlanMetaSchema>;

/**
 * An annotation on a span of a block's text (offsets in UTF-16 code units, `start` inclusive, `end` exclusive).
 * Marks never change the text; the MDX stage turns them into inline components.
 */
export const MarkSchema = z.discriminatedUnion('kind', [
  /** A repaired passage: the text holds the replacement, `repairId` points into `PlanDocument.repairs`. */
  z.object({ kind: z.literal('repair'), start: z.number().int(), end: z.number().int(), repairId: z.string() }),
  /** A quantitative value, `targetId` points into `PlanDocument.targets`. */
  z.object({ kind: z.literal('target'), start: z.number().int(), end: z.number().int(), targetId: z.string() }),
  /** First mention of a glossary term in a section (`content/glossary.yaml`). */
  z.object({ kind: z.literal('term'), start: z.number().int(), end: z.number().int(), termId: z.string() }),
  /** A department name inside a responsibility clause (`content/departments.yaml`). */
  z.object({ kind: z.literal('department'), start: z.number().int(), end: z.number().int(), departmentId: z.string() }),
  /** A cited document (《…》), `citationId` points into `PlanDocument.citations`. */
  z.object({ kind: z.literal('citation'), start: z.number().int(), end: z.number().int(), citationId: z.string() }),
]);
export type Mark = z.infer<typeof MarkSchema>;

/** A run of text with its marks (a paragraph, heading, title or table cell). */
export const RichTextSchema = z.object({
  /** The text as shown: the source line with curated repairs applied, trimmed. */
  text: z.string(),
  /** Annotations, sorted by `start`. */
  marks: z.array(MarkSchema),
});
export type RichText = z.infer<typeof RichTextSchema>;

/**
 * The part of the text a block is in. `front`: what the text prints around the plan rather than as part of it, as
 * the structure stage reads it (scripts/pipeline/structure/front.ts): the covering notice's title, and before the
 * plan's title its document number, addressees, text, signature and date, or a headline's byline. `body`: the
 * plan, from its title on. Pages and stages ask this field, never the block id, which is only an anchor.
 */
export const BlockPartSchema = z.enum(['front', 'body']);
export type BlockPart = z.infer<typeof BlockPartSchema>;

const blockBase = {
  /** Stable anchor, unique in the document (`s2-1-3`, `p2-1-3-2`, `t1`, `title`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** 1-based source lines the block was read from. */
  lines: z.array(z.number().int().positive()).min(1),
  part: BlockPartSchema,
};

/**
 * Where each of `lines` begins in the text of a title, heading or paragraph read from several source lines (a title
 * over two lines, a paragraph of a text broken at a fixed width): offsets, the first 0. Absent for one line.
 */
const LineStartsSchema = z.array(z.number().int().nonnegative()).min(2).optional();

/** A title line (notice title or plan title), possibly spread over several source lines. */
export const TitleBlockSchema = z.object({
  kind: z.literal('title'),
  ...blockBase,
  lineStarts: LineStartsSchema,
  /** `notice`: the covering notice's title; `plan`: the plan's own title. */
  role: z.enum(['notice', 'plan']),
  ...RichTextSchema.shape,
});

/** A numbered (or recovered) heading. */
export const HeadingBlockSchema = z.object({
  kind: z.literal('heading'),
  ...blockBase,
  lineStarts: LineStartsSchema,
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`; in a document with chapters `第一章` is 1, `第一节` 2, `一、` 3 … `（1）` 6. */
  level: z.number().int().min(1).max(6),
  /** Position in the numbering of its level, 1-based (`（三）` → 3). */
  ordinal: z.number().int().positive(),
  /** The numbering as written (`（一）`, `1．`), after repairs. */
  number: z.string(),
  /** The title without numbering and trailing punctuation, for tables of contents. */
  title: z.string(),
  ...RichTextSchema.shape,
});

/**
 * The box (专栏) a paragraph or table stands in: the id of the box's caption (`box1` for `专栏1 …`). A plan sets apart
 * in a box what belongs with a section but is not its text: a list of projects, a programme's items, a table of
 * indicators. Its items are numbered like headings (`1.`), but they are the box's, not the outline's. Absent outside
 * a box.
 */
const BoxFieldSchema = z.string().regex(/^box[a-z0-9-]*$/).optional();

/** A paragraph of body text. */
export const ParagraphBlockSchema = z.object({
  kind: z.literal('paragraph'),
  ...blockBase,
  lineStarts: LineStartsSchema,
  /** Layout role: ordinary body text, or a part of a covering notice that prints differently. */
  /** `box-title`: the caption of a box (`专栏1 重大创新平台建设工程`), the first block of the box it names. */
  /** `masthead`: the issuing bodies' names over the document number (`某市人民政府文件`, GB/T 9704's 发文机关标志). */
  role: z.enum(['body', 'masthead', 'addressee', 'closing', 'docno', 'annex', 'byline', 'toc', 'box-title', 'colophon']),
  /** The number of the article the paragraph is (`第三条 …` → 3), in a measure or rules; absent otherwise. Its id is `art3`. */
  article: z.number().int().positive().optional(),
  box: BoxFieldSchema,
  ...RichTextSchema.shape,
});

/** A table cell. */
export const TableCellSchema = RichTextSchema.extend({
  /** Editorial note on the cell (e.g. a value missing in the source), shown as a note, never as source text. */
  note: z.string().nullable(),
  /** The same in English (the English edition), or `null` with `note`. */
  noteEn: z.string().nullable(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

/** A table read from cell-per-line or pipe-separated rows. */
export const TableBlockSchema = z.object({
  kind: z.literal('table'),
  ...blockBase,
  /** Caption (`表1 …`), taken from the line before the table, if any. */
  caption: RichTextSchema.nullable(),
  /** Source line of the caption, if any. */
  captionLine: z.number().int().positive().nullable(),
  /** Header rows. */
  head: z.array(z.array(TableCellSchema)),
  /** Body rows; every row has as many cells as the widest row. */
  rows: z.array(z.array(TableCellSchema)),
  box: BoxFieldSchema,
  /** Column whose cells name their rows (`th scope="row"`), or `null`. */
  rowHeader: z.number().int().nonnegative().nullable(),
  /** How the table was read and what was done to its structure (shown under the table). */
  notes: z.array(z.string()),
  /** The same notes in English, one for one (the English edition). */
  notesEn: z.array(z.string()),
});

export const BlockSchema = z.discriminatedUnion('kind', [
  TitleBlockSchema,
  HeadingBlockSchema,
  ParagraphBlockSchema,
  TableBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type TitleBlock = z.infer<typeof TitleBlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;

/** A node of the section tree. */
export interface OutlineNode {
  /** Heading block id (`s2-1`). */
  id: string;
  level: number;
  number: string;
  title: string;
  children: OutlineNode[];
}
export const OutlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int(),
    number: z.string(),
    title: z.string(),
    children: z.array(OutlineNodeSchema),
  }),
);

/** A source line the pipeline did not put in the body, and why. */
export const RemovedLineSchema = z.object({
  /** 1-based source line. */
  line: z.number().int().positive(),
  /** The line exactly as in the source. */
  text: z.string(),
  /** `chrome`: portal navigation/widgets/footer; `print`: the printed page's page numbers; `metadata`: portal fields read into `meta`. */
  kind: z.enum(['chrome', 'print', 'metadata']),
  /** Which rule matched, in English (`breadcrumb`, `font-size widget`, `发布机构 field` …): the English edition shows it. */
  rule: z.string(),
  /** That rule as readers see it in the source notes, in Chinese (`面包屑导航`, `字号调节按钮`). */
  label: z.string(),
});
export type RemovedLine = z.infer<typeof RemovedLineSchema>;

/** An editorial repair: the page shows `replacement`, with `original` beside it. */
export const RepairSchema = z.object({
  /** `r1`, `r2` … in document order. */
  id: z.string(),
  /** 1-based source line. */
  line: z.number().int().positive(),
  /** 0-based offset of `original` in the source line (trimmed of edge whitespace). */
  column: z.number().int().nonnegative(),
  /** The exact source text that was repaired (may be empty for a pure insertion). */
  original: z.string(),
  /** What the page shows instead. */
  replacement: z.string(),
  /** Why, in a sentence a reader understands. */
  reason: z.string(),
  /** The same in English (the English edition), the source's Chinese quoted in it. */
  reasonEn: z.string(),
  /** `correction`: from `content/corrections.yaml`; `heading`: a damaged heading number recovered by the outline stage; `residue`: HTML or entity residue of the scrape removed (scripts/pipeline/residue.ts); `converter`: the pinyin a web page's script converter put after characters (`發(fā)展`), removed (the same stage) — not marked in the text (a text so damaged has one after every few characters), listed together in the repairs and marked in the source view. */
  source: z.enum(['correction', 'heading', 'residue', 'converter']),
  /** Block that shows the repair. */
  blockId: z.string(),
});
export type Repair = z.infer<typeof RepairSchema>;

/** A document cited in 《》. */
export const CitationSchema = z.object({
  /** `c1`, `c2` … in document order. */
  id: z.string(),
  /** Title as written, without the book-title marks (after repairs). */
  title: z.string(),
  /** Registry id in `content/documents.yaml`, or the normalised title key when the document is not registered. */
  documentKey: z.string(),
  /** Block and 1-based line where the citation appears. */
  blockId: z.string(),
  line: z.number().int().positive(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A department named in a responsibility clause. */
export const DepartmentRefSchema = z.object({
  /** Name as written (`区政府区政府合作交流办`). */
  raw: z.string(),
  /** Cleaned name (`区政府合作交流办`). */
  name: z.string(),
  /** Registry id in `content/departments.yaml`, or a key derived from the cleaned name. */
  departmentId: z.string(),
});
export type DepartmentRef = z.infer<typeof DepartmentRefSchema>;

/** A responsibility clause (`(责任单位:…)`, `（区科技局牵头，…按职责分工负责）`) and the task it closes. */
export const ResponsibilitySchema = z.object({
  id: z.string(),
  /** Block holding the clause (the task paragraph). */
  blockId: z.string(),
  /** Heading of the task (nearest heading above), if any. */
  sectionId: z.string().nullable(),
  /**
   * The clause as written; for a row of a task-division table, its cells of bodies, each after its column's header
   * (`牵头单位：市科技局；配合单位：市财政局`).
   */
  raw: z.string(),
  line: z.number().int().positive(),
  /**
   * For a row of a task-division table (重点任务分工表): the row (of `rows`) and the column of its first cell of
   * bodies; the cells before it say the task. Absent for a clause in a paragraph.
   */
  cell: z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
  /** Leading departments (牵头). 000's `责任单位` lists have no lead: all are listed as `shared`. */
  lead: z.array(DepartmentRefSchema),
  /** Supporting departments (按职责分工负责). */
  support: z.array(DepartmentRefSchema),
  /** Departments with joint responsibility, no lead named (`责任单位:`). */
  shared: z.array(DepartmentRefSchema),
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

/** A quantitative statement: a target, baseline or achievement. */
export const TargetSchema = z.object({
  /** `v1`, `v2` … in document order. */
  id: z.string(),
  /** Indicator id in `content/indicators.yaml`, or `null` when unmapped. */
  indicatorId: z.string().nullable(),
  /** The indicator phrase as written (`全社会研发投入强度`); the editors' words in brackets where a table row lost its name. */
  phrase: z.string(),
  /**
   * The administrative level the value counts, for an indicator whose registry entry counts by level (`levels`):
   * the level word of the phrase or just before it (`国家级科技企业孵化器3家` → `国家级`, `新建市级以上创新平台10个`
   * → `市级以上`; `国家` is written `国家级`, `及以上` `以上`). Absent when none is written.
   */
  level: z.string().optional(),
  /** The phrase in English where the editors wrote it (`(name missing in the source; group: 创新实力)`), for the English
   *  edition; `null` where the phrase is the text's own. */
  phraseEn: z.string().nullable().default(null),
  /** Numeric value in `unit`, or `null` when the value is not a number (`—`). */
  value: z.number().nullable(),
  /** The value as written (`3.2%`, `530家`, `2.1以上`). */
  valueText: z.string(),
  /** Unit (`%`, `家`, `件`, `亿元` …). */
  unit: z.string(),
  /** Year the value refers to (target year, baseline year), if known. */
  year: z.number().int().nullable(),
  /** Period for cumulative or growth values. */
  period: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  /** Qualifiers as written: 力争, 以上, 突破, 左右, 累计, 年均增长 … */
  qualifiers: z.array(z.string()),
  /** `target`: a goal; `baseline`: a starting value; `achievement`: a reported result. */
  kind: z.enum(['target', 'baseline', 'achievement']),
  /** `level`: a value to reach; `growth`: a rate of growth; `cumulative`: a total over the period; `increase`: an increment. */
  measure: z.enum(['level', 'growth', 'cumulative', 'increase']),
  /** The sentence the value comes from, exactly as shown on the page. */
  quote: z.string(),
  /** Block holding the value and offsets of the value in the block text (or cell for tables). */
  blockId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Table position when read from a table. */
  cell: z.object({ row: z.number().int(), col: z.number().int() }).nullable(),
  line: z.number().int().positive(),
});
export type Target = z.infer<typeof TargetSchema>;

/**
 * An amount of a measure's support standard: what a body is paid or granted (`给予20万元奖励`, `按增量的10%给予奖励`),
 * or the most it may get (`最高不超过200万元`). Not a target: it says what the government pays, not what the region is
 * to reach (scripts/pipeline/incentives.ts).
 */
export const IncentiveSchema = z.object({
  /** `i1`, `i2` … in document order. */
  id: z.string().regex(/^i\d+$/),
  /** The amount as written (`20万元`, `10%`, `3000元`). */
  valueText: z.string(),
  /** The number in `unit` (`20万元` → 20). */
  value: z.number().nullable(),
  /** `元`, `万元`, `亿元` or `%` (a share of what the clause names: `按增量的10%`). */
  unit: z.string(),
  /** The amount in yuan (`20万元` → 200000); `null` for a share. */
  yuan: z.number().nullable(),
  /** Whether the amount is a cap (`最高不超过`, `最高可获得`, `上限`). */
  cap: z.boolean(),
  /** The clause that sets it, to the next ，。；, exactly as in the text (`最高不超过200万元`). */
  clause: z.string(),
  /**
   * Whom it is for, as the sentence names them after `对` before the amount (`对首次认定的高新技术企业给予…` →
   * `首次认定的高新技术企业`), or by its opening clause (`经认定的新型研发机构，按其…`), or, in a table of standards, as
   * the row's cell before the amount's names it (the 支持事项 column); `null` when none names anyone.
   */
  recipient: z.string().nullable().default(null),
  /**
   * What it rewards, a subject of `content/support-subjects.yaml` (`high-tech-enterprises`), read from whom it is for,
   * else its clause, else its sentence (`scripts/pipeline/incentives.ts`, `subjectOf`); `null` when none names one.
   */
  subjectId: z.string().nullable().default(null),
  /**
   * The administrative level of what it rewards, for a subject that comes at levels (`levels` in
   * `content/support-subjects.yaml`), where the text names one (`对新认定的国家级科技企业孵化器给予…` → `国家级`;
   * `国家级、省级…分别给予100万元、50万元` → each amount its level, in order); absent when none or several without 分别.
   */
  level: z.string().optional(),
  /** The sentence it stands in, exactly as shown on the page (for whom, on what condition). */
  quote: z.string(),
  /** Block holding the amount, and its offsets in the block's text (or in its cell's). */
  blockId: z.string(),
  /** For a table of standards: the cell (row of `rows`, column) holding the amount; absent for a paragraph. */
  cell: z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int().positive(),
});
export type Incentive = z.infer<typeof IncentiveSchema>;

/** Themes of a major section (talent, finance, enterprises …), from the curated list in `content/themes.yaml`. */
export const SectionThemesSchema = z.object({
  /** Heading block id (`s2-1`). */
  sectionId: z.string(),
  /** Theme ids, best match first. */
  themeIds: z.array(z.string()),
});
export type SectionThemes = z.infer<typeof SectionThemesSchema>;

/**
 * A sentence naming a policy instrument (`content/instruments.yaml`, found by `scripts/pipeline/instruments.ts`):
 * one per instrument and sentence, however often the sentence names it.
 */
export const InstrumentMentionSchema = z.object({
  /** Instrument id in `content/instruments.yaml`. */
  instrumentId: z.string(),
  /** Block holding the sentence (its anchor on the plan page). */
  blockId: z.string(),
  /** Table cell holding the sentence, or `null` for a block's own text. */
  cell: z.object({ part: z.enum(['caption', 'head', 'rows']), row: z.number().int(), col: z.number().int() }).nullable(),
  /** 1-based source line of the sentence. */
  line: z.number().int().positive(),
  /** The sentence exactly as shown on the page (up to and including its 。；！？). */
  sentence: z.string().min(1),
  /** The words that named the instrument, as written, in order. */
  forms: z.array(z.string().min(1)).min(1),
});
export type InstrumentMention = z.infer<typeof InstrumentMentionSchema>;

/** Information about the seed file. */
export const SourceInfoSchema = z.object({
  /** File name in `seeds/`. */
  file: z.string(),
  /** SHA-256 of the bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size in bytes. */
  bytes: z.number().int().nonnegative(),
  /** Detected encoding. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gb18030']),
  /** Number of lines. */
  lineCount: z.number().int().nonnegative(),
  /**
   * A text broken at a fixed width, as printed (copied out of a PDF): the printed line's width in characters and the
   * line breaks removed inside paragraphs (scripts/pipeline/unwrap.ts); `null` when its lines are its paragraphs.
   */
  lineWrap: z.object({ width: z.number().positive(), joins: z.number().int().positive() }).nullable().default(null),
  /**
   * A text whose paragraphs run together on one line, a space between them (a scrape that lost the paragraphs' line
   * breaks): the places it was cut into paragraphs (scripts/pipeline/run-in.ts); `null` when there were none.
   */
  runIn: z.number().int().positive().nullable().default(null),
  /**
   * A text whose paragraphs run together with nothing between them (a scrape that joined the paragraphs' text): the
   * places it was cut, each before a heading's number (scripts/pipeline/run-in.ts, `joinedBreaks`); `null` when none.
   */
  joined: z.number().int().positive().nullable().default(null),
});

/** Counts the ingest prints and the notes quote. */
export const PlanStatsSchema = z.object({
  /** Headings per level, 1 to 6. */
  headings: z.array(z.number().int()).length(6),
  paragraphs: z.number().int(),
  tables: z.number().int(),
  repairs: z.number().int(),
  removed: z.number().int(),
  citations: z.number().int(),
  targets: z.number().int(),
  unmappedTargets: z.number().int(),
  responsibilities: z.number().int(),
});

/** One plan, everything the site shows about it. */
export const PlanDocumentSchema = z.object({
  /** Bumped when the shape changes incompatibly. */
  schemaVersion: z.literal(1),
  /** URL slug: `/plans/<slug>/`. From the catalog, else from the file name. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: SourceInfoSchema,
  meta: PlanMetaSchema,
  /** The body in reading order. */
  blocks: z.array(BlockSchema),
  /** Section tree of the heading blocks. */
  outline: z.array(OutlineNodeSchema),
  /** Lines left out of the body (chrome, metadata fields). */
  removed: z.array(RemovedLineSchema),
  repairs: z.array(RepairSchema),
  citations: z.array(CitationSchema),
  responsibilities: z.array(ResponsibilitySchema),
  targets: z.array(TargetSchema),
  /** A measure's support standards, in reading order; absent in JSON written before they were read. */
  incentives: z.array(IncentiveSchema).default([]),
  sectionThemes: z.array(SectionThemesSchema),
  /** Sentences naming a policy instrument, in reading order; absent in JSON written before instruments existed. */
  instruments: z.array(InstrumentMentionSchema).default([]),
  /**
   * For a text in traditional characters (or damaged by a converter, `發(fā)`): its text in the simplified
   * matching form (scripts/pipeline/lexicon/fold.ts), one line per block, indexed for search so that a simplified
   * query finds it; never shown. `null` for texts in simplified characters.
   */
  matchText: z.string().nullable().default(null),
  stats: PlanStatsSchema,
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

/** Frontmatter of a plan's MDX entry: the metadata values a listing needs (provenance lives in the JSON). */
export const PlanFrontmatterSchema = z.object({
  slug: z.string(),
  /** `null` when the text gives no title (the page shows 未识别标题). */
  title: z.string().nullable(),
  noticeTitle: z.string().nullable(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  dateWritten: IsoDateSchema.nullable(),
  datePublished: IsoDateSchema.nullable(),
  period: PeriodSchema.nullable(),
  region: z.string().nullable(),
  kind: PlanKindSchema,
  /** Seed file name, for the raw-source link. */
  sourceFile: z.string(),
});
export type PlanFrontmatter = z.infer<typeof PlanFrontmatterSchema>;
