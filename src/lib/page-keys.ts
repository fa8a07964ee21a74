/**
 * The `cacheKey`s of pages (Astro's incremental build, astro.config.mjs): a page whose route code and key are those
 * of the last build is kept instead of rendered again. A key must change whenever anything the page shows could:
 * it is a digest of every input the page reads that is not code (Astro hashes the code itself). A key that misses
 * an input leaves a page stale after a rebuild (a fresh build is always right); tests/site/incremental-build.test.ts
 * compares a rebuild with a fresh build, file for file. So: a page (or a component it renders) that reads new data
 * adds it to its key here.
 */
import { isInThisPart } from './build-part.ts';
import { digestOf } from './digest.ts';
import { allPlans, chartRefsOfPage, citedDocuments, departmentLayout, departments, glossary, indicators, instrumentPlanPage, instruments, kinds, planReuseRecord, regionOverlay, supportSubjects, themes } from './data.ts';
import { planFileDigest } from './plan-files.ts';
import { planInstruments } from './instruments-view.ts';
import type { PlanAlignment } from './alignment.ts';
import type { RelatedSection } from './crosslinks/index.ts';
import type { PlanDocument } from '../schemas/plan.ts';

const registries = () => Promise.all([regionOverlay(), kinds(), departments(), glossary(), themes(), instruments(), indicators(), citedDocuments(), supportSubjects()]);

let registriesDigest: Promise<string> | undefined;

/** Every curated registry (`content/*.yaml`) at once: an edit to any re-renders the pages that key on it. */
export function allRegistriesDigest(): Promise<string> {
  registriesDigest ??= registries().then((all) => digestOf(all));
  return registriesDigest;
}

let standIns: Promise<Map<object, string>> | undefined;

/**
 * What a page key writes as a name instead of in full (`digestOf`): each plan document, as the digest of its file
 * (a list page holds dozens; writing them out for each page would cost more than rendering it), and each registry
 * array, by its place (the key holds `allRegistriesDigest` anyway). By identity: these are the very objects
 * `allPlans()` and the registry readers hand out, once per build.
 */
function pageStandIns(): Promise<Map<object, string>> {
  standIns ??= (async () => {
    const [plans, all] = await Promise.all([allPlans(), registries()]);
    const names = new Map<object, string>();
    all.forEach((registry, i) => names.set(registry, `registry:${i}`));
    for (const doc of plans) names.set(doc, `plan:${doc.slug}:${planFileDigest(doc)}`);
    return names;
  })();
  return standIns;
}

/**
 * The digest of an object a page key holds (a prop, a chart), once per object and process: the same object is in the
 * keys of many pages (a paginated list's entry; a chart, in its embed page's key and its plan's analysis page's),
 * and at 10,000 plans writing each out for every key took most of the route setup. By identity: the objects come
 * from the build's caches and are not changed after. (A chart is named by its ref, which carries the digest prepare
 * computed: src/lib/prepared-charts.ts.)
 */
const objectDigests = new WeakMap<object, string>();

function objectDigest(v: unknown, names: ReadonlyMap<object, string>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  let d = objectDigests.get(v);
  if (d === undefined) objectDigests.set(v, (d = digestOf(v, (o) => names.get(o))));
  return d;
}

type PathOf<P> = { params: Readonly<Record<string, string | number | undefined>>; props?: P };

/**
 * A route's getStaticPaths whose pages render only what they are given: each of this process's pages gets a
 * `cacheKey`, the digest of its props (plan documents and registries by name), of `extraOf(path)` (what the page
 * reads besides its props: a chart, say), of the registries and of the page sizes. For a route whose page and
 * components read no other data; one that does says so in `extraOf`.
 * Keeps the arity of `getStaticPaths` (`inThisPart` computes one without arguments once per process).
 */
export function keyedPaths<A extends unknown[], P, R extends PathOf<P>[]>(
  getStaticPaths: (...args: A) => R | Promise<R>,
  extraOf: (path: R[number]) => unknown = () => null,
): (...args: A) => Promise<(R[number] & { cacheKey: string })[]> {
  const keyed = async (...args: A) => {
    const paths = (await getStaticPaths(...args)).filter((p) => isInThisPart(p.params));
    const [names, registriesKey] = await Promise.all([pageStandIns(), allRegistriesDigest()]);
    const standIn = (v: object) => names.get(v);
    const pageSize = process.env.SITE_PAGE_SIZE ?? '';
    return Promise.all(
      paths.map(async (path) => {
        // A prop that several pages share (the entry whose list is paginated) is written out once, not once a page.
        const props = Object.entries(path.props ?? {}).map(([name, value]) => [name, objectDigest(value, names)]);
        return { ...path, cacheKey: digestOf({ props, extra: await extraOf(path), registries: registriesKey, pageSize }, standIn) };
      }),
    );
  };
  Object.defineProperty(keyed, 'length', { value: getStaticPaths.length });
  return keyed;
}

/**
 * The key of a plan's text page (`plans/<slug>/`, both editions): its plan's document model; what is computed across
 * the library for it (related sections; which paragraphs other plans also print, for their mark; where its
 * departments' lists put it; the documents about it, its interpretations); the registries; the page sizes. Not the build's date that `PrintHeader` prints where no
 * script fills in the print date: a kept page says the day it was rendered, which is true of it. Not the charts,
 * alignments or instruments: they are on the analysis page, so that a plan added elsewhere, which moves the peer
 * figures of thousands of plans, renders their light analysis pages and not their texts (issue 15).
 */
export async function planPageKey(doc: PlanDocument, related: ReadonlyMap<string, RelatedSection[]>, aboutIt: readonly { slug: string; title: string }[]): Promise<string> {
  const [reuse, registries, layout] = await Promise.all([planReuseRecord(doc.slug), allRegistriesDigest(), departmentLayout()]);
  const departmentIds = doc.responsibilities.flatMap((r) => [...r.lead, ...r.support, ...r.shared].map((ref) => ref.departmentId));
  return digestOf({
    plan: planFileDigest(doc),
    related,
    aboutIt,
    reusedBlocks: reuse.reusedBlocks,
    registries,
    departments: departmentIds.map((id) => [id, layout.pages.href.get(id) ?? null]),
    pageSize: process.env.SITE_PAGE_SIZE ?? '',
  });
}

/**
 * The key of a plan's analysis page (`plans/<slug>/analysis/`, both editions): its plan's document model, its
 * alignments, its text reuse, its charts (with their peers), where its instruments' lists put it, the registries
 * and the page sizes.
 */
export async function planAnalysisKey(doc: PlanDocument, alignments: readonly PlanAlignment[], library: unknown): Promise<string> {
  const [registries, charts, allInstruments, reuse] = await Promise.all([allRegistriesDigest(), chartRefsOfPage(`plans/${doc.slug}/analysis/`), instruments(), planReuseRecord(doc.slug)]);
  const instrumentPages = await Promise.all(planInstruments(doc, allInstruments).map(({ instrument }) => instrumentPlanPage(instrument.id, doc.slug)));
  return digestOf({
    plan: planFileDigest(doc),
    alignments,
    library,
    reuse: reuse.file,
    registries,
    charts: charts.map((chart) => chart.digest),
    instrumentPages,
    pageSize: process.env.SITE_PAGE_SIZE ?? '',
  });
}
