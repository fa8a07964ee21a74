/**
 * The body walk: headings (with the text after their first `。` split off), paragraphs numbered within their
 * section, tables, annexes, a table of contents kept out of the outline, and recovered level-1 headings.
 */
import type { WorkLine } from '../corrections.ts';
import { parseChineseNumeral, toChineseNumeral } from '../lexicon/numerals.ts';
import { insertRepair, joinPieces, linesOf, slicePiece, wholeLine, type Piece } from '../piece.ts';
import { findTables, readTable } from '../tables.ts';
import { ANNEX_NOTE, DISCLOSURE_LINE, isAnnexNoteItem, isDateLine, ORG_LINE, type Front, type ParagraphRole } from './front.ts';
import { foldWidth, simplify } from '../lexicon/fold.ts';
import { matchHeading, Numbering, type HeadingMatch, type HeadingStyle } from './headings.ts';
import type { DraftBlock } from './index.ts';
import { supportStandardClauses } from '../lexicon/sentences.ts';

const SENTENCE_PUNCT = /[。，；：,;:！？!?]/u;
/**
 * A numbered item whose words before the first `。` are a sentence, not a title: longer than any title the texts give
 * (the longest seen, `聚焦创新发展动力源,助力创新型城市建设新征程`, has 22 characters) and broken by a comma or a
 * semicolon, or setting a support standard (`（五）对新认定的省级工程技术研究中心给予30万元奖励`: no title grants money).
 * A measure's provisions are so (`（一）对首次认定的国家高新技术企业，给予30万元一次性奖励；…`): each is a numbered
 * paragraph of its section, not a heading of its own.
 */
const PROVISION_MIN = 28;
/**
 * A measure's closing provision (`（七）本政策由区科技局负责解释`, `（八）本措施自2024年5月1日起施行`): short and
 * without a comma, still a sentence. Below the first level only: a section of its own (`三、本措施自印发之日起施行。`)
 * stands in the contents as the text gives it.
 */
const CLOSING_PROVISION = /^本(?:政策|措施|办法|细则|方案|规定|意见)[^。]*?(?:负责解释|起施行|起实施|同时废止|有效期)/u;
const isProvision = (title: string, level: number) =>
  ([...title].length >= PROVISION_MIN && /[，；,;]/u.test(title)) || supportStandardClauses(title).length > 0 || (level > 1 && CLOSING_PROVISION.test(title));
const ANNEX_LABEL = /^附\s*件\s*(\d*)\s*[:：]?$/u;
/**
 * `第三条 …`: an article of a measure or of rules, which readers cite by its number; its anchor is that number
 * (`art3`), not its place among the paragraphs, so that 第三条 keeps its address whatever is added before it. Not a
 * paragraph that opens by citing one (`第三条规定的…`).
 */
export const ARTICLE = /^第([一二三四五六七八九十百零〇]{1,5})条(?!规定|所称|的)/u;

/**
 * `专栏1 重大创新平台建设工程`: the caption of a box (专栏), on a line of its own: a number (`专栏3`, `专栏3-1`,
 * `专栏三`) and a short title without sentence punctuation. Not a sentence that names one (`专栏1所列工程…`).
 */
const BOX_CAPTION = /^专栏\s*([0-9０-９]{1,2}(?:[-－—][0-9０-９]{1,2})?|[一二三四五六七八九十]{1,3})(?![0-9０-９])[\s:：.．、]*(.*)$/u;
const BOX_TITLE_MAX = 40;

/** The box a line opens, if it is a box's caption: its anchor (`专栏3-1` → `box3-1`). */
function boxCaption(text: string): string | null {
  const m = BOX_CAPTION.exec(text);
  if (!m || [...m[2]!].length > BOX_TITLE_MAX || /[。；，;,]/u.test(m[2]!)) return null;
  const number = /^[一二三四五六七八九十]/u.test(m[1]!) ? String(parseChineseNumeral(m[1]!)) : foldWidth(m[1]!).replace(/[－—]/gu, '-');
  return `box${number}`;
}

