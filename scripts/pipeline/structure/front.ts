/**
 * The front of a document, before its numbered body: the covering notice (`…关于印发…的通知`, 发文字号, addressees,
 * the notice's text, signature and date), the plan's own title (one to three lines), a news or report headline
 * with its byline, and a table of contents. Works on line indices of the non-blank body lines; reads nothing
 * else. Where the text has no title line, the title the notice names (`印发《X》`) is returned as an inference.
 */
import type { WorkLine } from '../corrections.ts';
import type { EditorsWords } from '../editors-words.ts';
import { findDate, isDocNumberLine, simplify, titleKey } from '../lexicon/index.ts';
import { wholeLine } from '../piece.ts';
import { matchHeading, Numbering, startsWithNumber } from './headings.ts';

/** Half-open range of line indices. */
export interface Span {
  from: number;
  to: number;
}

export type ParagraphRole = 'body' | 'masthead' | 'addressee' | 'closing' | 'docno' | 'annex' | 'byline' | 'toc' | 'box-title' | 'colophon';

export interface InferredTitle {
  text: string;
  /** 1-based source line it was read from, and the passage as written. */
  line: number;
  raw: string;
  /** How, for readers: `据通知标题推定`, `from the covering notice’s title`. */
  note: EditorsWords;
}

export interface Front {
  /** Index of the first numbered heading of the body (after any table of contents), or `lines.length`. */
  firstHeading: number;
  toc: Span | null;
  /** The covering notice's title (with an issuing-body line before it), if any. */
  notice: Span | null;
  title: Span | null;
  /** The plan title the notice names, when the text has no title line of its own. */
  inferredTitle: InferredTitle | null;
  /** Lines before this index (other than the title) belong to the covering notice or the headline's byline. */
  frontEnd: number;
  /** Role of each front line (index → role). */
  roles: Map<number, ParagraphRole>;
}

