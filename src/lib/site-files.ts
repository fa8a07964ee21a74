/**
 * The site's files that are not pages, made from the plans and registries alone: each plan's source text
 * (`sources/<slug>.txt`), document model as open data (`data/plans/<slug>.json`), search record
 * (`search/blocks/<slug>.json.gz`) and citation files (`plans/<slug>/cite.*`), each drawn chart's SVG in both
 * editions and its data as CSV (`charts/<id>.svg|csv`, `en/charts/<id>.svg`), and the open data of every plan at
 * once (src/lib/open-data-files.ts; issue 15: as Astro endpoints each build part rendered them all again, 42 s a
 * part at 10,000 plans).
 *
 * Why not Astro endpoints: they were, and at 3,000 plans these 31,530 files cost 1–2 ms each in Astro's page
 * pipeline (request, middleware, logging) on top of their own work (a fraction of that); a library of 10,000 plans
 * has some 100,000 of them. scripts/site-files.ts writes them after `astro build`; the dev server makes each on request
 * (src/lib/site-files-dev.ts). Paths are relative to the site's base.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { simplify, traditionalForms } from '../../scripts/pipeline/lexicon/fold.ts';
import { chartCsv, type ChartEntry } from './chart-catalog.ts';
import { chartOfRef, readChartGroup, readChartRefs, type ChartRef } from './prepared-charts.ts';
import { standaloneSvg } from './charts/svg.ts';
import { citationRecord } from './cite-formats.ts';
import { CITE_FILES } from './cite-files.ts';
import { openDataFiles, openDataKey, preparedOpenDataFile, preparedOpenDataKey, readSiteRegistries, type SiteRegistries } from './open-data-files.ts';
import { ui, type Locale } from './i18n/index.ts';
import { metaRows } from './plan-view.ts';
import { kickerText, summarize } from './plan-summary.ts';
import { searchRecord } from './search/records.ts';
import { planUrl } from './url.ts';
import { planShelf, type PlanShelf } from './plan-files.ts';
import { codeDigest } from '../../scripts/lib/code-digest.ts';

/**
 * The paths these files can have (relative to the base): the dev server asks this before making the list, so that
 * a page or an asset is not held up by it. A unit test checks that every file's path matches.
 */
export const SITE_FILE_PATH = /^(?:search\/traditional\.json\.gz|data\/(?:targets\.(?:json|csv)|plans\.csv|instruments\.csv|incentives\.csv|alignment\.json)|sources\/[^/]+\.txt|data\/plans\/[^/]+\.json|search\/blocks\/[^/]+\.json\.gz|plans\/[^/]+\/cite\.(?:ris|bib|json)|(?:en\/)?charts\/(?:phone\/)?[^/]+\.svg|charts\/[^/]+\.csv)$/u;

/** What the files are made from. */
export interface SiteFilesInput extends SiteRegistries {
  /** Where ingest wrote the plans (the source texts are read from there). */
  plansDir: string;
  /** The plans, each read when a file needs it: a rebuild that makes a few plans' files reads only those. */
  plans: PlanShelf;
  /** The digest of the code (scripts/lib/code-digest.ts), part of what every file is made of. */
  code: string;
  /** The site's address (astro.config.mjs `site`): citation files and chart CSVs name pages by full URL. */
  site: URL;
}

/**
 * One file: its path under the site's base, its content type, and its bytes, made when asked for: whole, or as
 * text chunks written one after the other (a file of every plan).
 */
export interface SiteFile {
  path: string;
  type: string;
  body: () => string | Uint8Array | Iterable<string> | Promise<string | Uint8Array>;
  /**
   * What the file is made of besides the code, the registries and the site's address: a build keeps a file whose
   * key is as at the last build instead of making it again (scripts/site-files.ts).
   */
  key: () => unknown;
  /**
   * The file prepare wrote with these very bytes (the open data: src/lib/open-data-files.ts): the build links it into
   * the site instead of making the file; `body` reads it.
   */
  prepared?: string;
}

