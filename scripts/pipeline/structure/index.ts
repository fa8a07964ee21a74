/**
 * Stage 5: body lines → blocks. `front.ts` finds the covering notice, the plan title (or the title the notice
 * names, as an inference), a headline's byline and a table of contents; `headings.ts` reads the heading numbering
 * (`第一章` › `第一节` › `一、` › `（一）` › `1.` › `（1）`); `body.ts` walks the body, splitting a heading from the text
 * that shares its line, reading tables and giving every block a stable anchor from its numbering path
 * (`s2-1-3`, `p2-1-3-2`). Damaged headings are recovered and the recovery is recorded as a repair.
 */
import type { BlockPart } from '../../../src/schemas/plan.ts';
import { IngestError } from '../errors.ts';
import type { WorkLine } from '../corrections.ts';
import { joinPieces, linesOf, wholeLine, type Piece } from '../piece.ts';
import type { DraftTable } from '../tables.ts';
import { readBody } from './body.ts';
import { readFront, type InferredTitle, type ParagraphRole } from './front.ts';
import { levelsFor, usesChapters } from './headings.ts';

export type { ParagraphRole, InferredTitle } from './front.ts';

export type DraftBlock =
  | { kind: 'title'; id: string; part: BlockPart; role: 'notice' | 'plan'; piece: Piece; lines: number[] }
  | { kind: 'heading'; id: string; part: BlockPart; level: number; ordinal: number; number: string; title: string; piece: Piece; lines: number[] }
  | { kind: 'paragraph'; id: string; part: BlockPart; role: ParagraphRole; article?: number; box?: string; piece: Piece; lines: number[] }
  | { kind: 'table'; id: string; part: BlockPart; caption: Piece | null; table: DraftTable; box?: string; lines: number[] };

export interface StructureResult {
  blocks: DraftBlock[];
  /** The plan title the notice names, when the text prints none (the caller marks it as inferred). */
  inferredTitle: InferredTitle | null;
}

export interface StructureOptions {
  /** Seed path for error messages. */
  file: string;
  /** Title from the catalog, used to find the title line when given. */
  catalogTitle?: string | undefined;
  /** Unnumbered run-in section titles (catalog `runInHeadings`): matching paragraphs open a level-1 section. */
  runInHeadings?: RegExp | undefined;
}

export function parseStructure(allLines: WorkLine[], opts: StructureOptions): StructureResult {
  // Blank lines carry no text; gaps in line numbers still show where they were (table rows).
  const lines = allLines.filter((l) => l.text !== '');
  if (lines.length === 0) {
    throw new IngestError(`${opts.file}:1`, 'no document text: every line is blank or portal furniture', 'check that the file holds the plan text (not an empty or navigation-only page)');
  }
  const front = readFront(lines, opts.catalogTitle);
  const blocks: DraftBlock[] = [];
  const inSpan = (i: number, s: { from: number; to: number } | null) => s !== null && i >= s.from && i < s.to;
  let frontParagraphs = 0;
  let i = 0;
  // Front: notice, title, byline, in reading order; everything up to the end of the front and the title.
  const frontStop = Math.max(front.frontEnd, front.title?.to ?? 0);
  while (i < frontStop) {
    if (inSpan(i, front.notice) && i === front.notice!.from) {
      const piece = joinPieces(lines.slice(front.notice!.from, front.notice!.to).map(wholeLine));
      blocks.push({ kind: 'title', id: 'notice-title', part: 'front', role: 'notice', piece, lines: piece.lines });
      i = front.notice!.to;
      continue;
    }
    if (inSpan(i, front.title) && i === front.title!.from) {
      const piece = joinPieces(lines.slice(front.title!.from, front.title!.to).map(wholeLine));
      blocks.push({ kind: 'title', id: 'title', part: 'body', role: 'plan', piece, lines: piece.lines });
      i = front.title!.to;
      continue;
    }
    const piece = wholeLine(lines[i]!);
    blocks.push({ kind: 'paragraph', id: `pn-${++frontParagraphs}`, part: 'front', role: front.roles.get(i) ?? 'body', piece, lines: linesOf(piece) });
    i++;
  }
  const numberingLevels = levelsFor(usesChapters(lines.slice(front.toc?.to ?? 0).map((l) => l.text)));
  blocks.push(...readBody(lines, i, { front, levels: numberingLevels, runInHeadings: opts.runInHeadings, usedIds: new Set(blocks.map((b) => b.id)) }));
  return { blocks, inferredTitle: front.inferredTitle };
}
