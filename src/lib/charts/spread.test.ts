import { describe, expect, test } from 'vitest';
import type { ComparedIndicator } from './comparison.ts';
import { peers, PEER_BARS } from './peers.ts';
import { spread, summarize } from './spread.ts';
import { v } from './test-fixtures.ts';
import { CHART_LABELS_EN } from './labels.ts';
import type { PlanValue } from './types.ts';

const rd: ComparedIndicator = { id: 'rd-intensity', name: '全社会研发投入强度', unit: '%', kind: 'ratio' };

/** Plan `p<i>` with R&D intensity target `value` (%), 2025. */
const planValue = (i: number, value: number, unit = '%'): PlanValue => ({
  ...v({ indicatorId: 'rd-intensity', value, unit, year: 2025, kind: 'target', blockId: 'p1', quote: `研发投入强度达到${value}${unit}` }),
  id: `t${i}`,
  slug: `p${i}`,
  planLabel: `第${i}区`,
});

describe('summarize(sorted)', () => {
  test('the five numbers of 1…9 and of 1…4 (quartiles interpolated, as R and d3 do)', () => {
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ count: 9, min: 1, q1: 3, median: 5, q3: 7, max: 9 });
    expect(summarize([1, 2, 3, 4])).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(summarize([])).toBeNull();
  });
});

