import { describe, expect, test } from 'vitest';
import { formatValue } from '../values.ts';
import { comparison, pickAllComparisonValues, pickComparisonValues, type ComparedIndicator } from './comparison.ts';
import { assertMentions } from './test-asserts.ts';
import { baodi, fixturePlans, v, xinji } from './test-fixtures.ts';
import type { PlanValue } from './types.ts';
import { textWidth } from './layout.ts';

const rd: ComparedIndicator = { id: 'rd-intensity', name: '全社会研发投入强度', unit: '%', kind: 'ratio', comparability: null };
const plans = [fixturePlans.beichen, fixturePlans.hongqiao, fixturePlans.tianjin2014, fixturePlans.xinji];
const at = (slug: string, planLabel: string, value: (typeof baodi)[number]): PlanValue => ({ ...value, slug, planLabel });

describe('pickComparisonValues(plans, indicator)', () => {
  test('takes one target per plan, the latest comparable one', () => {
    const picked = pickComparisonValues(plans, rd);
    expect(picked.map((p) => [p.planLabel, p.year, p.value])).toEqual([
      ['北辰区', 2022, 3.2],
      ['红桥区', 2022, 2.2],
      ['天津市', 2014, 2.9],
    ]);
    expect(picked[1]!.blockId).toBe('p1-2-1');
  });
  test('still passes a plan whose only value is not comparable, so the chart can say why', () => {
    const turnover: ComparedIndicator = { id: 'technology-contract-turnover', name: '技术合同成交额', unit: '亿元', kind: 'flow' };
    const picked = pickComparisonValues([fixturePlans.baodi], turnover);
    expect(picked.map((p) => p.measure)).toEqual(['cumulative']);
  });
  test('names table sources by the caption it is given', () => {
    const [p] = pickComparisonValues([{ slug: 'xinji', planLabel: '辛集市', targets: xinji, blockLabels: { t1: '表1' } }], { ...rd, id: 'tech-smes', unit: '家', kind: 'stock' });
    expect(p).toMatchObject({ value: 750, blockId: 't1', blockLabel: '表1' });
  });
});

describe('pickAllComparisonValues(plans, indicators)', () => {
  test('picks for each indicator, all at once, what it picks for that indicator alone, in the same order', () => {
    const all = [...plans, fixturePlans.baodi, { slug: 'xinji-t', planLabel: '辛集市', targets: xinji, blockLabels: { t1: '表1' } }];
    const indicators: ComparedIndicator[] = [
      rd,
      { id: 'technology-contract-turnover', name: '技术合同成交额', unit: '亿元', kind: 'flow' },
      { id: 'tech-smes', name: '科技型中小企业', unit: '家', kind: 'stock' },
      { id: 'high-tech-enterprises', name: '高新技术企业', unit: '家', kind: 'stock' },
      { id: 'no-plan-has-it', name: '无', unit: '家', kind: 'stock' },
    ];
    for (const kinds of [undefined, ['target', 'baseline'] as const]) {
      const picked = pickAllComparisonValues(all, indicators, kinds && [...kinds]);
      expect([...picked.keys()]).toEqual(indicators.map((i) => i.id));
      for (const i of indicators) expect(picked.get(i.id)).toEqual(pickComparisonValues(all, i, kinds && [...kinds]));
    }
    // Not empty: the comparison above is of something (four of the five indicators have values here).
    expect([...pickAllComparisonValues(all, indicators).values()].filter((v) => v.length > 0)).toHaveLength(4);
  });
});

