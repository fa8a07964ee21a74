/**
 * Which definition of a glossary term holds for a plan (issue 13): a term defined region by region (雏鹰企业 by
 * Tianjin's 津科规〔2021〕3号) links a plan of that region to that region's definition, a plan elsewhere to the
 * definition that holds everywhere, or, with none, to a note that no definition for the plan's region is
 * recorded: a Hebei plan must not be shown Tianjin's rules. Pure: tested in definitions.test.ts.
 */
import type { ClaimText } from '../schemas/sourced.ts';
import type { RegionalDefinition, Term } from '../schemas/glossary.ts';
import type { RegionRef } from '../schemas/plan.ts';

/** The region of a plan that a definition can name: the plan's own region and its ancestors, province first. */
type PlanRegion = Pick<RegionRef, 'id' | 'name' | 'parents'>;

/** What the term page shows for one plan, and where on it the plan's link lands. */
export type DefinitionForPlan =
  /** The definition of the plan's region (or of a region above it). */
  | { kind: 'regional'; definition: RegionalDefinition; regionName: string; anchor: string }
  /** The definition that holds everywhere; the term has no definition for the plan's region. */
  | { kind: 'general'; definition: ClaimText; anchor: string | null }
  /** No definition holds: the term is defined for other regions only. `region` is the plan's province. */
  | { kind: 'none'; region: { id: string; name: string }; anchor: string };

/** Anchor of a region's definition, or of the note that a region has none, on the term page. */
export const regionAnchor = (regionId: string): string => `def-${regionId}`;
/** Anchor of the definition that holds everywhere, on a term page that also has regional ones. */
export const GENERAL_ANCHOR = 'def-general';

/** A region and its ancestors, nearest first (a county's own definition wins over its province's). */
const lineage = (r: PlanRegion): { id: string; name: string }[] => [{ id: r.id, name: r.name }, ...[...r.parents].reverse()];

/** The plan's province (or the region itself when it is one): the region a missing definition is named for. */
export function provinceOf(r: PlanRegion): { id: string; name: string } {
  const top = r.parents[0];
  return top ? { id: top.id, name: top.name } : { id: r.id, name: r.name };
}

/**
 * The definition of `term` for a plan of `region` (`null`: a plan whose region is not known). A term without
 * regional definitions always gives its general one, with no anchor: its page has one definition.
 */
export function definitionFor(term: Pick<Term, 'definition' | 'byRegion'>, region: PlanRegion | null): DefinitionForPlan | null {
  if (term.byRegion.length === 0) return term.definition ? { kind: 'general', definition: term.definition, anchor: null } : null;
  if (region) {
    for (const r of lineage(region)) {
      const d = term.byRegion.find((x) => x.region === r.id);
      if (d) return { kind: 'regional', definition: d, regionName: r.name, anchor: regionAnchor(d.region) };
    }
  }
  if (term.definition) return { kind: 'general', definition: term.definition, anchor: GENERAL_ANCHOR };
  if (!region) return null;
  const province = provinceOf(region);
  return { kind: 'none', region: province, anchor: regionAnchor(province.id) };
}

/**
 * The regions the term page must speak of besides its definitions: the provinces of plans that use the term and
 * get no definition (`kind: 'none'`), each once, in the order of `regions`.
 */
export function regionsWithoutDefinition(term: Pick<Term, 'definition' | 'byRegion'>, regions: PlanRegion[]): { id: string; name: string }[] {
  const out = new Map<string, { id: string; name: string }>();
  for (const r of regions) {
    const d = definitionFor(term, r);
    if (d?.kind === 'none') out.set(d.region.id, d.region);
  }
  return [...out.values()];
}
