/**
 * Stage 5: body lines → blocks. Finds the covering notice and the plan title, the four heading levels
 * (`一、` › `（一）` › `1.` › `（1）`, full- or half-width, `1．`, `1、`), splits a heading from the text that shares
 * its line (at the first `。`), reads tables, and gives every block a stable anchor derived from the numbering
 * path (`s2-1-3`, `p2-1-3-2`). Damaged headings are recovered and the recovery is recorded as a repair.
 */
import { IngestError } from './errors.ts';
import type { WorkLine } from './corrections.ts';
import { insertRepair, joinPieces, slicePiece, wholeLine, type Piece } from './piece.ts';
import { findTables, readTable, type DraftTable } from './tables.ts';

export type DraftBlock =
  | { kind: 'title'; id: string; role: 'notice' | 'plan'; piece: Piece; lines: number[] }
  | { kind: 'heading'; id: string; level: number; ordinal: number; number: string; title: string; piece: Piece; lines: number[] }
  | { kind: 'paragraph'; id: string; role: ParagraphRole; piece: Piece; lines: number[] }
  | { kind: 'table'; id: string; caption: Piece | null; table: DraftTable; lines: number[] };

export interface StructureResult {
  blocks: DraftBlock[];
  /** Lines the structure stage set aside (a portal page title repeating the notice title). */
  setAside: { line: number; rule: string }[];
}

export interface StructureOptions {
  /** Seed path for error messages. */
  file: string;
  /** Title from the catalog, used to find the title line when given. */
  catalogTitle?: string | undefined;
  /** Unnumbered run-in section titles (catalog `runInHeadings`): matching paragraphs open a level-1 section. */
  runInHeadings?: RegExp | undefined;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十三 → 23. */
export function parseChineseNumeral(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return CN_DIGITS.indexOf(s);
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s[0]!);
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s[s.length - 1]!);
  return tens * 10 + ones;
}

/** 1 → 一, 12 → 十二, 23 → 二十三. */
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

