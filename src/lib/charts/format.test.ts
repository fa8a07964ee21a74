import { describe, expect, test } from 'vitest';
import { formatChange, sourcesOf, yearKind } from './format.ts';
import { readFileSync } from 'node:fs';
import { CHART_WIDTHS, PHONE_MEDIA, PHONE_WIDTH, chartId, chartSizeClass, FONT_SMALL, MIN_TEXT_PX, minWidthFor, textWidth, wrapText } from './layout.ts';
import { normalizePath } from './test-asserts.ts';
import { STANDALONE_PAD } from './svg.ts';

describe('yearKind(v)', () => {
  test('names the year and the kind', () => {
    expect(yearKind({ year: 2020, kind: 'baseline' })).toBe('2020年基数');
    expect(yearKind({ year: null, kind: 'achievement' })).toBe('实际（年份未载）');
  });
});

describe('formatChange(a, b, unit)', () => {
  test('gives counts an increment and a growth rate', () => {
    expect(formatChange(99, 130, '家')).toBe('增加31家，增长31.3%');
    expect(formatChange(649, 750, '家')).toBe('增加101家，增长15.6%');
  });
  test('gives shares percentage points, never a growth rate of a share', () => {
    expect(formatChange(0.54, 0.67, '%')).toBe('提高0.13个百分点');
    expect(formatChange(2.2, 2, '%')).toBe('降低0.2个百分点');
  });
  test('gives no growth rate from a zero base', () => {
    expect(formatChange(0, 2, '家')).toBe('增加2家');
    expect(formatChange(5, 5, '家')).toBe('持平');
  });
});

describe('sourcesOf(values, blockLabels)', () => {
  const s = { slug: 'xinji-14th-five-year', quote: '到2025年力争高新技术企业达到130家以上。', blockId: 'p3-1-1-3' };
  const cell = { slug: 'xinji-14th-five-year', quote: '130', blockId: 't1', cell: { row: 4, col: 3 } };
  test('lists each block once, in first-use order', () => {
    const out = sourcesOf([cell, s, { ...cell, quote: '99' }]);
    expect(out.map((x) => x.blockId)).toEqual(['t1', 'p3-1-1-3']);
    expect(out[1]).toEqual({ ...s, line: null, label: '“到2025年力争高新技术企业达到130家以上。”' });
  });
  test('names a table by its caption when given, else 原文表格 (a cell quote is just the number)', () => {
    expect(sourcesOf([cell])[0]!.label).toBe('原文表格');
    expect(sourcesOf([cell], { t1: '表1 辛集市十四五时期科技创新主要指标' })[0]!.label).toBe('表1 辛集市十四五时期科技创新主要指标');
    expect(sourcesOf([{ ...cell, planLabel: '辛集市' }])[0]!.label).toBe('辛集市：原文表格');
  });
  test('a long sentence is shown where it writes the value', () => {
    const long = { slug: 'baodi-14th-five-year', blockId: 'p2-1', valueText: '280家', quote: '十四五末,宝坻区规模以上企业研发投入R&D占销售收入比例达到2.8%;国家高新技术企业达到280家,科技型中小企业达到300家。' };
    expect(sourcesOf([long])[0]!.label).toBe('“…国家高新技术企业达到280家,科技型中小企业达到300家。”');
  });
});

describe('layout helpers', () => {
  test('textWidth counts Chinese characters as 1em and digits as about 0.6em', () => {
    expect(textWidth('高新', 14)).toBe(28);
    expect(textWidth('99', 10)).toBeCloseTo(12.4);
  });
  test('wrapText breaks between Chinese characters, keeps numbers whole and never starts a line with ）', () => {
    const lines = wrapText('规模以上工业企业研发投入占营业收入比重（%）', 14 * 10, 3, 14);
    expect(lines.join('')).toBe('规模以上工业企业研发投入占营业收入比重（%）');
    expect(lines).toEqual(['规模以上工业企业研发', '投入占营业收入比重', '（%）']);
    expect(lines.every((l) => textWidth(l, 14) <= 140)).toBe(true);
    expect(lines.some((l) => l.startsWith('）'))).toBe(false);
    const latin = wrapText('R&D支出占GDP的比重2.9', 14 * 3, 9, 14);
    expect(latin).toEqual(['R&D支', '出占', 'GDP的', '比重', '2.9']);
  });
  test('wrapText cuts with … after maxLines', () => {
    const lines = wrapText('高新技术产业增加值占规模以上工业增加值比例', 14 * 5, 2, 14);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
  test('minWidthFor keeps the smallest text (13 units) at 12px or more', () => {
    expect(minWidthFor(560)).toBe(517);
    expect((13 * minWidthFor(560)) / 560).toBeGreaterThanOrEqual(12);
  });
  test('every chart width has its size rule in charts.css, and the CSS minimum is minWidthFor', () => {
    // The page sizes charts by class (the CSP refuses inline styles): a width without a rule would go unsized. The
    // chart is an image of its SVG file, which has a margin of STANDALONE_PAD on each side.
    const css = readFileSync('src/styles/charts.css', 'utf8');
    expect(CHART_WIDTHS.length).toBeGreaterThan(0);
    for (const w of CHART_WIDTHS) {
      expect(css, `.chart-size-${w}`).toMatch(new RegExp(`\\.${chartSizeClass(w)}\\s*\\{\\s*--chart-max:\\s*${w + 2 * STANDALONE_PAD}px;`, 'u'));
    }
    expect(css).toContain(`min-width: calc(var(--chart-max, 0px) * ${MIN_TEXT_PX} / ${FONT_SMALL});`);
    expect(() => chartSizeClass(500)).toThrow(/chart width 500 has no size rule/u);
  });
  test("the phone drawing's rule is under PHONE_MEDIA, sized PHONE_WIDTH plus the margin, and fits a 360 px phone", () => {
    // Chart.astro's <picture> picks the phone drawing by PHONE_MEDIA; the CSS must size it under the same query.
    const css = readFileSync('src/styles/charts.css', 'utf8');
    const rule = new RegExp(`@media ${PHONE_MEDIA.replace(/[()]/gu, '\\$&')}\\s*\\{\\s*\\.chart-scroll img\\.chart-has-phone\\s*\\{\\s*--chart-max:\\s*${PHONE_WIDTH + 2 * STANDALONE_PAD}px;`, 'u');
    expect(css).toMatch(rule);
    // A 360 px phone gives a page 328 px (16 px either side): the drawing's smallest width must fit in it.
    expect(minWidthFor(PHONE_WIDTH + 2 * STANDALONE_PAD)).toBeLessThanOrEqual(328);
  });
  test('chartId is stable and differs with content', () => {
    expect(chartId('timeline', 'a')).toBe(chartId('timeline', 'a'));
    expect(chartId('timeline', 'a')).not.toBe(chartId('timeline', 'b'));
    expect(chartId('timeline', 'a')).toMatch(/^chart-timeline-[0-9a-z]+$/);
  });
  test('normalizePath rounds path numbers to 3 decimals', () => {
    expect(normalizePath('M0.12345,1L2.0000001,3.5')).toBe('M0.123,1L2,3.500');
  });
});
