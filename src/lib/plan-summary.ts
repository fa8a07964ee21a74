/** The values a list of plans shows of each plan (and the search record's result line), from its model alone. */
import type { PlanDocument } from '../schemas/plan.ts';
import type { Kind } from '../schemas/registry.ts';
import { formatPeriod, planTitle } from './plan-view.ts';

/** The values a list of plans shows. */
export interface PlanSummary {
  slug: string;
  title: string;
  regionId: string | null;
  /** `天津市北辰区`. */
  regionName: string;
  periodText: string;
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
    kind: doc.meta.kind.value,
    kindLabel: allKinds.find((k) => k.id === doc.meta.kind.value)?.label ?? doc.meta.kind.value,
    docNumber: doc.meta.docNumber?.value ?? null,
    period: doc.meta.period ? { start: doc.meta.period.value.start, end: doc.meta.period.value.end } : null,
  };
}

