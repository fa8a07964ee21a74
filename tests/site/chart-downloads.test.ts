/**
 * Charts on every plan and charts to take away (issue 14): every plan whose open data has a target has a chart on
 * its page (a peer view when it has no baseline); every chart's downloads resolve; its SVG file is well-formed
 * standalone SVG (parsed by the browser's DOMParser as image/svg+xml) that carries the chart's numbers; the PNG the
 * browser draws from it is a PNG of the SVG's size times two; its CSV rows are the plans' own targets (from
 * `/data/plans/<slug>.json`), value by value; its embed page has no site chrome, names the chart, its source and
 * the page it comes from, and prints. axe, html-validate, links and the CSP cover the embed pages with every page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { parseCsv } from '../support/csv.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');

/** Plans with targets and no baseline to draw a slope from, read by hand from the seeds: their chart is the peer view. */
const PEER_VIEWS = ['beichen-2020-2022', 'hongqiao-2020-2022', 'tianjin-2014-work-conference'];
/** Ids the site must have, one or more of each kind (stable: from slugs and indicator ids, not build order). */
const SOME_IDS = [
  'plan-xinji-14th-five-year-baseline-target',
  'plan-baodi-14th-five-year-baseline-target',
  'plan-beichen-2020-2022-peers',
  'plan-tianjin-2014-work-conference-peers',
  'plan-hongqiao-2020-2022-trajectory-rd-intensity',
  'indicator-rd-intensity-comparison',
  'regions-timeline',
  'region-tianjin-timeline',
];

interface PlanTarget {
  id: string;
  indicatorId: string | null;
  kind: string;
  measure: string;
  value: number | null;
  valueText: string;
  unit: string;
  year: number | null;
  quote: string;
  line: number;
}
interface PlanJson {
  slug: string;
  targets: PlanTarget[];
  meta: { period: { value: { start: number; end: number; outlook: number | null } } | null };
}
const planJson = new Map<string, PlanJson>(
  readdirSync(join(siteDir, 'data/plans'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const doc = JSON.parse(readFileSync(join(siteDir, 'data/plans', f), 'utf8')) as PlanJson;
      return [doc.slug, doc];
    }),
);

