/**
 * Marks live on rich texts: a paragraph, heading or title, or one cell (or the caption) of a table. Stages that
 * annotate text (citations, departments, targets, glossary terms) return `BlockMark`s; `applyBlockMarks` puts
 * them in place.
 */
import type { Block, Mark, RichText, TableBlock } from '../../src/schemas/plan.ts';

/** A table cell: `part` is the header rows or the body rows. */
export interface CellRef {
  part: 'head' | 'rows';
  row: number;
  col: number;
}

/** A mark and where it goes: a block, and for a table the cell. */
export interface BlockMark {
  blockId: string;
  mark: Mark;
  cell?: CellRef;
}

/** The rich text a mark refers to. */
export function richTextAt(block: Block, cell?: CellRef): RichText {
  if (!cell) {
    if (block.kind === 'table') throw new Error(`table ${block.id}: a mark on a table must name its cell`);
    return block;
  }
  if (block.kind !== 'table') throw new Error(`block ${block.id} is not a table, but a mark names cell ${JSON.stringify(cell)}`);
  const rich = block[cell.part][cell.row]?.[cell.col];
  if (!rich) throw new Error(`table ${block.id} has no cell ${JSON.stringify(cell)}`);
  return rich;
}

/** Every rich text of a block, in reading order (for a table: caption, head cells, body cells). */
export function richTextsOf(block: Block): RichText[] {
  if (block.kind === 'table') return [...(block.caption ? [block.caption] : []), ...block.head.flat(), ...block.rows.flat()];
  return [block];
}

/** Add marks to a rich text, keeping them sorted by start (longer first on ties, so they nest). */
export function addMarks(rich: RichText, marks: Mark[]): void {
  rich.marks.push(...marks);
  rich.marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Put each mark on its block (or cell). */
export function applyBlockMarks(blocks: Block[], marks: BlockMark[]): void {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  for (const { blockId, mark, cell } of marks) {
    const block = byId.get(blockId);
    if (!block) throw new Error(`a mark names block ${blockId}, which does not exist`);
    addMarks(richTextAt(block, cell), [mark]);
  }
}

/**
 * The source line of the character at `offset` in a block's own text: the line it begins on, or for a block read from
 * several lines (`lineStarts`) the line that holds the offset. A table's cells say their lines elsewhere.
 */
export function lineAt(block: Block, offset: number): number {
  const starts = block.kind === 'table' ? undefined : block.lineStarts;
  if (!starts) return block.lines[0]!;
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
  return block.lines[k]!;
}

/**
 * Source line of a table cell (`row` counts the body rows): tables read one cell per line list every cell's line, row
 * tables (pipes, tabs, lined-up columns) one line per row; otherwise the table's first line.
 */
export function cellLine(block: TableBlock, row: number, col: number): number {
  const lines = block.lines.filter((l) => l !== block.captionLine);
  const width = block.rows[0]?.length ?? 0;
  const rowIndex = block.head.length + row;
  if (lines.length === (block.head.length + block.rows.length) * width) return lines[rowIndex * width + col]!;
  if (lines.length === block.head.length + block.rows.length) return lines[rowIndex]!;
  return block.lines[0]!;
}
