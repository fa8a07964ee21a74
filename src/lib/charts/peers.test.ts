import { describe, expect, test } from 'vitest';
import type { ComparedIndicator } from './comparison.ts';
import { peers, peerValues } from './peers.ts';
import { fixturePlans, v } from './test-fixtures.ts';
import { CHART_LABELS_EN } from './labels.ts';
import { LINE, textWidth } from './layout.ts';

// Registry entries as content/indicators.yaml has them (name, unit, kind decide comparability).
const indicators: ComparedIndicator[] = [
  { id: 'rd-intensity', name: '全社会研发投入强度', unit: '%', kind: 'ratio' },
  { id: 'high-tech-enterprises', name: '高新技术企业数量', unit: '家', kind: 'stock' },
  { id: 'technology-contract-turnover', name: '技术合同成交额', unit: '亿元', kind: 'flow' },
];
const plans = [fixturePlans.beichen, fixturePlans.hongqiao, fixturePlans.tianjin2014, fixturePlans.baodi];

describe('peerValues(data)', () => {
  test('北辰: its R&D intensity beside 红桥 and 天津 2014, its 高新技术企业 beside 宝坻 (targets only)', () => {
    const got = peerValues({ slug: 'beichen-2020-2022', plans, indicators }).map((p) => [p.indicator.id, p.values.map((x) => [x.planLabel, x.year, x.value])]);
    expect(got).toEqual([
      ['rd-intensity', [['北辰区', 2022, 3.2], ['红桥区', 2022, 2.2], ['天津市', 2014, 2.9]]],
      ['high-tech-enterprises', [['北辰区', 2022, 530], ['宝坻区', 2025, 280]]],
    ]);
  });
  test('a cumulative target does not stand beside a yearly one: 宝坻 has no 技术合同成交额 peer', () => {
    const withTurnover = [...plans, { slug: 'x', planLabel: '某区', targets: [v({ indicatorId: 'technology-contract-turnover', value: 60, unit: '亿元', year: 2022, kind: 'target', blockId: 'p1' })] }];
    expect(peerValues({ slug: 'baodi-14th-five-year', plans: withTurnover, indicators }).map((p) => p.indicator.id)).toEqual(['high-tech-enterprises']);
  });
});

describe('peers(data, size)', () => {
  test('one panel per shared indicator, the plan’s own bar marked 本规划, the others its peers', () => {
    const m = peers({ slug: 'beichen-2020-2022', plans, indicators });
    expect(m.empty).toBe(false);
    expect(m.title).toBe('北辰区与其他规划目标对照');
    expect(m.panels.map((p) => p.indicatorId)).toEqual(['rd-intensity', 'high-tech-enterprises']);
    const chart = m.panels[0]!.chart;
    if (chart.kind !== 'comparison') throw new Error(`a panel of ${chart.kind}: four plans draw bars`);
    const rd = chart.bars;
    expect(rd.map((b) => [b.planLabel, b.value, b.own])).toEqual([['北辰区', 3.2, true], ['天津市', 2.9, false], ['红桥区', 2.2, false]]);
    expect(rd[0]!.rowLabel.text).toBe('北辰区（本规划） · 2022年目标');
    expect(m.panels[1]!.y).toBeGreaterThan(m.panels[0]!.chart.height);
    expect(m.height).toBeGreaterThan(m.panels[1]!.y);
    expect(m.notes[0]).toMatch(/^同类目标对照：本规划没有基数/u);
    expect(m.table.rows).toContainEqual(['全社会研发投入强度', '北辰区', '2022年', '力争3.2以上', '%', '3.2%以上']);
    expect(m.description).toContain('北辰区2022年目标力争3.2%以上');
  });
  test('a panel title longer than the drawing wraps, and the panel below it moves down by the lines it took', () => {
    // The English name of 高新技术企业数量 with its unit: 65 characters, wider than any drawing on one line.
    const long: ComparedIndicator[] = indicators.map((i) => (i.id === 'high-tech-enterprises' ? { ...i, name: 'Number of certified high and new technology enterprises' } : i));
    for (const width of [320, 480]) {
      const m = peers({ slug: 'beichen-2020-2022', plans, indicators: long, labels: CHART_LABELS_EN }, { width });
      const [rd, hte] = m.panels;
      expect(hte!.titleLines.length, `${width}`).toBeGreaterThan(1);
      expect(hte!.titleLines.map((l) => l.text).join(' '), `${width}`).toBe('Number of certified high and new technology enterprises (number)');
      for (const l of [...rd!.titleLines, ...hte!.titleLines]) expect(l.x + textWidth(l.text), `${width}: ${l.text}`).toBeLessThanOrEqual(width);
      // The bars start below the title's last line.
      expect(hte!.chartY, `${width}`).toBeGreaterThan(hte!.titleLines.at(-1)!.y);
      expect(hte!.chartY - rd!.chartY, `${width}`).toBe(LINE * (hte!.titleLines.length - rd!.titleLines.length));
    }
  });
  test('a plan that shares no comparable indicator gets no figure, and a sentence saying so', () => {
    const m = peers({ slug: 'tianjin-2014-work-conference', plans: [plans[2]!, plans[3]!], indicators });
    expect(m.empty).toBe(true);
    expect(m.panels).toEqual([]);
    expect(m.description).toBe('天津市的目标与其他规划没有同一指标、同一单位和口径的可比目标，故无对照图。');
  });
});
