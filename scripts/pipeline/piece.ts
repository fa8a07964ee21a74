/**
 * A piece of one body line with the repairs that fall inside it. Stages cut lines into pieces (a heading and
 * the sentence after it, the cells of a table row) without losing the repairs' positions.
 */
import type { LineRepair, WorkLine } from './corrections.ts';
import type { EditorsWords } from './editors-words.ts';

export interface Piece {
  /** 1-based source line. */
  line: number;
  text: string;
  /** Repairs with offsets in `text`. */
  repairs: LineRepair[];
}

export function wholeLine(line: WorkLine): Piece {
  return { line: line.n, text: line.text, repairs: line.repairs };
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
  return {
    line: piece.line,
    text: piece.text.slice(start, end),
    repairs: piece.repairs
      .filter((r) => r.start >= start && r.end <= end && !(r.start === r.end && (r.start < start || r.start > end)))
      .map((r) => ({ ...r, start: r.start - start, end: r.end - start })),
  };
}

/** Join pieces from several lines (a title spread over lines) into one, with no separator: the text runs on. */
export function joinPieces(pieces: Piece[]): Piece & { lines: number[] } {
  let text = '';
  const repairs: LineRepair[] = [];
  for (const p of pieces) {
    for (const r of p.repairs) repairs.push({ ...r, start: r.start + text.length, end: r.end + text.length });
    text += p.text;
  }
  return { line: pieces[0]!.line, lines: pieces.map((p) => p.line), text, repairs };
}

/** Replace `original` at position `at` of a whole-line piece with `inserted`, recorded as a repair (used for
 *  recovered heading numbers). */
export function insertRepair(piece: Piece, at: number, inserted: string, original: string, reason: EditorsWords): Piece {
  const shift = inserted.length - original.length;
  // Offset in the source line: undo the length changes of earlier repairs on the line.
  const column = at - piece.repairs.filter((r) => r.end <= at).reduce((sum, r) => sum + r.replacement.length - r.original.length, 0);
  return {
    line: piece.line,
    text: piece.text.slice(0, at) + inserted + piece.text.slice(at + original.length),
    repairs: [
      ...piece.repairs.map((r) => (r.start >= at + original.length ? { ...r, start: r.start + shift, end: r.end + shift } : r)),
      { start: at, end: at + inserted.length, column, original, replacement: inserted, reason: reason.zh, reasonEn: reason.en, source: 'heading' as const },
    ].sort((a, b) => a.start - b.start),
  };
}
