import { describe, expect, test } from 'vitest';
import { comparison, pickComparisonValues, type ComparedIndicator } from './comparison.ts';
import { baselineTarget } from './baseline-target.ts';
import { peers } from './peers.ts';
import { el, escapeXml, PRINT_STRIP, printBands, standaloneSize, standaloneSvg, STANDALONE_PAD, type AnyChartModel } from './svg.ts';
import { fixturePlans, v, xinji } from './test-fixtures.ts';
import { timeline } from './timeline.ts';
import type { PlanValue } from './types.ts';
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

describe('printBands(model): the strips a chart of several rows prints in', () => {
  /** Each panel's or bar's top and bottom in the file (the marks sit STANDALONE_PAD in; a bar's line above it is 14 units). */
  const rowSpans = (m: AnyChartModel): [number, number][] =>
    (m.kind === 'baseline-target'
      ? m.panels.map((p): [number, number] => [p.y, p.y + p.height])
      : m.kind === 'peers'
        ? m.panels.map((p): [number, number] => [p.y, p.y + p.chartY + p.chart.height])
        : m.kind === 'comparison'
          ? m.bars.map((b): [number, number] => [b.rowLabel.y - 14, b.y + b.height])
          : m.kind === 'timeline'
            ? m.rows.map((r): [number, number] => [r.rowLabel.y - 14, r.bar.y + r.bar.height])
            : []
    ).map(([top, bottom]) => [STANDALONE_PAD + top, STANDALONE_PAD + bottom]);
  // 辛集 表1's nine pairs at 560 units: three panels a row, three rows.
  const smallMultiples = baselineTarget({ slug: 'xinji-14th-five-year', planLabel: '辛集市“十四五”规划', targets: xinji });
  const indicators: ComparedIndicator[] = [
    { id: 'rd-intensity', name: '全社会研发投入强度', unit: '%', kind: 'ratio' },
    { id: 'high-tech-enterprises', name: '高新技术企业数量', unit: '家', kind: 'stock' },
  ];
  const peerPanels = peers({ slug: 'beichen-2020-2022', plans: [fixturePlans.beichen, fixturePlans.hongqiao, fixturePlans.tianjin2014, fixturePlans.baodi], indicators });
  // An indicator page of a library of thousands: 40 plans' targets (INDICATOR_BARS), a region of 40 plans.
  const forty = Array.from({ length: 40 }, (_, i) => i + 1);
  const bars = comparison({
    indicator: indicators[0]!,
    values: forty.map((i): PlanValue => ({ ...v({ indicatorId: 'rd-intensity', value: i / 10, unit: '%', year: 2025, kind: 'target', blockId: 'p1' }), slug: `plan-${i}`, planLabel: `某区${i}` })),
  });
  const periods = timeline({ plans: forty.map((i) => ({ slug: `plan-${i}`, planLabel: `某区${i}`, period: { start: 2000 + (i % 20), end: 2003 + (i % 20), outlook: null }, source: { quote: null, line: null, where: 'catalog' } })) });

  test.each([
    ['small multiples, a strip per row', smallMultiples, 3],
    ['a peer view, a strip per panel', peerPanels, 2],
    ['40 bars of a comparison, four to a strip (48 units each, 200 at most)', bars, 10],
    ['40 plans on a timeline, four to a strip (46 units each)', periods, 10],
  ] as const)('%s: together the whole file, each panel or bar inside one strip', (_, model, strips) => {
    const bands = printBands(model);
    expect(bands).toHaveLength(strips);
    expect(bands[0]!.y).toBe(0);
    bands.slice(1).forEach((b, i) => expect(b.y, `strip ${i + 2} starts where ${i + 1} ends`).toBeCloseTo(bands[i]!.y + bands[i]!.height, 6));
    const last = bands.at(-1)!;
    expect(last.y + last.height).toBe(standaloneSize(model).height);
    for (const [top, bottom] of rowSpans(model)) {
      expect(bands.filter((b) => b.y <= top && bottom <= b.y + b.height), `row ${top}–${bottom}`).toHaveLength(1);
    }
    // Rows are gathered while they fit a strip, never more (only a row taller than a strip stands alone).
    const rows = rowSpans(model);
    for (const b of bands.slice(1, -1)) {
      const inside = rows.filter(([top, bottom]) => b.y <= top && bottom <= b.y + b.height);
      if (inside.length > 1) expect(inside.at(-1)![1] - inside[0]![0]).toBeLessThanOrEqual(PRINT_STRIP);
    }
  });
  test('the file names each strip as a view of its whole width, for an image of `<file>#band-N`', () => {
    const svg = standaloneSvg(smallMultiples, 'x', ['来源', 'https://example.org/']);
    const { width } = standaloneSize(smallMultiples);
    const views = [...svg.matchAll(/<view id="band-(\d)" viewBox="0 ([\d.]+) (\d+) ([\d.]+)"\/>/gu)].map((m) => m.slice(1).map(Number));
    expect(views).toEqual(printBands(smallMultiples).map((b, i) => [i + 1, b.y, width, b.height]));
  });
  test('a chart of one row is one strip, and its file names none', () => {
    const twoPanels = baselineTarget({ slug: 'xinji-14th-five-year', planLabel: '辛集', targets: xinji.filter((t) => t.indicatorId === 'high-tech-enterprises' || t.indicatorId === 'tech-smes') });
    expect(twoPanels.panels).toHaveLength(2);
    expect(printBands(twoPanels)).toEqual([{ y: 0, height: standaloneSize(twoPanels).height }]);
    expect(standaloneSvg(twoPanels, 'x', ['来源', 'https://example.org/'])).not.toContain('<view');
    const bars = comparison({ indicator: indicators[0]!, values: pickComparisonValues([fixturePlans.beichen, fixturePlans.hongqiao], indicators[0]!) });
    expect(printBands(bars)).toEqual([{ y: 0, height: standaloneSize(bars).height }]);
  });
});