/** Heading styles that number a plan's own outline (`第一章`, `一、`, `（一）`), as against a list's items (`1.`, `（1）`). */
const OUTLINE_STYLES = new Set<HeadingStyle>(['chapter', 'section', 'cn', 'paren-cn']);

/**
 * Where a box ends: its extent is not marked in a scraped text, so it is read as running on to the next box, annex
 * or article (`第五条`), or the next heading of the outline it stands in: a heading at the level of the section the
 * box stands in or above that continues its numbering (`（二）` after a box in `（一）`), or the first subsection of
 * that section in the outline's own numbering (`（一）` after a box in `一、`'s opening). Its items numbered like
 * headings (`1.`, `（1）`, a `（一）` that does not continue the outline) are the box's.
 */
function endsBox(match: HeadingMatch | null, numbering: Numbering, box: OpenBox): boolean {
  if (!match || match.ordinal !== numbering.expected(match.level)) return false;
  // The next of the box's own items (`3.` after its `1.` and `2.`), though the outline expects a `3.` too.
  if (match.ordinal === (box.items.get(match.style) ?? 0) + 1 && box.items.has(match.style)) return false;
  return match.level <= Math.max(1, box.depth) || (match.level === box.depth + 1 && OUTLINE_STYLES.has(match.style));
}

/**
 * A box placed mid-section: after its numbered items, an unnumbered paragraph that no further item of the box follows
 * (before the box would end anyway) is the section's text going on, not the box's (`专栏1 …` / `1.…。` / `2.…。` /
 * `加快建设…`). Not after an item that is a title alone (`2.技术创新中心`), which the paragraph describes; a note
 * (`注：`) stays the box's; a box without numbered items keeps what follows it, as before.
 */
function resumesSection(lines: WorkLine[], i: number, numbering: Numbering, box: OpenBox): boolean {
  if (box.items.size === 0 || box.bareItem || /^(注|备注|说明)\s*[:：]|^[（(]?注[）)]/u.test(lines[i]!.text)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 40; j++) {
    const text = lines[j]!.text;
    if (ANNEX_LABEL.test(text) || ARTICLE.test(text) || boxCaption(text)) return true;
    const m = matchHeading(wholeLine(lines[j]!), numbering);
    if (!m) continue;
    if (box.items.has(m.style) && m.ordinal === box.items.get(m.style)! + 1) return false;
    if (endsBox(m, numbering, box)) return true;
  }
  return true;
}

/** The box the body walk is in: its caption's id, the depth of the section it stands in, its items' last numbers. */
interface OpenBox {
  id: string;
  depth: number;
  items: Map<HeadingStyle, number>;
  /** The last item is a title alone on its line (`2.技术创新中心`): the paragraph after it describes it. */
  bareItem: boolean;
}

