import { describe, expect, test } from 'vitest';
import { baselineTarget } from './baseline-target.ts';
import { comparison, pickComparisonValues, type ComparedIndicator } from './comparison.ts';
import { CHART_LABELS_EN, CHART_LABELS_ZH, chartLabels, type ChartLabels } from './labels.ts';
import { standaloneSvg } from './svg.ts';
import { fixturePlans, hongqiao, xinji } from './test-fixtures.ts';
import { timeline } from './timeline.ts';
import { trajectory } from './trajectory.ts';

const han = /\p{Script=Han}/u;

/** Every string the table holds or writes from English-only input (numbers, years, kinds, English names). */
function englishWords(L: ChartLabels): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(L);
  const t = { value: 3.2, valueText: '3.2%以上', unit: '%', qualifiers: ['力争', '达到', '以上'], measure: 'level' as const };
  out.push(
    L.yearKind({ year: 2022, kind: 'target' }), L.yearKind({ year: null, kind: 'baseline' }), L.valueLabel(t), L.value(t), L.value({ ...t, measure: 'growth', qualifiers: ['年均增长'] }),
    L.change(99, 130, '家'), L.change(0.54, 0.67, '%'), L.change(6, 6, '亿元'), L.unitCaption('亿元'), L.withUnit('R&D intensity', '%'),
    ...L.baselineTarget.end({ year: 2020, kind: 'baseline' }), L.timeline.period({ start: 2021, end: 2025, outlook: 2035 }),
    L.comparison.row('Plan', true, '2022 target'), L.trajectory.otherUnit('人年', '%'),
  );
  return out;
}

describe('chartLabels(locale)', () => {
  test('one table per locale', () => {
    expect(chartLabels('zh-CN')).toBe(CHART_LABELS_ZH);
    expect(chartLabels('en')).toBe(CHART_LABELS_EN);
  });

  test('the English table writes no Chinese of its own', () => {
    const words = englishWords(CHART_LABELS_EN);
    expect(words.length).toBeGreaterThan(40);
    expect(words.filter((w) => han.test(w))).toEqual([]);
    // And the check sees Chinese where there is some.
    expect(englishWords(CHART_LABELS_ZH).filter((w) => han.test(w)).length).toBeGreaterThan(20);
  });

  test('the Chinese table writes what the charts always wrote', () => {
    const L = CHART_LABELS_ZH;
    expect(L.yearKind({ year: 2022, kind: 'target' })).toBe('2022年目标');
    expect(L.yearKind({ year: null, kind: 'target' })).toBe('目标（年份未载）');
    expect(L.change(99, 130, '家')).toBe('增加31家，增长31.3%');
    expect(L.change(0.54, 0.67, '%')).toBe('提高0.13个百分点');
    expect(L.timeline.period({ start: 2021, end: 2025, outlook: 2035 })).toBe('2021—2025年，展望2035年');
    expect(L.baselineTarget.end({ year: 2020, kind: 'baseline' })).toEqual(['2020年基数']);
  });

  test('English: years, kinds, bounds, units and changes', () => {
    const L = CHART_LABELS_EN;
    expect(L.yearKind({ year: 2022, kind: 'target' })).toBe('2022 target');
    expect(L.yearKind({ year: null, kind: 'achievement' })).toBe('result (year not given)');
    // 红桥区: “到2022年，全社会研发投入强度达到2.2%以上” — 以上 counts the number itself.
    expect(L.valueLabel({ value: 2.2, qualifiers: ['达到', '以上'] })).toBe('at least 2.2');
    expect(L.valueLabel({ value: 530, qualifiers: ['突破'] })).toBe('over 530');
    expect(L.valueLabel({ value: 2.2, qualifiers: ['左右'] })).toBe('about 2.2');
    expect(L.value({ value: 3.2, valueText: '3.2%以上', unit: '%', qualifiers: ['力争', '达到', '以上'], measure: 'level' })).toBe('striving for at least 3.2%');
    expect(L.value({ value: 7, valueText: '7', unit: '亿元', qualifiers: [], measure: 'level' })).toBe('7 (100 million yuan)');
    expect(L.value({ value: 7, valueText: '7', unit: '亿元', qualifiers: [], measure: 'level' }, false)).toBe('7');
    expect(L.value({ value: 10, valueText: '年均增长10%', unit: '%', qualifiers: ['年均增长'], measure: 'growth' })).toBe('average annual growth of 10%');
    // A text without a number stays as written (Chinese, marked where it is shown).
    expect(L.value({ value: null, valueText: '显著提升', unit: '', qualifiers: [], measure: 'level' })).toBe('显著提升');
    expect(L.change(99, 130, '家')).toBe('up 31 (+31.3%)');
    expect(L.change(1.2, 2.2, '%')).toBe('up 1 percentage point');
    expect(L.change(0.54, 0.67, '%')).toBe('up 0.13 percentage points');
    expect(L.change(0, 2, '家')).toBe('up 2');
    expect(L.unitCaption('家')).toBe('Unit: number');
    expect(L.unit('亩')).toBe('亩'); // no English entry: the unit stays Chinese
    expect(L.baselineTarget.end({ year: 2020, kind: 'baseline' })).toEqual(['2020', 'baseline']);
    expect(L.timeline.period({ start: 2020, end: 2022, outlook: null })).toBe('2020–2022');
  });
});

