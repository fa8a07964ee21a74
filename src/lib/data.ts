/**
 * The site's data access: plans (document models) and registries from the content collections, loaded once
 * per build. Pages and components import from here, never from `astro:content` directly.
 */
import { getCollection } from 'astro:content';
import { byRegistryId, type RegistryName } from './registry-files.ts';
import type { PlanDocument } from '../schemas/plan.ts';
import type { Kind, RegionOverlayEntry } from '../schemas/registry.ts';
import type { Department } from '../schemas/departments.ts';
import type { CitedDocument } from '../schemas/documents.ts';
import type { Term } from '../schemas/glossary.ts';
import type { Theme } from '../schemas/themes.ts';
import type { Instrument } from '../schemas/instruments.ts';
import { incentivesBySubject, type SubjectGroup } from './incentives-view.ts';
import type { SupportSubject } from '../schemas/support-subjects.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { PreparedPlanReuse, ReuseSummary } from './reuse/prepared.ts';
import { planReuseFile, readPlans, readPrepared, readReuseRecord, reuseRecordFile, reuseSummaryFile, validatedPlans, type PlanReuseRecord } from './plan-files.ts';
import { codeDigest } from '../../scripts/lib/code-digest.ts';
import type { ChartEntry } from './chart-catalog.ts';
import { chartOfRef, readChartGroup, readChartRefs, type ChartRef } from './prepared-charts.ts';
import { summarize, type PlanSummary } from './plan-summary.ts';
import { planTitle } from './plan-view.ts';
import { PAGE_SIZE, pageOfIndex } from './page-sizes.ts';
import { departmentPages, departmentViews, type DepartmentPages, type DepartmentView } from './crosslinks/departments.ts';
import { citedDocumentViews, planCitationLinks, type CitedDocumentView, type PlanCitationLink } from './crosslinks/documents.ts';
import { regionTree, type RegionNode } from './crosslinks/regions.ts';
import { termViews, type TermView } from './crosslinks/terms.ts';
import { comparedPlans, restatedPlans } from './crosslinks/plans-cited.ts';
import { themeSections, type RelatedSection } from './crosslinks/related-sections.ts';
import { planAlignments, type PlanAlignment } from './alignment.ts';
import { planFacets, type FacetValue } from './plan-facets.ts';
import { isDevServer } from './vite-env.ts';

let plansCache: Promise<PlanDocument[]> | undefined;

/** Where `scripts/ingest.ts` wrote the plans; `scripts/build.ts --plans DIR` points it elsewhere (tests, benchmark). */
export const plansDir = (): string => process.env.PLANS_DIR ?? 'content/plans';

/**
 * Every plan, ordered by source file (the order of `seeds/`): the document models `scripts/ingest.ts` wrote and
 * `scripts/prepare.ts` validated (in `astro dev`, validated here). Read from the files rather than through a content
 * collection: Astro's data store keeps every entry in memory twice and serialises the whole store into one string, which a library of 10,000 plans
 * (about 540 MB of models) does not fit (V8's longest string is 512 MB; issue 15).
 */
export function allPlans(): Promise<PlanDocument[]> {
  // In `astro dev` a re-ingest changes the files under a running server: read them again on each request.
  if (isDevServer()) return readPlans(plansDir());
  // Validated by the prepare stage of this build (or an earlier one, for an unchanged file and the same code).
  plansCache ??= readPlans(plansDir(), validatedPlans(plansDir(), codeDigest()));
  return plansCache;
}

let reuseSummaryCache: Promise<ReuseSummary> | undefined;

/**
 * The text reuse across the library as the reuse page lists it: every plan's counts and the passages most plans
 * share, computed before rendering by `scripts/prepare.ts` (src/lib/reuse/prepared.ts).
 */
export function reuseSummary(): Promise<ReuseSummary> {
  if (isDevServer()) return readPrepared<ReuseSummary>(reuseSummaryFile(plansDir()));
  reuseSummaryCache ??= readPrepared<ReuseSummary>(reuseSummaryFile(plansDir()));
  return reuseSummaryCache;
}

/** What the page of plan `slug` shows of its reused text, read when the page renders (never kept). */
export function planReuse(slug: string): Promise<PreparedPlanReuse> {
  return readPrepared<PreparedPlanReuse>(planReuseFile(plansDir(), slug));
}

