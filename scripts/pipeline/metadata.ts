/**
 * Stage 6: metadata with its source. Reads portal fields (名称, 发文字号, 成文日期 …) from the lines the chrome
 * stage set aside, the titles, notice and body from the blocks, and lets the catalog (`seeds/catalog.yaml`)
 * supply what the text does not say and override what it gets wrong. Every value records where it came from.
 */
import type { PlanKind, PlanMeta, Period, Provenance, RemovedLine } from '../../src/schemas/plan.ts';
import type { CatalogEntry, Kind, Region } from '../../src/schemas/registry.ts';
import type { DraftBlock } from './structure.ts';

type TitleDraft = Extract<DraftBlock, { kind: 'title' }>;

export interface MetadataInput {
  removed: RemovedLine[];
  blocks: DraftBlock[];
  catalog: CatalogEntry;
  regions: Region[];
  kinds: Kind[];
}

type Sourced<T> = Provenance & { value: T };
const fromText = <T>(value: T, line: number, raw: string): Sourced<T> => ({ value, from: 'text', line, raw });
const fromCatalog = <T>(value: T): Sourced<T> => ({ value, from: 'catalog', line: null, raw: null });

/** Portal field labels; in the source their characters are often spread with spaces (`发 文 字 号 :`). */
const FIELD_LABELS = ['名称', '索引号', '发布机构', '发文字号', '主题', '成文日期', '发文日期', '有效性', '废止依据', '来源', '发布时间'] as const;
type FieldLabel = (typeof FIELD_LABELS)[number];
const LABEL_RE = new RegExp(`(${FIELD_LABELS.map((l) => [...l].join('\\s*')).join('|')})\\s*[:：]`, 'gu');

/** All `label: value` fields in the removed metadata lines. */
export function readPortalFields(removed: RemovedLine[]): Map<FieldLabel, { value: string; line: number; raw: string }> {
  const fields = new Map<FieldLabel, { value: string; line: number; raw: string }>();
  for (const r of removed) {
    if (r.kind !== 'metadata') continue;
    const hits = [...r.text.matchAll(LABEL_RE)];
    hits.forEach((m, i) => {
      const label = m[1]!.replace(/\s/gu, '') as FieldLabel;
      const end = hits[i + 1]?.index ?? r.text.length;
      const raw = r.text.slice(m.index, end).trim();
      const value = r.text.slice(m.index + m[0].length, end).trim();
      if (!fields.has(label)) fields.set(label, { value, line: r.line, raw });
    });
  }
  return fields;
}

/** `2021年04月19日`, `2021-09-28 16:08`, `( 2014-02-14 )` → `2021-04-19`; `null` if no full date. */
export function parseDate(s: string): string | null {
  const m = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})/u.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DOCNO = /[\u4e00-\u9fa5]{1,12}[〔[【(（]\d{4}[〕\]】)）]\s*\d+\s*号/u;
const FIVE_YEAR: Record<string, number> = { 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };

/** Plan period from a title or sentence: `(2020-2022年)`, `十四五`, `规划期为2021—2025年，展望到2035年`. */
export function parsePeriod(s: string): Period | null {
  const outlook = /展望到\s*(\d{4})\s*年/u.exec(s) ?? /(二〇三五|2035)年远景目标/u.exec(s);
  const outlookYear = outlook ? (outlook[1] === '二〇三五' ? 2035 : Number(outlook[1])) : null;
  const range = /(\d{4})\s*年?\s*[-—–～~至]+\s*(\d{4})\s*年?/u.exec(s);
  if (range) {
    const [start, end] = [Number(range[1]), Number(range[2])];
    if (start <= end && end - start <= 15) return { start, end, outlook: outlookYear };
  }
  const fy = /十[一二三四五]五/u.exec(s);
  const start = fy ? FIVE_YEAR[fy[0]] : undefined;
  if (start !== undefined) return { start, end: start + 4, outlook: outlookYear };
  return null;
}

const squashSpaces = (s: string) => s.replace(/\s+/gu, '');

