/** Display values of a plan, computed once from its frontmatter and the registries. */
import { getCollection, getEntry } from 'astro:content';
import type { PlanFrontmatter, Period } from '../schemas/plan.ts';

/** `2020—2022年`, `2014年`, `2021—2025年（展望2035年）`. */
export function formatPeriod(p: Period | null): string {
  if (!p) return '—';
  const span = p.start === p.end ? `${p.start}年` : `${p.start}—${p.end}年`;
  return p.outlook ? `${span}（展望${p.outlook}年）` : span;
}

export interface PlanSummary {
  slug: string;
  title: string;
  regionName: string;
  periodText: string;
  kindLabel: string;
}

export async function describePlan(fm: PlanFrontmatter): Promise<PlanSummary> {
  const region = fm.region ? await getEntry('regions', fm.region) : undefined;
  const kinds = await getCollection('kinds');
  return {
    slug: fm.slug,
    title: fm.title,
    regionName: region?.data.fullName ?? '—',
    periodText: formatPeriod(fm.period),
    kindLabel: kinds.find((k) => k.id === fm.kind)?.data.label ?? fm.kind,
  };
}