/**
 * What the page keys read of plan `slug`'s reuse file: the digests of its text and of its reused blocks, from the
 * record `scripts/prepare.ts` wrote beside the files (src/lib/plan-files.ts `ReuseRecord`), read once per build.
 */
export async function planReuseRecord(slug: string): Promise<PlanReuseRecord> {
  const found = (await reuseRecords()).plans[slug];
  if (!found) throw new Error(`${reuseRecordFile(plansDir())} has no plan ${slug}: run \`node scripts/prepare.ts --plans ${plansDir()}\` after ingest (npm run build and npm run dev run it)`);
  return found;
}

const reuseRecords = perBuild(async () => readReuseRecord(plansDir()));

let chartIndexCache: Promise<ChartLookup> | undefined;

interface ChartLookup {
  all: ChartRef[];
  byId: Map<string, ChartRef>;
  byPage: Map<string, ChartRef[]>;
}

/**
 * The chart catalog's index, as `scripts/prepare.ts` wrote it (src/lib/prepared-charts.ts): every chart's id, page,
 * group and digest in catalog order, by id and by page. The charts' models are read per page (`chartOf`).
 */
function chartLookup(): Promise<ChartLookup> {
  const read = async (): Promise<ChartLookup> => {
    const all = readChartRefs(plansDir());
    return { all, byId: new Map(all.map((c) => [c.id, c])), byPage: Map.groupBy(all, (c) => c.page) };
  };
  if (isDevServer()) return read();
  chartIndexCache ??= read();
  return chartIndexCache;
}

/** The charts with something to draw: each has its SVG and CSV files and its embed page; an empty one has none. */
export async function drawnCharts(): Promise<ChartRef[]> {
  return (await chartLookup()).all.filter((c) => !c.empty);
}

/** `drawnCharts()` as the routes of those files and pages: `[id]`, with the chart's ref as the page's prop. */
export async function chartRoutes(): Promise<{ params: { id: string }; props: { ref: ChartRef } }[]> {
  return (await drawnCharts()).map((ref) => ({ params: { id: ref.id }, props: { ref } }));
}

/** The entry a ref names, read from its group's file when a page renders (only the last group read is kept). */
export async function chartOf(ref: ChartRef): Promise<ChartEntry> {
  return chartOfRef(ref, lastChartGroup);
}

/**
 * The last chart group read, kept: the embed pages of one plan's charts render one after the other (their routes
 * are in catalog order, a plan's charts together), and each read and parsed the plan's whole group (≈ 30 KB) again.
 * Not in `astro dev`, where a group changes when prepare runs again.
 */
let lastGroup: { group: string; entries: ChartEntry[] } | undefined;
function lastChartGroup(group: string): ChartEntry[] {
  if (isDevServer()) return readChartGroup(plansDir(), group);
  if (lastGroup?.group !== group) lastGroup = { group, entries: readChartGroup(plansDir(), group) };
  return lastGroup.entries;
}

/** The ref of the chart with this id; a missing one is a build error (the page and the catalog disagree). */
export async function chartRef(id: string): Promise<ChartRef> {
  const found = (await chartLookup()).byId.get(id);
  if (!found) throw new Error(`no chart ${id} in the catalog (src/lib/chart-catalog.ts)`);
  return found;
}

/** The ref of the chart with this id, or undefined where the catalog has none (an indicator without comparable values). */
export async function chartRefIfAny(id: string): Promise<ChartRef | undefined> {
  return (await chartLookup()).byId.get(id);
}

/** The chart with this id; a missing one is a build error. */
export async function chart(id: string): Promise<ChartEntry> {
  return chartOf(await chartRef(id));
}

/** The chart with this id, or undefined where the catalog has none. */
export async function chartIfAny(id: string): Promise<ChartEntry | undefined> {
  const ref = await chartRefIfAny(id);
  return ref && chartOf(ref);
}

/** The refs of the charts a page shows (`plans/<slug>/analysis/`), in catalog order: their digests key the page. */
export async function chartRefsOfPage(page: string): Promise<ChartRef[]> {
  return (await chartLookup()).byPage.get(page) ?? [];
}

