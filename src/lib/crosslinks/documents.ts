/** Documents cited in 《》 and the places that cite them: the document pages. */
import { createHash } from 'node:crypto';
import type { CitedDocument } from '../../schemas/documents.ts';
import type { PlanDocument } from '../../schemas/plan.ts';
import { planTitle } from '../plan-view.ts';
import { planPlaces, type PlanPlace } from './places.ts';
import { zhOrder } from '../collate.ts';
import { planOfCitation } from './plans-cited.ts';

/** A cited document and every place that cites it. */
export interface CitedDocumentView {
  /** URL segment: the registry id, or `k-<hash>` of the normalised title for an unregistered document. */
  slug: string;
  key: string;
  title: string;
  entry: CitedDocument | null;
  /** The plan on the site the document is (`planOfCitation`), `null` when it is not on the site. */
  plan: { slug: string; title: string } | null;
  /**
   * Citing places, grouped by plan (plans in collection order); `onSite`: the plan on the site this plan's citations
   * name; `self`: the plan is the document (its covering notice or its text names it: 现将《…》印发给你们), so it
   * does not cite it.
   */
  byPlan: { slug: string; planTitle: string; onSite: { slug: string; title: string } | null; self: boolean; places: PlanPlace[] }[];
}

export function documentSlug(key: string, registry: CitedDocument[]): string {
  return registry.some((d) => d.id === key) ? key : `k-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

export function citedDocumentViews(plans: PlanDocument[], registry: CitedDocument[]): CitedDocumentView[] {
  const views = new Map<string, CitedDocumentView>();
  const planOf = planOfCitation(plans, registry);
  const titles = new Map(plans.map((p) => [p.slug, planTitle(p)]));
  for (const doc of plans) {
    const places = planPlaces(doc);
    for (const c of doc.citations) {
      const entry = registry.find((d) => d.id === c.documentKey) ?? null;
      let view = views.get(c.documentKey);
      if (!view) {
        view = { slug: documentSlug(c.documentKey, registry), key: c.documentKey, title: entry?.title ?? c.title, entry, plan: null, byPlan: [] };
        views.set(c.documentKey, view);
      }
      let group = view.byPlan.find((g) => g.slug === doc.slug);
      if (!group) {
        const onSite = planOf(c, doc);
        // A plan on the site named in a build without it (a build of some seeds) is not on the site.
        const title = onSite ? titles.get(onSite) : undefined;
        group = { slug: doc.slug, planTitle: planTitle(doc), onSite: onSite && title ? { slug: onSite, title } : null, self: onSite === doc.slug, places: [] };
        view.byPlan.push(group);
        view.plan ??= group.onSite;
      }
      const at = Math.max(0, places.text(c.blockId).indexOf(`《${c.title}》`));
      group.places.push(places.at(c.blockId, at, at + c.title.length + 2));
    }
  }
  // Most-cited first (by the plans citing it: not itself), then by title.
  const citing = (v: CitedDocumentView) => v.byPlan.filter((g) => !g.self).length;
  return [...views.values()].sort((a, b) => citing(b) - citing(a) || zhOrder(a.title, b.title));
}

/** A plan on the site and the places where another plan cites it, or where it cites another. */
export interface PlanCitationLink {
  /** The other plan. */
  slug: string;
  planTitle: string;
  /** The citing places, in the citing plan. */
  places: PlanPlace[];
}

/** For each plan, the plans on the site it cites and those that cite it (not itself: its covering notice names it). */
export function planCitationLinks(views: readonly CitedDocumentView[]): Map<string, { cites: PlanCitationLink[]; citedBy: PlanCitationLink[] }> {
  const links = new Map<string, { cites: PlanCitationLink[]; citedBy: PlanCitationLink[] }>();
  const of = (slug: string) => links.get(slug) ?? links.set(slug, { cites: [], citedBy: [] }).get(slug)!;
  for (const view of views) {
    for (const g of view.byPlan) {
      if (!g.onSite || g.onSite.slug === g.slug) continue;
      of(g.slug).cites.push({ slug: g.onSite.slug, planTitle: g.onSite.title, places: g.places });
      of(g.onSite.slug).citedBy.push({ slug: g.slug, planTitle: g.planTitle, places: g.places });
    }
  }
  return links;
}
