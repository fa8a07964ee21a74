/**
 * A piece of one body line with the repairs that fall inside it. Stages cut lines into pieces (a heading and
 * the sentence after it, the cells of a table row) without losing the repairs' positions.
 */
import type { LineBreak, LineRepair, WorkLine } from './corrections.ts';
import type { EditorsWords } from './editors-words.ts';

export interface Piece {
  /** 1-based source line. */
  line: number;
  text: string;
  /** Repairs with offsets in `text`. */
  repairs: LineRepair[];
  /** Where later source lines begin, in a piece of a line joined from several (scripts/pipeline/unwrap.ts). */
  breaks?: LineBreak[];
  /** Where `text` starts in its source line's text, when that is not its start (a paragraph cut out of a run-in line). */
  column?: number;
}

export function wholeLine(line: WorkLine): Piece {
  return { line: line.n, text: line.text, repairs: line.repairs, ...(line.breaks ? { breaks: line.breaks } : {}), ...(line.column ? { column: line.column } : {}) };
}

/** Offset in the source line of offset `at` of `piece`: the piece's own start, less what earlier repairs in it changed. */
function sourceColumn(piece: Piece, at: number): number {
  return (piece.column ?? 0) + at - piece.repairs.filter((r) => r.end <= at).reduce((sum, r) => sum + r.replacement.length - r.original.length, 0);
}

/** The source lines a piece was read from, in order. */
export function linesOf(piece: Piece): number[] {
  return [piece.line, ...(piece.breaks ?? []).map((b) => b.line)];
}

const SPACE = /[\s\u3000\u00a0]/u;

/** The part of `piece` from `start` to `end`, trimmed of edge whitespace; repairs crossing the cut are kept whole. */
export function slicePiece(piece: Piece, start: number, end = piece.text.length): Piece {
  while (start < end && SPACE.test(piece.text[start]!)) start++;
  while (end > start && SPACE.test(piece.text[end - 1]!)) end--;
  for (const r of piece.repairs) {
    // Never cut through a repair: widen the slice to hold it whole.
    if (r.start < start && r.end > start) start = r.start;
    if (r.start < end && r.end > end) end = r.end;
  }
  // A slice of a joined line starts on the source line its first character is on.
  const line = piece.breaks?.filter((b) => b.at <= start).at(-1)?.line ?? piece.line;
  const breaks = piece.breaks?.filter((b) => b.at > start && b.at < end).map((b) => ({ ...b, at: b.at - start }));
  // Only on the piece's first source line does a slice's start move its column (a later line's slice starts after a break).
  const column = line === piece.line ? sourceColumn(piece, start) : 0;
  return {
    ...(column ? { column } : {}),
    line,
    text: piece.text.slice(start, end),
    repairs: piece.repairs
      .filter((r) => r.start >= start && r.end <= end && !(r.start === r.end && (r.start < start || r.start > end)))
      .map((r) => ({ ...r, start: r.start - start, end: r.end - start, ...(line !== piece.line ? { line: r.line ?? piece.line } : {}) })),
    ...(breaks && breaks.length > 0 ? { breaks } : {}),
  };
}

/** Join pieces from several lines (a title spread over lines) into one, with no separator: the text runs on. */
export function joinPieces(pieces: Piece[]): Piece & { lines: number[] } {
  let text = '';
  const repairs: LineRepair[] = [];
  const breaks: LineBreak[] = [];
  const first = pieces[0]!.line;
  for (const p of pieces) {
    // Repairs keep their own source line (a repair on a title's second line is on that line, not the first).
    for (const r of p.repairs) repairs.push({ ...r, start: r.start + text.length, end: r.end + text.length, ...(p.line !== first || r.line !== undefined ? { line: r.line ?? p.line } : {}) });
    if (text !== '') breaks.push({ at: text.length, line: p.line });
    for (const b of p.breaks ?? []) breaks.push({ ...b, at: b.at + text.length });
    text += p.text;
  }
  const piece: Piece = { line: first, text, repairs, ...(breaks.length > 0 ? { breaks } : {}) };
  return { ...piece, lines: linesOf(piece) };
}

/** Replace `original` at position `at` of a whole-line piece with `inserted`, recorded as a repair (used for
 *  recovered heading numbers). */
export function insertRepair(piece: Piece, at: number, inserted: string, original: string, reason: EditorsWords): Piece {
  const shift = inserted.length - original.length;
  // Offset in the source line: undo the length changes of earlier repairs on the line.
  const column = sourceColumn(piece, at);
  return {
    ...(piece.column ? { column: piece.column } : {}),
    line: piece.line,
    ...(piece.breaks ? { breaks: piece.breaks.map((b) => (b.at >= at + original.length ? { ...b, at: b.at + shift } : b)) } : {}),
    text: piece.text.slice(0, at) + inserted + piece.text.slice(at + original.length),
    repairs: [
      ...piece.repairs.map((r) => (r.start >= at + original.length ? { ...r, start: r.start + shift, end: r.end + shift } : r)),
      { start: at, end: at + inserted.length, column, original, replacement: inserted, reason: reason.zh, reasonEn: reason.en, source: 'heading' as const },
    ].sort((a, b) => a.start - b.start),
  };
}
