/**
 * What the search page knows of a plan, made at build time from the document model the plan page renders: its
 * filters, its result line, and its text as blocks — the page's anchored elements in reading order, each with the
 * heading it sits under. The search page fetches this record (`/search/blocks/<slug>.json.gz`, on a large site by
 * Pagefind's page id: `/search/blocks/pagefind/<id>.json.gz`, scripts/pagefind-ids.ts) for the plans it verifies;
 * Pagefind only names candidate plans on a large site.
 */
import type { Block, PlanDocument } from '../../schemas/plan.ts';
import type { PlanSummary } from '../plan-summary.ts';
import { REGION_LEVEL_LABELS, formatPeriod } from '../plan-view.ts';
import type { MetaRow } from '../plan-view.ts';

/**
 * How a block weighs and reads in results: `title` (the page title and the line above it: links to the plan),
 * `heading` (a numbered heading or the notice's title), `paragraph`, `table`, `meta` (the metadata card).
 */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'table' | 'meta';

/** One block of a plan's text. */
export interface RecordBlock {
  /** The element's id on the plan page; `null` for text without one (the line above the title). */
  id: string | null;
  kind: BlockKind;
  /** Index of the heading block it sits under (itself for a heading; a box's caption for a block in the box), -1 for none. */
  under: number;
  /** The text as the page shows it. */
  text: string;
  /** The simplified form, for a text printed in traditional characters (matched instead of `text`). */
  match?: string;
}

/** A plan as the search page reads it. */
export interface SearchRecord {
  /** The plan's slug: a record read by Pagefind's page id says which plan it is. */
  slug: string;
  title: string;
  /** Result line: region, period, document number, kind. */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  blocks: RecordBlock[];
}

/** Plan period as a filter value: `2021—2025年` (the outlook year is not part of it), `2014年`. */
export function filterPeriod(period: { start: number; end: number } | null): string | null {
  return period ? formatPeriod({ ...period, outlook: null }) : null;
}

/** Filters (region, level, kind, period), each with its value or `null` when the plan has none. */
export function searchFilters(doc: PlanDocument, summary: PlanSummary): [string, string | null][] {
  const region = doc.meta.region?.value;
  return [
    ['region', summary.regionId ? summary.regionName : null],
    ['level', region ? REGION_LEVEL_LABELS[region.level] : null],
    ['kind', summary.kindLabel],
    ['period', filterPeriod(summary.period)],
  ];
}

/** Result line: region, period, document number, kind (`null` when the plan has none). */
function searchMeta(summary: PlanSummary): [string, string | null][] {
  return [
    ['region', summary.regionId ? summary.regionName : null],
    ['period', summary.period ? summary.periodText : null],
    ['docNumber', summary.docNumber],
    ['kind', summary.kindLabel],
  ];
}

/** The text a block shows: a table's caption and cells read as cells. */
function blockText(b: Block): string {
  if (b.kind !== 'table') return b.text;
  return [...(b.caption ? [b.caption] : []), ...b.head.flat(), ...b.rows.flat()].map((c) => c.text).join(' ｜ ');
}

/**
 * The record of a plan: the title lines, the text's blocks, the metadata card. `rows` are the card's rows
 * (`metaRows`), `kicker` the line above the title;
 * `simplify` gives the matching form of a text in traditional characters (only called when `doc.matchText` is set).
 */
export function searchRecord(doc: PlanDocument, summary: PlanSummary, rows: MetaRow[], kicker: string, simplify: (s: string) => string): SearchRecord {
  const entries = (pairs: [string, string | null][]) => pairs.filter((p): p is [string, string] => p[1] !== null);
  const blocks: RecordBlock[] = [
    { id: null, kind: 'title', under: -1, text: kicker },
    { id: 'top', kind: 'title', under: -1, text: summary.title },
  ];
  let under = -1;
  /** The caption of the box (专栏) the walk is in: the box's other blocks sit under it (`专栏1 重点工程 · 第2段`). */
  let caption: { id: string; index: number } | null = null;
  for (const b of doc.blocks) {
    // A notice's title is a heading on the page (h2); the plan's own title is a paragraph of the text.
    const kind: BlockKind = b.kind === 'heading' || (b.kind === 'title' && b.role === 'notice') ? 'heading' : b.kind === 'table' ? 'table' : 'paragraph';
    if (kind === 'heading') under = blocks.length;
    if (b.kind === 'paragraph' && b.role === 'box-title') caption = { id: b.id, index: blocks.length };
    const box = b.kind === 'paragraph' || b.kind === 'table' ? b.box : undefined;
    const text = blockText(b);
    const match = doc.matchText === null ? text : simplify(text);
    blocks.push({ id: b.id, kind, under: box !== undefined && box === caption?.id && b.id !== box ? caption.index : under, text, ...(match !== text ? { match } : {}) });
  }
  // The metadata card is at the top of the page, but its matches are listed after the text's: they link to the card,
  // not to a passage (a document number, an issuer); the link goes to the whole card (`#meta-card`).
  blocks.push({ id: 'meta-card', kind: 'meta', under: -1, text: rows.map((r) => `${r.label} ${r.value}`).join(' · ') });
  return { slug: doc.slug, title: summary.title, meta: Object.fromEntries(entries(searchMeta(summary))), filters: Object.fromEntries(entries(searchFilters(doc, summary)).map(([k, v]) => [k, [v]])), blocks };
}
