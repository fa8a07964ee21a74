/**
 * Tables in scraped text come in three shapes: one cell per line, indented with a tab, rows separated by blank
 * lines (002's 年度分解表), or with tabs and blank lines lost, a `序号` header and numbered rows; rows with cells
 * separated by `|` (004's 表1); or rows whose cells are separated by tabs (a Word table saved as text) or whose
 * columns are lined up by spaces (a text dump of a web table, a PDF copied out with its layout). `findTables`
 * locates them; `readTable` turns one into header and body rows, saying in `notes` what it had to interpret.
 */
import type { WorkLine } from './corrections.ts';
import type { EditorsWords } from './editors-words.ts';
import { slicePiece, wholeLine, type Piece } from './piece.ts';

export interface TableRun {
  /** Index of the first and one past the last line of the run in the line array. */
  from: number;
  to: number;
  shape: 'cell-lines' | 'pipe-rows' | 'space-columns' | 'loose-columns';
}

export interface DraftCell extends Piece {
  note: EditorsWords | null;
}

export interface DraftTable {
  head: DraftCell[][];
  rows: DraftCell[][];
  /** Column whose cells name their rows, or `null`. */
  rowHeader: number | null;
  notes: EditorsWords[];
}

/** The pieces of a line between the matches of `gap` (a global pattern), each trimmed; empty ones kept. */
function cellsBetween(line: WorkLine, gap: RegExp): Piece[] {
  const piece = wholeLine(line);
  const cells: Piece[] = [];
  let from = 0;
  for (const m of piece.text.matchAll(gap)) {
    cells.push(slicePiece(piece, from, m.index));
    from = m.index + m[0].length;
  }
  cells.push(slicePiece(piece, from));
  return cells;
}

function pipeCells(line: WorkLine): Piece[] {
  const cells = cellsBetween(line, /[|｜]/gu);
  // `a | b | |`: the trailing empty cells are the row's closing delimiters, not cells.
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells;
}

function isPipeRow(line: WorkLine): boolean {
  return pipeCells(line).filter((c) => c.text !== '').length >= 2;
}

/**
 * The cells of a row: between tabs (a Word table saved as text; two tabs in a row hold an empty cell), or, without
 * tabs, between runs of two spaces or more or of ideographic spaces (columns lined up by a text dump). `loose`: between
 * any spaces, as `pdftotext -layout` sets Chinese cells, whose words hold no space, one space apart where a column
 * is full.
 */
function spaceCells(line: WorkLine, loose = false): Piece[] {
  if (line.text.includes('\t')) return cellsBetween(line, /\t/gu);
  return cellsBetween(line, loose ? /[ \u3000]+/gu : / {2,}|\u3000+/gu).filter((c) => c.text !== '');
}

/** Tabs in a line as the source has it: a row whose last cells are empty ends in tabs its trimmed text has lost. */
const tabsOf = (line: WorkLine) => line.raw.split('\t').length - 1;

/**
 * Rows lined up in columns: three cells or more, as many in each of three adjacent rows or more as in the first (its
 * header); between tabs, a row with as many tabs as the header (`3\t…\t50\t`: its last cell empty). Read with two
 * spaces or more between cells, else (every row still lined up by a run of spaces somewhere) with any space between them.
 */
function spaceRun(lines: WorkLine[], i: number): TableRun | null {
  for (const loose of [false, true]) {
    const width = spaceCells(lines[i]!, loose).length;
    if (width < 3) continue;
    const fits = (line: WorkLine) => spaceCells(line, loose).length === width || (line.text.includes('\t') && tabsOf(line) === tabsOf(lines[i]!));
    let j = i + 1;
    while (j < lines.length && lines[j]!.n === lines[j - 1]!.n + 1 && (!loose || / {2,}/u.test(lines[j]!.text)) && fits(lines[j]!)) j++;
    if (j - i >= 3 && (!loose || / {2,}/u.test(lines[i]!.text))) return { from: i, to: j, shape: loose ? 'loose-columns' : 'space-columns' };
  }
  return null;
}

