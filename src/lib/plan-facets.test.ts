import { describe, expect, test } from 'vitest';
import { C, P, plan, region } from './crosslinks/test-fixtures.ts';
import { planFacets } from './plan-facets.ts';
import { pageCount, pageHref, pagePaths, pageOfIndex, pageSlice, paginated } from './page-sizes.ts';
import type { Kind } from '../schemas/registry.ts';
import type { PlanKind } from '../schemas/plan.ts';

describe('planFacets', () => {
  // A county under a city of a province, the province itself, and a plan without a region; two kinds, two periods.
  const withPeriod = (doc: ReturnType<typeof plan>, start: number, end: number, kind: PlanKind) => ({
    ...doc,
    meta: { ...doc.meta, period: { from: 'text' as const, line: 1, raw: null, note: null, noteEn: null, value: { start, end, outlook: null } }, kind: { ...doc.meta.kind, value: kind } },
  });
  const plans = [
    withPeriod(plan('x', '县方案', { region: region('prov-city-x', '990181', '某县', 'county', [P, C]) }), 2021, 2025, 'three-year-action-plan'),
    withPeriod(plan('p', '省方案', { region: region('prov', '990000', '某省', 'province') }), 2021, 2023, 'five-year-plan'),
    plan('none', '无地区方案'),
  ];
  const kinds = [{ id: 'five-year-plan', label: '甲' }, { id: 'three-year-action-plan', label: '乙', labelEn: 'B' }] as unknown as Kind[];

  test('gives each plan one kind, one period and one province (its own, its ancestor’s, or none)', () => {
    const facets = planFacets(plans, kinds, (id) => (id === 'prov' ? 'Some Province' : undefined));
    expect(facets.map((f) => [f.id, f.slugs])).toEqual([
      ['kind-five-year-plan', ['p']],
      ['kind-three-year-action-plan', ['x']],
      ['kind-other', ['none']],
      ['period-2021-2023', ['p']],
      ['period-2021-2025', ['x']],
      ['period-none', ['none']],
      ['province-prov', ['x', 'p']],
      ['province-none', ['none']],
    ]);
    expect(facets.find((f) => f.id === 'province-prov')).toMatchObject({ label: '某省', labelEn: 'Some Province' });
    expect(facets.find((f) => f.id === 'kind-three-year-action-plan')).toMatchObject({ label: '乙', labelEn: 'B' });
  });
});

describe('page arithmetic', () => {
  test('pages, slices, paths and the page an item is on', () => {
    expect([pageCount(0, 10), pageCount(10, 10), pageCount(11, 10)]).toEqual([1, 1, 2]);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageHref('/x/', 1)).toBe('/x/');
    expect(pageHref('/x/', 3)).toBe('/x/3/');
    expect(pagePaths('x/', 21, 10)).toEqual(['x/', 'x/2/', 'x/3/']);
    expect([pageOfIndex(0, 10), pageOfIndex(9, 10), pageOfIndex(10, 10)]).toEqual([1, 1, 2]);
  });

  test('paginated gives the parameters Astro gives a [...page] route: none on page 1, the number after', () => {
    const paths = paginated(['a', 'b', 'c', 'd', 'e'], { pageSize: 2, params: { id: 't' }, props: { theme: 'T' } });
    expect(paths.map((p) => p.params)).toEqual([{ id: 't', page: undefined }, { id: 't', page: '2' }, { id: 't', page: '3' }]);
    expect(paths.map((p) => p.props.page)).toEqual([
      { data: ['a', 'b'], currentPage: 1, lastPage: 3 },
      { data: ['c', 'd'], currentPage: 2, lastPage: 3 },
      { data: ['e'], currentPage: 3, lastPage: 3 },
    ]);
    expect(paths.every((p) => p.props.theme === 'T')).toBe(true);
    // An empty list still has its page.
    expect(paginated([], { pageSize: 2 })).toEqual([{ params: { page: undefined }, props: { page: { data: [], currentPage: 1, lastPage: 1 } } }]);
  });
});
