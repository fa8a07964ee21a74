/**
 * The text reuse as the pages show it, computed once per build before rendering (`scripts/prepare.ts`) and written
 * per plan: a rendering process reads one small file per plan page instead of holding every shared passage of the
 * library (at 10,000 synthetic plans ≈ 1.5 GB per process, measured; issue 15). Everything a page prints is
 * resolved here, other plans' names included, so that the pages only render. Pure.
 */
import type { PlanDocument } from '../../schemas/plan.ts';
import type { SharedPassage, TextReuse } from './text-reuse.ts';
import { passageHeads, planShortName, reusedBlocks, reuseStretches, type ReuseLink, type ReuseStretch } from './views.ts';

/** A place in another plan, with that plan's short name (`北辰区·2020—2022年`). */
export interface NamedLink extends ReuseLink {
  name: string;
}

/** A plan's counts of reused text. */
export interface ReuseCounts {
  slug: string;
  /** Characters of text counted: letters and digits in matching form. */
  chars: number;
  /** Of those, characters inside text that also occurs in another plan. */
  sharedChars: number;
  /** Characters repeated within this plan only. */
  repeatedChars: number;
  /** `sharedChars / chars`. */
  share: number;
}

/** What a plan page shows of its reused text (`_reuse/<slug>.json`). */
export interface PreparedPlanReuse extends ReuseCounts {
  /** Blocks holding text other plans also print: the page marks those paragraphs. */
  reusedBlocks: string[];
  /** Its stretches shared with other plans, in reading order. */
  stretches: (Omit<ReuseStretch, 'elsewhere'> & { elsewhere: NamedLink[] })[];
}

/** A passage as the reuse page lists it. */
export interface PassageView {
  /** As its first occurrence prints it, one string per unit it spans. */
  text: string[];
  /** Its length in matching form. */
  chars: number;
  /** Distinct plans printing it. */
  planCount: number;
  /** The first plans printing it (at most `links`), each at its first occurrence. */
  places: NamedLink[];
}

/** The reuse page's data (`_reuse/_summary.json`): every plan's counts, and the passages most plans share. */
export interface ReuseSummary {
  /** k-gram length, the shortest passage counted. */
  k: number;
  /** Every plan's counts, in corpus order, with its short name. */
  plans: (ReuseCounts & { name: string })[];
  /** Passages printed by three plans or more (formulas), most plans first. */
  many: PassageView[];
  /** Passages printed by exactly two plans (specific text). */
  two: PassageView[];
}

/** How much of the reuse the pages list: passages per list on the reuse page, plans linked per passage. */
export const REUSE_LISTS = { passages: 40, links: 8 } as const;

/**
 * The pages' view of `reuse` over `plans` (in corpus order, the order `reuse` was computed in): the summary and,
 * per plan, what its page shows.
 */
export function prepareReuse(plans: readonly PlanDocument[], reuse: TextReuse, lists: { passages: number; links: number } = REUSE_LISTS): { summary: ReuseSummary; perPlan: PreparedPlanReuse[] } {
  const order = new Map(plans.map((p, i) => [p.slug, i]));
  const names = new Map(plans.map((p) => [p.slug, planShortName(p)]));
  const named = (l: ReuseLink): NamedLink => ({ ...l, name: names.get(l.slug) ?? l.slug });
  const counts = (slug: string): ReuseCounts => {
    const r = reuse.plans.get(slug)!;
    return { slug, chars: r.chars, sharedChars: r.sharedChars, repeatedChars: r.repeatedChars, share: r.share };
  };
  const perPlan = plans.map((doc) => {
    const r = reuse.plans.get(doc.slug)!;
    return {
      ...counts(doc.slug),
      reusedBlocks: [...reusedBlocks(r)],
      stretches: reuseStretches(doc, r, order).map((s) => ({ ...s, elsewhere: s.elsewhere.map(named) })),
    };
  });
  const view = (p: SharedPassage): PassageView => ({
    text: p.text,
    chars: p.key.length,
    planCount: p.plans.length,
    places: passageHeads(p, lists.links).map(named),
  });
  const summary: ReuseSummary = {
    k: reuse.k,
    plans: plans.map((p) => ({ ...counts(p.slug), name: names.get(p.slug)! })),
    many: reuse.passages.filter((p) => p.plans.length >= 3).slice(0, lists.passages).map(view),
    two: reuse.passages.filter((p) => p.plans.length === 2).slice(0, lists.passages).map(view),
  };
  return { summary, perPlan };
}
