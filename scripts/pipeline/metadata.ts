/**
 * Stage 6: metadata with its source. Reads portal fields (发文字号, 成文日期 … in every form portals print them,
 * `portal-fields.ts`) from the lines the chrome stage set aside, and the titles, notice, signature, byline and
 * opening text from the blocks; the catalog (`seeds/catalog.yaml`) supplies what a text does not say and
 * overrides what it gets wrong. Every value records where it came from: a line as printed (`text`), a reading
 * derived from another part of the text with a note saying how (`inferred`), or the catalog. A value the text
 * does not give stays `null`: nothing is guessed.
 */
import type { PlanKind, PlanMeta, Period, Provenance, RemovedLine } from '../../src/schemas/plan.ts';
import type { CatalogEntry, Kind, PortalFieldLabel } from '../../src/schemas/registry.ts';
import { findDate, findDocNumber, findPeriod, firstMatching, simplify, type DateReading } from './lexicon/index.ts';
import { readPortalFields, type FieldLabel } from './portal-fields.ts';
import { regionsNamedIn, resolveRegion, toRef, type RegionIndex } from './regions.ts';
import type { RegionLevel } from '../../src/schemas/plan.ts';
import type { DraftBlock, InferredTitle } from './structure/index.ts';
import type { EditorsWords } from './editors-words.ts';
import { dateEn } from '../../src/lib/i18n/date-en.ts';

type TitleDraft = Extract<DraftBlock, { kind: 'title' }>;
type ParagraphDraft = Extract<DraftBlock, { kind: 'paragraph' }>;

export interface MetadataInput {
  removed: RemovedLine[];
  blocks: DraftBlock[];
  /** The title the notice names, when the text prints none. */
  inferredTitle: InferredTitle | null;
  catalog: CatalogEntry;
  regions: RegionIndex;
  kinds: Kind[];
  /** Labels of portal metadata fields (`content/portal-fields.yaml`). */
  portalFields: readonly PortalFieldLabel[];
}

type Sourced<T> = Provenance & { value: T };
const fromText = <T>(value: T, line: number, raw: string): Sourced<T> => ({ value, from: 'text', line, raw, note: null, noteEn: null });

/** The year of a work plan's points, when its title names another year too: the year right before 工作要点 or 计划. */
const POINTS_YEAR = /(\d{4})年(?!\d{1,2}月)(?=\D{0,16}?(?:工作要点|工作计划|工作安排|要点|计划))/u;

/** What a measure says of its own term: `有效期3年`, `有效期至2025年12月31日`, `有效期限为五年`. */
const TERM = /有效期限?(?:为|至|到)?\s*[^。；，,;、]{1,24}/u;

/**
 * Validity when the portal gives none: the text's own words on its term, from its last paragraph that states one,
 * quoted as written. Whether it is still in force on a given day is the reader's to judge, not a value to infer.
 */
function statedTerm(paragraphs: ParagraphDraft[]): Sourced<string> | null {
  for (const b of [...paragraphs].reverse()) {
    if (b.part !== 'body' || b.lines.length !== 1) continue;
    const m = TERM.exec(b.piece.text);
    if (m) return fromText(m[0].trim(), b.lines[0]!, m[0].trim());
  }
  return null;
}
/**
 * A draft names itself in its title (`…规划（征求意见稿）`, `（草案）`, `（送审稿）`, `（讨论稿）`): a text put out for
 * comment, not the plan in force, which a reader must know before citing it. Its validity is that word, from the
 * plan's title or else the notice's (`关于公开征求《…（征求意见稿）》意见的公告`), with its line.
 */
