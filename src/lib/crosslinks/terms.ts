/** Glossary terms and the first place each plan uses them: the glossary pages. */
import type { Term } from '../../schemas/glossary.ts';
import type { PlanDocument } from '../../schemas/plan.ts';
import { excerpt, planPlaces, type PlanPlace } from './places.ts';

/** A glossary term and its first mention in each plan that uses it. */
export interface TermView {
  term: Term;
  uses: PlanPlace[];
}

export function termViews(plans: PlanDocument[], glossary: Term[]): TermView[] {
  const uses = new Map<string, PlanPlace[]>(glossary.map((t) => [t.id, []]));
  for (const doc of plans) {
    const places = planPlaces(doc);
    const seen = new Set<string>();
    for (const b of doc.blocks) {
      const riches = b.kind === 'table' ? [...b.head.flat(), ...b.rows.flat()] : [b];
      for (const rich of riches) {
        for (const m of rich.marks) {
          if (m.kind !== 'term' || seen.has(m.termId)) continue;
          seen.add(m.termId);
          // The excerpt comes from the paragraph or the table cell that uses the term.
          uses.get(m.termId)?.push({ ...places.at(b.id), excerpt: excerpt(rich.text, m.start, m.end) });
        }
      }
    }
  }
  return glossary.map((term) => ({ term, uses: uses.get(term.id) ?? [] }));
}