const PLAN_WORD = /(规划|计划|方案|纲要|意见|办法|措施|要点|工程|解读|细则|规定)/u;
/** How a covering notice's title ends: `…的通知`, or `…意见的公告` for a draft put out for comment. */
const NOTICE_END = /(?:通知|公告|通告)$/u;
export const ORG_LINE = /^[\u4e00-\u9fa5]{2,30}(人民政府|政府办公室|办公室|办公厅|委员会|管委会|管理委员会|局|委|政府)$/u;
const PERIOD_LINE = /^[（(]\d{4}\s*[-—–～~至]+\s*\d{4}\s*年?[）)]$/u;
export const DISCLOSURE_LINE = /^[（(]此件.{1,8}[）)(（]?$/u;
const TOC_TITLE = /^目\s*录$/u;
/**
 * The masthead of an official document (GB/T 9704's 发文机关标志, printed in red above the document number): the
 * issuing bodies' names and 文件, often spread with spaces (`天 津 市 人 民 政 府 文 件`); a text copied out of the
 * printed document keeps it.
 */
const MASTHEAD = /^[\u4e00-\u9fa5]{2,60}(人民政府|政府|办公室|办公厅|委员会|委|局|厅|院|部|管委会|管理委员会)文件$/u;
const NOTICE_TEXT = /(现将|现予|印发给你们|印发你们|已经.{0,12}同意|审议通过|批准)/u;
/** Addressees of a notice or a speech: `各区人民政府，市政府各部门：`, `区科技领导小组各成员单位，…：`, `各位领导，同志们：`. */
const ADDRESSEE = /^(?=.*(各|单位|同志|领导))[^。；]{2,120}[:：]$/u;
const SENTENCE = /[。；;！？!?]/u;
/**
 * A list of what a document attaches, after its text (GB/T 9704's 附件说明): `附件：某某行动方案`, `附件1：…`, or
 * `附件：1.某某方案` with the next items on lines of their own (`2.任务分工表`). In a notice and at a plan's end.
 */
export const ANNEX_NOTE = /^附\s*件\s*\d*\s*[：:]/u;
const ANNEX_NOTE_ITEM = /^\d{1,2}\s*[.．、]\s*\S/u;
/** A further item of that list (`2.任务分工表`): numbered, short, no sentence in it. */
export const isAnnexNoteItem = (t: string) => ANNEX_NOTE_ITEM.test(t) && [...t].length <= 80 && !/[。，；：,;:！？!?]/u.test(t);
const BYLINE = /^——|^—/u;
/** A signature or date line of the notice: short, no sentence punctuation. */
const SHORT = 30;

const len = (s: string) => [...s].length;


/** Title and kind words of a notice: `…关于印发X的通知` → X (book-title marks removed). */
export function noticeSubject(noticeText: string): string | null {
  const text = noticeText.replace(/\s+/gu, '');
  // `印发X的通知`, or `公开征求《X》意见的公告` (a draft put out for comment).
  const m = /印发(.+?)的?通知$/u.exec(text) ?? /征求《(.+?)》(?:的)?意见的?(?:通知|公告|通告)$/u.exec(text);
  if (!m) return null;
  const x = m[1]!.replace(/^《(.*)》$/u, '$1');
  return x.length >= 4 ? x : null;
}

export function isDateLine(t: string): boolean {
  const d = findDate(t);
  return d !== null && len(t) <= SHORT && (d.iso !== null || d.ambiguous) && !SENTENCE.test(t);
}

/** The notice's title: 1–3 lines ending in `通知` (or `公告`, `通告`), naming `关于`/`印发`, with an issuing-body line before it. */
function findNotice(lines: WorkLine[], before: number): Span | null {
  for (let i = 0; i < before; i++) {
    for (let k = 1; k <= 3 && i + k <= before; k++) {
      const group = lines.slice(i, i + k).map((l) => l.text);
      if (group.some((t) => SENTENCE.test(t) || len(t) > 80)) break;
      const joined = group.join('').replace(/\s+/gu, '');
      if (!NOTICE_END.test(joined) || !/(关于|印发)/u.test(simplify(joined))) continue;
      // The first line must start the title: an issuing body and `关于…`, or `印发…`.
      if (!/关于|^印发/u.test(simplify(group[0]!))) continue;
      const from = i > 0 && ORG_LINE.test(simplify(lines[i - 1]!.text)) && /^关于/u.test(simplify(group[0]!)) ? i - 1 : i;
      return { from, to: i + k };
    }
  }
  return null;
}

function tableOfContents(lines: WorkLine[], limit: number): Span | null {
  const t = lines.slice(0, limit).findIndex((l) => TOC_TITLE.test(simplify(l.text)));
  if (t === -1) return null;
  let u = t + 1;
  // An entry without its leader dots and page number (`一、发展基础……1` → `一、发展基础`).
  const entryKey = (s: string) => titleKey(s).replace(/[.．…·\-—_]*\d*$/u, '');
  const first = lines[u] ? entryKey(lines[u]!.text) : '';
  // An entry's page number may stand on a line of its own (a PDF copied out in reading order: `第一章 发展基础` / `1`).
  const pageNumber = (s: string) => /^[.．…·\-—_\s]*\d{1,3}$/u.test(s);
  while (u < lines.length && ((startsWithNumber(lines[u]!.text) && !SENTENCE.test(lines[u]!.text)) || (u > t + 1 && pageNumber(lines[u]!.text)))) {
    // The body starts where the first entry is printed again as a heading.
    if (u > t + 1 && entryKey(lines[u]!.text) === first) break;
    u++;
  }
  return u > t + 1 ? { from: t, to: u } : null;
}

/** Titles the notice names: `印发X的通知`, and `《X》` in the notice's text (`现将《X》印发给你们`). */
function namedTitles(lines: WorkLine[], notice: Span | null, before: number): InferredTitle[] {
  const out: InferredTitle[] = [];
  if (notice) {
    const raw = lines.slice(notice.from, notice.to).map((l) => l.text).join('');
    const x = noticeSubject(raw);
    if (x) out.push({ text: x, line: lines[notice.from]!.n, raw, note: { zh: '据通知标题推定', en: 'from the covering notice’s title' } });
  }
  for (let i = 0; i < before; i++) {
    const t = lines[i]!.text;
    if (!NOTICE_TEXT.test(simplify(t))) continue;
    const m = /《([^》]{4,80})》?/u.exec(t);
    if (m) out.push({ text: m[1]!, line: lines[i]!.n, raw: t, note: { zh: '据印发通知正文推定', en: 'from the text of the covering notice' } });
  }
  return out;
}

function isTitleCandidate(t: string): boolean {
  const s = simplify(t);
  return (
    len(t) <= 60 &&
    PLAN_WORD.test(s) &&
    !SENTENCE.test(t) &&
    !/[:：]$/u.test(t) &&
    !/^《[^》]*》$/u.test(t) &&
    // `关于加快科技创新的若干措施` is a title; `关于印发…` opens a notice title.
    !/^关于.*印发/u.test(s) &&
    !NOTICE_END.test(s.replace(/\s+/gu, '')) &&
    !isDocNumberLine(t) &&
    !ADDRESSEE.test(t) &&
    !NOTICE_TEXT.test(s) &&
    !ANNEX_NOTE.test(t) &&
    !startsWithNumber(t)
  );
}

/** The notice's list of attachments (`附件：1.…` and the items after it): part of its text, no heading, no title. */
function annexNoteLines(lines: WorkLine[], limit: number): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < limit; i++) {
    if (!ANNEX_NOTE.test(lines[i]!.text) || len(lines[i]!.text) > 80) continue;
    found.add(i);
    while (i + 1 < limit && isAnnexNoteItem(lines[i + 1]!.text)) found.add(++i);
  }
  return found;
}