/** The charts a page shows, in catalog order. */
export async function chartsOfPage(page: string): Promise<ChartEntry[]> {
  const groups = new Map<string, ChartEntry[]>();
  const read = (group: string) => groups.get(group) ?? groups.set(group, readChartGroup(plansDir(), group)).get(group)!;
  return (await chartRefsOfPage(page)).map((ref) => chartOfRef(ref, read));
}

/**
 * `compute` once per build process (in `astro dev` on every call: the files change under a running server). For a
 * view over the whole library that several routes and pages show: a page without parameters (the glossary, the
 * regions) renders in every part of a build and in both editions, and each computed its view afresh, as did the
 * sitemap, while the routes of the same things had computed it already (at 10,000 plans about 13 s of CPU a build,
 * also one that changed nothing). Shared: callers must not change what they get.
 */
function perBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let cache: Promise<T> | undefined;
  return () => (isDevServer() ? compute() : (cache ??= compute()));
}

/**
 * The entries of a registry collection (`content/*.yaml`), in `byRegistryId` order (src/lib/registry-files.ts), read
 * once per build: pages ask for them on every render (a plan page for five of them), and `getCollection` makes a new
 * copy of every entry each time. Shared: callers must not change the array.
 */
const registry = <T extends { id: string }>(name: RegistryName) =>
  // In `astro dev` an edited registry is seen on the next request.
  perBuild(async (): Promise<T[]> => byRegistryId((await getCollection(name)).map((e) => e.data as unknown as T)));

/** The curated region overlay (`content/regions.yaml`: English names, aliases); plans carry their regions themselves. */
export const regionOverlay = registry<RegionOverlayEntry>('regions');
export const kinds = registry<Kind>('kinds');
export const departments = registry<Department>('departments');
export const glossary = registry<Term>('glossary');
export const themes = registry<Theme>('themes');
export const instruments = registry<Instrument>('instruments');
export const indicators = registry<Indicator>('indicators');
export const citedDocuments = registry<CitedDocument>('documents');
export const supportSubjects = registry<SupportSubject>('supportSubjects');

/** Every plan's support standards by what they reward (src/lib/incentives-view.ts), for /incentives/. */
export const librarySupportStandards: () => Promise<SubjectGroup[]> = perBuild(async () => incentivesBySubject(await libraryComparedPlans(), await supportSubjects()));

export { summarize, type PlanSummary } from './plan-summary.ts';

/** Every plan's targets set beside the targets of the documents it cites (src/lib/alignment.ts). */
export const libraryAlignments: () => Promise<PlanAlignment[]> = perBuild(async () => {
  const [plans, documents, all] = await Promise.all([allPlans(), citedDocuments(), indicators()]);
  return planAlignments(plans, documents, all);
});

/** Every glossary term with the plans that use it. */
export const libraryTermViews: () => Promise<TermView[]> = perBuild(async () => termViews(await allPlans(), await glossary()));

/** The regions of the plans, as a tree. */
export const libraryRegionTree: () => Promise<RegionNode[]> = perBuild(async () => regionTree(await allPlans()));

/** Each theme's sections across the library, by theme id. */
export const libraryThemeSections: () => Promise<Map<string, readonly RelatedSection[]>> = perBuild(async () => {
  const plans = await allPlans();
  return new Map((await themes()).map((t) => [t.id, themeSections(plans, t.id)]));
});

/** Every cited document with the plans that cite it. */
export const libraryCitedDocuments: () => Promise<CitedDocumentView[]> = perBuild(async () => citedDocumentViews(await allPlans(), await citedDocuments()));
/** Each document about a plan on the site (an interpretation, a news report), with that plan's slug. */
export const libraryRestated: () => Promise<Map<string, string>> = perBuild(async () => restatedPlans(await allPlans(), await citedDocuments()));

/** Per plan, the documents on the site about it (its interpretations, news reports of its issue), in plan order. */
export const libraryAboutPlans: () => Promise<Map<string, { slug: string; title: string }[]>> = perBuild(async () => {
  const [plans, restated] = await Promise.all([allPlans(), libraryRestated()]);
  const about = new Map<string, { slug: string; title: string }[]>();
  for (const doc of plans) {
    const plan = restated.get(doc.slug);
    if (plan) about.set(plan, [...(about.get(plan) ?? []), { slug: doc.slug, title: planTitle(doc) }]);
  }
  return about;
});