const DRAFT = /[（(](征求意见稿|征求意见修改稿|草案|送审稿|讨论稿|代拟稿)[)）]/u;
function draftStatus(titles: (Sourced<string> | null)[]): Sourced<string> | null {
  for (const t of titles) {
    const m = t && t.line !== null ? DRAFT.exec(t.value) : null;
    if (m) return fromText(m[1]!, t!.line!, t!.raw ?? t!.value);
  }
  return null;
}
const inferred = <T>(value: T, line: number, raw: string, note: EditorsWords): Sourced<T> => ({ value, from: 'inferred', line, raw, note: note.zh, noteEn: note.en });
const fromCatalog = <T>(value: T): Sourced<T> => ({ value, from: 'catalog', line: null, raw: null, note: null, noteEn: null });
/** An inferred value's note, to carry over to a value inferred from it (a period read from an inferred title). */
const noteOf = (s: Provenance): EditorsWords | null => (s.note === null ? null : { zh: s.note, en: s.noteEn ?? s.note });
const FROM_THE_TEXT: EditorsWords = { zh: '据原文推定', en: 'from the text' };

/** A date as read: printed in full (`text`), or taken from digits whose 年月日 were lost (`inferred`, with the note). */
function dateValue(d: DateReading | null, line: number, raw: string): Sourced<string> | null {
  if (!d?.iso) return null;
  return d.repaired ? inferred(d.iso, line, raw, d.note ?? FROM_THE_TEXT) : fromText(d.iso, line, raw);
}

const squashSpaces = (s: string) => s.replace(/\s+/gu, '');
const ORGAN = /(人民政府|政府|办公室|办公厅|委员会|管委会|委|局|厅|院|部)$/u;
/** A signature line: one issuing body, or several on one line set apart by spaces (`某市科学技术局　　某市财政局`). */
const SIGNATURE_ORGAN = /^[\u4e00-\u9fa5]{2,30}(?:\s+[\u4e00-\u9fa5]{2,30}){0,5}$/u;
const LETTERHEAD = /^([\u4e00-\u9fa5\s]{4,40}?)\s*文件$/u;
const REPORT_KINDS: PlanKind[] = ['news', 'conference-report'];

/**
 * Kind from the data in `content/kinds.yaml`: a news opening, then title patterns, patterns of the lines under a
 * headline, then of the opening text. `at` is the index of the byline or opening paragraph that decided.
 */
export function detectKind(
  kinds: Kind[],
  title: string | null,
  titlePeriod: Period | null,
  front: string[],
  opening: string[],
): { id: PlanKind; by: 'title' | 'front' | 'text'; at: number } | null {
  for (const k of kinds) {
    const at = k.textDecides ? firstMatching(k.text, opening) : -1;
    if (at !== -1) return { id: k.id, by: 'text', at };
  }
  for (const k of kinds) {
    if (title !== null && firstMatching([...k.title, ...k.forms.flatMap((f) => f.title)], [title]) !== -1) return { id: k.id, by: 'title', at: 0 };
    if (title !== null && titlePeriod && k.titleWithYears.some((w) => titlePeriod.end - titlePeriod.start + 1 === w.years && firstMatching([w.pattern], [title]) !== -1)) return { id: k.id, by: 'title', at: 0 };
    const at = firstMatching(k.front, front);
    if (at !== -1) return { id: k.id, by: 'front', at };
  }
  for (const k of kinds) {
    const at = firstMatching(k.text, opening);
    if (at !== -1) return { id: k.id, by: 'text', at };
  }
  return null;
}

/** A place named at the start of a title (`和海区科技创新…`): the words before a division suffix. */
const UNKNOWN_PLACE = /^[\p{Script=Han}]{2,8}?(省|自治区|市|区|县|旗|自治州|州|盟)/u;

/** An outlet's name before a headline: `北方网:` (a news site, `…网`, then a colon). */
const OUTLET_LEAD = /^(\S{2,8}网)[:：]\s*/u;

/** What a text calls itself (全县, 本区, 我市): the level word and the divisions it may be. */
const SELF_WORD = /[全本我](省|市|县|区)/gu;
const SELF_LEVELS: Record<string, { levels: RegionLevel[]; en: string }> = {
  省: { levels: ['province'], en: 'province' },
  市: { levels: ['city'], en: 'city' }, // not a county-level city: 全市 in a city's report naming one of its counties
  县: { levels: ['county'], en: 'county' },
  区: { levels: ['district'], en: 'district' },
};

