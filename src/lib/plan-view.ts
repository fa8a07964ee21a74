/**
 * What a plan page shows, computed once from the document model and the registries, so that components only
 * place values (Starlight's `starlightRoute` habit). Pure: no Astro imports; tested in plan-view.test.ts.
 */
import { FRONT_LABELS, frontKind } from './front-kind.ts';
import type { OutlineNode, PlanDocument, PlanKind, Provenance, RegionLevel, RegionParent, RegionRef } from '../schemas/plan.ts';
import type { Kind } from '../schemas/registry.ts';
import { headingTrails } from './crosslinks/heading-trails.ts';
import { attr, escapeText } from './html.ts';
import { kindLabel } from './kind-label.ts';

/** `2020—2022年`, `2014年`, `2021—2025年（展望2035年）`. */
export function formatPeriod(p: { start: number; end: number; outlook: number | null } | null | undefined): string {
  if (!p) return '—';
  const span = p.start === p.end ? `${p.start}年` : `${p.start}—${p.end}年`;
  return p.outlook ? `${span}（展望${p.outlook}年）` : span;
}

/** `2021-04-19` → `2021年4月19日`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The date a document is known by, as metaBrief and the lists show it: written (成文), else published (发布). */
export function knownDate(doc: PlanDocument): { s: NonNullable<PlanDocument['meta']['dateWritten']>; verb: '成文' | '发布' } | null {
  const m = doc.meta;
  return m.dateWritten ? { s: m.dateWritten, verb: '成文' } : m.datePublished ? { s: m.datePublished, verb: '发布' } : null;
}

/**
 * When a document is from, in a list or above its title: its period (`2021—2025年`), else the day it is dated with
 * what happened that day (`2014年2月14日发布`; a news report or a measure has no period), else `—`.
 */
export function formatWhen(doc: PlanDocument): string {
  return doc.meta.period ? formatPeriod(doc.meta.period.value) : formatKnownDate(doc);
}

/** The day a document is dated with what happened that day, `2014年2月14日发布`, `2021年4月19日成文（推定）`; `—` when none. */
export function formatKnownDate(doc: PlanDocument): string {
  const date = knownDate(doc);
  return date ? `${formatDate(date.s.value)}${date.verb}${date.s.from === 'inferred' ? '（推定）' : ''}` : '—';
}

/**
 * What the home page's 最新文件 says under a document: its region where known (a title need not name it:
 * 2023年全市科技创新工作要点), and its day; each part is kept on one line.
 */
export function latestParts(doc: PlanDocument): string[] {
  return [doc.meta.region?.value.fullName, formatKnownDate(doc)].filter((part): part is string => part !== undefined && part !== '—');
}

/** How many documents the home page lists as dated last. */
export const LATEST_COUNT = 5;

/**
 * The documents dated last (`knownDate`), newest first, at most `count`; those without a date left out. The home
 * page's 最新文件, for readers who come to see what is new: its list of every plan is in the seed files' order.
 */
export function latestDated(plans: readonly PlanDocument[], count = LATEST_COUNT): PlanDocument[] {
  return plans
    .flatMap((doc) => {
      const day = knownDate(doc)?.s.value;
      return day ? [{ doc, day }] : [];
    })
    .sort((a, b) => later(a.day, b.day) || a.doc.slug.localeCompare(b.doc.slug))
    .slice(0, count)
    .map(({ doc }) => doc);
}

/**
 * Newest first, as a region's page lists its documents: by the first year of the period (else the year of the date
 * the document is known by), then the last year, then that date; documents with neither last, then by slug.
 */
export function newestFirst(a: PlanDocument, b: PlanDocument): number {
  const key = (doc: PlanDocument) => {
    const day = knownDate(doc)?.s.value ?? '';
    const year = day ? Number(day.slice(0, 4)) : Number.NEGATIVE_INFINITY;
    const period = doc.meta.period?.value;
    return { start: period?.start ?? year, end: period?.end ?? year, day };
  };
  const [x, y] = [key(a), key(b)];
  return later(x.start, y.start) || later(x.end, y.end) || later(x.day, y.day) || a.slug.localeCompare(b.slug);
}

/** A comparator's answer for newest first: −1 when `x` is the later (a larger year, a later ISO date), 0 when equal. */
function later<T extends number | string>(x: T, y: T): number {
  return x === y ? 0 : x > y ? -1 : 1;
}

