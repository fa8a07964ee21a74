import { describe, expect, test } from 'vitest';
import { assertMentions } from './test-asserts.ts';
import { CHART_LABELS_EN } from './labels.ts';
import { periodGroups, periodText, timeline, type TimelinePlan } from './timeline.ts';

const plans: TimelinePlan[] = [
  { slug: 'beichen-2020-2022', planLabel: '北辰区三年行动', period: { start: 2020, end: 2022, outlook: null }, source: { quote: '北辰区科技创新三年行动计划实施方案(2020-2022年)', line: 25, where: 'title' } },
  { slug: 'tianjin-2014-work-conference', planLabel: '天津市2014年工作会议', period: { start: 2014, end: 2014, outlook: null }, source: { quote: null, line: null, where: 'catalog' } },
  { slug: 'xinji-14th-five-year', planLabel: '辛集市“十四五”规划', period: { start: 2021, end: 2025, outlook: 2035 }, source: { quote: '规划期为2021—2025年,展望到2035年', line: 12, where: 'text' } },
];

describe('periodText(p)', () => {
  test('writes periods with an en-dash and the outlook', () => {
    expect(periodText({ start: 2020, end: 2022, outlook: null })).toBe('2020—2022年');
    expect(periodText({ start: 2014, end: 2014, outlook: null })).toBe('2014年');
    expect(periodText({ start: 2021, end: 2025, outlook: 2035 })).toBe('2021—2025年，展望2035年');
  });
});

describe('timeline(data, size)', () => {
  const m = timeline({ plans }, { width: 560 });
  const year = (560 - 12) / (2036 - 2014);
  test('sorts plans by start year and draws whole years', () => {
    expect(m.rows.map((r) => r.slug)).toEqual(['tianjin-2014-work-conference', 'beichen-2020-2022', 'xinji-14th-five-year']);
    const [t, b, x] = m.rows;
    expect(t!.bar.x).toBe(6);
    expect(t!.bar.width).toBeCloseTo(year, 1);
    expect(b!.bar.x).toBeCloseTo(6 + 6 * year, 1);
    expect(b!.bar.width).toBeCloseTo(3 * year, 1);
    expect(x!.bar.width).toBeCloseTo(5 * year, 1);
  });
  test('draws the outlook as an extension to the end of 2035', () => {
    const x = m.rows[2]!;
    expect(x.outlookLine).toEqual({ x1: 304.91, y1: 119, x2: 554, y2: 119 });
    expect(x.outlookCap?.x1).toBe(554);
    expect(m.rows[0]!.outlookLine).toBeNull();
    expect(m.notes).toContain('虚线为远景展望期。');
  });
  test('labels years in the middle of their interval, on whole years only', () => {
    expect(m.xAxis.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(m.xAxis.ticks[0]!.value).toBe(2014);
    expect(m.xAxis.ticks[0]!.line.x1).toBeCloseTo(6 + year / 2, 1);
  });
  test('keeps period labels inside the viewBox', () => {
    for (const r of m.rows) {
      expect(r.periodLabel.x).toBeLessThanOrEqual(560);
      expect(r.periodLabel.x).toBeGreaterThan(0);
    }
    expect(m.rows[2]!.periodLabel).toMatchObject({ anchor: 'end', text: '2021—2025年，展望2035年' });
  });
  test('the description and the table hold every period', () => {
    assertMentions(m.description, ['天津市2014年工作会议2014年', '北辰区三年行动2020—2022年', '辛集市“十四五”规划2021—2025年，展望2035年']);
    expect(m.table.rows).toEqual([
      ['天津市2014年工作会议', '2014年', '2014年', '—'],
      ['北辰区三年行动', '2020年', '2022年', '—'],
      ['辛集市“十四五”规划', '2021年', '2025年', '2035年'],
    ]);
  });
  test('links each period to the source line it was read from; a catalog value says it is the catalog’s and leads to the metadata card', () => {
    expect(m.sources.map((s) => [s.slug, s.blockId, s.line])).toEqual([
      ['tianjin-2014-work-conference', 'meta-card', null],
      ['beichen-2020-2022', null, 25],
      ['xinji-14th-five-year', null, 12],
    ]);
  });
  test('a period read from the title quotes the whole title once, said to be the title; from the text, the plan then the line', () => {
    expect(m.sources.map((s) => s.label)).toEqual([
      '天津市2014年工作会议：编目补充',
      '北辰区科技创新三年行动计划实施方案(2020-2022年)（标题）',
      '辛集市“十四五”规划：“规划期为2021—2025年,展望到2035年”',
    ]);
    const en = timeline({ plans, labels: CHART_LABELS_EN });
    expect(en.sources.map((s) => s.label)).toEqual([
      '天津市2014年工作会议: added by the editors (catalog)',
      '北辰区科技创新三年行动计划实施方案(2020-2022年) (title)',
      '辛集市“十四五”规划: “规划期为2021—2025年,展望到2035年”',
    ]);
  });
  test('leaves out a plan without a period, with a note', () => {
    const u = timeline({ plans: [...plans, { slug: 'x', planLabel: '某方案', period: null }] });
    expect(u.rows).toHaveLength(3);
    expect(u.notes).toContain('未画入：某方案，原文未载规划期。');
  });
  test('with no plans, draws nothing', () => {
    const e = timeline({ plans: [] });
    expect(e).toMatchObject({ empty: true, rows: [], height: 0, xAxis: { ticks: [], domain: null } });
    expect(e.description).toBe('没有载明规划期的规划。');
  });
});

describe('periodGroups(plans): a timeline of many plans, a bar per period', () => {
  const plan = (i: number, period: TimelinePlan['period']): TimelinePlan => ({ slug: `p${i}`, planLabel: `第${i}区`, period });
  const five = { start: 2021, end: 2025, outlook: null };
  const three = { start: 2018, end: 2020, outlook: null };
  const many = [...Array.from({ length: 30 }, (_, i) => plan(i, five)), ...Array.from({ length: 12 }, (_, i) => plan(100 + i, three)), plan(200, null), plan(201, { start: 2021, end: 2025, outlook: 2035 })];

  test('plans of one period are one row with their count; a period with an outlook is its own; undated plans are counted', () => {
    const { rows, undated } = periodGroups(many);
    expect(rows.map((r) => [r.planLabel, r.period])).toEqual([
      ['30个规划', five],
      ['12个规划', three],
      ['1个规划', { start: 2021, end: 2025, outlook: 2035 }],
    ]);
    expect(undated).toBe(1);
  });

  test('the grouped timeline says how many plans each bar stands for, and one note for the undated', () => {
    const { rows, undated } = periodGroups(many);
    const m = timeline({ plans: rows, grouped: { plans: many.length, undated } });
    expect(m.rows).toHaveLength(3);
    expect(m.description).toBe('43个规划的规划期，同一规划期的规划合为一条：2018—2020年，12个规划；2021—2025年，30个规划；2021—2025年，展望2035年，1个规划。');
    expect(m.notes).toContain('另有1个规划原文未载规划期，未画入。');
    expect(m.table.rows).toHaveLength(3);
  });
});
