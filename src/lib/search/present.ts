/**
 * What a result shows, computed from the engine's hits without the DOM (so it is unit-tested): the snippet
 * around a match with the matched parts marked, the label of the place it links to, the counts people read.
 */
import type { Hit, PlanResult, SearchOutcome } from './engine.ts';
import type { Variant } from './expand.ts';
import { findAll } from './match.ts';
import type { PlanText } from './plan-text.ts';
import { fill, fillText, type SearchMessages } from './messages.ts';

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

/** Punctuation that ends a clause: a snippet starts after one when one is near enough before the match. */
const CLAUSE_END = /[，。；：！？,;:!?]/u;
/** A number or a Latin word, which a cut would change (…19年末 for 2019年末): a snippet never starts or ends inside one. */
const RUN = /[0-9A-Za-z.%．％０-９Ａ-Ｚａ-ｚ]/u;
/** How far a cut moves to keep a number or word whole (a longer run is cut). */
const RUN_REACH = 12;

/** Where a snippet of `text` starts, given the earliest start: at a clause's start when one is before `first`, else not inside a number. */
function snippetStart(text: string, earliest: number, first: number): number {
  if (earliest <= 0 || CLAUSE_END.test(text[earliest - 1]!)) return Math.max(0, earliest);
  for (let i = earliest; i < first; i++) if (CLAUSE_END.test(text[i]!)) return i + 1;
  let start = earliest;
  while (start > 0 && earliest - start < RUN_REACH && RUN.test(text[start - 1]!) && RUN.test(text[start]!)) start--;
  return RUN.test(text[start - 1] ?? '') && RUN.test(text[start]!) ? earliest : start;
}

/** Where a snippet ends, given the latest end: not inside a number. */
function snippetEnd(text: string, latest: number): number {
  let end = latest;
  while (end < text.length && end - latest < RUN_REACH && RUN.test(text[end - 1]!) && RUN.test(text[end]!)) end++;
  return RUN.test(text[end - 1]!) && RUN.test(text[end] ?? '') ? latest : end;
}

/**
 * The text of a hit's block around its first match, with every match inside the window marked. The window starts
 * at the start of the match's clause when that is within {@link LEAD} characters, and never cuts a number in two.
 */
export function snippet(hit: Hit, length = LENGTH): Snippet {
  const text = hit.block.text;
  const first = hit.marks[0]?.[0] ?? 0;
  const start = snippetStart(text, Math.min(first - LEAD, text.length - length), first);
  const end = snippetEnd(text, Math.min(text.length, start + length));
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [ms, me] of hit.marks) {
    const s = Math.max(ms, at);
    const e = Math.min(me, end);
    if (e <= s) continue;
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return { parts, cutBefore: start > 0, cutAfter: end < text.length };
}

/**
 * Where a hit is, for the link text, in the page's words (`places` of the search messages): `（二）工作目标 · 第2段`,
 * `表格`, `文件信息`. The parts that are the plan's own words (a heading) are `data`, so that a page in another
 * language can mark them as Chinese.
 */
export function hitLabel(page: PlanText, hit: Hit, places: SearchMessages['places']): { text: string; data: boolean }[] {
  const { block } = hit;
  const own = (text: string) => [{ text, data: false }];
  if (block.kind === 'title') return own(places.title);
  if (block.kind === 'meta') return own(places.meta);
  if (block.kind === 'heading') return [{ text: block.text, data: true }];
  const under = block.heading && { ...block.heading, text: block.heading.text.replace(/[。.]$/u, '') };
  let place: string;
  if (block.kind === 'table') {
    place = places.table;
  } else {
    // Paragraphs are counted from the heading they sit under (or from the start of the text).
    let n = 0;
    for (const b of page.blocks.slice(0, block.index + 1)) if (b.kind === 'paragraph' && b.heading?.id === under?.id) n++;
    place = fillText(under ? places.paragraph : places.bodyParagraph, { n });
  }
  if (!under) return own(place);
  return fill(places.under, { heading: under.text, place }).map((p) => ('text' in p ? { text: p.text, data: false } : { text: p.value, data: p.name === 'heading' }));
}

/** Number of matched places in a result. */
export function hitCount(result: PlanResult): number {
  return result.hits.reduce((sum, h) => sum + h.count, 0);
}

/** The variants (synonyms) that matched somewhere in the results, as written, without the typed terms. */
export function synonymsUsed(outcome: SearchOutcome): string[] {
  return variantsUsed(outcome, (v) => !v.original && !v.simplified);
}

/** The simplified forms of terms typed in traditional characters that matched in the results (traditional.ts). */
export function simplifiedUsed(outcome: SearchOutcome): string[] {
  return variantsUsed(outcome, (v) => v.simplified === true);
}

function variantsUsed(outcome: SearchOutcome, which: (v: Variant) => boolean): string[] {
  const used = new Set<string>();
  for (const r of outcome.results) {
    for (const vs of outcome.variants) {
      for (const v of vs) if (which(v) && !used.has(v.label) && r.hits.some((h) => findAll(h.block.normalized.text, v).length > 0)) used.add(v.label);
    }
  }
  return [...used];
}

/** Other forms of the query's terms, to suggest when nothing was found. */
export function alternatives(outcome: SearchOutcome): string[] {
  return [...new Set(outcome.variants.flatMap((vs) => vs.filter((v) => !v.original).map((v) => v.label)))].slice(0, 6);
}