/** Widest header a `序号` table is looked for in (columns). */
const MAX_COLUMNS = 12;

/**
 * A cell-per-line table that lost its tabs (and maybe its blank lines): a line `序号` opens its header, and the row
 * numbers 1, 2, 3 … come back at the header's width (`序号 / 指标 / 2020年 / 2025年 / 属性 / 1 / … / 2 / …`). The run
 * ends at the last row whose number comes where the width puts it.
 */
function untabbedRun(lines: WorkLine[], i: number): TableRun | null {
  if (!/^序\s*号$/u.test(lines[i]!.text.trim())) return null;
  let width = 0;
  for (let k = i + 1; k < lines.length && k <= i + MAX_COLUMNS; k++) {
    if (lines[k]!.text.trim() === '1') {
      width = k - i;
      break;
    }
  }
  if (width < 3) return null;
  let rows = 0;
  while (i + width * (rows + 2) <= lines.length && lines[i + width * (rows + 1)]!.text.trim() === String(rows + 1)) rows++;
  return rows > 0 ? { from: i, to: i + width * (rows + 1), shape: 'cell-lines' } : null;
}

export function findTables(lines: WorkLine[]): TableRun[] {
  const runs: TableRun[] = [];
  let i = 0;
  while (i < lines.length) {
    const untabbed = lines[i]!.raw.startsWith('\t') ? null : untabbedRun(lines, i);
    if (untabbed) {
      runs.push(untabbed);
      i = untabbed.to;
    } else if (lines[i]!.raw.startsWith('\t')) {
      let j = i;
      while (j < lines.length && lines[j]!.raw.startsWith('\t')) j++;
      if (j - i >= 4) runs.push({ from: i, to: j, shape: 'cell-lines' });
      i = Math.max(j, i + 1);
    } else if (isPipeRow(lines[i]!)) {
      let j = i;
      while (j < lines.length && isPipeRow(lines[j]!)) j++;
      if (j - i >= 2) runs.push({ from: i, to: j, shape: 'pipe-rows' });
      i = Math.max(j, i + 1);
    } else {
      const spaced = spaceRun(lines, i);
      if (spaced) runs.push(spaced);
      i = spaced ? spaced.to : i + 1;
    }
  }
  return runs;
}

const cell = (p: Piece, note: EditorsWords | null = null): DraftCell => ({ ...p, note });
const emptyCell = (line: number, note: EditorsWords | null = null): DraftCell => ({ line, text: '', repairs: [], note });
const NUMBERED = /^\d{1,2}[.．、]/u;

function readCellLines(lines: WorkLine[]): DraftTable {
  // A gap in line numbers is a blank line in the source: it ends a row.
  const groups: WorkLine[][] = [];
  for (const l of lines) {
    const prev = groups.at(-1)?.at(-1);
    if (!prev || l.n - prev.n > 1) groups.push([l]);
    else groups.at(-1)!.push(l);
  }
  const notes: EditorsWords[] = [];
  if (groups.length === 1) {
    // No blank lines: the header ends where the first row number (1) begins.
    const one = lines.findIndex((l) => l.text === '1');
    const width = one > 0 ? one : lines.length;
    groups.length = 0;
    for (let k = 0; k < lines.length; k += width) groups.push(lines.slice(k, k + width));
    notes.push({
      zh: `原文每个单元格占一行、行间无空行，本表按表头的${width}列切分还原。`,
      en: `In the source each cell is a line of its own, with no blank lines between the rows; the table is rebuilt by cutting them at the header’s ${width} columns.`,
    });
  } else {
    notes.push({
      zh: '原文每个单元格占一行、行与行之间以空行分隔，本表据此还原。',
      en: 'In the source each cell is a line of its own and blank lines separate the rows; the table is rebuilt from them.',
    });
  }
  const [head, ...rows] = groups.map((g) => g.map((l) => cell(wholeLine(l))));
  return pad({ head: [head!], rows, notes });
}