const NUM_CN = '[一二三四五六七八九十]{1,3}';
interface HeadingPattern {
  level: number;
  re: RegExp;
  parse: (m: RegExpExecArray) => number;
}
const HEADING_PATTERNS: HeadingPattern[] = [
  { level: 1, re: new RegExp(`^(${NUM_CN})、`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  { level: 2, re: new RegExp(`^[（(](${NUM_CN})[）)]`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  { level: 3, re: /^(\d{1,2})[.．、]/u, parse: (m) => Number(m[1]) },
  { level: 4, re: /^[（(](\d{1,2})[）)]/u, parse: (m) => Number(m[1]) },
];
/** `(三发展目标`: a level-2 number whose closing bracket was lost. */
const BROKEN_LEVEL2 = new RegExp(`^([（(])(${NUM_CN})(?![一二三四五六七八九十）)])`, 'u');

interface HeadingMatch {
  level: number;
  ordinal: number;
  /** Length of the numbering in the (possibly repaired) piece. */
  numberLength: number;
  piece: Piece;
}

/** Numbering context: the ordinal path of open headings, index = level - 1 (0 = level skipped). */
class Numbering {
  path: number[] = [];
  /** The ordinal a heading of `level` would have next under the current parent. */
  expected(level: number): number {
    return this.path.length >= level ? (this.path[level - 1] ?? 0) + 1 : 1;
  }
  open(level: number, ordinal: number): number[] {
    this.path = this.path.slice(0, level - 1);
    while (this.path.length < level - 1) this.path.push(0);
    this.path.push(ordinal);
    return [...this.path];
  }
}

function matchHeading(piece: Piece, numbering: Numbering): HeadingMatch | null {
  const text = piece.text;
  for (const p of HEADING_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const ordinal = p.parse(m);
    const rest = text.slice(m[0].length);
    if (rest.trim() === '') return null;
    // `1.2035年远景目标`: a digit after `1.` reads as a decimal unless `1` is the number expected here.
    if (p.level === 3 && /^\d/u.test(rest) && ordinal !== numbering.expected(3)) continue;
    return { level: p.level, ordinal, numberLength: m[0].length, piece };
  }
  const broken = BROKEN_LEVEL2.exec(text);
  if (broken) {
    const ordinal = parseChineseNumeral(broken[2]!);
    if (ordinal === numbering.expected(2) && numbering.path.length >= 1) {
      const close = broken[1] === '(' ? ')' : '）';
      const repaired = insertRepair(piece, 0, `${broken[0]}${close}`, broken[0], `原文标题编号“${broken[0]}”缺右括号，据上下文补为“${broken[0]}${close}”`);
      return { level: 2, ordinal, numberLength: broken[0].length + 1, piece: repaired };
    }
  }
  return null;
}

const SENTENCE_PUNCT = /[。，；：,;:！？!?]/u;
const PLAN_WORD = /(规划|计划|方案|纲要|意见|办法|措施|要点|工程)/u;
const NOTICE_START = /关于/u;
const NOTICE_END = /通\s*知$/u;
const ORG_LINE = /^[\u4e00-\u9fa5]{2,24}(人民政府|政府办公室|办公室|办公厅|委员会|局|委)$/u;
const PERIOD_LINE = /^[（(]\d{4}\s*[-—–～~至]+\s*\d{4}\s*年?[）)]$/u;
const DOCNO_LINE = /^[\u4e00-\u9fa5]{1,12}[〔[【(（]\d{4}[〕\]】)）]\s*\d+\s*号$/u;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
const DISCLOSURE_LINE = /^[（(]此件.{1,8}[）)]$/u;
const ANNEX_LABEL = /^附\s*件\s*(\d*)\s*[:：]?$/u;
const ANNEX_LIST = /^附\s*件\s*\d*\s*[:：]/u;

const squash = (s: string) => s.replace(/[\s"“”'‘’「」]/gu, '');

/** The covering notice's title: starts at `…关于…` (or an issuing-body line just before it), ends at `…通知`. */
function findNoticeTitles(lines: WorkLine[], before: number): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  for (let i = 0; i < before; i++) {
    if (!NOTICE_START.test(lines[i]!.text) || lines[i]!.text.includes('。')) continue;
    let to = i;
    while (to < before && to < i + 3 && !NOTICE_END.test(lines[to]!.text)) to++;
    if (to >= before || !NOTICE_END.test(lines[to]!.text)) continue;
    const from = i > 0 && ORG_LINE.test(lines[i - 1]!.text) && !found.some((f) => f.to === i - 1) ? i - 1 : i;
    found.push({ from, to: to + 1 });
    i = to;
  }
  return found;
}

function isTitleCandidate(line: WorkLine, numbering: Numbering): boolean {
  const t = line.text;
  return (
    [...t].length <= 60 &&
    PLAN_WORD.test(t) &&
    !t.includes('。') &&
    !/[:：]$/u.test(t) &&
    !t.startsWith('《') &&
    !t.startsWith('关于') &&
    !NOTICE_END.test(t) &&
    !DOCNO_LINE.test(t) &&
    matchHeading(wholeLine(line), numbering) === null
  );
}

function findPlanTitle(lines: WorkLine[], from: number, catalogTitle: string | undefined): { from: number; to: number } | null {
  if (catalogTitle) {
    const want = squash(catalogTitle);
    for (let i = 0; i < lines.length; i++) {
      if (squash(lines[i]!.text) === want) return { from: i, to: i + 1 };
      if (i + 1 < lines.length && squash(lines[i]!.text + lines[i + 1]!.text) === want) return { from: i, to: i + 2 };
    }
  }
  const numbering = new Numbering();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (matchHeading(wholeLine(line), numbering)) break;
    if (isTitleCandidate(line, numbering)) {
      const next = lines[i + 1];
      return { from: i, to: next && PERIOD_LINE.test(next.text) ? i + 2 : i + 1 };
    }
  }
  return null;
}

export type ParagraphRole = 'body' | 'addressee' | 'closing' | 'docno' | 'annex';

function noticeRole(piece: Piece, index: number): ParagraphRole {
  const t = piece.text;
  if (DOCNO_LINE.test(t)) return 'docno';
  if (DATE_LINE.test(t) || DISCLOSURE_LINE.test(t) || ORG_LINE.test(t)) return 'closing';
  if (index === 0 && /[:：]$/u.test(t) && [...t].length <= 80) return 'addressee';
  return 'body';
}

export function parseStructure(allLines: WorkLine[], opts: StructureOptions): StructureResult {
  // Blank lines carry no text; gaps in line numbers still show where they were (table rows).
  const lines = allLines.filter((l) => l.text !== '');
  const blocks: DraftBlock[] = [];
  const setAside: StructureResult['setAside'] = [];
  const tables = findTables(lines);
  const tableAt = new Map(tables.map((t) => [t.from, t]));

  // The covering notice (if any) comes before the first numbered heading; the plan title follows it.
  const probe = new Numbering();
  const firstHeading = lines.findIndex((l) => matchHeading(wholeLine(l), probe) !== null);
  const notices = findNoticeTitles(lines, firstHeading === -1 ? lines.length : firstHeading);
  const title = findPlanTitle(lines, notices.at(-1)?.to ?? 0, opts.catalogTitle);
  if (!title && !opts.catalogTitle) {
    const first = lines[0];
    throw new IngestError(
      `${opts.file}:${first?.n ?? 1}`,
      `no plan title found${first ? ` (first line: ${JSON.stringify(first.text.slice(0, 40))})` : ''}: a title is a short line naming a 规划/计划/方案/意见/办法 before the first numbered heading`,
      `add \`title:\` for ${opts.file.replace(/^.*\//u, '')} in seeds/catalog.yaml`,
    );
  }
  const bodyStart = title ? title.to : 0;

  // Front part: covering notice, before the plan title.
  if (title) {
    const notice = notices.filter((n) => n.to <= title.from).at(-1);
    for (const n of notices.slice(0, -1)) {
      const text = squash(lines.slice(n.from, n.to).map((l) => l.text).join(''));
      if (notice && squash(lines.slice(notice.from, notice.to).map((l) => l.text).join('')).includes(text)) {
        for (let k = n.from; k < n.to; k++) setAside.push({ line: lines[k]!.n, rule: 'portal page title (repeats the notice title)' });
      }
    }
    const skip = new Set(setAside.map((s) => s.line));
    let k = 0;
    for (let i = 0; i < title.from; i++) {
      const line = lines[i]!;
      if (skip.has(line.n)) continue;
      if (notice && i === notice.from) {
        const piece = joinPieces(lines.slice(notice.from, notice.to).map(wholeLine));
        blocks.push({ kind: 'title', id: 'notice-title', role: 'notice', piece, lines: piece.lines });
        i = notice.to - 1;
        continue;
      }
      const piece = wholeLine(line);
      const afterNotice = notice !== undefined && i >= notice.to;
      const role = notice ? noticeRole(piece, afterNotice ? k : -1) : 'body';
      if (afterNotice) k++;
      blocks.push({ kind: 'paragraph', id: `pn-${blocks.filter((b) => b.kind === 'paragraph').length + 1}`, role, piece, lines: [line.n] });
    }
    const piece = joinPieces(lines.slice(title.from, title.to).map(wholeLine));
    blocks.push({ kind: 'title', id: 'title', role: 'plan', piece, lines: piece.lines });
  }

  // Plan body.
  const numbering = new Numbering();
  let sectionPath = '0';
  let annexes = 0;
  const paraCount = new Map<string, number>();
  const usedIds = new Set(blocks.map((b) => b.id));
  const unique = (id: string) => {
    let u = id;
    for (let n = 2; usedIds.has(u); n++) u = `${id}-${n}`;
    usedIds.add(u);
    return u;
  };
  const paragraph = (piece: Piece, role: 'body' | 'annex' = 'body') => {
    const n = (paraCount.get(sectionPath) ?? 0) + 1;
    paraCount.set(sectionPath, n);
    blocks.push({ kind: 'paragraph', id: unique(`p${sectionPath}-${n}`), role, piece, lines: [piece.line] });
  };
  let tableCount = 0;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const run = tableAt.get(i);
    if (run) {
      // A caption is the paragraph just before the table when it names a table (表1 …, …分解表).
      const prev = blocks.at(-1);
      let caption: Piece | null = null;
      const lineNumbers = lines.slice(run.from, run.to).map((l) => l.n);
      if (prev?.kind === 'paragraph' && prev.role === 'body' && /^表\s*\d|表$/u.test(prev.piece.text) && [...prev.piece.text].length <= 80) {
        blocks.pop();
        paraCount.set(sectionPath, (paraCount.get(sectionPath) ?? 1) - 1);
        usedIds.delete(prev.id);
        caption = prev.piece;
        lineNumbers.unshift(prev.piece.line);
      }
      tableCount++;
      blocks.push({ kind: 'table', id: unique(`t${tableCount}`), caption, table: readTable(lines.slice(run.from, run.to), run.shape), lines: lineNumbers });
      i = run.to - 1;
      continue;
    }
    const piece = wholeLine(line);
    const annex = ANNEX_LABEL.exec(line.text);
    if (annex) {
      annexes++;
      const ordinal = annex[1] ? Number(annex[1]) : annexes;
      sectionPath = `a${ordinal}`;
      numbering.path = [];
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), level: 1, ordinal, number: '', title: line.text, piece, lines: [line.n] });
      continue;
    }
    let match = matchHeading(piece, numbering);
    if (!match && numbering.path.length >= 2 && (numbering.path[1] ?? 0) > 0) {
      // A short unnumbered line followed by a `（一）` that restarts the numbering is a level-1 heading whose
      // number was lost (002: `重点任务` between `一、` and `三、`).
      const next = lines[i + 1];
      const nextMatch = next ? matchHeading(wholeLine(next), new Numbering()) : null;
      if (nextMatch?.level === 2 && nextMatch.ordinal === 1 && [...line.text].length <= 16 && !SENTENCE_PUNCT.test(line.text) && !ANNEX_LIST.test(line.text)) {
        const ordinal = numbering.expected(1);
        const number = `${toChineseNumeral(ordinal)}、`;
        match = { level: 1, ordinal, numberLength: number.length, piece: insertRepair(piece, 0, number, '', `原文此标题缺少编号，据前后标题（${toChineseNumeral(ordinal - 1)}、…${toChineseNumeral(ordinal + 1)}、）补为“${number}”`) };
      }
    }
    if (match) {
      const path = numbering.open(match.level, match.ordinal);
      sectionPath = path.join('-');
      const text = match.piece.text;
      const stop = text.indexOf('。', match.numberLength);
      const headEnd = stop === -1 ? text.length : stop + 1;
      const head = slicePiece(match.piece, 0, headEnd);
      const titleText = text.slice(match.numberLength, stop === -1 ? text.length : stop).replace(/[。：:；;，,\s]+$/u, '').trim();
      blocks.push({
        kind: 'heading',
        id: unique(`s${sectionPath}`),
        level: match.level,
        ordinal: match.ordinal,
        number: text.slice(0, match.numberLength),
        title: titleText,
        piece: head,
        lines: [line.n],
      });
      if (headEnd < text.length) {
        const rest = slicePiece(match.piece, headEnd);
        if (rest.text !== '') paragraph(rest);
      }
      continue;
    }
    const runIn = opts.runInHeadings?.exec(line.text);
    if (runIn && runIn.index === 0) {
      const ordinal = numbering.expected(1);
      sectionPath = numbering.open(1, ordinal).join('-');
      const head = slicePiece(piece, 0, runIn[0].length);
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), level: 1, ordinal, number: '', title: runIn[0].replace(/[。：:；;，,\s]+$/u, ''), piece: head, lines: [line.n] });
      const rest = slicePiece(piece, runIn[0].length);
      if (rest.text !== '') paragraph(rest);
      continue;
    }
    paragraph(piece, ANNEX_LIST.test(line.text) ? 'annex' : 'body');
  }
  return { blocks, setAside };
}