export function extractMetadata({ removed, blocks, catalog, regions, kinds }: MetadataInput): PlanMeta {
  const fields = readPortalFields(removed);
  const field = <T>(label: FieldLabel, map: (v: string) => T | null): Sourced<T> | null => {
    const f = fields.get(label);
    if (!f) return null;
    const v = map(f.value);
    return v === null || v === '' ? null : fromText(v, f.line, f.raw);
  };
  const titleBlock = blocks.find((b): b is TitleDraft => b.kind === 'title' && b.role === 'plan');
  const noticeBlock = blocks.find((b): b is TitleDraft => b.kind === 'title' && b.role === 'notice');
  const paragraphs = blocks.filter((b): b is Extract<DraftBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');

  const title: Sourced<string> | null = titleBlock ? fromText(titleBlock.piece.text, titleBlock.lines[0]!, titleBlock.piece.text) : null;
  const noticeTitle = noticeBlock
    ? fromText(squashSpaces(noticeBlock.piece.text), noticeBlock.lines[0]!, noticeBlock.piece.text)
    : field('名称', (v) => v);

  // Issuer: the portal's 发布机构, else the body named before 关于 in the notice title, else the portal's 来源.
  const noticeIssuer = noticeTitle ? /^(.{2,30}?)关于/u.exec(noticeTitle.value)?.[1] : undefined;
  const issuer =
    field('发布机构', (v) => v) ??
    (noticeTitle && noticeIssuer ? fromText(noticeIssuer, noticeTitle.line!, noticeTitle.raw!) : null) ??
    field('来源', (v) => v);

  const docNumberPara = paragraphs.find((b) => b.role === 'docno');
  const docNumber =
    field('发文字号', (v) => DOCNO.exec(v)?.[0].replace(/\s/gu, '') ?? null) ??
    (docNumberPara ? fromText(docNumberPara.piece.text.replace(/\s/gu, ''), docNumberPara.lines[0]!, docNumberPara.piece.text) : null);

  const closingDate = paragraphs.find((b) => b.id.startsWith('pn-') && b.role === 'closing' && parseDate(b.piece.text));
  const dateWritten =
    field('成文日期', parseDate) ?? (closingDate ? fromText(parseDate(closingDate.piece.text)!, closingDate.lines[0]!, closingDate.piece.text) : null);

  const dateLine = removed.find((r) => r.kind === 'metadata' && /^date line/u.test(r.rule) && parseDate(r.text));
  const datePublished =
    field('发文日期', parseDate) ?? field('发布时间', parseDate) ?? (dateLine ? fromText(parseDate(dateLine.text)!, dateLine.line, dateLine.text.trim()) : null);

  // Period: a sentence stating it (规划期为…) wins over the title.
  const periodPara = paragraphs.find((b) => /规划期为/u.test(b.piece.text));
  const periodSentence = periodPara ? /规划期为[^。]*/u.exec(periodPara.piece.text)?.[0] : undefined;
  const periodFromPara = periodSentence ? parsePeriod(periodSentence) : null;
  const periodFromTitle = title ? parsePeriod(title.value) : null;
  const period =
    periodPara && periodFromPara ? fromText(periodFromPara, periodPara.lines[0]!, periodSentence!) : title && periodFromTitle ? fromText(periodFromTitle, title.line!, title.raw!) : null;

  // Region: the longest registered name found in the title, else the notice title, else the issuer.
  const region = ((): Sourced<string> | null => {
    for (const s of [title, noticeTitle, issuer]) {
      if (!s) continue;
      let best: { id: string; len: number } | null = null;
      for (const r of regions) {
        for (const name of [r.fullName, r.name, ...r.aliases]) {
          if (s.value.includes(name) && (!best || name.length > best.len)) best = { id: r.id, len: name.length };
        }
      }
      if (best) return fromText(best.id, s.line!, s.raw!);
    }
    return null;
  })();

  const kind = ((): Sourced<PlanKind> => {
    if (title) {
      for (const k of kinds) {
        const p = k.patterns.find((pat) => new RegExp(pat, 'u').test(title.value));
        if (p) return fromText(k.id, title.line!, title.raw!);
      }
    }
    return fromCatalog('other');
  })();

  const publisherFromTitle = title ? /^(\S{2,8}网)[:：]/u.exec(title.value)?.[1] : undefined;
  const publisher = field('来源', (v) => v) ?? (title && publisherFromTitle ? fromText(publisherFromTitle, title.line!, title.raw!) : null);

  const text: PlanMeta = {
    title: title ?? fromCatalog(catalog.title ?? ''),
    noticeTitle,
    issuer,
    docNumber,
    dateWritten,
    datePublished,
    period,
    region,
    kind,
    validity: field('有效性', (v) => v),
    topic: field('主题', (v) => v),
    indexNumber: field('索引号', (v) => v),
    publisher,
  };

  // The catalog supplies and overrides.
  const c = catalog;
  return {
    ...text,
    title: c.title !== undefined ? fromCatalog(c.title) : text.title,
    noticeTitle: c.noticeTitle !== undefined ? fromCatalog(c.noticeTitle) : text.noticeTitle,
    issuer: c.issuer !== undefined ? fromCatalog(c.issuer) : text.issuer,
    docNumber: c.docNumber !== undefined ? fromCatalog(c.docNumber) : text.docNumber,
    dateWritten: c.dateWritten !== undefined ? fromCatalog(c.dateWritten) : text.dateWritten,
    datePublished: c.datePublished !== undefined ? fromCatalog(c.datePublished) : text.datePublished,
    period: c.period !== undefined ? fromCatalog({ outlook: null, ...c.period }) : text.period,
    region: c.region !== undefined ? fromCatalog(c.region) : text.region,
    kind: c.kind !== undefined ? fromCatalog(c.kind) : text.kind,
    validity: c.validity !== undefined ? fromCatalog(c.validity) : text.validity,
    publisher: c.publisher !== undefined ? fromCatalog(c.publisher) : text.publisher,
  };
}
