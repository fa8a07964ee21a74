/** Regions as a tree from the regions the plans carry (no registry): the region pages and the breadcrumbs. */
import type { PlanDocument, RegionLevel, RegionParent } from '../../schemas/plan.ts';
import { newestFirst } from '../plan-view.ts';

/** A region as the region pages show it: from a plan's `meta.region` (the region itself or one of its ancestors). */
export interface RegionPlace {
  id: string;
  code: string | null;
  name: string;
  /** With its ancestors (`天津市北辰区`). */
  fullName: string;
  level: RegionLevel;
  /** Ancestors, top-down. */
  parents: RegionParent[];
}

/** A region with the plans of it and of the regions under it. */
export interface RegionNode {
  region: RegionPlace;
  /** Plans whose region is exactly this one. */
  plans: PlanDocument[];
  children: RegionNode[];
}

const placesCache = new WeakMap<readonly PlanDocument[], Map<string, RegionPlace>>();

/**
 * Every region the plans name, with the ancestors of each, by id (no registry: plans carry their regions). Kept per
 * list of plans: pages of every department ask it of all plans, and a walk over 10,000 plans a page adds up.
 */
export function regionPlaces(plans: PlanDocument[]): Map<string, RegionPlace> {
  const cached = placesCache.get(plans);
  if (cached) return cached;
  const places = new Map<string, RegionPlace>();
  for (const p of plans) {
    const ref = p.meta.region?.value;
    if (!ref) continue;
    const chain = [...ref.parents, { id: ref.id, code: ref.code, name: ref.name, level: ref.level }];
    chain.forEach((r, i) => {
      if (!places.has(r.id)) places.set(r.id, { ...r, fullName: chain.slice(0, i + 1).map((x) => x.name).join(''), parents: chain.slice(0, i) });
    });
  }
  placesCache.set(plans, places);
  return places;
}

/** The regions that have plans, with their ancestors, as a tree from the top (province › city › district/county). */
export function regionTree(plans: PlanDocument[]): RegionNode[] {
  // Grouped once, so that the tree is linear in the plans and regions (not one pass over all plans per region).
  const byParent = Map.groupBy(regionPlaces(plans).values(), (r) => r.parents.at(-1)?.id ?? null);
  const plansOf = Map.groupBy(plans, (p) => p.meta.region?.value.id ?? null);
  const build = (parent: string | null): RegionNode[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => (a.code ?? '999999').localeCompare(b.code ?? '999999') || a.id.localeCompare(b.id))
      .map((region) => ({ region, plans: plansOf.get(region.id) ?? [], children: build(region.id) }));
  return build(null);
}

/** Every plan of a region node and its descendants. */
export function plansUnder(node: RegionNode): PlanDocument[] {
  return [...node.plans, ...node.children.flatMap(plansUnder)];
}

/**
 * A region page's list: the region's own documents, then those of the regions under it (each has its page too),
 * each part newest first (`newestFirst`: they stood in the order of the seed files, 2014 before 2021 before 2016).
 */
export function regionPagePlans(node: RegionNode): PlanDocument[] {
  return [...[...node.plans].sort(newestFirst), ...node.children.flatMap(plansUnder).sort(newestFirst)];
}

/** All nodes of a tree, depth first. */
export function flattenRegions(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenRegions(n.children)]);
}
