/**
 * The lossless check: every character of a seed's text must reach the page, in order, except the lines the
 * pipeline lists as removed (chrome, portal metadata fields) and the passages it lists as repaired (where the
 * page shows the replacement instead). Whitespace is ignored, and so are the `|` separators of pipe tables,
 * which become table structure.
 *
 * The same check runs on the document model (unit tests), on the MDX parsed back (fuzz tests) and on the text
 * of the built page in Chromium (site tests).
 */
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { splitLines } from './lines.ts';
import { richTextsOf } from './marks.ts';

/** One source line as the page must show it: repairs applied, whitespace (and table pipes) removed. */
export interface ExpectedLine {
  line: number;
  chars: string;
}

const WHITESPACE = /[\s\u3000\u00a0\ufeff\u200b]/gu;
export const squashWhitespace = (s: string) => s.replace(WHITESPACE, '');

/** What the page must contain, line by line. */
export function expectedLines(sourceText: string, doc: PlanDocument): ExpectedLine[] {
  const removed = new Set(doc.removed.map((r) => r.line));
  // In pipe-separated rows `|` is a delimiter, not text; a table whose cells hold `|` (one cell per line) kept it as text.
  const tableLines = new Set(
    doc.blocks.flatMap((b) => (b.kind === 'table' && ![...b.head, ...b.rows].some((row) => row.some((c) => /[|｜]/u.test(c.text))) ? b.lines : [])),
  );
  const repairsByLine = new Map<number, PlanDocument['repairs']>();
  for (const r of doc.repairs) repairsByLine.set(r.line, [...(repairsByLine.get(r.line) ?? []), r]);
  return splitLines(sourceText)
    .filter((l) => !removed.has(l.n) && l.text !== '')
    .map((l) => {
      let text = l.text;
      // Apply right to left so that columns stay valid.
      for (const r of [...(repairsByLine.get(l.n) ?? [])].sort((a, b) => b.column - a.column)) {
        text = text.slice(0, r.column) + r.replacement + text.slice(r.column + r.original.length);
      }
      const chars = squashWhitespace(tableLines.has(l.n) ? text.replace(/[|｜]/gu, '') : text);
      return { line: l.n, chars };
    })
    .filter((l) => l.chars !== '');
}

/** The text of the document model in reading order, as the page renders it. */
export function modelText(doc: PlanDocument): string {
  return doc.blocks.flatMap((b) => richTextsOf(b).map((r) => r.text)).join('');
}

export interface LossReport {
  /** Source line of the first missing passage. */
  line: number;
  /** The missing passage (up to 20 characters), whitespace removed. */
  passage: string;
  /** What the page has at that point instead (up to 20 characters). */
  found: string;
}

/**
 * `null` when every expected line appears in `pageText`, in order (the page may hold more: labels, notes);
 * otherwise the first missing passage.
 */
export function findFirstLoss(expected: ExpectedLine[], pageText: string): LossReport | null {
  const page = squashWhitespace(pageText);
  let at = 0;
  for (const { line, chars } of expected) {
    const hit = page.indexOf(chars, at);
    if (hit !== -1) {
      at = hit + chars.length;
      continue;
    }
    // Longest prefix of the line that is still there, right where the page continues.
    let lo = 0;
    let hi = chars.length;
    let where = at;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const found = page.indexOf(chars.slice(0, mid), at);
      if (found !== -1) {
        lo = mid;
        where = found;
      } else hi = mid - 1;
    }
    return { line, passage: chars.slice(lo, lo + 20), found: page.slice(where + lo, where + lo + 20) };
  }
  return null;
}
