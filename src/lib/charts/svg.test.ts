import { describe, expect, test } from 'vitest';
import { comparison, pickComparisonValues, type ComparedIndicator } from './comparison.ts';
import { el, escapeXml, standaloneSize, standaloneSvg } from './svg.ts';
import { fixturePlans } from './test-fixtures.ts';
import { textWidth } from './layout.ts';

describe('el(name, attrs, children)', () => {
  test('escapes text and attribute values', () => {
    expect(el('text', { x: 1, title: 'a"b<c>' }, 'R&D <5%')).toBe('<text x="1" title="a&quot;b&lt;c&gt;">R&amp;D &lt;5%</text>');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  test('leaves out undefined attributes and closes empty elements', () => {
    expect(el('rect', { x: 0, fill: undefined })).toBe('<rect x="0"/>');
  });
});

describe('standaloneSvg(model, id, source)', () => {
  const rd: ComparedIndicator = { id: 'rd-intensity', name: '全社会研发投入强度', unit: '%', kind: 'ratio' };
  const plans = [fixturePlans.beichen, fixturePlans.hongqiao, fixturePlans.tianjin2014];
  const model = comparison({ indicator: rd, values: pickComparisonValues(plans, rd) });
  const svg = standaloneSvg(model, 'indicator-rd-intensity-comparison', ['来源：地方科技规划参考库', 'https://example.org/indicators/rd-intensity/']);
  test('a standalone document: XML declaration, SVG namespace, its size, title, description and own styles', () => {
    const { width, height } = standaloneSize(model);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`);
    expect(svg).toContain('<title id="indicator-rd-intensity-comparison-title">全社会研发投入强度：各规划比较</title>');
    expect(svg).toMatch(/<style>svg\{font-family:[^}]*"Noto Sans CJK SC"[^}]*sans-serif/u);
    expect(svg).not.toMatch(/ style="/u);
  });
  test('the bars and their values, and the source line', () => {
    expect(svg.match(/<rect x=/gu)).toHaveLength(3);
    for (const label of ['3.2以上', '2.9', '2.2以上']) expect(svg).toContain(`class="value">${label}</text>`);
    expect(svg).toMatch(/<text class="source" [^>]*>来源：地方科技规划参考库<\/text><text class="source" [^>]*>https:\/\/example\.org\/indicators\/rd-intensity\/<\/text><\/svg>\n$/u);
  });
  test('a source line longer than the drawing is cut to its width with …, at the phone width too', () => {
    // A plan's title as the second source line: 33 characters, wider than a 320-unit drawing at 13 units a character.
    const title = '天津市北辰区科技创新三年行动计划实施方案(2020-2022年)';
    const phone = comparison({ indicator: rd, values: pickComparisonValues(plans, rd) }, { width: 320 });
    const line = (file: string) => file.match(/<text class="source" [^>]*>([^<]*)<\/text><\/svg>/u)![1]!;
    const cut = line(standaloneSvg(phone, 'x', ['来源：地方科技规划参考库', title]));
    expect(cut.endsWith('…')).toBe(true);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(320);
    // The same title fits a 480-unit drawing whole.
    expect(line(standaloneSvg(model, 'x', ['来源：地方科技规划参考库', title]))).toBe(title);
  });
});
