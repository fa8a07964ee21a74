/** Chinese labels for search filters (the values readers choose from on the search page). */
import { REGION_LEVEL_LABELS, formatPeriod } from '../plan-view.ts';

/** Administrative level of a region, as the filter shows it. */
export { REGION_LEVEL_LABELS };

/** Plan period as a filter value: `2021—2025年` (the outlook year is not part of it), `2014年`. */
export function filterPeriod(period: { start: number; end: number } | null): string | null {
  return period ? formatPeriod({ ...period, outlook: null }) : null;
}