function findTitle(lines: WorkLine[], named: { text: string }[], notice: Span | null, searchEnd: number, catalogTitle?: string): Span | null {
  const inNotice = (i: number) => notice !== null && i >= notice.from && i < notice.to;
  const wanted = [...(catalogTitle ? [catalogTitle] : []), ...named.map((n) => n.text)].map(titleKey);
  // 1. Lines that print the title the notice names (or the catalog gives), over one to three lines.
  for (const want of wanted) {
    for (let i = 0; i < searchEnd; i++) {
      if (inNotice(i)) continue;
      let joined = '';
      for (let k = 0; k < 3 && i + k < searchEnd && !inNotice(i + k); k++) {
        const t = lines[i + k]!.text;
        if (SENTENCE.test(t) || len(t) > 80) break;
        joined += titleKey(t);
        if (joined === want) {
          const next = lines[i + k + 1];
          return { from: i, to: i + k + 1 + (next && PERIOD_LINE.test(next.text) ? 1 : 0) };
        }
        if (!want.startsWith(joined)) break;
      }
    }
  }
  // 2. A headline over a byline (`——在…会议上的报告`).
  if (lines.length > 1 && !inNotice(0) && len(lines[0]!.text) <= 60 && !SENTENCE.test(lines[0]!.text) && BYLINE.test(lines[1]!.text)) return { from: 0, to: 1 };
  // 3. The first short line naming a plan, after the notice, before the running text.
  const start = notice ? notice.to : 0;
  for (let i = start; i < searchEnd; i++) {
    const t = lines[i]!.text;
    if (len(t) >= 80) break;
    if (!isTitleCandidate(t)) continue;
    const next = lines[i + 1];
    return { from: i, to: next && PERIOD_LINE.test(next.text) ? i + 2 : i + 1 };
  }
  // 4. A headline over running text (a news report names no plan word): short, no punctuation, not a notice part.
  const [head, body] = [lines[0], lines[1]];
  if (!notice && head && body && len(head.text) <= 40 && !/[。，,；;：:]/u.test(head.text) && len(body.text) >= 60 && !isDocNumberLine(head.text) && !isDateLine(head.text) && !ORG_LINE.test(simplify(head.text)) && !startsWithNumber(head.text)) {
    return { from: 0, to: 1 };
  }
  return null;
}

/**
 * Roles of the covering notice's lines, by position: 发文字号, addressees, the notice's text and its list of
 * attachments (`annexNote`, part of its text), then its signature block (short lines: issuing bodies, date,
 * `（此件公开发布）`). The notice ends at the first line that is none of
 * these once a notice element has been seen; lines before any notice element (a letterhead) stay in the front.
 */