function readPipeRows(lines: WorkLine[]): DraftTable {
  const notes: EditorsWords[] = [{ zh: '原文以竖线“|”分隔单元格，本表据此还原。', en: 'In the source vertical bars (|) separate the cells; the table is rebuilt from them.' }];
  const [head, ...rows] = lines.map((l) => pipeCells(l).map((p) => cell(p)));
  const headWidth = head!.length;
  const width = Math.max(headWidth, ...rows.map((r) => r.length));
  if (width === headWidth + 1) {
    // Some rows start with a group label (创新主体 | 4.科技领军… ): the table has a category column the header lacks.
    head!.unshift(emptyCell(lines[0]!.n, { zh: '类别（原表头缺此列，编者补列）', en: 'Category (added by the editors)' }));
    notes.push({
      zh: '部分行首有分组名称（如“创新主体”），原表头无此列，编者增设“类别”列。',
      en: 'Some rows begin with a group name (such as “创新主体”) in a column the source’s header lacks; the editors added a “Category” column.',
    });
    rows.forEach((row, i) => {
      const line = lines[i + 1]!.n;
      if (row.length === width) return;
      if (NUMBERED.test(row[0]!.text) || row[0]!.text === '') row.unshift(emptyCell(line));
      else {
        // A group label where the indicator name should be: the name was lost in the source.
        row.splice(1, 0, emptyCell(line, { zh: '指标名称在原文中缺失', en: 'name missing in the source' }));
        notes.push({
          zh: `第${i + 1}行：“${row[0]!.text}”是分组名称，其后的指标名称在原文中缺失，该行数值照录。`,
          en: `Row ${i + 1}: “${row[0]!.text}” is a group name; the indicator’s name after it is missing in the source, and the row’s values are given as printed.`,
        });
      }
    });
  }
  return pad({ head: [head!], rows, notes });
}

const NUMERIC = /^[\d.．%％\s—-]*$/u;

/** Every row as wide as the widest, padded with empty cells at the end; the row-header column found. */
function pad(t: Omit<DraftTable, 'rowHeader'>): DraftTable {
  const width = Math.max(...t.head.map((r) => r.length), ...t.rows.map((r) => r.length));
  for (const row of [...t.head, ...t.rows]) while (row.length < width) row.push(emptyCell(row[0]?.line ?? 1));
  // The row header is the first column that mostly holds words (names), not numbers or blanks.
  let rowHeader: number | null = null;
  for (let col = 0; col < width && rowHeader === null; col++) {
    const words = t.rows.filter((r) => r[col]!.text !== '' && !NUMERIC.test(r[col]!.text)).length;
    if (t.rows.length > 0 && words * 2 > t.rows.length) rowHeader = col;
  }
  return { ...t, rowHeader };
}

function readSpaceColumns(lines: WorkLine[], loose: boolean): DraftTable {
  const notes: EditorsWords[] = [
    lines.some((l) => l.text.includes('\t'))
      ? { zh: '原文以制表符分隔各单元格，本表据此还原。', en: 'In the source tabs separate the cells; the table is rebuilt from them.' }
      : loose
        ? { zh: '原文以空格对齐各列（单元格内无空格），本表按空格切分还原。', en: 'In the source spaces line up the columns (no cell holds a space); the table is rebuilt by cutting at the spaces.' }
        : { zh: '原文以空格对齐各列，本表据此还原。', en: 'In the source spaces line up the columns; the table is rebuilt from them.' },
  ];
  const [head, ...rows] = lines.map((l) => spaceCells(l, loose).map((p) => cell(p)));
  return pad({ head: [head!], rows, notes });
}

export function readTable(lines: WorkLine[], shape: TableRun['shape']): DraftTable {
  if (shape === 'cell-lines') return readCellLines(lines);
  return shape === 'pipe-rows' ? readPipeRows(lines) : readSpaceColumns(lines, shape === 'loose-columns');
}