const SENTENCE_END = /[。；！？;!?]/u;

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
    blocks.push({ kind: 'paragraph', id: unique(id), part: 'body', role, ...(article ? { article } : {}), ...(box ? { box: box.id } : {}), piece, lines: linesOf(piece) });
  };
  let box: OpenBox | null = null;
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
    if (box) {
      const heading = matchHeading(wholeLine(line), numbering);
      const ends =
        ANNEX_LABEL.test(line.text) || ARTICLE.test(line.text) || opts.runInHeadings?.exec(line.text)?.index === 0 || endsBox(heading, numbering, box) || (!heading && resumesSection(lines, i, numbering, box));
      if (ends) box = null;
      else if (heading) {
        box.items.set(heading.style, heading.ordinal);
        box.bareItem = !SENTENCE_END.test(line.text);
      }
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
      blocks.push({ kind: 'table', id: unique(`t${tableCount}`), part: 'body', caption, table: readTable(lines.slice(run.from, run.to), run.shape), ...(box ? { box: box.id } : {}), lines: lineNumbers });
      i = run.to - 1;
      continue;
    }
    const piece = wholeLine(line);
    const boxId = boxCaption(line.text);
    if (boxId) {
      const id = unique(boxId);
      box = { id, depth: numbering.path.length, items: new Map(), bareItem: false };
      blocks.push({ kind: 'paragraph', id, part: 'body', role: 'box-title', box: id, piece, lines: linesOf(piece) });
      continue;
    }
    if (box) {
      // A box's items, numbered or not, are its paragraphs.
      paragraph(piece);
      continue;
    }
    const annex = ANNEX_LABEL.exec(line.text);
    if (annex) {
      annexes++;
      const ordinal = annex[1] ? Number(annex[1]) : annexes;
      sectionPath = `a${ordinal}`;
      numbering.path = [];
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), part: 'body', level: 1, ordinal, number: '', title: line.text, piece, lines: linesOf(piece) });
      continue;
    }
    // The items after `附件：1.…` are the list's, not headings.
    const last = blocks.at(-1);
    if (last?.kind === 'paragraph' && last.role === 'annex' && isAnnexNoteItem(line.text)) {
      paragraph(piece, 'annex');
      continue;
    }
    let match = matchHeading(piece, numbering);
    const cnLevel = opts.levels('cn');
    if (!match && numbering.path.length >= cnLevel + 1 && (numbering.path[cnLevel] ?? 0) > 0) {
      // A short unnumbered line followed by a `（一）` that restarts the numbering is a `一、` heading whose
      // number was lost (`重点任务` between `一、` and `三、`).
      const next = lines[i + 1];
      const nextMatch = next ? matchHeading(wholeLine(next), new Numbering(opts.levels)) : null;
      if (nextMatch?.style === 'paren-cn' && nextMatch.ordinal === 1 && [...line.text].length <= 16 && !SENTENCE_PUNCT.test(line.text) && !ANNEX_NOTE.test(line.text)) {
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
      const text = match.piece.text;
      const stop = text.indexOf('。', match.numberLength);
      const headEnd = stop === -1 ? text.length : stop + 1;
      const titleText = text.slice(match.numberLength, stop === -1 ? text.length : stop).replace(/[。：:；;，,\s]+$/u, '').trim();
      if (isProvision(titleText, match.level)) {
        paragraph(match.piece);
        continue;
      }
      const path = numbering.open(match.level, match.ordinal);
      sectionPath = path.join('-');
      const head = slicePiece(match.piece, 0, headEnd);
      blocks.push({
        kind: 'heading',
        id: unique(`s${sectionPath}`),
        part: 'body',
        level: match.level,
        ordinal: match.ordinal,
        number: text.slice(0, match.numberLength),
        title: titleText,
        piece: head,
        lines: linesOf(head),
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
      blocks.push({ kind: 'heading', id: unique(`s${sectionPath}`), part: 'body', level: top, ordinal, number: '', title: runIn[0].replace(/[。：:；;，,\s]+$/u, ''), piece: head, lines: linesOf(head) });
      const rest = slicePiece(piece, runIn[0].length);
      if (rest.text !== '') paragraph(rest);
      continue;
    }
    paragraph(piece, ANNEX_NOTE.test(line.text) ? 'annex' : (role ?? 'body'));
  }
  const colophon = markColophon(blocks);
  markSignature(blocks.slice(0, blocks.length - colophon));
  return blocks;
}

/**
 * The colophon of an official document (GB/T 9704's 版记), its last lines: whom copies go to (`抄送：…`) and who
 * printed it when (`某某市人民政府办公室　2023年5月8日印发`). Administrative, not the last section's text. Returns how
 * many blocks it is.
 */
const COLOPHON_LINE = /^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]|年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*印\s*发$/u;
function markColophon(blocks: DraftBlock[]): number {
  let n = 0;
  for (let k = blocks.length - 1; k >= 0 && blocks.length - k <= 4; k--) {
    const b = blocks[k]!;
    if (b.kind !== 'paragraph' || b.role !== 'body' || !COLOPHON_LINE.test(b.piece.text.trim())) break;
    n++;
  }
  for (let k = blocks.length - n; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'paragraph') {
      b.role = 'colophon';
      delete b.box;
    }
  }
  return n;
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
    if (b.kind === 'paragraph') {
      b.role = 'closing';
      // The signature closes the document, not a box that was open before it.
      delete b.box;
    }
  }
}
