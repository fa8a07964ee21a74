import { describe, expect, test } from 'vitest';
import { baselineTarget, pairBaselineTargets } from './baseline-target.ts';
import { formatValue } from '../values.ts';
import { assertMentions, assertPathEqual } from './test-asserts.ts';
import { baodi, beichen, v, xinji } from './test-fixtures.ts';

const names = { 'high-tech-enterprises': '高新技术企业数量', 'tech-smes': '科技型中小企业数量' };
const data = { slug: 'xinji-14th-five-year', planLabel: '辛集市“十四五”规划', targets: xinji, names };

describe('pairBaselineTargets(targets)', () => {
  test('pairs each indicator of 辛集 表1 with its 2020 baseline, preferring the table row over the prose repeat', () => {
    const pairs = pairBaselineTargets(xinji);
    expect(pairs).toHaveLength(9);
    const hte = pairs.find((p) => p.indicatorId === 'high-tech-enterprises')!;
    expect([hte.start.value, hte.start.year, hte.start.kind, hte.start.blockId]).toEqual([99, 2020, 'baseline', 't1']);
    expect([hte.end.value, hte.end.year, hte.end.blockId]).toEqual([130, 2025, 't1']);
    const smes = pairs.find((p) => p.indicatorId === 'tech-smes')!;
    expect([smes.start.value, smes.end.value]).toEqual([649, 750]);
  });
  test('leaves out growth rates, increments, unmapped rows and values without a number', () => {
    const pairs = pairBaselineTargets(xinji);
    expect(pairs.every((p) => p.start.measure === 'level' && p.end.measure === 'level')).toBe(true);
    expect(pairs.some((p) => p.start.value === 87)).toBe(false);
    expect(pairs.map((p) => p.indicatorId)).not.toContain(null);
  });
  test('starts from the latest reported value when no block has both (宝坻: 2019年151家 → 2025年280家)', () => {
    const [p, ...rest] = pairBaselineTargets(baodi);
    expect(rest).toEqual([]);
    expect([p!.start.value, p!.start.year, p!.start.kind, p!.end.value]).toEqual([151, 2019, 'achievement', 280]);
    const strict = pairBaselineTargets(baodi, ['baseline']);
    expect([strict[0]!.start.value, strict[0]!.start.year]).toEqual([58, 2015]);
  });
  test('never pairs values of different units, or a start that is not earlier', () => {
    const t = [
      v({ indicatorId: 'x', value: 5, unit: '亿元', year: 2020, kind: 'baseline', blockId: 'a' }),
      v({ indicatorId: 'x', value: 9, unit: '万元', year: 2025, kind: 'target', blockId: 'a' }),
      v({ indicatorId: 'y', value: 5, unit: '家', year: 2025, kind: 'baseline', blockId: 'a' }),
      v({ indicatorId: 'y', value: 9, unit: '家', year: 2025, kind: 'target', blockId: 'a' }),
    ];
    expect(pairBaselineTargets(t)).toEqual([]);
  });
});

describe('baselineTarget(data, size)', () => {
  const m = baselineTarget(data, { width: 560 });
  test('draws one panel per indicator in a grid of small multiples', () => {
    expect(m.kind).toBe('baseline-target');
    expect(m.panels).toHaveLength(9);
    expect(new Set(m.panels.map((p) => p.x))).toEqual(new Set([0, 192, 384]));
    expect(m.panels.map((p) => p.y)).toEqual([0, 0, 0, 205, 205, 205, 410, 410, 410]);
    expect(m.height).toBe(599);
    const narrow = baselineTarget(data, { width: 320 });
    expect(new Set(narrow.panels.map((p) => p.x))).toEqual(new Set([0]));
  });
  test('gives every panel its own scale, so 2家 and 750家 never share an axis', () => {
    const top = (id: string) => m.panels.find((p) => p.indicatorId === id)!.axis.ticks.at(-1)!.value;
    expect(top('leading-tech-enterprises')).toBe(2);
    expect(top('tech-smes')).toBe(800);
    expect(top('industrial-enterprise-rd-to-revenue')).toBe(0.8);
    expect(m.unit).toBe('单位见各小图标题');
  });
  test('draws the slope from the baseline year to the target year (高新技术企业 99 → 130)', () => {
    const p = m.panels.find((x) => x.indicatorId === 'high-tech-enterprises')!;
    assertPathEqual(p.path, 'M45.18,92.56L136.38,75.2');
    expect(p.start.x).toBeLessThan(p.end.x);
    expect(p.start.y).toBeGreaterThan(p.end.y);
    expect(p.titleLines.map((t) => t.text).join('')).toBe('高新技术企业数量（家）');
    expect([p.start.label.text, p.end.label.text]).toEqual(['99', '130']);
    expect(p.years.map((t) => t.text)).toEqual(['2020年基数', '2025年目标']);
  });
  test('keeps qualifiers in labels (2.2左右)', () => {
    const p = m.panels.find((x) => x.indicatorId === 'digital-economy-core-share')!;
    expect(p.end.label.text).toBe('2.2左右');
  });
  test('the description and the table hold every value', () => {
    for (const p of pairBaselineTargets(xinji)) {
      assertMentions(m.description, [formatValue(p.start), formatValue(p.end)]);
      expect(m.table.rows.flat()).toEqual(expect.arrayContaining([formatValue(p.start, false), formatValue(p.end, false)]));
    }
    assertMentions(m.description, ['高新技术企业数量：2020年基数99家，2025年目标130家，增加31家，增长31.3%', '提高0.13个百分点']);
    expect(m.table.rows).toHaveLength(9);
    expect(m.table.rows[0]).toHaveLength(m.table.columns.length);
  });
  test('links to the table the values come from', () => {
    expect(m.sources).toEqual([{ slug: 'xinji-14th-five-year', blockId: 't1', line: null, quote: '0.7', label: '原文表格' }]);
    const labelled = baselineTarget({ ...data, blockLabels: { t1: '表1 辛集市十四五时期科技创新主要指标' } });
    expect(labelled.sources[0]!.label).toBe('表1 辛集市十四五时期科技创新主要指标');
  });
  test('with nothing to pair, says so and draws nothing', () => {
    for (const targets of [[], beichen]) {
      const e = baselineTarget({ slug: 'beichen-2020-2022', planLabel: '北辰区方案', targets });
      expect(e).toMatchObject({ empty: true, panels: [], height: 0, sources: [], table: { rows: [] } });
      expect(e.description).toBe('北辰区方案没有同时给出起点（基数或现状值）和目标值的指标。');
    }
  });
});