/**
 * A chart's standalone SVG in one edition: that edition's drawing and words, the same values and id in both; with
 * `phone`, its drawing for a phone's screen (`ChartEntry.phone`).
 */
export function chartSvg(chart: ChartEntry, locale: Locale, phone = false): string {
  const en = locale === 'en';
  const t = ui(locale);
  // The page's title, not its URL: the plan page prints the image, and a printed plan carries no URL in its text.
  const source = [`${t.chartSourcesLabel}${t.siteName}`, en ? chart.pageTitleEn : chart.pageTitle] as const;
  const drawn = phone ? chart.phone : chart;
  return standaloneSvg(en ? drawn.modelEn : drawn.model, chart.id, source, locale);
}

/** The files of one plan: its document is read only when one of them is made. */
function planFiles(slug: string, input: SiteFilesInput): SiteFile[] {
  const doc = () => input.plans.plan(slug);
  const summary = () => summarize(doc(), input.kinds);
  const key = () => ({ plan: input.plans.digest(slug) });
  const sourceFile = join(input.plansDir, `${slug}.txt`);
  const citation = () => citationRecord(doc(), summary().kindLabel, new URL(planUrl(slug), input.site).href);
  return [
    // Decoded at ingest where the seed was GBK or UTF-16: always UTF-8 here.
    { path: `sources/${slug}.txt`, type: 'text/plain; charset=utf-8', body: () => readFile(sourceFile, 'utf8'), key: () => ({ source: createHash('sha1').update(readFileSync(sourceFile)).digest('hex') }) },
    { path: `data/plans/${slug}.json`, type: 'application/json; charset=utf-8', body: () => JSON.stringify(doc()), key },
    {
      // gzip-compressed here as Pagefind compresses its own files, so that what a reader downloads does not depend
      // on the host compressing JSON.
      path: `search/blocks/${slug}.json.gz`,
      type: 'application/gzip',
      body: () => {
        const s = summary();
        // The line above the plan's title (plans/[slug]/index.astro).
        const kicker = kickerText(s);
        return gzipSync(JSON.stringify(searchRecord(doc(), s, metaRows(doc(), input.kinds), kicker, simplify)), { level: 9 });
      },
      key,
    },
    ...CITE_FILES.map((f) => ({ path: `plans/${slug}/${f.file}`, type: f.type, body: () => f.render(citation()), key })),
  ];
}

/** The files of one drawn chart: made from its entry, read from the prepared catalog only when a file is made. */
function chartFiles(ref: ChartRef, charts: ChartSource, input: SiteFilesInput): SiteFile[] {
  // The drawing is made from the chart alone (its digest, computed by prepare); its CSV also from the plans it draws.
  const drawing = () => ({ chart: ref.digest });
  const table = () => ({ ...drawing(), plans: ref.tablePlans.map((slug) => input.plans.digest(slug) ?? null) });
  return [
    { path: `charts/${ref.id}.svg`, type: 'image/svg+xml; charset=utf-8', body: () => chartSvg(charts.entry(ref), 'zh-CN'), key: drawing },
    { path: `en/charts/${ref.id}.svg`, type: 'image/svg+xml; charset=utf-8', body: () => chartSvg(charts.entry(ref), 'en'), key: drawing },
    // What a phone's screen shows (Chart.astro's <picture>); the files to take away are the ones above.
    { path: `charts/phone/${ref.id}.svg`, type: 'image/svg+xml; charset=utf-8', body: () => chartSvg(charts.entry(ref), 'zh-CN', true), key: drawing },
    { path: `en/charts/phone/${ref.id}.svg`, type: 'image/svg+xml; charset=utf-8', body: () => chartSvg(charts.entry(ref), 'en', true), key: drawing },
    {
      // The drawn values as rows of `/data/targets.csv` (same columns), or the plans' periods for a timeline.
      path: `charts/${ref.id}.csv`,
      type: 'text/csv; charset=utf-8',
      body: () => chartCsv(charts.entry(ref), (slug) => input.plans.plan(slug), input.indicators, (slug, blockId) => new URL(planUrl(slug, blockId), input.site).href),
      key: table,
    },
  ];
}

