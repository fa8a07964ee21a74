/** The values a list of plans shows of each plan (and the search record's result line), from its model alone. */
import type { PlanDocument } from '../schemas/plan.ts';
import type { Kind } from '../schemas/registry.ts';
import { formatPeriod, formatWhen, planTitle } from './plan-view.ts';
import { kindLabel } from './kind-label.ts';

/** The values a list of plans shows. */
export interface PlanSummary {
  slug: string;
  title: string;
  regionId: string | null;
  /** `天津市北辰区`. */
  regionName: string;
  periodText: string;
  /** The period, else the date with its verb (`2014年2月14日发布`), else `—` (`formatWhen`): what a list shows. */
  whenText: string;
  kind: string;
  kindLabel: string;
  docNumber: string | null;
  period: { start: number; end: number } | null;
}

export function summarize(doc: PlanDocument, allKinds: Kind[]): PlanSummary {
  return {
    slug: doc.slug,
    title: planTitle(doc),
    regionId: doc.meta.region?.value.id ?? null,
    regionName: doc.meta.region?.value.fullName ?? '—',
    periodText: formatPeriod(doc.meta.period?.value),
    whenText: formatWhen(doc),
    kind: doc.meta.kind.value,
    kindLabel: kindLabel(allKinds, doc.meta.kind.value, doc.meta.title?.value, 'zh'),
    docNumber: doc.meta.docNumber?.value ?? null,
    period: doc.meta.period ? { start: doc.meta.period.value.start, end: doc.meta.period.value.end } : null,
  };
}

const known = (part: string) => part !== '—';

/**
 * The line above a plan's title in a search result: `天津市北辰区 · 三年行动计划 · 2020—2022年` (a document without a
 * period: its date); a region or date not known is left out, not shown as `—`.
 */
export const kickerText = (s: PlanSummary): string => [s.regionName, s.kindLabel, s.whenText].filter(known).join(' · ');

/**
 * The line above a plan's title on its page, `三年行动计划 · 2020—2022年`: the breadcrumbs above it give the region, the
 * card under it the date (as the English page does).
 */
export const pageKickerText = (s: PlanSummary): string => [s.kindLabel, s.periodText].filter(known).join(' · ');

/** One sentence about a plan, the page's description and its feed entry's summary: `天津市北辰区三年行动计划，规划期2020—2022年。发文字号北辰政发〔2021〕5号。`. */
export function summaryLine(s: PlanSummary): string {
  const when = s.period ? `，规划期${s.periodText}` : s.whenText === '—' ? '' : `，${s.whenText}`;
  return `${s.regionName === '—' ? '' : s.regionName}${s.kindLabel}${when}。${s.docNumber ? `发文字号${s.docNumber}。` : ''}`;
}