/** Every plan by its slug (a page listing plans by slug names each one's region and period: PlanPlace.astro). */
export const libraryPlansBySlug: () => Promise<ReadonlyMap<string, PlanDocument>> = perBuild(async () => new Map((await allPlans()).map((p) => [p.slug, p])));

/** The plans the library's comparisons take: not the documents that restate a plan on the site. */
export const libraryComparedPlans: () => Promise<PlanDocument[]> = perBuild(async () => comparedPlans(await allPlans(), await libraryRestated()));

/** Per plan, the plans on the site it cites and those citing it (its analysis page). */
export const libraryPlanLinks: () => Promise<Map<string, { cites: PlanCitationLink[]; citedBy: PlanCitationLink[] }>> = perBuild(async () => planCitationLinks(await libraryCitedDocuments()));

/** The facets of the plan lists (kind, period, province), with the regions' English names from the overlay. */
export const libraryFacets: () => Promise<FacetValue[]> = perBuild(async () => {
  const [plans, allKinds, overlay] = await Promise.all([allPlans(), kinds(), regionOverlay()]);
  return planFacets(plans, allKinds, (id) => overlay.find((r) => r.id === id)?.nameEn);
});

/**
 * How many plans set a value of each indicator (any kind: target, baseline, achievement), and how many plans name
 * each instrument in how many sentences, by id: counted in one pass over the library, not one pass per indicator or
 * instrument (≈ 0.8 and 0.5 s at 10,000 plans, in pages that render in every build).
 */
export const libraryUsage: () => Promise<{ indicatorPlans: Map<string, number>; instruments: Map<string, { plans: number; sentences: number }> }> = perBuild(async () => {
  const indicatorPlans = new Map<string, number>();
  const instrumentUse = new Map<string, { plans: number; sentences: number }>();
  // A document restating a plan on the site does not count its indicators again (`restatedPlans`).
  const restated = await libraryRestated();
  for (const plan of await allPlans()) {
    if (!restated.has(plan.slug)) for (const id of new Set(plan.targets.map((t) => t.indicatorId))) if (id) indicatorPlans.set(id, (indicatorPlans.get(id) ?? 0) + 1);
    for (const m of plan.instruments) {
      const use = instrumentUse.get(m.instrumentId) ?? { plans: 0, sentences: 0 };
      instrumentUse.set(m.instrumentId, use);
      use.sentences++;
    }
    for (const id of new Set(plan.instruments.map((m) => m.instrumentId))) instrumentUse.get(id)!.plans++;
  }
  return { indicatorPlans, instruments: instrumentUse };
});

/**
 * Every department with its tasks, and where each is shown (its own page or its region's list, `departmentPages`),
 * once per build: every plan page links its departments there.
 */
export const departmentLayout: () => Promise<{ views: DepartmentView[]; pages: DepartmentPages }> = perBuild(async () => {
  const [plans, depts] = await Promise.all([allPlans(), departments()]);
  const views = departmentViews(plans, depts);
  return { views, pages: departmentPages(views, PAGE_SIZE.rows) };
});

export async function planSummaries(): Promise<PlanSummary[]> {
  const [plans, k] = await Promise.all([allPlans(), kinds()]);
  return plans.map((p) => summarize(p, k));
}

let instrumentPagesCache: Promise<Map<string, number>> | undefined;

/**
 * The page of `/instruments/<id>/` that lists a plan's sentences (the page lists plans in `allPlans` order, a page
 * of PAGE_SIZE.plansPerEntry at a time): for links to `#plan-<slug>` from plan pages and the matrix. Once per build.
 */
export async function instrumentPlanPage(instrumentId: string, slug: string): Promise<number> {
  instrumentPagesCache ??= allPlans().then((plans) => {
    const seen = new Map<string, number>();
    const pages = new Map<string, number>();
    for (const p of plans) {
      for (const id of new Set(p.instruments.map((m) => m.instrumentId))) {
        const index = seen.get(id) ?? 0;
        seen.set(id, index + 1);
        pages.set(`${id} ${p.slug}`, pageOfIndex(index, PAGE_SIZE.plansPerEntry));
      }
    }
    return pages;
  });
  return (await instrumentPagesCache).get(`${instrumentId} ${slug}`) ?? 1;
}
