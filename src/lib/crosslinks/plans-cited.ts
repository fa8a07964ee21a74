/**
 * Which plan on the site a citation names. The registry says so for the documents it lists (`planSlug` in
 * content/documents.yaml); any other plan is found by its own title: a citation whose normalised title is the title of
 * one plan on the site names that plan (an interpretation's 《…》政策解读, a district plan citing its city's plan, a
 * covering notice its own plan). Not where two plans share the title, and not a title that names no region cited
 * from another region (`关于…的若干措施`: many regions issue documents so titled, and a citation carries no region).
 */
import { documentKey } from '../../../scripts/pipeline/citations.ts';
import type { CitedDocument } from '../../schemas/documents.ts';
import type { Citation, PlanDocument, RegionRef } from '../../schemas/plan.ts';

/** The slug of the plan on the site a citation in `citing` names, or `null`. */
export type PlanOfCitation = (citation: Citation, citing: PlanDocument) => string | null;

const namesRegion = (title: string, region: RegionRef) => [region.name, region.shortName, region.fullName].some((n) => n.length >= 2 && title.includes(n));

export function planOfCitation(plans: readonly PlanDocument[], registry: readonly CitedDocument[]): PlanOfCitation {
  const byKey = new Map<string, PlanDocument | null>();
  for (const doc of plans) {
    const title = doc.meta.title?.value;
    if (!title) continue;
    const key = documentKey(title);
    // Two plans of one title: no citation can say which it means.
    byKey.set(key, byKey.has(key) ? null : doc);
  }
  const entries = new Map(registry.map((d) => [d.id, d]));
  const built = new Set(plans.map((p) => p.slug));
  return (citation, citing) => {
    const entry = entries.get(citation.documentKey);
    // The registry's plan where this build has it; else (a build of other seeds, its texts under other slugs) the title's.
    if (entry?.planSlug && built.has(entry.planSlug)) return entry.planSlug;
    const keys = entry ? [entry.title, ...entry.aliases].map(documentKey) : [citation.documentKey];
    const plan = keys.map((k) => byKey.get(k)).find((p) => p);
    if (!plan) return null;
    const [there, here] = [plan.meta.region?.value, citing.meta.region?.value];
    if (there && here && there.id !== here.id && !namesRegion(plan.meta.title!.value, there)) return null;
    return plan.slug;
  };
}

/** Kinds of document that write about another: an interpretation (`other`: 政策解读, 问答) and a news report. */
const ABOUT_KINDS: readonly string[] = ['other', 'news'];

/** `近日，某市人民政府印发《…》`: a news report's opening sentence on the issue of the document it cites next. */
const ISSUED = /(?:印发|出台|发布|公布|颁布)了?$/u;

/** Whether the first sentence of `text` reports the issue of `《title》`. */
function reportsIssue(text: string, title: string): boolean {
  const at = text.indexOf(`《${title}》`);
  const end = text.search(/[。！？]/u);
  return at >= 0 && (end < 0 || at < end) && ISSUED.test(text.slice(0, at));
}

/**
 * The documents about a plan on the site, each with that plan's slug: an interpretation or a news report whose own
 * title cites the plan (`《…》政策解读`), or a news report whose opening sentence reports the plan's issue
 * (`近日，某市人民政府印发《…》`). Its values restate the plan's: they stay on its own pages, and the library's
 * comparisons take the plan's (`comparedPlans`).
 */
export function restatedPlans(plans: readonly PlanDocument[], registry: readonly CitedDocument[]): Map<string, string> {
  const planOf = planOfCitation(plans, registry);
  // What an interpretation or report is about is a document of another kind: two reports citing each other would
  // otherwise both leave the comparisons, and their values with them.
  const slugs = new Set(plans.filter((p) => !ABOUT_KINDS.includes(p.meta.kind.value)).map((p) => p.slug));
  const about = new Map<string, string>();
  for (const doc of plans) {
    if (!ABOUT_KINDS.includes(doc.meta.kind.value)) continue;
    const titles = new Set(doc.blocks.filter((b) => b.kind === 'title' && b.role === 'plan').map((b) => b.id));
    const opening = doc.meta.kind.value === 'news' ? doc.blocks.find((b) => b.kind === 'paragraph' && b.part === 'body') : undefined;
    const isAbout = (c: Citation) => titles.has(c.blockId) || (opening?.kind === 'paragraph' && c.blockId === opening.id && reportsIssue(opening.text, c.title));
    for (const c of doc.citations) {
      const slug = isAbout(c) ? planOf(c, doc) : null;
      if (slug && slug !== doc.slug && slugs.has(slug)) {
        about.set(doc.slug, slug);
        break;
      }
    }
  }
  return about;
}

/** The plans the library's comparisons take: all but those about a plan on the site (`restatedPlans`). */
export function comparedPlans<P extends PlanDocument>(plans: readonly P[], restated: ReadonlyMap<string, string>): P[] {
  return plans.filter((p) => !restated.has(p.slug));
}
