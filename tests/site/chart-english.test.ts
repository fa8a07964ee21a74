/**
 * The English edition's charts (issue 13): every chart of the catalog has an English drawing, `/en/charts/<id>.svg`,
 * with the same id and the same numbers as its data file; its words are English, and the only Chinese in it is the
 * data's own names (plan titles, region names, indicator names and units the registries give no English for),
 * each run marked `xml:lang="zh-CN"`. The English pages and English embed pages show and download the English
 * drawing (the PNG button too); the Chinese pages keep the Chinese one.
 *
 * The SVG files are parsed by the browser's DOMParser as image/svg+xml (a strict XML parser).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, launchBrowser, pageUrl, type LaunchedBrowser } from '../support/browser.ts';
import { parseCsv } from '../support/csv.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');

const chartIds = readdirSync(join(siteDir, 'charts'))
  .filter((f) => f.endsWith('.svg'))
  .map((f) => f.slice(0, -'.svg'.length))
  .sort();

const isEnglish = (path: string) => path.startsWith('/en/');
const figures = (html: string) => html.match(/<figure class="chart chart--[\s\S]*?<\/figure>/gu) ?? [];
const pagesWithCharts = builtPages(siteDir)
  .map((p) => ({ ...p, figures: figures(readFileSync(p.file, 'utf8')) }))
  .filter((p) => p.figures.length > 0);

/**
 * The data's Chinese names, from the open data (not from the chart code): plan titles and their regions, each
 * target's indicator phrase, unit and value as written, and the indicator names of `/data/targets.csv`. A Chinese
 * run in an English chart must be a part of one of them.
 */
const names: string[] = [];
for (const f of readdirSync(join(siteDir, 'data/plans')).filter((x) => x.endsWith('.json'))) {
  const doc = JSON.parse(readFileSync(join(siteDir, 'data/plans', f), 'utf8')) as {
    meta: { title: { value: string } | null; region: { value: { fullName: string; name: string; parents: { name: string }[] } } | null };
    targets: { phrase: string; unit: string; valueText: string }[];
  };
  if (doc.meta.title) names.push(doc.meta.title.value);
  if (doc.meta.region) names.push(doc.meta.region.value.fullName, ...doc.meta.region.value.parents.map((p) => p.name));
  for (const t of doc.targets) names.push(t.phrase, t.unit, t.valueText);
}
{
  const [header, ...rows] = parseCsv(readFileSync(join(siteDir, 'data/targets.csv'), 'utf8').replace(/^\ufeff/u, ''));
  const column = header!.indexOf('indicatorName');
  for (const r of rows) if (r[column]) names.push(r[column]!);
}
const isName = (run: string) => names.some((n) => n.includes(run));

/** What the browser reads in one SVG file. */
interface ParsedSvg {
  error: string | null;
  name: string;
  lang: string | null;
  title: string;
  desc: string;
  /** Text of every `<text>`, marks and source lines. */
  texts: string[];
  /** Text nodes with a Han character and no ancestor whose xml:lang (or lang) starts with zh. */
  hanOutside: string[];
  /** Text of each element marked Chinese. */
  zhRuns: string[];
  width: number;
  height: number;
}

/** Parses an SVG text in the browser. */
async function parseSvgText(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const XML = 'http://www.w3.org/XML/1998/namespace';
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const langOf = (e: Element | null): string | null => {
      for (let n = e; n; n = n.parentElement) {
        const l = n.getAttributeNS(XML, 'lang') ?? n.getAttribute('lang');
        if (l !== null) return l;
      }
      return null;
    };
    const hanOutside: string[] = [];
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.localName === 'style') continue;
      if (/\p{Script=Han}/u.test(n.textContent ?? '') && !(langOf(n.parentElement) ?? '').toLowerCase().startsWith('zh')) hanOutside.push(n.textContent ?? '');
    }
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      name: root.localName,
      lang: root.getAttributeNS(XML, 'lang'),
      title: root.querySelector(':scope > title')?.textContent ?? '',
      desc: root.querySelector(':scope > desc')?.textContent ?? '',
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      hanOutside,
      zhRuns: [...doc.querySelectorAll('*')].filter((e) => (e.getAttributeNS(XML, 'lang') ?? '').startsWith('zh')).map((e) => e.textContent ?? ''),
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
    };
  }, text);
}

/** Fetches an SVG file from the test server (status checked) and parses it in the browser. */
async function parseSvg(page: Page, href: string): Promise<ParsedSvg> {
  const res = await fetch(new URL(href.slice(1), baseUrl));
  expect(res.status, href).toBe(200);
  expect(res.headers.get('content-type'), href).toMatch(/^image\/svg\+xml/u);
  return parseSvgText(page, await res.text());
}

/** A chart's CSV rows, as objects. */
const csvOf = (id: string) => {
  const [header, ...rows] = parseCsv(readFileSync(join(siteDir, 'charts', `${id}.csv`), 'utf8').replace(/^\ufeff/u, ''));
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
};

let browser: LaunchedBrowser;
let page: Page;
const parsed = new Map<string, ParsedSvg>();
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(pageUrl(baseUrl, '/en/'));
  for (const id of chartIds) parsed.set(id, await parseSvg(page, `/en/charts/${id}.svg`));
});
afterAll(async () => {
  await browser?.close();
});

