/** Regions as a tree from the regions the plans carry (regions.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import { flattenRegions, plansUnder, regionPagePlans, regionPlaces, regionTree } from './regions.ts';
import { C, P, plan, realSeeds, region } from './test-fixtures.ts';

const { plans: real } = realSeeds();

describe('regionPlaces, regionTree, plansUnder, flattenRegions', () => {
  // A province with a plan of its own, a district with two plans, a county under a city, and a plan without a region.
  // The district's id sorts before the city's, its code after: children go by code (GB/T 2260 order).
  const district = region('prov-anqu', '990102', '安区', 'district', [P]);
  const county = region('prov-city-x', '990181', '某县', 'county', [P, C]);
  const plans = [
    plan('d1', '区方案一', { region: district }),
    plan('p', '省方案', { region: region('prov', '990000', '某省', 'province') }),
    plan('x', '县方案', { region: county }),
    plan('d2', '区方案二', { region: district }),
    plan('none', '无地区方案'),
  ];

  test('every region the plans name, and every ancestor of one, with its full name and parents', () => {
    const places = regionPlaces(plans);
    expect([...places.keys()].sort()).toEqual(['prov', 'prov-anqu', 'prov-city', 'prov-city-x']);
    expect(places.get('prov-city-x')).toEqual({ id: 'prov-city-x', code: '990181', name: '某县', level: 'county', fullName: '某省某市某县', parents: [P, C] });
    // An ancestor no plan is of is still a place (the city).
    expect(places.get('prov-city')).toEqual({ ...C, fullName: '某省某市', parents: [P] });
  });

  test('the tree runs province › city › county; children by code; each node has the plans of exactly that region', () => {
    const tree = regionTree(plans);
    const shape = (nodes: ReturnType<typeof regionTree>): unknown[] => nodes.map((n) => [n.region.id, n.plans.map((p) => p.slug), shape(n.children)]);
    expect(shape(tree)).toEqual([
      [
        'prov',
        ['p'],
        [
          ['prov-city', [], [['prov-city-x', ['x'], []]]],
          ['prov-anqu', ['d1', 'd2'], []],
        ],
      ],
    ]);
    expect(plansUnder(tree[0]!).map((p) => p.slug)).toEqual(['p', 'x', 'd1', 'd2']);
    expect(flattenRegions(tree).map((n) => n.region.id)).toEqual(['prov', 'prov-city', 'prov-city-x', 'prov-anqu']);
  });

  test('real seeds: Tianjin with its own plan and three districts by code; Xinji’s plan is under Hebei', () => {
    const tree = regionTree(real);
    expect(tree.map((n) => n.region.id)).toEqual(['tianjin', 'hebei']);
    const tianjin = tree[0]!;
    expect(tianjin.plans.map((p) => p.slug)).toEqual(['tianjin-2014-work-conference']);
    // 红桥区 120106, 北辰区 120113, 宝坻区 120115.
    expect(tianjin.children.map((n) => [n.region.name, n.plans.map((p) => p.slug)])).toEqual([
      ['红桥区', ['hongqiao-2020-2022']],
      ['北辰区', ['beichen-2020-2022']],
      ['宝坻区', ['baodi-14th-five-year']],
    ]);
    expect(plansUnder(tianjin)).toHaveLength(4);
    // 辛集市 is a county-level city administered directly by Hebei; whichever node it hangs from, it is under Hebei.
    expect(plansUnder(tree[1]!).map((p) => p.slug)).toEqual(['xinji-14th-five-year']);
    expect(flattenRegions(tree).find((n) => n.region.id === 'hebei-xinji')!.region.fullName.startsWith('河北省')).toBe(true);
  });

  test('real seeds: Tianjin’s page lists its own report, then its districts’ plans newest first', () => {
    // Read off the seeds by hand: 宝坻 2021—2025; 北辰 2020—2022, 成文 2021年4月19日; 红桥 2020—2022, 2021年3月12日.
    expect(regionPagePlans(regionTree(real)[0]!).map((p) => p.slug)).toEqual(['tianjin-2014-work-conference', 'baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022']);
  });
});
