/**
 * Stage 2: text → numbered lines. Line breaks (LF, CRLF, CR) split lines; the BOM and whitespace at both
 * ends of a line are dropped (they carry no text). Whitespace inside a line is kept as written.
 */

export interface SourceLine {
  /** 1-based line number in the seed. */
  n: number;
  /** The line as in the source, without its line break. */
  raw: string;
  /** The line trimmed of whitespace (ASCII, full-width and no-break spaces) at both ends. */
  text: string;
}

const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/gu;
/** The whitespace a line opens with (its indentation), as `text` drops it. */
export const LEADING_SPACE = /^[\s\u3000\u00a0\ufeff]+/u;

/** Split decoded text into lines. */
export function splitLines(text: string): SourceLine[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const raws = body.split(/\r\n|\r|\n/u);
  if (raws.length > 1 && raws[raws.length - 1] === '') raws.pop();
  return raws.map((raw, i) => ({ n: i + 1, raw, text: raw.replace(EDGE_SPACE, '') }));
}
