/** Documents cited in 《》 and the places that cite them: the document pages. */
import { createHash } from 'node:crypto';
import type { CitedDocument } from '../../schemas/documents.ts';
import type { PlanDocument } from '../../schemas/plan.ts';
import { planTitle } from '../plan-view.ts';
import { planPlaces, type PlanPlace } from './places.ts';
import { zhOrder } from '../collate.ts';

/** A cited document and every place that cites it. */
export interface CitedDocumentView {
  /** URL segment: the registry id, or `k-<hash>` of the normalised title for an unregistered document. */
  slug: string;
  key: string;
  title: string;
  entry: CitedDocument | null;
  /** Citing places, grouped by plan (plans in collection order). */
  byPlan: { slug: string; planTitle: string; places: PlanPlace[] }[];
}

export function documentSlug(key: string, registry: CitedDocument[]): string {
  return registry.some((d) => d.id === key) ? key : `k-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

export function citedDocumentViews(plans: PlanDocument[], registry: CitedDocument[]): CitedDocumentView[] {
  const views = new Map<string, CitedDocumentView>();
  for (const doc of plans) {
    const places = planPlaces(doc);
    for (const c of doc.citations) {
      const entry = registry.find((d) => d.id === c.documentKey) ?? null;
      let view = views.get(c.documentKey);
      if (!view) {
        view = { slug: documentSlug(c.documentKey, registry), key: c.documentKey, title: entry?.title ?? c.title, entry, byPlan: [] };
        views.set(c.documentKey, view);
      }
      let group = view.byPlan.find((g) => g.slug === doc.slug);
      if (!group) {
        group = { slug: doc.slug, planTitle: planTitle(doc), places: [] };
        view.byPlan.push(group);
      }
      const at = Math.max(0, places.text(c.blockId).indexOf(`《${c.title}》`));
      group.places.push(places.at(c.blockId, at, at + c.title.length + 2));
    }
  }
  // Most-cited first, then by title.
  return [...views.values()].sort((a, b) => b.byPlan.length - a.byPlan.length || zhOrder(a.title, b.title));
}