describe('spread(data, size)', () => {
  // Nine plans at 1.0, 1.5 … 5.0 %; 第5区 at 3.0 is in the middle.
  const values = Array.from({ length: 9 }, (_, i) => planValue(i + 1, 1 + i * 0.5));

  test('the box spans the quartiles, the whisker the ends; the marked plan is ranked among the others', () => {
    const m = spread({ indicator: rd, values, highlight: 'p5' });
    expect(m.empty).toBe(false);
    expect(m.summary).toEqual({ count: 9, min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(m.ownRank).toEqual({ below: 4, equal: 0, above: 4 });
    expect(m.box!.x).toBeLessThan(m.medianLine!.x1);
    expect(m.medianLine!.x1).toBeLessThan(m.box!.x + m.box!.width);
    expect(m.whisker!.x1).toBeLessThan(m.box!.x);
    expect(m.ownDot!.cx).toBe(m.medianLine!.x1);
    expect(m.labels.map((l) => l.text)).toEqual(['1', '5', '本规划 3']);
    expect(m.table.rows).toEqual([
      ['规划数', '9'],
      ['最小值', '1'],
      ['下四分位数', '2'],
      ['中位数', '3'],
      ['上四分位数', '4'],
      ['最大值', '5'],
      ['本规划', '3'],
    ]);
    expect(m.description).toContain('9个规划的可比目标：最小1，下四分位数2，中位数3，上四分位数4，最大5（单位：%）');
    expect(m.description).toContain('其他8个规划中4个高于、0个等于、4个低于本规划');
    // The named values only: the plan's own and the two ends.
    expect(m.sources.map((s) => s.slug)).toEqual(['p5', 'p1', 'p9']);
  });

  test('a value in another unit is counted out, not drawn', () => {
    const m = spread({ indicator: rd, values: [...values, planValue(10, 300, '亿元')] });
    expect(m.summary!.count).toBe(9);
    expect(m.notes).toContain('另有1个数值单位、口径或范围不同，未计入。');
  });

  test('nothing comparable: no figure, and a sentence saying so', () => {
    const m = spread({ indicator: rd, values: [planValue(1, 3, '亿元')] });
    expect(m.empty).toBe(true);
    expect(m.description).toBe('没有可在同一刻度上比较的全社会研发投入强度数值。');
  });
});

describe('spread: one array of values shared by every plan page', () => {
  // Values 2, 2, 3, 5, 5 (plans p1 … p5): ties at both ends.
  const shared = [planValue(1, 2), planValue(2, 2), planValue(3, 3), planValue(4, 5), planValue(5, 5)];

  test('each marked plan is ranked among the others, whichever was marked before', () => {
    const ranks = ['p3', 'p1', 'p5', 'p3'].map((slug) => spread({ indicator: rd, values: shared, highlight: slug }).ownRank);
    expect(ranks).toEqual([
      { below: 2, equal: 0, above: 2 },
      { below: 0, equal: 1, above: 3 },
      { below: 3, equal: 1, above: 0 },
      { below: 2, equal: 0, above: 2 },
    ]);
  });

  test('ties at the ends: the marked plan is named at the low end, at the high end another plan of the same value', () => {
    const ends = (highlight?: string) => {
      const m = spread({ indicator: rd, values: shared, ...(highlight ? { highlight } : {}) });
      return [m.ends!.min!.slug, m.ends!.max!.slug];
    };
    expect(ends()).toEqual(['p1', 'p5']);
    expect(ends('p2')).toEqual(['p2', 'p5']);
    expect(ends('p5')).toEqual(['p1', 'p4']);
    expect(ends('p4')).toEqual(['p1', 'p5']);
  });
});

describe('spread: approximate, as a plan\'s peer view states it', () => {
  // 1,010 plans at 1.0 … 4.9 % (40 values, 25 or 26 plans each), and a 1,011th at 2.0 %. The quartiles and the
  // median fall inside runs of equal values, as in a large library; one that falls between two values moves with
  // the next plan (at 1,000 plans of these values the median is 2.95, at 1,001 it is 2.9), and so do the pages that show it.
  const library = Array.from({ length: 1010 }, (_, i) => planValue(i + 1, Math.round(10 + (i % 40)) / 10));
  const grown = [...library, planValue(1011, 2)];
  const of = (values: PlanValue[], approximate: boolean, labels = {}) => spread({ indicator: rd, values, highlight: 'p7', approximate, ...labels });

  test('the count, quartiles, median and rank rounded, the ends exact, and a note saying so', () => {
    const m = of(library, true);
    expect(m.table.rows).toEqual([
      ['规划数', '约1000'],
      ['最小值', '1'],
      ['下四分位数', '约1.9'],
      ['中位数', '约2.9'],
      ['上四分位数', '约3.9'],
      ['最大值', '4.9'],
      ['本规划', '1.6'],
    ]);
    // 第7区 at 1.6 %: of the other 1,009, 156 lower (15.5 % → 15), 25 equal (2.5 % → 0), 828 higher (82.1 % → 80).
    expect(m.description).toContain('其他约1000个规划中约80%高于、约0%等于、约15%低于本规划');
    expect(m.notes).toContain('规划数、四分位数、中位数取两位有效数字，各占比取整到5%；最小值或最大值为多个规划共有时不列规划名；确切数值见该指标的页面。');
    // Between two values: 1,000 of these plans have the median 2.95, stated 约3.
    expect(of(library.slice(0, 1000), true).table.rows[3]).toEqual(['中位数', '约3']);
    expect(m.box!.x).toBeLessThan(m.medianLine!.x1);
    const en = spread({ indicator: { ...rd, name: 'R&D intensity' }, values: library.map((v) => ({ ...v, planLabel: v.slug })), highlight: 'p7', approximate: true, labels: CHART_LABELS_EN });
    expect(en.description).toContain('comparable targets of about 1000 plans: minimum 1, lower quartile about 1.9, median about 2.9, upper quartile about 3.9, maximum 4.9');
    expect(en.description).toContain('of about 1000 other plans, about 80% higher, 0% equal, 15% lower');
  });

  test('one plan more in the middle moves nothing it states, where the exact spread changes', () => {
    expect(JSON.stringify(of(grown, true))).toBe(JSON.stringify(of(library, true)));
    expect(JSON.stringify(of(grown, false))).not.toBe(JSON.stringify(of(library, false)));
  });

  test('an end value several plans hold names none of them, so one more plan at it moves nothing', () => {
    // 25 plans at 4.9, the highest: the exact spread names the last of them, and a 1,011th at 4.9 takes its place.
    const atTop = [...library, planValue(1011, 4.9)];
    expect(of(atTop, false).ends!.max!.slug).toBe('p1011');
    expect(of(library, false).ends!.max!.slug).not.toBe('p1011');
    const m = of(atTop, true);
    expect(m.ends).toEqual({ min: null, max: null });
    expect(m.description).toContain('最小值为多个规划的目标值1，最大值为多个规划的目标值4.9。');
    expect(m.labels.map((l) => l.text)).toEqual(['1', '4.9', '本规划 1.6']);
    expect(m.sources.map((s) => s.slug)).toEqual(['p7']);
    expect(JSON.stringify(m)).toBe(JSON.stringify(of(library, true)));
    // One plan alone at an end is named.
    const alone = of([...library, planValue(1011, 9)], true);
    expect([alone.ends!.max!.slug, alone.description]).toEqual(['p1011', expect.stringContaining('最大值为第1011区2025年目标9%')]);
  });
});

describe('peers: bars for a few plans, the spread for many', () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ slug: `p${i + 1}`, planLabel: `第${i + 1}区`, targets: [planValue(i + 1, 1 + i * 0.1)] }));

  test(`${PEER_BARS} plans: a bar each; ${PEER_BARS + 1}: the spread, with the plan's own value in the table`, () => {
    expect(peers({ slug: 'p1', plans: plans(PEER_BARS), indicators: [rd] }).panels[0]!.chart.kind).toBe('comparison');
    const many = peers({ slug: 'p1', plans: plans(PEER_BARS + 1), indicators: [rd] });
    expect(many.panels[0]!.chart.kind).toBe('spread');
    expect(many.table.rows[0]).toEqual(['全社会研发投入强度', '第1区', '2025年', '1', '%', '1']);
    expect(many.table.rows.map((r) => r[1])).toEqual(['第1区', '13个规划的最小值', '13个规划的下四分位数', '13个规划的中位数', '13个规划的上四分位数', '13个规划的最大值']);
    // A plan's peer view states its spreads approximately (figures one more plan would move on every such page).
    expect(many.notes).toContain('规划数、四分位数、中位数取两位有效数字，各占比取整到5%；最小值或最大值为多个规划共有时不列规划名；确切数值见该指标的页面。');
    expect(peers({ slug: 'p1', plans: plans(150), indicators: [rd] }).table.rows[1]![1]).toBe('约150个规划的最小值');
  });

  test('the peer view of one plan stays the same size however many plans there are', () => {
    const size = (n: number) => JSON.stringify(peers({ slug: 'p1', plans: plans(n), indicators: [rd] })).length;
    expect(size(2000)).toBeLessThan(size(100) * 1.1);
  });
});