const html = (path: string) => readFileSync(join(siteDir, path.replace(/^\//u, ''), 'index.html'), 'utf8');
const figures = (page: string) => page.match(/<figure class="chart chart--[\s\S]*?<\/figure>/gu) ?? [];
/** The chart ids a page offers (its SVG download links). */
const chartIds = (page: string) => [...page.matchAll(/<a href="\/charts\/([a-z0-9-]+)\.svg" download=/gu)].map((m) => m[1]!);

const pages = builtPages(siteDir).filter((p) => !/^\/(en\/)?embed\//u.test(p.path));
const byId = new Map<string, string>();
for (const p of pages) for (const id of chartIds(readFileSync(p.file, 'utf8'))) if (!p.path.startsWith('/en/')) byId.set(id, p.path);
const ids = [...byId.keys()].sort();

const browser = browserForFile();

describe('every plan with a target has a chart', () => {
  const withTargets = [...planJson.values()].filter((d) => d.targets.length > 0).map((d) => d.slug);
  test('the plans with targets, from the open data', () => {
    expect(withTargets.length).toBeGreaterThanOrEqual(5);
  });
  test.each(withTargets)('%s: a chart figure with its image, in both editions, on the analysis page and not the text\'s', (slug) => {
    for (const path of [`/plans/${slug}/`, `/en/plans/${slug}/`]) expect(figures(html(path)), `${path}: no chart on the text's page`).toEqual([]);
    for (const path of [`/plans/${slug}/analysis/`, `/en/plans/${slug}/analysis/`]) {
      const drawn = figures(html(path)).filter((f) => /<img src="(\/en)?\/charts\/[a-z0-9-]+\.svg"/u.test(f));
      expect(drawn.length, `${path}: chart figures with an image`).toBeGreaterThan(0);
    }
  });
  test('the peer views are the plans without baselines, and say what they are', () => {
    const peers = withTargets.filter((slug) => figures(html(`/plans/${slug}/analysis/`)).some((f) => f.includes('chart--peers')));
    expect(peers.sort()).toEqual(PEER_VIEWS);
    for (const slug of PEER_VIEWS) {
      const f = figures(html(`/plans/${slug}/analysis/`)).find((x) => x.includes('chart--peers'))!;
      expect(f, `${slug}: caption`).toMatch(/<span class="chart-title">[^<]+与其他规划目标对照<\/span>/u);
      expect(f, `${slug}: note`).toContain('同类目标对照：本规划没有基数');
      expect(f, `${slug}: image`).toMatch(/<img src="\/charts\/plan-[a-z0-9-]+-peers\.svg"/u);
    }
  });
});

describe('downloads', () => {
  test('the chart ids are the expected stable ones', () => {
    expect(ids).toEqual(expect.arrayContaining(SOME_IDS));
  });

  test('every chart on every page offers SVG, PNG, CSV and an embed page, and each link resolves', async () => {
    const problems: string[] = [];
    const chartPages = pages.filter((p) => readFileSync(p.file, 'utf8').includes('<figure class="chart chart--'));
    expect(chartPages.length).toBeGreaterThan(20);
    for (const p of chartPages) {
      for (const f of figures(readFileSync(p.file, 'utf8'))) {
        if (f.includes('class="chart-empty"')) continue;
        // An English page shows the English drawing and links the English embed page (tests/site/chart-english.test.ts).
        const edition = p.path.startsWith('/en/') ? '/en' : '';
        const id = new RegExp(`<img src="${edition}/charts/([a-z0-9-]+)\\.svg"`, 'u').exec(f)?.[1];
        if (!id) {
          problems.push(`${p.path}: a chart figure without its image`);
          continue;
        }
        const wanted: [string, RegExp][] = [
          [`${edition}/charts/${id}.svg`, /^image\/svg\+xml/u],
          [`/charts/${id}.csv`, /^text\/csv/u],
          [`${edition}/embed/${id}/`, /^text\/html/u],
        ];
        for (const [href, type] of wanted) {
          if (!f.includes(`href="${href}"`)) problems.push(`${p.path}: ${id}: no link to ${href}`);
          const res = await fetch(new URL(href.slice(1), baseUrl));
          if (res.status !== 200 || !type.test(res.headers.get('content-type') ?? '')) problems.push(`${p.path}: ${href}: HTTP ${res.status} ${res.headers.get('content-type')}`);
        }
        if (!f.includes(`data-chart-svg="${edition}/charts/${id}.svg"`)) problems.push(`${p.path}: ${id}: no PNG button`);
        if (!/<details class="chart-data">[\s\S]*<table/u.test(f)) problems.push(`${p.path}: ${id}: no data table beside the chart`);
      }
    }
    expectNone(problems, 'chart downloads');
  });
});

/** A chart's CSV, parsed: header and rows. */
const csvOf = (id: string) => {
  const raw = readFileSync(join(siteDir, 'charts', `${id}.csv`), 'utf8');
  expect(raw.startsWith('\ufeff'), `${id}.csv: UTF-8 BOM`).toBe(true);
  const [header, ...rows] = parseCsv(raw.slice(1));
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
};

describe.each(ids)('%s', (id) => {
  test('the SVG file is standalone SVG with the chart’s numbers', async () => {
    await browser.page.goto(pageUrl(baseUrl, byId.get(id)!));
    const parsed = await browser.page.evaluate(async (href) => {
      const text = await (await fetch(href)).text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        name: root.localName,
        ns: root.namespaceURI,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        viewBox: root.getAttribute('viewBox'),
        title: root.querySelector(':scope > title')?.textContent ?? '',
        desc: root.querySelector(':scope > desc')?.textContent ?? '',
        style: root.querySelector('style')?.textContent ?? '',
        styleAttributes: doc.querySelectorAll('[style]').length,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        marks: doc.querySelectorAll('rect:not(.background), circle, path').length,
      };
    }, `/charts/${id}.svg`);
    expect(parsed.error).toBeNull();
    expect(parsed.name).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
    expect(parsed.title.length).toBeGreaterThan(0);
    expect(parsed.style, 'its own font stack').toMatch(/font-family:[^;]*sans-serif/u);
    expect(parsed.styleAttributes).toBe(0);
    expect(parsed.marks).toBeGreaterThan(0);
    // The numbers: every value (or period) of the chart's data file is a label in the SVG and in its description.
    const rows = csvOf(id);
    expect(rows.length).toBeGreaterThan(0);
    const labels = parsed.texts.join('\n');
    for (const r of rows) {
      const numbers = 'value' in r ? [r.value!] : [r.start!, r.end!];
      for (const n of numbers) {
        expect(labels, `${id}: label ${n}`).toMatch(new RegExp(`(^|[^0-9.])${n.replace('.', '\\.')}([^0-9.]|$)`, 'mu'));
        expect(parsed.desc, `${id}: description ${n}`).toContain(n);
      }
    }
  });

  test('the CSV rows are the plans’ own values, value by value', () => {
    const rows = csvOf(id);
    expect(rows.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const r of rows) {
      const doc = planJson.get(r.plan!);
      if (!doc) {
        problems.push(`${id}: unknown plan ${r.plan}`);
        continue;
      }
      if ('start' in r) {
        const period = doc.meta.period?.value;
        const want = { start: String(period?.start), end: String(period?.end), outlook: period?.outlook === null || period?.outlook === undefined ? '' : String(period.outlook) };
        for (const [k, v] of Object.entries(want)) if (r[k] !== v) problems.push(`${id}: ${r.plan} ${k} ${r[k]} ≠ ${v}`);
        continue;
      }
      const t = doc.targets.find((x) => x.id === r.id);
      if (!t) {
        problems.push(`${id}: ${r.plan} has no target ${r.id}`);
        continue;
      }
      const want: Record<string, string> = {
        indicatorId: t.indicatorId ?? '',
        kind: t.kind,
        measure: t.measure,
        value: t.value === null ? '' : String(t.value),
        valueText: t.valueText,
        unit: t.unit,
        year: t.year === null ? '' : String(t.year),
        quote: t.quote,
        line: String(t.line),
      };
      for (const [k, v] of Object.entries(want)) if (r[k] !== v) problems.push(`${id}: ${r.plan} ${r.id} ${k}: ${JSON.stringify(r[k])} ≠ ${JSON.stringify(v)}`);
    }
    expectNone(problems, `${id}.csv against /data/plans/<slug>.json`);
    // A plan's own chart draws its own values (a peer view also its peers'); an indicator's, that indicator's.
    if (id.startsWith('plan-')) expect(rows.some((r) => id.startsWith(`plan-${r.plan}-`))).toBe(true);
    const indicator = /^indicator-(.+)-comparison$/u.exec(id)?.[1];
    if (indicator) for (const r of rows) expect(r.indicatorId).toBe(indicator);
  });

  test('the PNG button gives a PNG of the chart, twice its size', async () => {
    await browser.page.goto(pageUrl(baseUrl, `/embed/${id}/`));
    const svgSize = await browser.page.evaluate(async (href) => {
      const root = new DOMParser().parseFromString(await (await fetch(href)).text(), 'image/svg+xml').documentElement;
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
    }, `/charts/${id}.svg`);
    const [download] = await Promise.all([browser.page.waitForEvent('download'), browser.page.click('button[data-chart-svg]')]);
    expect(download.suggestedFilename()).toBe(`${id}.png`);
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: svgSize.width * 2, height: svgSize.height * 2 });
    expect(png.length, 'not a blank image').toBeGreaterThan(5000);
  });

  test('the embed page: no site chrome; title, source line and link back; prints', async () => {
    const embed = html(`/embed/${id}/`);
    expect(embed).not.toContain('class="site-header"');
    expect(embed).not.toMatch(/<nav[\s>]/u);
    expect(embed).toContain(`<a href="/${byId.get(id)!.replace(/^\//u, '')}">`);
    expect(embed).toMatch(/<p class="embed-source">来源：地方科技规划参考库/u);
    // The title the chart has on the page that shows it, which the embed page and its print must repeat.
    const shownIn = figures(html(byId.get(id)!)).find((f) => f.includes(`/charts/${id}.svg`)) ?? '';
    const shownTitle = /<span class="chart-title">([^<]+)<\/span>/u.exec(shownIn)?.[1];
    expect(shownTitle, `${byId.get(id)}: the chart's title`).toMatch(/\S/u);
    const title = /<span class="chart-title">([^<]+)<\/span>/u.exec(embed)?.[1];
    expect(title, 'the embed page\'s title').toBe(shownTitle);
    await browser.page.goto(pageUrl(baseUrl, `/embed/${id}/`));
    const dir = mkdtempSync(join(tmpdir(), 'chart-embed-'));
    try {
      const pdf = join(dir, 'embed.pdf');
      writeFileSync(pdf, await browser.page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
      expect(text, 'the printed title').toContain(title!.replace(/\s+/gu, ''));
      expect(text, 'no download buttons on paper').not.toContain('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
