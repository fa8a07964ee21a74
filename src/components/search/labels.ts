/** Chinese labels for search filters (the values readers choose from on the search page). */
import type { RegionLevel } from '../../schemas/plan.ts';

/** Administrative level of a region, as the filter shows it. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  municipality: '直辖市',
  prefecture: '地级市',
  district: '市辖区',
  county: '县',
  'county-city': '县级市',
};

/** Plan period as a filter value: `2021—2025年` (the outlook year is not part of it), `2014年`. */
export function filterPeriod(period: { start: number; end: number } | null): string | null {
  if (!period) return null;
  return period.start === period.end ? `${period.start}年` : `${period.start}—${period.end}年`;
}
