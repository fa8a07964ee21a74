/**
 * What a result shows, computed from the engine's hits without the DOM (so it is unit-tested): the snippet
 * around a match with the matched parts marked, the label of the place it links to, the counts people read.
 */
import type { Hit, PlanResult, SearchOutcome } from './engine.ts';
import { findAll } from './match.ts';
import type { PageText } from './page-text.ts';

/** A run of snippet text; `mark` for matched text (rendered as `<mark>`). */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** A snippet: parts, and whether text was cut before and after. */
export interface Snippet {
  parts: SnippetPart[];
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Characters shown before the first match, and in all. */
const LEAD = 24;
const LENGTH = 100;

/** The text around the first match of a hit, with every match inside the window marked. */
export function snippet(page: PageText, hit: Hit, length = LENGTH): Snippet {
  const { block } = hit;
  let blockEnd = block.end;
  // Pagefind ends each block with ". "; keep it out of the snippet.
  while (blockEnd > block.start && /[.\s]/u.test(page.text[blockEnd - 1]!)) blockEnd--;
  let blockStart = block.start;
  while (blockStart < blockEnd && /\s/u.test(page.text[blockStart]!)) blockStart++;
  const first = hit.marks[0]?.[0] ?? blockStart;
  let start = Math.max(blockStart, first - LEAD);
  const end = Math.min(blockEnd, start + length);
  start = Math.max(blockStart, Math.min(start, end - length));
  // In a table Pagefind ends each cell with ". "; show the cells as cells.
  const tidy = block.element === 'figure' || block.element === 'table' ? (t: string) => t.replace(/\. (?=\S)/gu, ' ｜ ') : (t: string) => t;
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [ms, me] of hit.marks) {
    const s = Math.max(ms, at);
    const e = Math.min(me, end);
    if (e <= s) continue;
    if (s > at) parts.push({ text: tidy(page.text.slice(at, s)), mark: false });
    parts.push({ text: page.text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: tidy(page.text.slice(at, end)), mark: false });
  return { parts, cutBefore: start > blockStart, cutAfter: end < blockEnd };
}

/** Where a hit is, for the link text: `（二）工作目标 · 第2段`, `表格`, `文件信息`. */
export function hitLabel(page: PageText, hit: Hit): string {
  const { block } = hit;
  if (block.id === null || block.element === 'h1') return '标题';
  if (block.heading?.id === 'meta-heading') return '文件信息';
  if (/^h[2-6]$/u.test(block.element)) return block.heading?.text || '标题';
  const under = block.heading && { ...block.heading, text: block.heading.text.replace(/[。.]$/u, '') };
  if (/^(figure|table|tr)$/u.test(block.element)) return under ? `${under.text} · 表格` : '表格';
  if (block.element !== 'p') return under?.text ?? '正文';
  let n = 0;
  for (const b of page.blocks) {
    if (b.heading?.id === under?.id && b.element === 'p') n++;
    if (b === block) break;
  }
  return under ? `${under.text} · 第${n}段` : `正文第${n}段`;
}

/** Number of matched places in a result. */
export function hitCount(result: PlanResult): number {
  return result.hits.reduce((sum, h) => sum + h.marks.length, 0);
}

/** The variants (synonyms) that matched somewhere in the results, as written, without the typed terms. */
export function synonymsUsed(outcome: SearchOutcome): string[] {
  const used = new Set<string>();
  for (const r of outcome.results) {
    const text = r.page.normalized.text;
    for (const vs of outcome.variants) for (const v of vs) if (!v.original && !used.has(v.label) && findAll(text, v).length > 0) used.add(v.label);
  }
  return [...used];
}

/** Other forms of the query's terms, to suggest when nothing was found. */
export function alternatives(outcome: SearchOutcome): string[] {
  return [...new Set(outcome.variants.flatMap((vs) => vs.filter((v) => !v.original).map((v) => v.label)))].slice(0, 6);
}
