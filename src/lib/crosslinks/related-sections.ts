/** Sections of other plans on the same theme: the links after a plan's major headings, and the theme pages. */
import type { PlanDocument } from '../../schemas/plan.ts';
import type { Theme } from '../../schemas/themes.ts';
import { planTitle } from '../plan-view.ts';
import { headingTrails } from './heading-trails.ts';

/** A section of another plan on the same theme. */
export interface RelatedSection {
  slug: string;
  planTitle: string;
  sectionId: string;
  title: string;
  themeId: string;
  themeName: string;
}

/** The heading of each section, with its number (`（一）育才`), by section id. */
function sectionHeadings(doc: PlanDocument): (sectionId: string) => string {
  const trails = headingTrails(doc.blocks);
  return (sectionId) => trails.get(sectionId)?.at(-1) ?? sectionId;
}

type Candidate = { doc: PlanDocument; sectionId: string; themeIds: string[]; title: string };

/**
 * For each themed section of each plan (key `<slug>#<sectionId>`), sections of other plans that share its first
 * theme, best first (sections whose first theme is the same before those that only list it), at most `limit`.
 * It reads every section of every plan once: call it once per build (the plan pages do, in `getStaticPaths`), not
 * once per page, or the build grows as pages × sections (bench/results.md, "Scaling").
 */
export function relatedSections(plans: readonly PlanDocument[], themes: Theme[], limit = 4): Map<string, RelatedSection[]> {
  const candidates: Candidate[] = plans.flatMap((doc) => {
    const heading = sectionHeadings(doc);
    return doc.sectionThemes.map((s) => ({ doc, sectionId: s.sectionId, themeIds: s.themeIds, title: heading(s.sectionId) }));
  });
  // Sections by theme, best first: those that list the theme earlier, then in plan order (a stable sort).
  const byTheme = new Map<string, Candidate[]>();
  for (const c of candidates) {
    for (const t of new Set(c.themeIds)) {
      const list = byTheme.get(t);
      if (list) list.push(c);
      else byTheme.set(t, [c]);
    }
  }
  for (const [t, list] of byTheme) list.sort((a, b) => a.themeIds.indexOf(t) - b.themeIds.indexOf(t));
  const themeNames = new Map<string, string>();
  for (const t of themes) if (!themeNames.has(t.id)) themeNames.set(t.id, t.name);
  const related = new Map<string, RelatedSection[]>();
  for (const c of candidates) {
    const theme = c.themeIds[0];
    if (!theme) continue;
    const themeName = themeNames.get(theme) ?? theme;
    // One section per other plan: the best one.
    const perPlan = new Map<string, Candidate>();
    for (const m of byTheme.get(theme) ?? []) {
      if (perPlan.size >= limit) break;
      if (m.doc.slug !== c.doc.slug && !perPlan.has(m.doc.slug)) perPlan.set(m.doc.slug, m);
    }
    related.set(
      `${c.doc.slug}#${c.sectionId}`,
      [...perPlan.values()].map((m) => ({ slug: m.doc.slug, planTitle: planTitle(m.doc), sectionId: m.sectionId, title: m.title, themeId: theme, themeName })),
    );
  }
  return related;
}

const byThemeCache = new WeakMap<readonly PlanDocument[], Map<string, RelatedSection[]>>();

/**
 * Every plan's sections grouped by theme, in plan order: one walk over the plans per list of plans (the theme pages,
 * their English twins and the sitemap ask for each theme; a walk per theme and route read every heading of the
 * library some seventy times).
 */
function sectionsByTheme(plans: readonly PlanDocument[]): Map<string, RelatedSection[]> {
  let byTheme = byThemeCache.get(plans);
  if (byTheme) return byTheme;
  byTheme = new Map();
  for (const doc of plans) {
    if (doc.sectionThemes.length === 0) continue;
    const heading = sectionHeadings(doc);
    const title = planTitle(doc);
    for (const s of doc.sectionThemes) {
      for (const themeId of new Set(s.themeIds)) {
        const list = byTheme.get(themeId) ?? [];
        if (list.length === 0) byTheme.set(themeId, list);
        list.push({ slug: doc.slug, planTitle: title, sectionId: s.sectionId, title: heading(s.sectionId), themeId, themeName: '' });
      }
    }
  }
  byThemeCache.set(plans, byTheme);
  return byTheme;
}

/** Sections of every plan on a theme. */
export function themeSections(plans: readonly PlanDocument[], themeId: string): readonly RelatedSection[] {
  return sectionsByTheme(plans).get(themeId) ?? [];
}