describe('comparison(data, size)', () => {
  const values: PlanValue[] = [
    ...pickComparisonValues(plans, rd),
    // 宝坻's enterprise R&D / sales is also a %, but another indicator: it must not join the scale.
    at('baodi-14th-five-year', '宝坻区', baodi[2]!),
    // A value in another unit and measure, even if someone maps it to rd-intensity by mistake.
    at('baodi-14th-five-year', '宝坻区', { ...baodi[4]!, indicatorId: 'rd-intensity' }),
  ];
  const m = comparison({ indicator: rd, values }, { width: 480 });

  test('refuses values of another indicator, unit or measure: not drawn, listed with reasons', () => {
    expect(m.bars.map((b) => b.planLabel)).toEqual(['北辰区', '天津市', '红桥区']);
    expect(m.excluded.map((e) => [e.value.planLabel, e.value.value, e.reasons])).toEqual([
      ['宝坻区', 2.8, ['不是同一指标（原文：规模以上企业研发投入R&D占销售收入比例）']],
      ['宝坻区', 35, ['单位不同：亿元，本指标为%', '口径不同：期间累计值，本指标为达到值']],
    ]);
    expect(m.notes[0]).toBe('未画入：宝坻区2025年目标2.8%——不是同一指标（原文：规模以上企业研发投入R&D占销售收入比例）。');
    assertMentions(m.description, ['另有2个数值不可比，未画入', '累计35亿元']);
    expect(m.table.rows.map((r) => r[0])).toEqual(['北辰区', '天津市', '红桥区']);
  });
  test('puts all bars on one scale from zero', () => {
    const perUnit = m.bars.map((b) => b.width / b.value);
    for (const k of perUnit) expect(k).toBeCloseTo(perUnit[0]!, 1);
    expect(new Set(m.bars.map((b) => b.x))).toEqual(new Set([4]));
    expect(m.xAxis.ticks[0]!.value).toBe(0);
    expect(m.bars.map((b) => b.valueLabel.text)).toEqual(['3.2以上', '2.9', '2.2以上']);
    expect(m.bars[0]!.rowLabel.text).toBe('北辰区 · 2022年目标');
  });
  test('a plan name too long for the line above its bar is cut with …, never its year and kind', () => {
    // A plan's full title as its label (the site's labels are titles), on a phone's 320-unit drawing and at 480.
    const long = '天津市北辰区科技创新三年行动计划实施方案(2020-2022年)';
    const named = values.slice(0, 3).map((x, i) => (i === 0 ? { ...x, planLabel: long } : x));
    for (const width of [320, 480]) {
      const row = comparison({ indicator: rd, values: named, highlight: named[0]!.slug }, { width }).bars.find((b) => b.planLabel === long)!.rowLabel.text;
      expect(row, `${width}`).toMatch(/…（本规划） · 2022年目标$/u);
      expect(long.startsWith(row.slice(0, row.indexOf('…'))), `${width}`).toBe(true);
      expect(textWidth(row), `${width}: ${row}`).toBeLessThanOrEqual(width - 8);
    }
    // A name that fits is whole.
    expect(comparison({ indicator: rd, values: named }, { width: 480 }).bars.find((b) => b.planLabel === '红桥区')!.rowLabel.text).toBe('红桥区 · 2022年目标');
  });
  test('the description and the table hold every drawn value', () => {
    for (const v of values.slice(0, 3)) {
      assertMentions(m.description, [`${v.planLabel}${v.year}年目标${formatValue(v)}`]);
      expect(m.table.rows.flat()).toContain(formatValue(v, false));
    }
    expect(m.sources.map((s) => s.blockId)).toEqual(['p1-2-1', 'p0-1', 'p1-2-1', 'p3-3-1']);
    expect(m.sources.map((s) => s.slug)).toContain('tianjin-2014-work-conference');
  });
  test('shows the comparability text of the registry entry under the chart', () => {
    expect(comparison({ indicator: { ...rd, comparability: '全社会R&D经费支出与GDP之比。' }, values }).notes.at(-1)).toBe('全社会R&D经费支出与GDP之比。');
  });
  test('orders bars as given when asked', () => {
    const given = comparison({ indicator: rd, values, sort: 'input' });
    expect(given.bars.map((b) => b.planLabel)).toEqual(['北辰区', '红桥区', '天津市']);
  });
  test('marks a reported value apart from targets', () => {
    const reported = at('xinji', '辛集市', v({ indicatorId: 'rd-intensity', value: 1.45, unit: '%', year: 2020, kind: 'achievement', blockId: 'p1-1-1-2-1' }));
    const mixed = comparison({ indicator: rd, values: [values[0]!, reported] });
    expect(mixed.bars.map((b) => b.kind)).toEqual(['target', 'achievement']);
    expect(mixed.notes).toContain('实心条为目标值，斜线条为基数或实际值。');
  });
  test('with nothing comparable, draws nothing and says why', () => {
    const none = comparison({ indicator: rd, values: values.slice(3) });
    expect(none).toMatchObject({ empty: true, bars: [], height: 0 });
    expect(none.description.startsWith('没有可在同一刻度上比较的全社会研发投入强度数值。另有2个数值不可比')).toBe(true);
    expect(comparison({ indicator: rd, values: [] })).toMatchObject({ empty: true, excluded: [], notes: [] });
  });
});