/** The chart catalog as the files read it: every chart's ref, and a chart's entry when its files are made. */
export interface ChartSource {
  refs: readonly ChartRef[];
  entry: (ref: ChartRef) => ChartEntry;
}

/** The catalog `scripts/prepare.ts` wrote beside the plans (src/lib/prepared-charts.ts). */
export function preparedChartSource(plansDir: string): ChartSource {
  const refs = readChartRefs(plansDir);
  // The last group read is kept: a chart's three files are made one after the other, and a plan's charts too.
  let last: { group: string; entries: ChartEntry[] } | undefined;
  const read = (group: string) => (last?.group === group ? last : (last = { group, entries: readChartGroup(plansDir, group) })).entries;
  return { refs, entry: (ref) => chartOfRef(ref, read) };
}

/**
 * The open-data files of every plan (src/lib/open-data-files.ts). Where prepare made them for this very input (its
 * record's key is this input's), a file is prepare's, linked by the build and read by the dev server; else it is
 * made here, reading every plan, and kept in the next build while no plan changed.
 */
function openDataSiteFiles(input: SiteFilesInput): SiteFile[] {
  const shelf = input.plans;
  const key = openDataKey(input.code, shelf.slugs.map((slug) => shelf.digest(slug)), input, input.site);
  const prepared = preparedOpenDataKey(input.plansDir) === key;
  return openDataFiles(() => shelf.all(), input, input.site).map((f) => {
    if (!prepared) return { ...f, key: () => ({ openData: key }) };
    const file = preparedOpenDataFile(input.plansDir, f.path);
    return { path: f.path, type: f.type, prepared: file, body: () => readFile(file, 'utf8'), key: () => ({ openData: key }) };
  });
}

/**
 * The table a search page fetches for a query typed in traditional characters (src/lib/search/traditional.ts): the
 * pipeline's own folding, made of the code alone (gzip-compressed, like the search records).
 */
const TRADITIONAL_FILE: SiteFile = {
  path: 'search/traditional.json.gz',
  type: 'application/gzip',
  body: () => gzipSync(JSON.stringify(traditionalForms()), { level: 9 }),
  key: () => null,
};

/**
 * Every such file of the site, in a stable order (the open data of every plan, then each plan's files in
 * `allPlans` order, then charts in catalog order, then the search's table of traditional characters). The charts
 * are the catalog's drawn ones (an empty chart has no files), the same prepared catalog the pages show.
 */
export function siteFiles(input: SiteFilesInput, charts: ChartSource = preparedChartSource(input.plansDir)): SiteFile[] {
  return [...openDataSiteFiles(input), ...input.plans.slugs.flatMap((slug) => planFiles(slug, input)), ...charts.refs.filter((c) => !c.empty).flatMap((c) => chartFiles(c, charts, input)), TRADITIONAL_FILE];
}

/** A file's body as one value (the dev server answers a request with it; the build writes chunks as they come). */
export async function wholeBody(file: SiteFile): Promise<string | Uint8Array> {
  const body = await file.body();
  return typeof body === 'string' || body instanceof Uint8Array ? body : [...body].join('');
}

/** The input, read from a plans folder and the registries in `content/` (no Astro needed). */
export async function readSiteFilesInput(plansDir: string, site: URL): Promise<SiteFilesInput> {
  const code = codeDigest();
  const [plans, registries] = await Promise.all([
    // As prepare's record lists them, read when needed (src/lib/plan-files.ts: validated by prepare, or again).
    planShelf(plansDir, code),
    readSiteRegistries(),
  ]);
  return { plansDir, plans, code, ...registries, site };
}