describe('the English peer view and spread write no Chinese of their own', () => {
  const han = /\p{Script=Han}/u;
  // Plans named in ASCII, an English indicator name: any Han left is the chart's own words.
  const en: ComparedIndicator = { id: 'rd-intensity', name: 'R&D intensity', unit: '%', kind: 'ratio' };
  const plans = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ slug: `p${i + 1}`, planLabel: `District ${i + 1}`, targets: [{ ...planValue(i + 1, 1 + i * 0.1), quote: 'R&D 3%' }] }));
  const words = (m: ReturnType<typeof peers>) => [m.title, m.description, m.unit, ...m.notes, ...m.table.columns, ...m.table.rows.flat(), ...m.panels.flatMap((p) => [...p.titleLines.map((l) => l.text), p.chart.title, p.chart.description, ...p.chart.notes])];

  test.each([3, PEER_BARS + 5])('%i plans', (n) => {
    const m = peers({ slug: 'p1', plans: plans(n), indicators: [en], labels: CHART_LABELS_EN });
    expect(m.panels).toHaveLength(1);
    expect(words(m).filter((w) => han.test(w))).toEqual([]);
    expect(m.title).toBe('This plan’s targets beside other plans’');
  });

  test('the spread in English', () => {
    const m = spread({ indicator: en, values: plans(9).map((p) => ({ ...p.targets[0]!, slug: p.slug, planLabel: p.planLabel })), highlight: 'p5', labels: CHART_LABELS_EN });
    expect(m.description).toBe(
      'R&D intensity (level), comparable targets of 9 plans: minimum 1, lower quartile 1.2, median 1.4, upper quartile 1.6, maximum 1.8 (unit: %). Lowest: District 1, 2025 target 1%; highest: District 9, 2025 target 1.8%. This plan: 2025 target 1.4%; of the 8 other plans, 4 higher, 0 equal, 4 lower.',
    );
    expect(m.labels.map((l) => l.text)).toEqual(['1', '1.8', 'this plan: 1.4']);
  });
});
