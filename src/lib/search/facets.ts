/**
 * Filters of the results by the values each plan's search record declares (`records.ts`): region, level,
 * kind, period. Counted and applied in the browser on the verified results, so the counts always agree with
 * the list: within one filter any selected value may match, across filters all must.
 */
import type { PlanResult } from './engine.ts';

/** The filters offered, in order; their names are the page's words (`facets` of the search messages). */
export const FACETS = [{ key: 'region' }, { key: 'level' }, { key: 'kind' }, { key: 'period' }] as const;
export type FacetKey = (typeof FACETS)[number]['key'];

/** Selected values per filter (an empty or missing set selects everything). */
export type Selection = Partial<Record<FacetKey, Set<string>>>;

function passes(result: PlanResult, selection: Selection, skip?: FacetKey): boolean {
  return FACETS.every(({ key }) => {
    const chosen = selection[key];
    if (key === skip || !chosen || chosen.size === 0) return true;
    return (result.page.filters[key] ?? []).some((v) => chosen.has(v));
  });
}

/** The results the selection keeps. */
export function applyFilters(results: readonly PlanResult[], selection: Selection): PlanResult[] {
  return results.filter((r) => passes(r, selection));
}

/**
 * Count per value of one filter among the results that pass the *other* filters (so choosing a value shows
 * what choosing it would give), in the order of `allValues` (Pagefind's list), then any others.
 */
export function facetCounts(results: readonly PlanResult[], selection: Selection, key: FacetKey, allValues: readonly string[] = []): [string, number][] {
  const counts = new Map<string, number>(allValues.map((v) => [v, 0]));
  for (const r of results) {
    if (!passes(r, selection, key)) continue;
    for (const v of r.page.filters[key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].filter(([v, n]) => n > 0 || selection[key]?.has(v));
}
