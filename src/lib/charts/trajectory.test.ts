import { describe, expect, test } from 'vitest';
import { assertMentions, assertPathEqual } from './test-asserts.ts';
import { hongqiao, v, xinji } from './test-fixtures.ts';
import { trajectory, trajectoryCandidates, trajectoryPoints } from './trajectory.ts';

const data = { slug: 'hongqiao-2020-2022', planLabel: '红桥区方案', indicatorId: 'rd-intensity', name: '全社会研发投入强度', targets: hongqiao };

describe('trajectoryPoints(targets, indicatorId)', () => {
  test('takes the yearly breakdown table, not the 2022 value repeated in prose', () => {
    const { points, excluded } = trajectoryPoints(hongqiao, 'rd-intensity');
    expect(points.map((p) => [p.year, p.value, p.blockId])).toEqual([
      [2020, 2, 't1'],
      [2021, 2.1, 't1'],
      [2022, 2.2, 't1'],
    ]);
    expect(excluded).toEqual([]);
  });
  test('leaves out a value in another unit, with the reason', () => {
    const odd = v({ indicatorId: 'rd-intensity', value: 6, unit: '亿元', year: 2023, kind: 'target', blockId: 't1' });
    const { points, excluded } = trajectoryPoints([...hongqiao, odd], 'rd-intensity');
    expect(points).toHaveLength(3);
    expect(excluded).toEqual([{ value: odd, reason: '单位不同（亿元，本图为%）' }]);
  });
  test('trajectoryCandidates lists indicators with three or more years in one block', () => {
    expect(trajectoryCandidates(hongqiao)).toEqual(['rd-intensity', 'valid-invention-patents']);
    // 辛集 表1 rows are baseline → target pairs: baselineTarget's job, unless asked for two-point lines.
    expect(trajectoryCandidates(xinji)).toEqual([]);
    expect(trajectoryCandidates(xinji, 2)).toContain('tech-smes');
  });
});

describe('trajectory(data, size)', () => {
  const m = trajectory(data, { width: 480, height: 260 });
  test('draws a line through 2020, 2021 and 2022', () => {
    assertPathEqual(m.path, 'M49.29,69.4L249.08,61.12L448.87,52.84');
    expect(m.points.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(m.xAxis.ticks.map((t) => t.label.text)).toEqual(['2020年', '2021年', '2022年']);
    expect(m.yAxis.ticks.map((t) => t.value)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });
  test('starts the value axis at zero and keeps every mark inside the viewBox', () => {
    expect(m.yAxis.ticks[0]!.line.y1).toBe(235);
    for (const p of m.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(m.width);
      expect(p.label.y).toBeGreaterThan(0);
    }
  });
  test('shows 以上 in the labels', () => {
    expect(m.points.map((p) => p.label.text)).toEqual(['2', '2.1以上', '2.2以上']);
  });
  test('the description and the table hold every value', () => {
    expect(m.description).toBe('红桥区方案对全社会研发投入强度的逐年安排（单位：%）：2020年目标2%，2021年目标2.1%以上，2022年目标2.2%以上。');
    expect(m.table).toEqual({
      columns: ['年份', '类型', '数值（%）', '原文写法'],
      rows: [
        ['2020年', '目标', '2', '2'],
        ['2021年', '目标', '2.1以上', '2.1以上'],
        ['2022年', '目标', '2.2以上', '2.2以上'],
      ],
    });
    expect(m.sources).toHaveLength(1);
    expect(m.sources[0]).toMatchObject({ slug: 'hongqiao-2020-2022', blockId: 't1' });
  });
  test('marks a baseline point as such', () => {
    const t = [v({ indicatorId: 'x', value: 99, unit: '家', year: 2020, kind: 'baseline', blockId: 't1' }), v({ indicatorId: 'x', value: 130, unit: '家', year: 2025, kind: 'target', blockId: 't1' })];
    const b = trajectory({ slug: 's', planLabel: 'P', indicatorId: 'x', name: 'X', targets: t });
    expect(b.points.map((p) => [p.kind, p.label.text])).toEqual([['baseline', '99（基数）'], ['target', '130']]);
    assertMentions(b.description, ['2020年基数99家', '2025年目标130家']);
  });
  test('with no yearly values, says so and draws nothing', () => {
    const e = trajectory({ ...data, targets: [] });
    expect(e).toMatchObject({ empty: true, points: [], path: '', height: 0, table: { rows: [] } });
    expect(e.description).toBe('红桥区方案没有给出全社会研发投入强度的逐年数值。');
  });
});