test('there are charts, and the names to check Chinese against', () => {
  expect(chartIds.length, 'Chinese chart files').toBeGreaterThanOrEqual(30);
  expect(names.length).toBeGreaterThan(50);
  expect(pagesWithCharts.filter((p) => isEnglish(p.path)).length, 'English pages with charts').toBeGreaterThan(10);
});

test('the check finds Chinese outside a zh mark and Chinese words that are not names', async () => {
  // Known cases, so that the checks below cannot pass for nothing.
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="en"><title>t</title>${inner}</svg>`;
  const marked = await parseSvgText(page, svg('<text>2022 target <tspan xml:lang="zh-CN">北辰区</tspan></text>'));
  expect(marked.hanOutside).toEqual([]);
  expect(marked.zhRuns).toEqual(['北辰区']);
  expect((await parseSvgText(page, svg('<text>2022年目标</text>'))).hanOutside).toEqual(['2022年目标']);
  expect(isName('北辰区科技创新三年行动计划实施方案')).toBe(true);
  expect(isName('年目标')).toBe(false);
  expect(isName('主要指标：起点与目标')).toBe(false);
});

describe.each(chartIds)('%s', (id) => {
  test('the English SVG exists, parses, is English and carries the CSV’s numbers', () => {
    const svg = parsed.get(id)!;
    expect(svg.error).toBeNull();
    expect(svg.name).toBe('svg');
    expect(svg.lang).toBe('en');
    expect(svg.title.length).toBeGreaterThan(0);
    const rows = csvOf(id);
    expect(rows.length).toBeGreaterThan(0);
    const labels = svg.texts.join('\n');
    for (const r of rows) {
      const numbers = 'value' in r ? [r.value!] : [r.start!, r.end!];
      for (const n of numbers) {
        expect(labels, `${id}: label ${n}`).toMatch(new RegExp(`(^|[^0-9.])${n.replace('.', '\\.')}([^0-9.]|$)`, 'mu'));
        expect(svg.desc, `${id}: description ${n}`).toContain(n);
      }
    }
  });

  test('no Han character outside an element marked xml:lang="zh…"', () => {
    expectNone(parsed.get(id)!.hanOutside.map((t) => `${id}: “${t}”`), `${id}: Chinese not marked as Chinese in the English SVG`);
  });

});

describe.each(chartIds)('%s', (id) => {
  test('its Chinese is the data’s names only, never the chart’s own words', () => {
    const runs = parsed.get(id)!.zhRuns;
    expectNone(runs.filter((r) => !isName(r)).map((r) => `${id}: “${r}”`), `${id}: Chinese words in the English SVG that are no plan, region or indicator name (write them in src/lib/charts/labels.ts)`);
  });
});

test('the English pages show and download the English drawing, the Chinese pages the Chinese one', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const p of pagesWithCharts) {
    const en = isEnglish(p.path);
    for (const f of p.figures) {
      for (const m of f.matchAll(/(?:src|href|data-chart-svg)="([^"]*\.svg)"/gu)) {
        checked++;
        const want = en ? /^\/en\/charts\/[a-z0-9-]+\.svg$/u : /^\/charts\/[a-z0-9-]+\.svg$/u;
        if (!want.test(m[1]!)) problems.push(`${p.path}: ${m[0]}`);
      }
      if (en && /<a href="\/embed\//u.test(f)) problems.push(`${p.path}: links the Chinese embed page`);
    }
  }
  expect(checked).toBeGreaterThan(50);
  expectNone(problems, 'chart files by edition');
});

test('on an English page the image’s text alternative is English, and its description is beside it', () => {
  const problems: string[] = [];
  const english = pagesWithCharts.filter((p) => isEnglish(p.path));
  for (const p of english) {
    for (const f of p.figures) {
      // A chart not drawn in English yet (the peer view, the spread) is the Chinese one, marked so.
      if (/chart--(peers|spread)/u.test(f)) continue;
      const img = /<img [^>]*>/u.exec(f)?.[0] ?? '';
      const alt = /alt="([^"]*)"/u.exec(img)?.[1] ?? '';
      const described = /aria-describedby="([^"]+)"/u.exec(img)?.[1];
      if (!alt || /\p{Script=Han}/u.test(alt)) problems.push(`${p.path}: alt “${alt}”`);
      if (!described || !f.includes(`id="${described}"`)) problems.push(`${p.path}: no description beside the image`);
    }
  }
  expectNone(problems, 'English text alternatives');
});

test('the PNG button on an English embed page draws the English SVG', async () => {
  const id = 'plan-xinji-14th-five-year-baseline-target';
  const zh = await parseSvg(page, `/charts/${id}.svg`);
  const en = parsed.get(id)!;
  // The two drawings differ in height (English panel titles take more lines), so the PNG's size tells them apart.
  expect(en.height).not.toBe(zh.height);
  await page.goto(pageUrl(baseUrl, `/en/embed/${id}/`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-chart-svg]')]);
  const png = readFileSync((await download.path())!);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: en.width * 2, height: en.height * 2 });
});
