/**
 * Charts and open data on the built site: every chart is static SVG with a title and description (no script);
 * the open data files validate against the schema the site publishes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { PlanDocumentSchema } from '../../src/schemas/plan.ts';
import { TargetRecordSchema } from '../../src/schemas/open-data.ts';
import { builtPages } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const html = (path: string) => readFileSync(join(siteDir, path, 'index.html'), 'utf8');

describe('charts', () => {
  const expectations: [string, string, number][] = [
    ['plans/xinji-14th-five-year', 'baseline → target', 1],
    ['plans/hongqiao-2020-2022', 'yearly trajectory', 8],
    ['regions', 'plan period timeline', 1],
    ['indicators/high-tech-enterprises', 'comparison across plans', 1],
  ];
  test.each(expectations)('%s has its %s chart(s) as static SVG with title and description', (path, _what, count) => {
    const page = html(path);
    const figures = page.match(/<figure[^>]*class="[^"]*chart[^"]*"[\s\S]*?<\/figure>/gu) ?? [];
    expect(figures.length, `${path}: charts`).toBeGreaterThanOrEqual(count);
    for (const f of figures) {
      expect(f).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/u);
      expect(f).toMatch(/<title[^>]*>[^<]+<\/title>/u);
      expect(f).toMatch(/<desc[^>]*>[^<]+<\/desc>/u);
      expect(f, 'drawn marks').toMatch(/<(path[^>]* d="M[\d.,-]+|rect[^>]* width="[\d.]+|line[^>]* x2="[\d.]+)/u);
      expect(f, 'a data table view').toMatch(/<details[\s\S]*<table/u);
    }
  });
  test('no page with a chart carries a script other than enhance.js', () => {
    const withCharts = builtPages(siteDir).filter((p) => readFileSync(p.file, 'utf8').includes('class="chart'));
    // At least the pages named above; none found would mean the filter, not the pages, is wrong.
    expect(withCharts.map((p) => p.path)).toEqual(expect.arrayContaining(expectations.map(([path]) => `/${path}/`)));
    const bad = withCharts
      .flatMap((p) => [...readFileSync(p.file, 'utf8').matchAll(/<script[^>]*>/gu)].map((m) => m[0]).filter((tag) => !/src="[^"]*\/enhance\.js"/u.test(tag)).map((tag) => `${p.path}: ${tag}`));
    expectNone(bad, 'scripts on chart pages');
  });
});

describe('open data', () => {
  test('targets.json: every record validates against the published TargetRecord schema', () => {
    const data = JSON.parse(readFileSync(join(siteDir, 'data/targets.json'), 'utf8')) as { count: number; targets: unknown[] };
    expect(data.count).toBe(data.targets.length);
    expect(data.count).toBeGreaterThan(100);
    const problems = data.targets.flatMap((r, i) => {
      const res = TargetRecordSchema.safeParse(r);
      return res.success ? [] : [`record ${i}: ${res.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`];
    });
    expectNone(problems, 'targets.json');
  });
  test('targets.csv has the same records as targets.json', () => {
    const csv = readFileSync(join(siteDir, 'data/targets.csv'), 'utf8');
    const json = JSON.parse(readFileSync(join(siteDir, 'data/targets.json'), 'utf8')) as { count: number };
    expect(csv.startsWith('\ufeffplan,')).toBe(true);
    // Records never contain a newline except inside quotes; count record starts (a plan slug at line start).
    const lines = csv.split('\r\n').filter((l) => /^[a-z0-9-]+,/u.test(l));
    expect(lines.length).toBe(json.count);
  });
  test('every /data/plans/<slug>.json validates against the PlanDocument schema', () => {
    const files = builtPages(siteDir).filter((p) => /^\/plans\/[^/]+\/$/u.test(p.path)).map((p) => p.path.split('/')[2]!);
    expect(files.length, 'one plan page per seed').toBe(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
    for (const slug of files) {
      const res = PlanDocumentSchema.safeParse(JSON.parse(readFileSync(join(siteDir, 'data/plans', `${slug}.json`), 'utf8')));
      expect(res.success, `${slug}.json: ${res.success ? '' : res.error.issues[0]?.message}`).toBe(true);
    }
  });
  test('schema.json describes both record kinds', () => {
    const schema = JSON.parse(readFileSync(join(siteDir, 'data/schema.json'), 'utf8')) as { $defs: Record<string, { type?: string; properties?: object }> };
    expect(Object.keys(schema.$defs)).toEqual(['PlanDocument', 'TargetRecord']);
    expect(Object.keys(schema.$defs.TargetRecord!.properties!)).toContain('quote');
  });
});