describe('the charts in English', () => {
  const rd: ComparedIndicator = { id: 'rd-intensity', name: 'Gross R&D intensity (GERD / GDP)', unit: '%', kind: 'ratio' };
  const plans = [fixturePlans.beichen, fixturePlans.hongqiao, fixturePlans.tianjin2014];
  const model = comparison({ indicator: rd, values: pickComparisonValues(plans, rd), labels: CHART_LABELS_EN });

  test('comparison: English words, the same numbers and bars as in Chinese', () => {
    const zh = comparison({ indicator: { ...rd, name: '全社会研发投入强度' }, values: pickComparisonValues(plans, rd) });
    expect(model.title).toBe('Gross R&D intensity (GERD / GDP): plans compared');
    expect(model.bars.map((b) => [b.value, b.rowLabel.text, b.valueLabel.text])).toEqual([
      [3.2, '北辰区 · 2022 target', 'at least 3.2'],
      [2.9, '天津市 · 2014 target', '2.9'],
      [2.2, '红桥区 · 2022 target', 'at least 2.2'],
    ]);
    expect(model.bars.map((b) => b.value)).toEqual(zh.bars.map((b) => b.value));
    expect(model.table.columns).toEqual(['Plan', 'Year', 'Kind', 'Value (%)', 'As written']);
  });

  test('the English SVG says it is English and marks each Chinese run', () => {
    const svg = standaloneSvg(model, 'indicator-rd-intensity-comparison', ['Sources: China Local S&T Plans', 'Indicator: Gross R&D intensity'], 'en');
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:lang="en" ');
    expect(svg).toContain('class="row-label"><tspan xml:lang="zh-CN">北辰区</tspan> · 2022 target</text>');
    expect(svg).toContain('class="value">at least 3.2</text>');
    // Outside the tspans, no Chinese at all.
    expect(svg.replace(/<tspan xml:lang="zh-CN">[^<]*<\/tspan>/gu, '')).not.toMatch(han);
    // The Chinese file has no marks and no language attribute (it is what it always was).
    const zhSvg = standaloneSvg(comparison({ indicator: rd, values: pickComparisonValues(plans, rd) }), 'x', ['来源', 'y']);
    expect(zhSvg).not.toContain('tspan');
    expect(zhSvg).not.toContain('xml:lang');
  });

  test('baseline → target: English titles wrap at spaces, ends on two lines', () => {
    const names = { 'technology-contract-turnover': 'Turnover of registered technology contracts' };
    const m = baselineTarget({ slug: 'xinji-14th-five-year', planLabel: '辛集市', targets: xinji, names, labels: CHART_LABELS_EN });
    const panel = m.panels.find((p) => p.indicatorId === 'technology-contract-turnover')!;
    const title = panel.titleLines.map((l) => l.text);
    expect(title.join(' ')).toBe('Turnover of registered technology contracts (100 million yuan)');
    expect(title.every((l) => l === l.trim())).toBe(true);
    expect(panel.years.map((y) => y.text)).toEqual(['2020', 'baseline', '2025', 'target']);
    expect(m.description).toContain('Turnover of registered technology contracts: 2020 baseline 6 (100 million yuan), 2025 target 7 (100 million yuan), up 1 (100 million yuan) (+16.7%)');
  });

  test('trajectory and timeline: English years and periods', () => {
    const t = trajectory({ slug: 'hongqiao-2020-2022', planLabel: '红桥区', indicatorId: 'rd-intensity', name: 'Gross R&D intensity', targets: hongqiao, labels: CHART_LABELS_EN });
    expect(t.title).toBe('Gross R&D intensity: year-by-year targets');
    expect(t.xAxis.ticks.map((k) => k.label.text)).toEqual(['2020', '2021', '2022']);
    const tl = timeline({ plans: [{ slug: 'xinji', planLabel: '辛集市', period: { start: 2021, end: 2025, outlook: 2035 } }], labels: CHART_LABELS_EN });
    expect(tl.rows[0]!.periodLabel.text).toBe('2021–2025, outlook to 2035');
    expect(tl.notes).toEqual(['Dashed lines are the long-term outlook.']);
  });
});