/**
 * A local report that names no place at its head (a county portal's news: `全县科技工作会议…`) may still name its
 * own division in passing (`积极推进监利经济开发区…`). When the text speaks of itself by one level word, three times or
 * more and more often than by all others together, names exactly one division of that level, and names no division
 * but it and its ancestors, that is its region, inferred.
 */
function selfNamedRegion(paragraphs: ParagraphDraft[], regions: RegionIndex): PlanMeta['region'] {
  const body = paragraphs.filter((b) => b.part === 'body');
  // How often the text says each self word (全县 7, 本县 1 …), most said first.
  const said = new Map<string, number>();
  for (const b of body) for (const [w] of simplify(b.piece.text).matchAll(SELF_WORD)) said.set(w, (said.get(w) ?? 0) + 1);
  const count = (word: string) => [...said].reduce((n, [w, k]) => (w.endsWith(word) ? n + k : n), 0);
  const total = [...said.values()].reduce((a, b) => a + b, 0);
  const word = ['省', '市', '县', '区'].sort((a, b) => count(b) - count(a))[0]!;
  if (count(word) < 3 || count(word) <= total - count(word)) return null;
  const named = body.flatMap((b) => regionsNamedIn(b.piece.text, regions).map((r) => ({ r, b })));
  const own = named.filter((x) => SELF_LEVELS[word]!.levels.includes(x.r.level));
  const region = own[0]?.r;
  if (!region || own.some((x) => x.r !== region) || named.some((x) => x.r !== region && !region.parents.some((p) => p.id === x.r.id))) return null;
  const { b } = own[0]!;
  const sentence = b.piece.text.split(/(?<=。)/u).find((s) => regionsNamedIn(s, regions).includes(region)) ?? b.piece.text;
  const phrase = [...said].filter(([w]) => w.endsWith(word)).sort((x, y) => y[1] - x[1])[0]![0];
  return inferred(toRef(region), b.lines[0]!, sentence, {
    zh: `正文自称“${phrase}”，所提到的${word}只有“${region.shortName}”，据此推定`,
    en: `the text calls itself “${phrase}” (its ${SELF_LEVELS[word]!.en}) and names one ${SELF_LEVELS[word]!.en} only, “${region.shortName}”`,
  });
}

