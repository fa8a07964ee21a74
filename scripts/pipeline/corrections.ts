/**
 * Stage 4: apply the curated corrections of scrape damage (`content/corrections.yaml`). Each correction must
 * match exactly once in the body of its file, or the run stops. The line keeps a record of every repair so
 * that the page can show it as a repair, with the original beside it.
 */
import type { Correction } from '../../src/schemas/registry.ts';
import { IngestError } from './errors.ts';
import type { SourceLine } from './lines.ts';

/** A repair on one line; offsets are in the repaired `text`. */
export interface LineRepair {
  start: number;
  end: number;
  /** 0-based offset of `original` in the trimmed source line. */
  column: number;
  original: string;
  replacement: string;
  reason: string;
  reasonEn: string;
  source: 'correction' | 'heading' | 'residue' | 'converter';
  /** The source line of `original` when it is not the piece's first line (a paragraph joined from lines). */
  line?: number;
}

/** Where a later source line begins in a line joined from several (scripts/pipeline/unwrap.ts). */
export interface LineBreak {
  /** Offset in `text`. */
  at: number;
  /** 1-based source line. */
  line: number;
}

/** A body line after repairs; one joined from several source lines says where each begins. */
export interface WorkLine extends SourceLine {
  repairs: LineRepair[];
  breaks?: LineBreak[];
  /** Where `text` starts in the source line's text, when a stage cut the line into several (scripts/pipeline/run-in.ts). */
  column?: number;
}

/** A correction with the place it is defined, for error messages (`content/corrections.yaml:12`). */
export type LocatedCorrection = Correction & { at: string };

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

export function applyCorrections(lines: SourceLine[], corrections: LocatedCorrection[], file: string): WorkLine[] {
  const byLine = new Map<number, { at: number; c: LocatedCorrection }[]>();
  for (const c of corrections) {
    const hits = lines.flatMap((l) => occurrences(l.text, c.original).map((at) => ({ line: l, at })));
    if (hits.length !== 1) {
      const where = hits.map((h) => `${file}:${h.line.n}:${h.at + 1}`).join(', ');
      throw new IngestError(
        c.at,
        `correction ${JSON.stringify(c.original)} → ${JSON.stringify(c.replacement)} matches ${hits.length} times in ${file}${where ? ` (${where})` : ''}; it must match exactly once`,
        hits.length === 0
          ? 'copy the original exactly from the seed (same brackets and punctuation), or remove the correction'
          : 'make the original longer so that it names one place',
      );
    }
    const hit = hits[0]!;
    const list = byLine.get(hit.line.n) ?? [];
    list.push({ at: hit.at, c });
    byLine.set(hit.line.n, list);
  }
  return lines.map((line) => {
    const list = (byLine.get(line.n) ?? []).sort((a, b) => a.at - b.at);
    let text = '';
    let from = 0;
    const repairs: LineRepair[] = [];
    for (const { at, c } of list) {
      if (at < from) {
        throw new IngestError(c.at, `correction ${JSON.stringify(c.original)} overlaps another correction on ${file}:${line.n}`, 'merge the two corrections into one');
      }
      text += line.text.slice(from, at);
      repairs.push({ start: text.length, end: text.length + c.replacement.length, column: at, original: c.original, replacement: c.replacement, reason: c.reason, reasonEn: c.reasonEn, source: 'correction' });
      text += c.replacement;
      from = at + c.original.length;
    }
    text += line.text.slice(from);
    return { ...line, text, repairs };
  });
}
