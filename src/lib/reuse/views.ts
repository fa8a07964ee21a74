/** What the pages show of the text reuse: per plan, its reused stretches with where else they occur. Pure. */
import type { Block, PlanDocument } from '../../schemas/plan.ts';
import { formatPeriod, knownDate, planTitle } from '../plan-view.ts';
import type { Occurrence, PlanReuse, Segment, SharedPassage } from './text-reuse.ts';

/** A place in another plan: the block to link to. */
export interface ReuseLink {
  slug: string;
  blockId: string;
}

/**
 * A stretch of a plan's text that other plans also print: overlapping or touching passages merged, so that a
 * sentence shared in parts with several plans is one item, with every plan that shares a part of it.
 */
export interface ReuseStretch {
  /** The block it starts in (the link target on the page). */
  blockId: string;
  /** Every block it spans, in reading order. */
  blockIds: string[];
  /** As the plan prints it, one string per unit it spans. */
  text: string[];
  /** Characters in matching form. */
  chars: number;
  /** Other plans sharing some of it, the first in corpus order, each at the first block where it does. */
  elsewhere: ReuseLink[];
  /** More plans share some of it than `elsewhere` lists. */
  more: boolean;
}

function cellText(block: Block, cell: number | null): string {
  if (block.kind !== 'table') return block.text;
  const cells = [...(block.caption ? [block.caption] : []), ...block.head.flat(), ...block.rows.flat()];
  return cells[cell ?? 0]?.text ?? '';
}

/**
 * The segments of a stretch's passages, one per unit. The passages are contiguous in matching form, so what lies
 * between two of them in one unit is punctuation or space: it belongs to the stretch.
 */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && last.blockId === s.blockId && last.cell === s.cell) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Other plans a stretch lists at most (the page says when there are more). */
export const STRETCH_PLANS = 4;

const headsCache = new WeakMap<SharedPassage, { count: number; heads: ReuseLink[] }>();

/**
 * A passage's first `count` plans (corpus order), each at the block of its first occurrence there: computed once per
 * passage, not once for each of its thousands of occurrences (a formula 4,773 plans print, at 10,000 plans). A plan's
 * occurrences stand together in `occurrences` (text-reuse.ts adds them plan by plan).
 */
export function passageHeads(passage: SharedPassage, count: number): ReuseLink[] {
  const cached = headsCache.get(passage);
  if (cached && cached.count >= count) return cached.count === count ? cached.heads : cached.heads.slice(0, count);
  const heads: ReuseLink[] = [];
  for (const o of passage.occurrences) {
    if (heads.length >= count) break;
    if (heads.at(-1)?.slug !== o.slug) heads.push({ slug: o.slug, blockId: o.segments[0]!.blockId });
  }
  headsCache.set(passage, { count, heads });
  return heads;
}

/**
 * The plan's stretches of text shared with other plans, in reading order, each with at most `limit` other plans
 * (the first in corpus order). Bounded per stretch, so that a formula ten thousand plans print costs each plan page
 * `limit` look-ups, not ten thousand.
 */
export function reuseStretches(doc: PlanDocument, plan: PlanReuse, corpusOrder: ReadonlyMap<string, number>, limit = STRETCH_PLANS): ReuseStretch[] {
  return stretchesOf(doc, plan.slug, plan.occurrences, corpusOrder, limit, passageHeads);
}

/**
 * `reuseStretches` over any passage type: `heads` gives a passage's first plans, each at the block of its first
 * occurrence there (`passageHeads` for a {@link SharedPassage}; src/lib/reuse/prepared.ts reads them off the found
 * passages without placing every plan's occurrences).
 */
export function stretchesOf<P>(
  doc: PlanDocument,
  slug: string,
  occurrences: readonly { passage: P; occurrence: Occurrence }[],
  corpusOrder: ReadonlyMap<string, number>,
  limit: number,
  heads: (passage: P, count: number) => readonly ReuseLink[],
): ReuseStretch[] {
  const blocks = new Map(doc.blocks.map((b) => [b.id, b]));
  const groups: { to: number; own: Occurrence[]; passages: P[] }[] = [];
  for (const { passage, occurrence } of occurrences) {
    const last = groups.at(-1);
    if (last && occurrence.from <= last.to) {
      last.to = Math.max(last.to, occurrence.to);
      last.own.push(occurrence);
      last.passages.push(passage);
    } else groups.push({ to: occurrence.to, own: [occurrence], passages: [passage] });
  }
  const stretches = groups.map((g) => {
    const segments = mergeSegments(g.own.flatMap((o) => o.segments));
    // The first limit + 1 other plans of each passage hold the first limit of them all (plans are in corpus order).
    const firstPerPlan = new Map<string, string>();
    for (const p of g.passages) {
      let taken = 0;
      for (const head of heads(p, limit + 2)) {
        if (head.slug === slug) continue;
        if (++taken > limit + 1) break;
        if (!firstPerPlan.has(head.slug)) firstPerPlan.set(head.slug, head.blockId);
      }
    }
    const elsewhere = [...firstPerPlan].map(([slug, blockId]) => ({ slug, blockId }));
    elsewhere.sort((a, b) => (corpusOrder.get(a.slug) ?? 0) - (corpusOrder.get(b.slug) ?? 0));
    return {
      blockId: segments[0]!.blockId,
      blockIds: [...new Set(segments.map((s) => s.blockId))],
      text: segments.map((s) => cellText(blocks.get(s.blockId)!, s.cell).slice(s.start, s.end)),
      chars: g.to - g.own[0]!.from,
      elsewhere: elsewhere.slice(0, limit),
      more: elsewhere.length > limit,
    };
  });
  // A paragraph that says the same thing twice lists it once.
  const seen = new Set<string>();
  return stretches.filter((s) => {
    const key = `${s.blockId}\n${s.text.join('\n')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Blocks of a plan that hold text other plans also print (the page marks those paragraphs). */
export function reusedBlocks(plan: { occurrences: readonly { occurrence: Occurrence }[] } | undefined): Set<string> {
  return new Set(plan?.occurrences.flatMap(({ occurrence }) => occurrence.segments.map((s) => s.blockId)) ?? []);
}

/** `12.3%`: one decimal, so that a plan's small share does not read as none. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * A plan by its region and period (`北辰区·2020—2022年`, no outlook year); a document without one (a measure) by its
 * region and document number (`山东省·鲁政字〔2022〕225号`), else the year it is dated (`天津市·2014年`); else by its
 * title: short enough for lists of where a passage recurs.
 */
export function planShortName(doc: PlanDocument): string {
  const period = doc.meta.period?.value;
  const day = knownDate(doc)?.s.value;
  const when = period ? formatPeriod({ ...period, outlook: null }) : (doc.meta.docNumber?.value ?? (day ? `${day.slice(0, 4)}年` : null));
  return doc.meta.region && when ? `${doc.meta.region.value.name}·${when}` : planTitle(doc);
}
