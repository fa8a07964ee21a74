/**
 * Long lists a page at a time (issue 15), on a build of its own: 24 texts from the corpus generator
 * (scripts/generate-corpus.ts, seed 3) with every page size set to 10 (`SITE_PAGE_SIZE`, src/lib/page-sizes.ts), so
 * that a small corpus needs several pages. What is expected comes from the generator's files and the published
 * open data (`data/plans/<slug>.json`), never from the pagination code: every plan is reachable from the home page
 * by plain links (no JavaScript); the pages of a list link to each other and each holds at most 10 items; every
 * facet page (kind, period, province) lists exactly the plans the open data gives that value; paginated pages pass
 * html-validate and axe, and every link on the list pages resolves.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AxeResults } from 'axe-core';
import { HtmlValidate } from 'html-validate';
import { generateCorpus, poolsFromSeeds } from '../../scripts/generate-corpus.ts';
import { builtPages, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { createLinkChecker } from '../support/links.ts';
import { expectNone } from '../support/report.ts';
import { siteBuiltForFile } from '../support/site-per-file.ts';

const PLANS = 24;
const PAGE = 10;
const site = siteBuiltForFile({
  name: 'pagination-build',
  writeSeeds: (seeds) => {
    for (const f of generateCorpus(PLANS, 3, poolsFromSeeds())) writeFileSync(join(seeds, f.name), f.text);
  },
  env: { SITE_PAGE_SIZE: String(PAGE) },
  timeoutMs: 600_000,
});
const browser = browserForFile();

/** The built file of a site path (`/browse/all/2/` → `<site>/browse/all/2/index.html`). */
function fileOf(path: string): string {
  const clean = decodeURIComponent(path.split('#')[0]!);
  return join(site.siteDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

function html(path: string): string {
  return readFileSync(fileOf(path), 'utf8');
}

/** `href`s inside the first element matching an opening-tag pattern, up to its closing tag (Astro writes flat, quoted HTML). */
function hrefsIn(page: string, open: RegExp, close: string): string[] {
  const start = page.search(open);
  if (start < 0) return [];
  const end = page.indexOf(close, start);
  return [...page.slice(start, end).matchAll(/href="([^"]+)"/gu)].map((m) => m[1]!);
}

/** Plan pages a list page links to, from its table of plans. */
const planLinks = (page: string) => [...new Set(hrefsIn(page, /<table class="plan-list/u, '</table>').filter((h) => /^\/plans\/[^/]+\/$/u.test(h)))];
const nextOf = (page: string) => /<a href="([^"]+)" rel="next"/u.exec(page)?.[1];

/** Every page of a list, by following “next” from `first`. */
function followPages(first: string): { path: string; html: string }[] {
  const pages: { path: string; html: string }[] = [];
  for (let path: string | undefined = first; path; path = nextOf(pages.at(-1)!.html)) {
    if (pages.some((p) => p.path === path) || pages.length > 100) throw new Error(`the pages from ${first} loop at ${path}`);
    pages.push({ path, html: html(path) });
  }
  return pages;
}

interface OpenPlan {
  slug: string;
  kind: string;
  period: string | null;
  province: string | null;
  /** Whether it gives a value of a registered indicator (a target whose `indicatorId` is set): /compare/ has its column. */
  compared: boolean;
}

/** The plans as the open data publishes them (data/plans/<slug>.json): kind, period, province id. */
function openPlans(): OpenPlan[] {
  const dir = join(site.siteDir, 'data/plans');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const region = doc.meta.region?.value;
    const province = !region ? null : region.level === 'province' ? region.id : (region.parents.find((p: { level: string }) => p.level === 'province')?.id ?? null);
    const p = doc.meta.period?.value;
    const compared = (doc.targets as { indicatorId: string | null }[]).some((t) => t.indicatorId !== null);
    return { slug: doc.slug, kind: doc.meta.kind.value, period: p ? `${p.start}-${p.end}${p.outlook ? `-${p.outlook}` : ''}` : null, province, compared };
  });
}

/** The first page of the first region's list of departments without a page of their own, in both editions. */
function sharedDepartmentPages(): string[] {
  const first = builtPages(site.siteDir).map((p) => p.path).find((p) => /^\/departments\/region\/[^/]+\/$/u.test(p));
  return first ? [first, `/en${first}`] : ['/departments/region/(none built)/'];
}

describe(`${PLANS} plans at ${PAGE} a page`, () => {
  test('every plan is reachable from the home page by following plain links, each listed once', () => {
    const texts = readdirSync(site.seedsDir).filter((f) => f.endsWith('.txt'));
    expect(texts).toHaveLength(PLANS);
    const open = openPlans();
    expect(open).toHaveLength(PLANS);
    const pages = followPages('/');
    expect(pages.map((p) => p.path)).toEqual(['/', '/browse/all/2/', '/browse/all/3/']);
    const listed = pages.flatMap((p) => planLinks(p.html));
    for (const p of pages) expect(planLinks(p.html).length, `${p.path}: plans listed`).toBeLessThanOrEqual(PAGE);
    expect(listed).toHaveLength(PLANS);
    expect(new Set(listed)).toEqual(new Set(open.map((p) => `/plans/${p.slug}/`)));
  });

  test('the pager links every page of a list, marks the current one, and goes back', () => {
    const third = html('/browse/all/3/');
    const pager = hrefsIn(third, /<nav class="pager"/u, '</nav>');
    expect(pager).toEqual(expect.arrayContaining(['/', '/browse/all/2/']));
    expect(third).toMatch(/<a href="\/browse\/all\/2\/" rel="prev">/u);
    expect(third).toMatch(/<span aria-current="page">3<\/span>/u);
    expect(nextOf(third)).toBeUndefined();
    // The English edition pages alike, within /en/.
    expect(followPages('/en/').map((p) => p.path)).toEqual(['/en/', '/en/browse/all/2/', '/en/browse/all/3/']);
  });

  test('each facet of the home page leads to pages listing exactly the plans the open data gives that value', () => {
    const open = openPlans();
    const expected = new Map<string, string[]>();
    const add = (key: string, slug: string) => expected.set(key, [...(expected.get(key) ?? []), `/plans/${slug}/`]);
    for (const p of open) {
      add(`/browse/kind-${p.kind}/`, p.slug);
      add(`/browse/period-${p.period ?? 'none'}/`, p.slug);
      add(`/browse/province-${p.province ?? 'none'}/`, p.slug);
    }
    const facets = hrefsIn(html('/'), /<nav class="facets"/u, '</nav>').filter((h) => h.startsWith('/browse/'));
    expect(facets.length).toBeGreaterThan(3);
    expect(new Set(facets)).toEqual(new Set(expected.keys()));
    const problems: string[] = [];
    for (const facet of facets) {
      const pages = followPages(facet);
      const listed = pages.flatMap((p) => planLinks(p.html));
      const want = expected.get(facet)!;
      if (pages.length !== Math.ceil(want.length / PAGE)) problems.push(`${facet}: ${pages.length} pages for ${want.length} plans`);
      if (listed.length !== want.length || new Set(listed).size !== want.length || listed.some((l) => !want.includes(l))) {
        problems.push(`${facet}: lists ${listed.join(' ')}; the open data gives ${want.join(' ')}`);
      }
    }
    expectNone(problems, 'facet pages');
  });

  test('compare, regions, documents and the other long lists are split: at most the page size of columns on /compare/, every page of a list reached by “next”', () => {
    const open = openPlans();
    // /compare/: one column per plan with a value of a registered indicator, PAGE plans a page.
    const valued = open.filter((p) => p.compared);
    expect(valued.length, 'plans with values: enough for two pages').toBeGreaterThan(PAGE);
    const compare = followPages('/compare/');
    expect(compare).toHaveLength(Math.ceil(valued.length / PAGE));
    // A plan's column head: its region and period, then the link to it (PlanMatrix.astro).
    const columnsOf = (page: string) => [...page.matchAll(/<th scope="col" class="plan-col">(?:(?!<\/th>)[\s\S])*?<a href="(\/plans\/[^/"]+\/)"/gu)].map((m) => m[1]!);
    for (const p of compare) expect(columnsOf(p.html).length, `${p.path}: plan columns`).toBeLessThanOrEqual(PAGE);
    const columns = compare.flatMap((p) => columnsOf(p.html));
    expect(new Set(columns)).toEqual(new Set(valued.map((p) => `/plans/${p.slug}/`)));
    expect(columns).toHaveLength(valued.length);
    // Every page of a split list exists and is linked from its first page.
    const builtPaths = builtPages(site.siteDir).map((p) => p.path);
    const firsts = builtPaths.filter((p) => (/^\/(en\/)?(browse|compare|regions|documents|reuse|departments|themes|instruments|indicators|glossary)\/(?:(?!\d+\/)[^/]+\/)?$/u.test(p) && !/^\/(en\/)?(browse|regions|themes|instruments|indicators|glossary)\/$/u.test(p)) || /^\/(en\/)?departments\/region\/[^/]+\/$/u.test(p));
    expect(firsts.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const first of firsts) {
      const chain = followPages(first).map((p) => p.path);
      const built = builtPaths.filter((p) => new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\d+/$`, 'u').test(p));
      if (chain.length !== built.length + 1) problems.push(`${first}: ${built.length + 1} pages built, ${chain.length} reached by “next”`);
    }
    expectNone(problems, 'split lists');
  });

  test('a department without a page of its own is listed whole on its region’s page, at most a page of tasks a page; every department a plan names is shown once, where the plan links it', () => {
    // Every department the open data's responsibility clauses name, with its task count (one per role it has in a clause).
    const tasks = new Map<string, number>();
    for (const f of readdirSync(join(site.siteDir, 'data/plans')).filter((x) => x.endsWith('.json'))) {
      const doc = JSON.parse(readFileSync(join(site.siteDir, 'data/plans', f), 'utf8'));
      for (const r of doc.responsibilities) for (const ref of [...r.lead, ...r.support, ...r.shared]) tasks.set(ref.departmentId, (tasks.get(ref.departmentId) ?? 0) + 1);
    }
    const builtPaths = builtPages(site.siteDir).map((p) => p.path);
    const sharedPages = builtPaths.filter((p) => /^\/departments\/region\/[^/]+\/(\d+\/)?$/u.test(p));
    expect(sharedPages.length, 'no region lists its departments').toBeGreaterThan(0);
    const problems: string[] = [];
    const shownAt = new Map<string, string[]>();
    for (const path of sharedPages) {
      const sections = html(path).split('<section class="shared-department"').slice(1);
      let onPage = 0;
      for (const section of sections) {
        const id = /<h2 id="([^"]+)"/u.exec(section)![1]!;
        const listed = (section.match(/<li><a href="\/plans\//gu) ?? []).length;
        onPage += listed;
        if (listed !== tasks.get(id)) problems.push(`${path}#${id}: ${listed} tasks listed, the open data gives ${tasks.get(id)}`);
        shownAt.set(id, [...(shownAt.get(id) ?? []), `${path}#${id}`]);
      }
      if (onPage > PAGE) problems.push(`${path}: ${onPage} tasks on one page (page size ${PAGE})`);
    }
    const placeOf = new Map<string, string>();
    for (const id of tasks.keys()) {
      const places = [...(builtPaths.includes(`/departments/${id}/`) ? [`/departments/${id}/`] : []), ...(shownAt.get(id) ?? [])];
      if (places.length === 1) placeOf.set(id, places[0]!);
      else problems.push(`${id}: shown at ${places.length} places (${places.join(' ')})`);
    }
    // Each plan links each department it names to that one place.
    for (const path of builtPaths.filter((p) => /^\/plans\/[^/]+\/$/u.test(p))) {
      for (const m of html(path).matchAll(/<a class="dept" href="([^"]+)"/gu)) {
        if (![...placeOf.values()].includes(m[1]!)) problems.push(`${path}: department link ${m[1]} is not where a department is shown`);
      }
    }
    expect(shownAt.size, 'no department listed on a region page').toBeGreaterThan(0);
    expectNone(problems, 'departments');
  });

  test('every link on the list pages resolves (pages and anchors)', async () => {
    const checker = createLinkChecker(await browser.context.newPage(), site.siteDir, site.url);
    const pages = builtPages(site.siteDir).filter((p) => !/^\/(en\/)?plans\//u.test(p.path));
    expect(pages.length).toBeGreaterThan(50);
    const broken: string[] = [];
    for (const p of pages) broken.push(...(await checker.check(p.file, p.path)));
    expectNone(broken, 'broken links on list pages');
  });

  // Read when the tests run: the site is built before them.
  const paginated = () => ['/browse/all/2/', '/en/browse/all/2/', '/compare/2/', '/en/compare/2/', '/browse/kind-three-year-action-plan/', ...sharedDepartmentPages()];

  test('paginated pages are valid HTML (html-validate:recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: {} });
    const problems: string[] = [];
    for (const path of paginated()) {
      expect(existsSync(fileOf(path)), path).toBe(true);
      const report = await validator.validateFile(fileOf(path));
      problems.push(...report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)));
    }
    expectNone(problems, 'html-validate');
  });

  test('paginated pages pass axe (WCAG 2.2 AA) at 1280 and 360 px', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const page = await browser.context.newPage();
    const problems: string[] = [];
    try {
      for (const path of paginated()) {
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(pageUrl(site.url, path), { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          await page.evaluate(axeSource);
          const results: AxeResults = await page.evaluate(() => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
          expect(results.passes.length, `${path}: axe checked nothing`).toBeGreaterThan(0);
          problems.push(...results.violations.flatMap((v) => v.nodes.map((n) => `${path} at ${width} px: ${v.id}: ${v.help} ${JSON.stringify(n.target)}`)));
        }
      }
    } finally {
      await page.close();
    }
    expectNone(problems, 'axe');
  });

  test('a plan whose indicator more than 12 plans share draws their spread, not a bar each (issue 15: a plan page must not grow with the library)', () => {
    const peerFiles = readdirSync(join(site.siteDir, 'charts')).filter((f) => /^plan-.+-peers\.svg$/u.test(f));
    expect(peerFiles.length).toBeGreaterThan(0);
    const svgs = peerFiles.map((f) => readFileSync(join(site.siteDir, 'charts', f), 'utf8'));
    const spreads = svgs.filter((svg) => svg.includes('class="spread-box"'));
    // The 24 generated plans share the common indicators (R&D intensity, high-tech firms) well past 12 plans.
    expect(spreads.length, 'no peer view drew a spread').toBeGreaterThan(0);
    for (const svg of svgs) {
      const boxes = (svg.match(/class="spread-box"/gu) ?? []).length;
      const counts = [...svg.matchAll(/(\d+)个规划的可比目标/gu)].map((m) => Number(m[1]));
      expect(counts.length, 'one count a spread panel').toBe(boxes);
      for (const n of counts) {
        expect(n).toBeGreaterThan(12);
        expect(n).toBeLessThanOrEqual(PLANS);
      }
      // A panel drawn as bars has at most 12 of them (the plan and 11 peers).
      const barPanels = svg.split('class="panel"').slice(1).filter((panel) => !panel.includes('spread-box'));
      for (const panel of barPanels) expect((panel.match(/class="bar /gu) ?? []).length).toBeLessThanOrEqual(12);
    }
  });
});

