/**
 * The sitemap of every HTML page, built from the same data as the pages (no integration needed). Section anchors
 * are not listed: they are parts of pages. A page with an English edition is listed in both languages, each with
 * `xhtml:link` alternates naming the other (as Google documents for hreflang). A list split into pages (issue 15)
 * is listed page by page, counted from the same items and PAGE_SIZE as its route.
 *
 * A sitemap file holds at most 50,000 URLs (sitemaps.org protocol): past that, `/sitemap.xml` is a sitemap index
 * naming `/sitemaps/<n>.xml` (a library of 10,000 plans has some 190,000 pages).
 */
import { allPlans, drawnCharts, departmentLayout, indicators, instruments, themes, citedDocuments, reuseSummary, libraryAlignments, libraryCitedDocuments, libraryFacets, libraryRegionTree, libraryTermViews, libraryThemeSections, libraryUsage, librarySupportStandards } from './data.ts';
import { flattenRegions, plansUnder, sharedDepartmentsPath } from './crosslinks/index.ts';
import { PAGE_SIZE, pageCount, pagePaths } from './page-sizes.ts';
import { parentViews } from './alignment.ts';
import { url } from './url.ts';
import { hasEnglish } from './i18n/index.ts';
import { sitemapFiles } from './sitemap-files.ts';


let cache: Promise<{ main: string; parts: string[] }> | undefined;

/** The site's sitemap files, once per build (`/sitemap.xml` and `/sitemaps/<n>.xml` both ask). */
export function siteSitemap(site: URL): Promise<{ main: string; parts: string[] }> {
  cache ??= computeUrlElements(site).then((elements) => sitemapFiles(elements, (n) => new URL(url(`sitemaps/${n}.xml`), site).href));
  return cache;
}

async function computeUrlElements(site: URL): Promise<string[]> {
  const plans = await allPlans();
  const { views, pages: departmentPlaces } = await departmentLayout();
  const registryDocuments = await citedDocuments();
  const documents = await libraryCitedDocuments();
  const alignment = parentViews(await libraryAlignments(), registryDocuments);
  const themeSections = await libraryThemeSections();
  const usage = await libraryUsage();
  const withTasks = plans.filter((p) => p.responsibilities.length > 0).length;
  const browse = pageCount(plans.length, PAGE_SIZE.plans) === 1
    ? []
    : [
        ...pagePaths('browse/all/', plans.length, PAGE_SIZE.plans).slice(1),
        ...(await libraryFacets()).flatMap((f) => pagePaths(`browse/${f.id}/`, f.slugs.length, PAGE_SIZE.plans)),
      ];
  const paths = [
    '',
    ...browse,
    'regions/',
    ...(pageCount(withTasks, PAGE_SIZE.comparePlans) === 1 ? ['departments/'] : pagePaths('departments/', views.filter((v) => v.tasks.length > 0).length, PAGE_SIZE.rows)),
    ...pagePaths('documents/', documents.length, PAGE_SIZE.rows),
    'glossary/',
    'themes/',
    'instruments/',
    'incentives/',
    'indicators/',
    ...pagePaths('compare/', plans.length, PAGE_SIZE.comparePlans),
    ...pagePaths('reuse/', (await reuseSummary()).plans.length, PAGE_SIZE.rows),
    'alignment/',
    ...alignment.map((v) => `alignment/${v.id}/`),
    'data/',
    'search/',
    ...plans.flatMap((p) => [`plans/${p.slug}/`, `plans/${p.slug}/analysis/`, `plans/${p.slug}/source/`]),
    ...flattenRegions(await libraryRegionTree()).flatMap((n) => pagePaths(`regions/${n.region.id}/`, plansUnder(n).length, PAGE_SIZE.plans)),
    ...departmentPlaces.own.flatMap((d) => pagePaths(`departments/${d.id}/`, d.tasks.length, PAGE_SIZE.rows)),
    ...departmentPlaces.shared.map((list) => sharedDepartmentsPath(list.region, list.n)),
    ...documents.flatMap((d) => pagePaths(`documents/${d.slug}/`, d.byPlan.length, PAGE_SIZE.plansPerEntry)),
    ...(await libraryTermViews()).flatMap((v) => pagePaths(`glossary/${v.term.id}/`, v.uses.length, PAGE_SIZE.plansPerEntry)),
    ...(await themes()).flatMap((t) => pagePaths(`themes/${t.id}/`, new Set(themeSections.get(t.id)!.map((s) => s.slug)).size, PAGE_SIZE.plansPerEntry)),
    ...(await instruments()).flatMap((t) => pagePaths(`instruments/${t.id}/`, usage.instruments.get(t.id)?.plans ?? 0, PAGE_SIZE.plansPerEntry)),
    ...(await indicators()).flatMap((i) => pagePaths(`indicators/${i.id}/`, usage.indicatorPlans.get(i.id) ?? 0, PAGE_SIZE.plansPerEntry)),
    ...(await librarySupportStandards()).flatMap((g) => pagePaths(`incentives/${g.id}/`, g.rows.length, PAGE_SIZE.rows)),
    ...(await drawnCharts()).map((c) => `embed/${c.id}/`),
  ];
  const at = (p: string) => new URL(url(p), site).href;
  const entry = (p: string) => {
    if (!hasEnglish(p)) return [`  <url><loc>${at(p)}</loc></url>`];
    const links = [`<xhtml:link rel="alternate" hreflang="zh-CN" href="${at(p)}"/>`, `<xhtml:link rel="alternate" hreflang="en" href="${at(`en/${p}`)}"/>`].join('');
    return [`  <url><loc>${at(p)}</loc>${links}</url>`, `  <url><loc>${at(`en/${p}`)}</loc>${links}</url>`];
  };
  return paths.flatMap(entry);
}