/** One row of the metadata card. */
export interface MetaRow {
  /** Field label, as official policy databases name it (发文机关 …). */
  label: string;
  /** English label, for an English edition; Chinese pages show `label` only. */
  labelEn: string;
  /** Display value. */
  value: string;
  /** `原文第9行` / `编目补充` / `—` when the value is unknown. */
  source: string;
  /** Source line (for a link into the source view), or `null`. */
  line: number | null;
  /** The passage the value was read from, shown on hover/focus. */
  raw: string | null;
  /** The value is an inference from the text; `source` then says how. */
  inferred: boolean;
}

/** Administrative level of a region, in Chinese. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省级',
  city: '地级',
  district: '市辖区',
  county: '县级',
};

/** A plan's region with its ancestors, from the top: 天津市 › 北辰区 (read from the plan, no registry). */
export function regionChain(ref: RegionRef | null | undefined): RegionParent[] {
  return ref ? [...ref.parents, { id: ref.id, code: ref.code, name: ref.name, level: ref.level }] : [];
}

function row(label: string, labelEn: string, s: (Provenance & { value: unknown }) | null, show: (v: never) => string): MetaRow {
  if (!s) return { label, labelEn, value: '未识别', source: '原文未载', line: null, raw: null, inferred: false };
  return {
    label,
    labelEn,
    value: show(s.value as never),
    source: s.from === 'text' ? `原文第${s.line}行` : s.from === 'inferred' ? `${s.note ?? '推定'}（原文第${s.line}行）` : '编目补充',
    line: s.from === 'catalog' ? null : s.line,
    raw: s.raw,
    inferred: s.from === 'inferred',
  };
}

/**
 * The title to show for a plan: its own, or, when the text gives none, `未识别标题` with what identifies it (the
 * document number, else the region and kind, else the file).
 */
export function planTitle(doc: PlanDocument): string {
  if (doc.meta.title) return doc.meta.title.value;
  const what = doc.meta.docNumber?.value ?? (doc.meta.region ? `${doc.meta.region.value.fullName}${doc.meta.period ? `，${doc.meta.period.value.start}年` : ''}` : doc.source.file);
  return `未识别标题（${what}）`;
}

/** The metadata card, in the order of the gov.cn policy library. */
export function metaRows(doc: PlanDocument, kinds: Kind[]): MetaRow[] {
  const m = doc.meta;
  const regionName = (ref: RegionRef) => `${regionChain(ref).map((r) => r.name).join(' › ')}（${REGION_LEVEL_LABELS[ref.level]}）`;
  return [
    row('标题', 'Title', m.title, (v: string) => v),
    row('发文机关', 'Issuer', m.issuer, (v: string) => v),
    row('发文字号', 'Document number', m.docNumber, (v: string) => v),
    row('成文日期', 'Date written', m.dateWritten, formatDate),
    row('发布日期', 'Date published', m.datePublished, formatDate),
    row('规划期', 'Plan period', m.period, formatPeriod),
    row('地区', 'Region', m.region, regionName),
    row('类型', 'Kind', m.kind, (v: PlanKind) => kindLabel(kinds, v, m.title?.value, 'zh')),
    row('有效性', 'Validity', m.validity, (v: string) => v),
    row('主题', 'Subject', m.topic, (v: string) => v),
    row('索引号', 'Index number', m.indexNumber, (v: string) => v),
    row('来源', 'Publisher', m.publisher, (v: string) => v),
  ].filter((r) => r.line !== null || r.source === '编目补充' || ['标题', '发文机关', '发文字号', '成文日期', '发布日期', '规划期', '地区', '类型'].includes(r.label));
}

/**
 * The key facts a phone shows above the collapsed metadata card: issuer, document number and date (the period and
 * region are in the line above the title). Only what the text or catalog gives; an inferred value says so.
 */
export function metaBrief(doc: PlanDocument): string[] {
  const m = doc.meta;
  const date = knownDate(doc);
  const facts: [Provenance | null, string | null][] = [
    [m.issuer, m.issuer?.value ?? null],
    [m.docNumber, m.docNumber?.value ?? null],
    [date?.s ?? null, date ? `${formatDate(date.s.value)}${date.verb}` : null],
  ];
  return facts.flatMap(([s, text]) => (s && text ? [s.from === 'inferred' ? `${text}（推定）` : text] : []));
}

