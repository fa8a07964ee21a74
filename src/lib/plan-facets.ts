/**
 * The ways to browse a long list of plans without JavaScript (issue 15): by kind, by period, by province, each
 * value a pre-built, paginated page under /browse/<facet>/. Pure, so that tests can read it.
 */
import type { PlanDocument } from '../schemas/plan.ts';
import type { Kind } from '../schemas/registry.ts';
import { formatPeriod } from './plan-view.ts';
import { periodEn } from './i18n/english.ts';

export type FacetGroup = 'kind' | 'period' | 'province';

/** One value of a facet and the plans that have it, in the order of the list. */
export interface FacetValue {
  /** URL segment: `kind-<id>`, `period-<start>-<end>`, `province-<region id>`, `province-none`, `period-none`. */
  id: string;
  group: FacetGroup;
  /** As the Chinese site names it (empty for `*-none`); `labelEn` for the English site (registry English only; null: show the Chinese, marked). */
  label: string;
  labelEn: string | null;
  slugs: string[];
}

/** The province a plan's region lies in (itself when it is one), or null. */
function provinceOf(doc: PlanDocument): { id: string; name: string; code: string | null } | null {
  const region = doc.meta.region?.value;
  if (!region) return null;
  if (region.level === 'province') return { id: region.id, name: region.name, code: region.code };
  const top = region.parents.find((p) => p.level === 'province');
  return top ? { id: top.id, name: top.name, code: top.code } : null;
}

/** Every facet value of `plans` (in list order), values of a group in a stable order: kinds as the registry, periods by years, provinces by code. */
export function planFacets(plans: PlanDocument[], kinds: Kind[], provinceNameEn: (id: string) => string | undefined): FacetValue[] {
  const values = new Map<string, FacetValue & { order: string }>();
  const add = (id: string, group: FacetGroup, label: string, labelEn: string | null, order: string, slug: string) => {
    const v = values.get(id) ?? { id, group, label, labelEn, order, slugs: [] };
    v.slugs.push(slug);
    values.set(id, v);
  };
  for (const doc of plans) {
    const kind = doc.meta.kind.value;
    const k = kinds.findIndex((x) => x.id === kind);
    add(`kind-${kind}`, 'kind', kinds[k]?.label ?? kind, kinds[k]?.labelEn ?? null, String(k < 0 ? 999 : k).padStart(3, '0'), doc.slug);
    const period = doc.meta.period?.value;
    if (period) add(`period-${period.start}-${period.end}${period.outlook ? `-${period.outlook}` : ''}`, 'period', formatPeriod(period), periodEn(period), `${period.start}-${period.end}-${period.outlook ?? 0}`, doc.slug);
    else add('period-none', 'period', '', null, '~', doc.slug);
    const province = provinceOf(doc);
    if (province) add(`province-${province.id}`, 'province', province.name, provinceNameEn(province.id) ?? null, province.code ?? province.id, doc.slug);
    else add('province-none', 'province', '', null, '~', doc.slug);
  }
  const groupOrder: FacetGroup[] = ['kind', 'period', 'province'];
  return [...values.values()]
    // A value not recognised (`*-none`) last in its group; the rest by code-point order of `order` (digits, ids).
    .sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || Number(a.id.endsWith('-none')) - Number(b.id.endsWith('-none')) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ order: _order, ...v }) => v);
}
