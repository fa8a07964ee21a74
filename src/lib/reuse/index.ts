/**
 * Text reuse between plans (issue 14): passages several plans print alike, each plan's share of reused text, and
 * what the pages show of them. Computed once per build over every plan, before rendering (`scripts/prepare.ts`; the pages read
 * its files through src/lib/data.ts).
 */
export { findPassages, findTextReuse, placeOccurrences, REUSE_K, type FoundPassage, type FoundReuse, type Occurrence, type PlanReuse, type ReuseInput, type Segment, type SharedPassage, type TextReuse, type TextUnit } from './text-reuse.ts';
export { reuseInput } from './plan-input.ts';
export { formatShare, planShortName, reusedBlocks, reuseStretches, STRETCH_PLANS, type ReuseLink, type ReuseStretch } from './views.ts';
export { prepareReuse, REUSE_LISTS, type NamedLink, type PassageView, type PlanReuseFile, type PreparedPlanReuse, type ReuseCounts, type ReuseSummary } from './prepared.ts';
