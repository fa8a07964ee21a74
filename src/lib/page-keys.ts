/**
 * The `cacheKey`s of pages (Astro's incremental build, astro.config.mjs): a page whose route code and key are those
 * of the last build is kept instead of rendered again. A key must change whenever anything the page shows could:
 * it is a digest of every input the page reads that is not code (Astro hashes the code itself). A key that misses
 * an input leaves a page stale after a rebuild (a fresh build is always right); tests/site/incremental-build.test.ts
 * compares a rebuild with a fresh build, file for file. So: a page (or a component it renders) that reads new data
 * adds it to its key here.
 */
import { BUILT_AT } from './build-time.ts';
import { digestOf } from './digest.ts';
import { chartsOfPage, citedDocuments, departmentLayout, departments, glossary, indicators, instrumentPlanPage, instruments, kinds, planReuse, plansDir, regionOverlay, themes } from './data.ts';
import { planFilesDigest } from './plan-files.ts';
import { planInstruments } from './instruments-view.ts';
import type { PlanAlignment } from './alignment.ts';
import type { RelatedSection } from './crosslinks/index.ts';
import type { PlanDocument } from '../schemas/plan.ts';

let registriesDigest: Promise<string> | undefined;

/** Every curated registry (`content/*.yaml`) at once: an edit to any re-renders the pages that key on it. */
export function allRegistriesDigest(): Promise<string> {
  registriesDigest ??= Promise.all([regionOverlay(), kinds(), departments(), glossary(), themes(), instruments(), indicators(), citedDocuments()]).then(digestOf);
  return registriesDigest;
}

/**
 * The key of a plan page (`plans/<slug>/`, both editions): its plan's document model; what is computed across the
 * library for it (related sections, alignments, text reuse, its charts with their peers, where its departments and
 * its instruments' lists put it); the registries; the date the page prints (`PrintHeader`); the page sizes.
 */
export async function planPageKey(doc: PlanDocument, related: ReadonlyMap<string, RelatedSection[]>, alignments: readonly PlanAlignment[]): Promise<string> {
  const [plan, reuse, registries, layout, charts, allInstruments] = await Promise.all([
    planFilesDigest(plansDir(), doc.slug, false),
    planReuse(doc.slug),
    allRegistriesDigest(),
    departmentLayout(),
    chartsOfPage(`plans/${doc.slug}/`),
    instruments(),
  ]);
  const departmentIds = doc.responsibilities.flatMap((r) => [...r.lead, ...r.support, ...r.shared].map((ref) => ref.departmentId));
  const instrumentPages = await Promise.all(planInstruments(doc, allInstruments).map(({ instrument }) => instrumentPlanPage(instrument.id, doc.slug)));
  return digestOf({
    plan,
    related,
    alignments,
    reuse,
    registries,
    departments: departmentIds.map((id) => [id, layout.pages.href.get(id) ?? null]),
    charts,
    instrumentPages,
    printed: BUILT_AT.toISOString().slice(0, 10),
    pageSize: process.env.SITE_PAGE_SIZE ?? '',
  });
}
