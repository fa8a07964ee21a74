/**
 * Charts on the built site: every chart is an image of its static SVG file with the chart's description as its text
 * alternative, beside its data table; the only scripts are enhance.js and the PNG button's chart-png.js. The files
 * themselves (SVG, PNG, CSV, embed pages) are checked in chart-downloads.test.ts, the open data in open-data.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { builtPages } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
/** The plan page's schema.org JSON-LD: a data block, which the browser never runs (citation.test.ts). */
const DATA_BLOCK = /^<script type="application\/ld\+json">$/u;
const html = (path: string) => readFileSync(join(siteDir, path, 'index.html'), 'utf8');

describe('charts', () => {
  const expectations: [string, string, number][] = [
    ['plans/xinji-14th-five-year/analysis', 'baseline → target', 1],
    ['plans/hongqiao-2020-2022/analysis', 'yearly trajectory', 8],
    ['regions', 'plan period timeline', 1],
    ['indicators/high-tech-enterprises', 'comparison across plans', 1],
  ];
  test.each(expectations)('%s has its %s chart(s) as an image of its SVG file, described, beside its data table', (path, _what, count) => {
    const page = html(path);
    const figures = page.match(/<figure[^>]*class="[^"]*chart[^"]*"[\s\S]*?<\/figure>/gu) ?? [];
    expect(figures.length, `${path}: charts`).toBeGreaterThanOrEqual(count);
    for (const f of figures) {
      const img = /<img src="\/charts\/([a-z0-9-]+)\.svg" alt="([^"]+)"/u.exec(f);
      expect(img, 'an image of the chart with a text alternative').not.toBeNull();
      // The text alternative is the SVG's own description, with every number.
      const svg = readFileSync(join(siteDir, 'charts', `${img![1]}.svg`), 'utf8');
      expect(svg).toContain(`<desc id="${img![1]}-desc">${img![2]}</desc>`);
      expect(svg, 'drawn marks').toMatch(/<(path[^>]* d="M[\d.,-]+|rect[^>]* width="[\d.]+|line[^>]* x2="[\d.]+)/u);
      expect(f, 'no inline SVG (its marks are in the file)').not.toContain('<svg');
      expect(f, 'a data table view').toMatch(/<details[\s\S]*<table/u);
    }
  });
  test('no page with a chart carries a script other than enhance.js and chart-png.js', () => {
    const withCharts = builtPages(siteDir).filter((p) => readFileSync(p.file, 'utf8').includes('class="chart'));
    // At least the pages named above; none found would mean the filter, not the pages, is wrong.
    expect(withCharts.map((p) => p.path)).toEqual(expect.arrayContaining(expectations.map(([path]) => `/${path}/`)));
    const bad = withCharts
      .flatMap((p) => [...readFileSync(p.file, 'utf8').matchAll(/<script[^>]*>/gu)].map((m) => m[0]).filter((tag) => !/src="[^"]*\/(enhance|chart-png)\.js"/u.test(tag) && !DATA_BLOCK.test(tag)).map((tag) => `${p.path}: ${tag}`));
    expectNone(bad, 'scripts on chart pages');
  });
});