export function extractMetadata({ removed, blocks, inferredTitle, catalog, regions, kinds, portalFields }: MetadataInput): PlanMeta {
  const fields = readPortalFields(removed, portalFields);
  const field = <T>(label: FieldLabel, map: (v: string) => T | null): Sourced<T> | null => {
    const f = fields.get(label);
    if (!f) return null;
    const v = map(f.value);
    return v === null || v === '' ? null : fromText(v, f.line, f.raw);
  };
  const titleBlock = blocks.find((b): b is TitleDraft => b.kind === 'title' && b.role === 'plan');
  const noticeBlock = blocks.find((b): b is TitleDraft => b.kind === 'title' && b.role === 'notice');
  const paragraphs = blocks.filter((b): b is ParagraphDraft => b.kind === 'paragraph');
  const front = paragraphs.filter((b) => b.part === 'front');
  const bylines = paragraphs.filter((b) => b.role === 'byline');
  const closing = paragraphs.filter((b) => b.role === 'closing');
  const opening = paragraphs.filter((b) => b.part === 'body' && b.role === 'body').slice(0, 3);

  // A news portal's headline may lead with the outlet it reposts from (`北方网:科委将…`): the outlet is the
  // publisher (below), the rest is the headline. The printed line stays the title's `raw`.
  const outletLead = titleBlock ? OUTLET_LEAD.exec(titleBlock.piece.text) : null;
  const title: Sourced<string> | null = titleBlock
    ? fromText(titleBlock.piece.text.slice(outletLead?.[0].length ?? 0), titleBlock.lines[0]!, titleBlock.piece.text)
    : inferredTitle
      ? inferred(inferredTitle.text, inferredTitle.line, inferredTitle.raw, inferredTitle.note)
      : null;
  const noticeTitle = noticeBlock ? fromText(squashSpaces(noticeBlock.piece.text), noticeBlock.lines[0]!, noticeBlock.piece.text) : field('名称', (v) => v);

  // Period: a sentence stating it (规划期为…, 本规划期限为…) wins over the title; a report's year is its title's or byline's.
  const periodPara = paragraphs.find((b) => /规划(期|期限)(为|是)/u.test(b.piece.text));
  const periodSentence = periodPara ? /[^。]*规划(期|期限)(为|是)[^。]*/u.exec(periodPara.piece.text)?.[0] : undefined;
  const periodFromPara = periodSentence ? findPeriod(periodSentence.replace(/^.*?规划(期|期限)(为|是)/u, '')) : null;
  const periodFromTitle = title ? findPeriod(title.value) : null;
  const titlePeriod = periodFromTitle ? { start: periodFromTitle.start, end: periodFromTitle.end, outlook: periodFromTitle.outlook } : null;

  const kindFound = detectKind(
    kinds,
    title?.value ?? null,
    titlePeriod,
    bylines.map((b) => b.piece.text),
    opening.map((b) => b.piece.text.slice(0, 200)),
  );
  const kind: Sourced<PlanKind> = ((): Sourced<PlanKind> => {
    if (!kindFound) return inferred('other', blocks[0]?.lines[0] ?? 1, '', { zh: '标题与正文均未显示文件类型', en: 'neither the title nor the text says what kind of document this is' });
    if (kindFound.by === 'title') return fromText(kindFound.id, title!.line!, title!.raw!);
    const b = (kindFound.by === 'front' ? bylines : opening)[kindFound.at]!;
    return inferred(kindFound.id, b.lines[0]!, b.piece.text, kindFound.by === 'front' ? { zh: '据标题下的署名行判断', en: 'from the byline under the title' } : { zh: '据正文开头判断', en: 'from the opening of the text' });
  })();

  // Issuer: the body named before 关于 in the notice title, a letterhead (`…文件`), the notice's signature, the
  // portal's 发布机构 or 作者. Reports and news have none: they report on a document, they are not one.
  const issuer = ((): Sourced<string> | null => {
    if (REPORT_KINDS.includes(kind.value)) return null;
    const noticeIssuer = noticeBlock ? /^(.{2,40}?)关于/u.exec(noticeBlock.piece.text)?.[1]?.trim() : undefined;
    if (noticeBlock && noticeIssuer && ORGAN.test(simplify(noticeIssuer))) return fromText(noticeIssuer, noticeBlock.lines[0]!, noticeBlock.piece.text);
    const letterhead = front.find((b) => LETTERHEAD.test(b.piece.text));
    if (letterhead) return fromText(LETTERHEAD.exec(letterhead.piece.text)![1]!.trim(), letterhead.lines[0]!, letterhead.piece.text);
    // A signature line names the bodies; one that also carries the date (`某市人民政府办公厅　2023年5月6日`, a right-set
    // signature and date a scrape ran together) names them before it.
    const signed = (b: ParagraphDraft) => {
      const date = findDate(b.piece.text);
      const names = (date && date.index + date.raw.length === b.piece.text.trimEnd().length ? b.piece.text.slice(0, date.index) : date ? '' : b.piece.text).trim();
      return SIGNATURE_ORGAN.test(names) && !/^特此通知$/u.test(names) ? names : null;
    };
    const signers = closing.filter((b) => signed(b) !== null);
    if (signers.length > 0) {
      const group = signers.filter((b, i) => i === 0 || b.lines[0]! === signers[i - 1]!.lines[0]! + 1 || paragraphs.indexOf(b) === paragraphs.indexOf(signers[i - 1]!) + 1);
      return fromText(group.map((b) => signed(b)!.replace(/\s+/gu, ' ')).join(' '), group[0]!.lines[0]!, group.map((b) => b.piece.text).join('\n'));
    }
    // Not the portal's 来源: that is who posted the page (the publisher), which need not be who issued the text.
    return field('发布机构', (v) => v) ?? field('作者', (v) => v);
  })();

  const docNumberPara = paragraphs.find((b) => b.role === 'docno');
  const docNumber =
    field('发文字号', (v) => findDocNumber(v)?.text ?? null) ??
    (docNumberPara ? ((d) => (d ? fromText(d.text, docNumberPara.lines[0]!, docNumberPara.piece.text) : null))(findDocNumber(docNumberPara.piece.text)) : null);

  const closingDate = closing.map((b) => ({ b, d: findDate(b.piece.text) })).find((x) => x.d?.iso);
  const bylineDate = bylines.map((b) => ({ b, d: findDate(b.piece.text) })).find((x) => x.d?.iso);
  const dateWritten =
    field('成文日期', (v) => findDate(v)?.iso ?? null) ??
    (closingDate ? dateValue(closingDate.d, closingDate.b.lines[0]!, closingDate.b.piece.text) : null) ??
    (bylineDate ? dateValue(bylineDate.d, bylineDate.b.lines[0]!, bylineDate.b.piece.text) : null);

  // Published: the portal's date field, else a portal line that is only a date stamp.
  const stamp = removed.find((r) => r.kind === 'metadata' && !fields.has('发布日期') && findDate(r.text)?.iso && /date|time|日期|时间/iu.test(r.rule));
  const datePublished = field('发布日期', (v) => findDate(v)?.iso ?? null) ?? (stamp ? fromText(findDate(stamp.text)!.iso!, stamp.line, stamp.text.trim()) : null);

  const period = ((): Sourced<Period> | null => {
    const out = (p: NonNullable<ReturnType<typeof findPeriod>>) => ({ start: p.start, end: p.end, outlook: p.outlook });
    if (periodPara && periodFromPara) return periodFromPara.repaired ? inferred(out(periodFromPara), periodPara.lines[0]!, periodSentence!, periodFromPara.note ?? FROM_THE_TEXT) : fromText(out(periodFromPara), periodPara.lines[0]!, periodSentence!);
    if (title && periodFromTitle) return title.from === 'text' && !periodFromTitle.repaired ? fromText(out(periodFromTitle), title.line!, title.raw!) : inferred(out(periodFromTitle), title.line!, title.raw!, noteOf(title) ?? periodFromTitle.note ?? FROM_THE_TEXT);
    if (REPORT_KINDS.includes(kind.value) || kind.value === 'work-points') {
      // A work report or work points cover the year they name (`2023年…工作要点`, `在2015年…工作会议上的报告`); work
      // points that follow a summary of the year before cover the year of the points (`2022年工作总结和2023年工作要点`).
      for (const s of [...(title ? [{ text: title.value, line: title.line!, raw: title.raw! }] : []), ...bylines.map((b) => ({ text: b.piece.text, line: b.lines[0]!, raw: b.piece.text }))]) {
        const y = (kind.value === 'work-points' ? POINTS_YEAR.exec(s.text) : null) ?? /(\d{4})年(?!\d{1,2}月)/u.exec(s.text);
        if (y) return inferred({ start: Number(y[1]), end: Number(y[1]), outlook: null }, s.line, s.raw, { zh: `据“${y[0]}”推定为该年度`, en: `the year of “${y[0]}”` });
      }
      // A news report on a plan: the period the report names first.
      for (const b of opening) {
        const p = findPeriod(b.piece.text);
        if (p) return inferred(out(p), b.lines[0]!, p.raw, { zh: `据报道所述“${p.raw}”推定`, en: `from “${p.raw}” in the report` });
      }
      // A report on this year's work (`安排部署今年…`): the year of the report's date.
      const dated = datePublished ?? dateWritten;
      const thisYear = opening.find((b) => /今年/u.test(b.piece.text));
      if (dated && thisYear) {
        const y = Number(dated.value.slice(0, 4));
        return inferred({ start: y, end: y, outlook: null }, thisYear.lines[0]!, thisYear.piece.text.slice(0, 80), {
          zh: `据报道中的“今年”与报道日期（${dated.value}）推定`,
          en: `from “今年” (this year) in the report and the report’s date, ${dateEn(dated.value)}`,
        });
      }
    }
    if (kind.value === 'five-year-plan') {
      // A five-year plan drawn up under the national or provincial 第十四个五年规划纲要 covers that five-year period.
      for (const b of paragraphs.slice(0, 12)) {
        const m = /第(十[一二三四五])个五年规划[^。]*?(制定|编制)本规划/u.exec(simplify(b.piece.text));
        const plan = m ? findPeriod(`${m[1]}五`) : null;
        if (m && plan) return inferred(out(plan), b.lines[0]!, m[0], { zh: `据编制依据“第${m[1]}个五年规划”推定`, en: `from the five-year plan it is drawn up under, “第${m[1]}个五年规划”` });
      }
    }
    return null;
  })();

  // Region: the most specific division named in the title, notice title, issuer, then the opening text.
  const region = ((): PlanMeta['region'] => {
    const candidates = [title, noticeTitle, issuer]
      .filter((s): s is Sourced<string> => s !== null && s.line !== null)
      .map((s) => ({ text: s.value, line: s.line, raw: s.raw ?? s.value }));
    for (const b of [...front.filter((f) => f.role !== 'addressee'), ...opening]) candidates.push({ text: b.piece.text.slice(0, 200), line: b.lines[0]!, raw: b.piece.text.slice(0, 200) });
    const hit = resolveRegion(candidates, regions);
    if (!hit) return selfNamedRegion(paragraphs, regions);
    // The title names a place the division table does not have (an abolished district, a development zone, a
    // new name), and the region was read from the running text: that may be a parent, or only a place the text
    // mentions. Say so instead of presenting it as read.
    const named = title?.from === 'text' ? UNKNOWN_PLACE.exec(title.value)?.[0] : undefined;
    const fromOpening = ![title, noticeTitle, issuer].some((s) => s !== null && s.line === hit.line && s.raw === hit.raw);
    if (named && fromOpening && !regions.forms.has(named)) {
      return inferred(hit.ref, hit.line ?? 1, hit.raw, {
        zh: `标题所称“${named}”不在行政区划表中，地区据正文推定`,
        en: `“${named}”, named in the title, is not in the table of administrative divisions; the region is read from the text`,
      });
    }
    return fromText(hit.ref, hit.line ?? 1, hit.raw);
  })();

  const publisherFromTitle = outletLead?.[1];
  const publisher = field('来源', (v) => v) ?? (title && publisherFromTitle ? fromText(publisherFromTitle, title.line!, title.raw!) : null);

  const text: PlanMeta = {
    title,
    noticeTitle,
    issuer,
    docNumber,
    dateWritten,
    datePublished,
    period,
    region,
    kind,
    validity: field('有效性', (v) => v) ?? draftStatus([title, noticeTitle]) ?? statedTerm(paragraphs),
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
    region: c.region !== undefined ? ((r) => (r ? fromCatalog(r) : text.region))(regions.byId(c.region)) : text.region,
    kind: c.kind !== undefined ? fromCatalog(c.kind) : text.kind,
    validity: c.validity !== undefined ? fromCatalog(c.validity) : text.validity,
    publisher: c.publisher !== undefined ? fromCatalog(c.publisher) : text.publisher,
  };
}
