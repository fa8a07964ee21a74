import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { astroPhases, parseAstroDuration, routeTimes, routesOf, siteSizes, urlPathOf } from './site.ts';

describe('routes of src/pages and Astro’s per-page times', () => {
  const routes = routesOf('src/pages');
  const routeOf = (path: string) => routes.find((r) => r.pattern.test(path))?.file;

  it.each([
    { path: '/', file: 'index.astro' },
    { path: '/plans/beichen-2020-2022/', file: 'plans/[slug]/index.astro' },
    { path: '/plans/beichen-2020-2022/source/', file: 'plans/[slug]/source.astro' },
    { path: '/data/schema/plan.json', file: 'data/schema/[name].json.ts' },
    { path: '/data/schema.json', file: 'data/schema.json.ts' },
    { path: '/404.html', file: '404.astro' },
    { path: '/compare/', file: 'compare/[...page].astro' },
    { path: '/compare/2/', file: 'compare/[...page].astro' },
    { path: '/regions/tianjin/2/', file: 'regions/[id]/[...page].astro' },
  ])('maps the built URL path $path to the page file that made it, $file', ({ path, file }) => {
    expect(routeOf(path)).toBe(file);
  });

  it('turns built file names into URL paths', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('plans/x/index.html')).toBe('/plans/x/');
    expect(urlPathOf('sources/x.txt')).toBe('/sources/x.txt');
  });

  it('sums the (+ms) of each route from a coloured log', () => {
    const log = [
      '01:00:00 \u001b[2m  ├─\u001b[22m /plans/a/index.html \u001b[2m(+12ms)\u001b[22m',
      '01:00:00   ├─ /plans/b/index.html (+30ms) ',
      '01:00:00   ├─ /plans/b/source/index.html (+5ms) ',
      '01:00:00   └─ /index.html (+3ms) ',
      'build: astro build done in 100 ms',
    ].join('\n');
    const times = routeTimes(log, routes);
    expect(times.get('plans/[slug]/index.astro')).toEqual({ pages: 2, ms: 42 });
    expect(times.get('plans/[slug]/source.astro')).toEqual({ pages: 1, ms: 5 });
    expect(times.get('index.astro')).toEqual({ pages: 1, ms: 3 });
  });
});

describe('astro build phases', () => {
  it('reads Astro’s durations', () => {
    expect(parseAstroDuration('1m 41s')).toBe(101_000);
    expect(parseAstroDuration('10.40s')).toBe(10_400);
    expect(parseAstroDuration('68ms')).toBe(68);
    expect(parseAstroDuration('soon')).toBeNaN();
  });
  it('finds content sync, bundling and rendering in a build log', () => {
    const log = [
      '01:48:17 [types] Generated 10.40s',
      '01:48:17 [build] Collecting build info...',
      '01:48:17 [build] ✓ Completed in 10.68s.',
      '01:49:12 [vite] ✓ built in 55.50s',
      '01:49:14 [vite] \u001b[32m✓ built in 68ms\u001b[39m',
      ' generating static routes ',
      '01:49:57   └─ /index.html (+14ms) ',
      '01:49:57 ✓ Completed in 42.91s.',
      '01:49:58 [build] ✓ Completed in 1m 41s.',
    ].join('\n');
    expect(astroPhases(log)).toEqual({ contentSync: 10_400, bundle: 55_568, render: 42_910 });
  });
});

describe('siteSizes', () => {
  test('counts every Pagefind bundle of a site indexed in shards, index apart from scripts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-sizes-'));
    try {
      const put = (rel: string, bytes: number) => {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), 'x'.repeat(bytes));
      };
      put('index.html', 10);
      put('pagefind/pagefind.js', 100);
      put('pagefind/pagefind-entry.json', 1);
      put('pagefind/index/a.pf_index', 20);
      put('pagefind-1/pagefind.js', 100);
      put('pagefind-1/pagefind-entry.json', 1);
      put('pagefind-1/fragment/b.pf_fragment', 30);
      put('pagefind-1/c.pf_meta', 5);
      put('pagefinder/x.html', 7); // not a bundle
      const s = siteSizes(dir);
      expect([s.pagefindBytes, s.pagefindIndexBytes, s.pagefindBundleBytes]).toEqual([257, 57, 200]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
