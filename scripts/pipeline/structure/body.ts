/**
 * The body walk: headings (with the text after their first `。` split off), paragraphs numbered within their
 * section, tables, annexes, a table of contents kept out of the outline, and recovered level-1 headings.
 */
import type { WorkLine } from '../corrections.ts';
import { parseChineseNumeral, toChineseNumeral } from '../lexicon/numerals.ts';
import { insertRepair, joinPieces, slicePiece, wholeLine, type Piece } from '../piece.ts';
import { findTables, readTable } from '../tables.ts';
import { DISCLOSURE_LINE, isDateLine, ORG_LINE, type Front, type ParagraphRole } from './front.ts';
import { simplify } from '../lexicon/fold.ts';
import { matchHeading, Numbering, type HeadingStyle } from './headings.ts';
import type { DraftBlock } from './index.ts';

const SENTENCE_PUNCT = /[。，；：,;:！？!?]/u;
const ANNEX_LABEL = /^附\s*件\s*(\d*)\s*[:：]?$/u;
const ANNEX_LIST = /^附\s*件\s*\d*\s*[:：]/u;
/**
 * `第三条 …`: an article of a measure or of rules, which readers cite by its number; its anchor is that number
 * (`art3`), not its place among the paragraphs, so that 第三条 keeps its address whatever is added before it. Not a
 * paragraph that opens by citing one (`第三条规定的…`).
 */
const ARTICLE = /^第([一二三四五六七八九十百零〇]{1,5})条(?!规定|所称|的)/u;

export interface BodyOptions {
  front: Front;
  levels: (style: HeadingStyle) => number;
  runInHeadings?: RegExp | undefined;
  /** Ids already taken by the front blocks. */
  usedIds: Set<string>;
}

export function readBody(lines: WorkLine[], start: number, opts: BodyOptions): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const tables = findTables(lines);
  const tableAt = new Map(tables.map((t) => [t.from, t]));
  const numbering = new Numbering(opts.levels);
  const top = opts.levels('cn') === 1 ? 1 : opts.levels('chapter');
  let sectionPath = '0';
  let annexes = 0;
  const paraCount = new Map<string, number>();
  const usedIds = opts.usedIds;
  const unique = (id: string) => {
    let u = id;
    for (let n = 2; usedIds.has(u); n++) u = `${id}-${n}`;
    usedIds.add(u);
    return u;
  };
  const paragraph = (piece: Piece, role: ParagraphRole = 'body') => {
    const n = (paraCount.get(sectionPath) ?? 0) + 1;
    paraCount.set(sectionPath, n);
    const m = role === 'body' ? ARTICLE.exec(piece.text) : null;
    const article = m ? parseChineseNumeral(m[1]!) : undefined;
    const id = article ? `art${article}` : `p${sectionPath}-${n}`;
    blocks.push({ kind: 'paragraph', id: unique(id), part: 'body', role, ...(article ? { article } : {}), piece, lines: [piece.line] });
  };
  let tableCount = 0;
  const { toc, notice } = opts.front;

  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    // A notice title printed after the plan's headline (a repost that shows the headline first).
    if (notice && i === notice.from) {
      const piece = joinPieces(lines.slice(notice.from, notice.to).map(wholeLine));
      blocks.push({ kind: 'title', id: unique('notice-title'), part: 'front', role: 'notice', piece, lines: piece.lines });
      i = notice.to - 1;
      continue;
    }
    if (toc && i >= toc.from && i < toc.to) {
      paragraph(wholeLine(line), 'toc');
      continue;
    }
    const role = opts.front.roles.get(i);
    if (role === 'byline') {
      paragraph(wholeLine(line), 'byline');
      continue;
    }
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
      blocks.push({ kind: 'table', id: unique(`t${tableCount}`), part: 'body', caption, table: readTable(lines.slice(run.from, run.to), run.shape), lines: lineNumbers });
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
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), part: 'body', level: 1, ordinal, number: '', title: line.text, piece, lines: [line.n] });
      continue;
    }
    let match = matchHeading(piece, numbering);
    const cnLevel = opts.levels('cn');
    if (!match && numbering.path.length >= cnLevel + 1 && (numbering.path[cnLevel] ?? 0) > 0) {
      // A short unnumbered line followed by a `（一）` that restarts the numbering is a `一、` heading whose
      // number was lost (`重点任务` between `一、` and `三、`).
      const next = lines[i + 1];
      const nextMatch = next ? matchHeading(wholeLine(next), new Numbering(opts.levels)) : null;
      if (nextMatch?.style === 'paren-cn' && nextMatch.ordinal === 1 && [...line.text].length <= 16 && !SENTENCE_PUNCT.test(line.text) && !ANNEX_LIST.test(line.text)) {
        const ordinal = numbering.expected(cnLevel);
        const number = `${toChineseNumeral(ordinal)}、`;
        match = {
          style: 'cn',
          level: cnLevel,
          ordinal,
          numberLength: number.length,
          piece: insertRepair(piece, 0, number, '', {
            zh: `原文此标题缺少编号，据前后标题（${toChineseNumeral(ordinal - 1)}、…${toChineseNumeral(ordinal + 1)}、）补为“${number}”`,
            en: `The source gives this heading no number; “${number}” supplied from the headings before and after it (${toChineseNumeral(ordinal - 1)}、 … ${toChineseNumeral(ordinal + 1)}、)`,
          }),
        };
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
        part: 'body',
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
      const ordinal = numbering.expected(top);
      sectionPath = numbering.open(top, ordinal).join('-');
      const head = slicePiece(piece, 0, runIn[0].length);
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), part: 'body', level: top, ordinal, number: '', title: runIn[0].replace(/[。：:；;，,\s]+$/u, ''), piece: head, lines: [line.n] });
      const rest = slicePiece(piece, runIn[0].length);
      if (rest.text !== '') paragraph(rest);
      continue;
    }
    paragraph(piece, ANNEX_LIST.test(line.text) ? 'annex' : (role ?? 'body'));
  }
  markSignature(blocks);
  return blocks;
}

/**
 * A document issued without a covering notice signs at its end: issuing bodies, then the date (and
 * `（此件公开发布）`). Those last paragraphs are the signature (`closing`), read for the issuer and the date.
 */
function markSignature(blocks: DraftBlock[]): void {
  let i = blocks.length - 1;
  const para = (k: number) => {
    const b = blocks[k];
    return b?.kind === 'paragraph' && b.role === 'body' ? b : null;
  };
  while (i >= 0 && para(i) && DISCLOSURE_LINE.test(para(i)!.piece.text)) i--;
  if (!(para(i) && isDateLine(para(i)!.piece.text))) return;
  const date = i;
  let first = date;
  while (first - 1 >= 0 && date - first < 3 && para(first - 1) && ORG_LINE.test(simplify(para(first - 1)!.piece.text))) first--;
  if (first === date) return;
  for (let k = first; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'paragraph') b.role = 'closing';
  }
}