function noticeRoles(lines: WorkLine[], limit: number, skip: (i: number) => boolean, annexNote: ReadonlySet<number>): { roles: Map<number, ParagraphRole>; end: number } {
  const roles = new Map<number, ParagraphRole>();
  let state: 'start' | 'notice' | 'signature' = 'start';
  let end = 0;
  let lastText = -2;
  for (let i = 0; i < limit; i++) {
    if (skip(i)) {
      if (state === 'start') state = 'notice';
      end = i + 1;
      continue;
    }
    const t = lines[i]!.text;
    const s = simplify(t);
    let role: ParagraphRole | null = null;
    if (state === 'start' && MASTHEAD.test(s.replace(/\s+/gu, ''))) role = 'masthead';
    else if (isDocNumberLine(t)) role = 'docno';
    else if (ADDRESSEE.test(t) && len(t) <= 120 && state !== 'signature') role = 'addressee';
    else if (isDateLine(t) || DISCLOSURE_LINE.test(t) || /^特此通知$/u.test(s) || (ORG_LINE.test(s) && state !== 'start')) role = 'closing';
    else if (state === 'signature' && len(t) <= SHORT && !/[，,。；;]/u.test(t)) role = 'closing';
    else if (state !== 'signature' && NOTICE_TEXT.test(s)) role = 'body';
    else if (state === 'notice' && lastText >= 0 && annexNote.has(i)) role = 'body';
    else if (state === 'notice' && lastText === i - 1 && len(t) <= 40 && /[。，,]/u.test(t)) role = 'body'; // a notice sentence broken over two lines
    else if (state === 'notice' && lastText >= 0 && len(t) <= SHORT && !/[，,。；;:：]/u.test(t)) role = 'closing'; // the signature after the notice's text
    if (role === null) {
      if (state !== 'start') break;
      roles.set(i, 'body');
      continue;
    }
    roles.set(i, role);
    if (role === 'closing') state = 'signature';
    else if (state === 'start') state = 'notice';
    if (role === 'body') lastText = i;
    end = i + 1;
  }
  return { roles, end };
}

export function readFront(lines: WorkLine[], catalogTitle?: string): Front {
  const probeLimit = Math.min(lines.length, 200);
  const toc = tableOfContents(lines, probeLimit);
  const probe = new Numbering();
  const annexNote = annexNoteLines(lines, probeLimit);
  let firstHeading = lines.findIndex((l, i) => (!toc || i >= toc.to) && !annexNote.has(i) && matchHeading(wholeLine(l), probe) !== null);
  if (firstHeading === -1) firstHeading = lines.length;
  const searchEnd = Math.min(toc ? toc.from : firstHeading, 80);
  const notice = findNotice(lines, Math.min(searchEnd, 40));
  const named = namedTitles(lines, notice, searchEnd);
  const title = findTitle(lines, named, notice, searchEnd, catalogTitle);
  const inferredTitle = title || catalogTitle ? null : (named[0] ?? null);

  const skip = (i: number) => (notice !== null && i >= notice.from && i < notice.to) || (title !== null && i >= title.from && i < title.to);
  const limit = title ? title.from : Math.min(toc ? toc.from : firstHeading, searchEnd);
  const { roles, end } = noticeRoles(lines, limit, skip, annexNote);
  let frontEnd = title ? title.from : end;
  // A headline's byline (speaker, date) follows the title.
  if (title && lines[title.to] && BYLINE.test(lines[title.to]!.text)) {
    let i = title.to;
    while (i < searchEnd && i < title.to + 4 && !ADDRESSEE.test(lines[i]!.text) && len(lines[i]!.text) <= 60 && !SENTENCE.test(lines[i]!.text)) roles.set(i++, 'byline');
  }
  // A date printed under the title, alone or in brackets (`（2021年12月20日）`), belongs to the title page.
  if (title && lines[title.to] && /^[（(]?[^（()）]{6,16}[)）]?$/u.test(lines[title.to]!.text) && isDateLine(lines[title.to]!.text)) roles.set(title.to, 'byline');
  // So does a month printed under it (`二○一一年四月`).
  if (title && lines[title.to] && findDate(lines[title.to]!.text) === null && /^[〇○零一二三四五六七八九\d]{4}年[一二三四五六七八九十\d]{1,2}月$/u.test(lines[title.to]!.text)) roles.set(title.to, 'byline');
  if (toc) for (let i = toc.from; i < toc.to; i++) roles.set(i, 'toc');
  if (!title && frontEnd > firstHeading) frontEnd = firstHeading;
  return { firstHeading, toc, notice, title, inferredTitle, frontEnd, roles };
}