/** A table-of-contents entry. */
export interface TocEntry {
  id: string;
  /** `一、总体要求`. */
  label: string;
  /** The English edition's label of an entry the site names (the covering notice), not the text. */
  labelEn?: string;
  level: number;
  children: TocEntry[];
}

/**
 * The table of contents as nested lists (HTML): a link to each heading, its subheadings in a list inside. One
 * function rather than a component per entry (the outline of a long plan is hundreds of entries). On the English
 * edition (`english`) the text's headings are marked Chinese; an entry with `english` set is the edition's own word.
 */
export function tocListHtml(entries: readonly (TocEntry & { english?: boolean })[], english: boolean): string {
  const label = (e: TocEntry & { english?: boolean }) => (english && !e.english ? `<span lang="zh-CN">${escapeText(e.label)}</span>` : escapeText(e.label));
  const item = (e: TocEntry & { english?: boolean }): string => `<li><a${attr('href', `#${e.id}`)}>${label(e)}</a>${e.children.length > 0 ? tocListHtml(e.children, english) : ''}</li>`;
  return `<ol>${entries.map(item).join('')}</ol>`;
}

/** Longest opening clause of an article that the outline shows whole. */
const ARTICLE_LABEL_MAX = 24;

/** `第一条 支持企业加大研发投入。对…` → `第一条 支持企业加大研发投入`: the article's number and its opening clause, cut short. */
function articleLabel(text: string): string {
  const clause = /^[^。；：，,;:]*/u.exec(text)![0].trim();
  return clause.length <= ARTICLE_LABEL_MAX ? clause : `${clause.slice(0, ARTICLE_LABEL_MAX - 4)}…`;
}

/**
 * The table of contents: the notice (if any), then the outline. The articles of a measure or rules (第一条 …) are
 * entries too, under the heading they stand in (a chapter, a section) or, in a text without headings, on their own:
 * such a text is navigated by its articles. So are the boxes (专栏1 …), by their captions: readers look them up.
 */
export function tableOfContents(doc: PlanDocument): TocEntry[] {
  const byId = new Map<string, TocEntry>();
  const walk = (nodes: OutlineNode[]): TocEntry[] =>
    nodes.map((n) => {
      const entry: TocEntry = { id: n.id, label: `${n.number}${n.title}`, level: n.level, children: walk(n.children) };
      byId.set(n.id, entry);
      return entry;
    });
  const outline = walk(doc.outline);
  let under: TocEntry | null = null;
  for (const b of doc.blocks) {
    if (b.kind === 'heading') under = byId.get(b.id) ?? under;
    else if (b.kind === 'paragraph' && (b.article !== undefined || b.role === 'box-title')) {
      const entry = { id: b.id, label: b.role === 'box-title' ? b.text.trim() : articleLabel(b.text), level: (under?.level ?? 0) + 1, children: [] };
      (under ? under.children : outline).push(entry);
    }
  }
  const notice = doc.blocks.find((b) => b.kind === 'title' && b.role === 'notice');
  const front = FRONT_LABELS[frontKind(doc)];
  return [...(notice ? [{ id: notice.id, label: front.zh, labelEn: front.en, level: 1, children: [] }] : []), ...outline];
}

/** The headings above a section and its own, for citing it: `['二、重点任务', '（一）增强科技创新策源能力']`; `[]` for an id that is not a heading. */
export function sectionPath(doc: PlanDocument, id: string): string[] {
  return doc.blocks.some((b) => b.id === id && b.kind === 'heading') ? [...(headingTrails(doc.blocks).get(id) ?? [])] : [];
}

/**
 * A citation of the plan, in the GB/T 7714 style for official documents:
 * `天津市北辰区人民政府. 北辰区科技创新三年行动计划实施方案(2020-2022年): 北辰政发〔2021〕5号[A/OL]. (2021-04-19)[访问日期]. URL`.
 */
export function citation(doc: PlanDocument, url: string): string {
  const m = doc.meta;
  const parts = [
    m.issuer ? `${m.issuer.value}. ` : '',
    planTitle(doc),
    m.docNumber ? `: ${m.docNumber.value}` : '',
    '[A/OL]. ',
    m.datePublished ?? m.dateWritten ? `(${(m.datePublished ?? m.dateWritten)!.value}). ` : '',
    url,
  ];
  return parts.join('');
}
