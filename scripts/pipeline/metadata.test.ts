import { describe, expect, test } from 'vitest';
import { parseDate, parsePeriod } from './lexicon/index.ts';
import { readPortalFields } from './portal-fields.ts';

describe('readPortalFields(removed)', () => {
  test('reads several spaced labels on one line, each with its line and raw text', () => {
    const fields = readPortalFields([
      { line: 5, text: '索   引  号 :1112011300018871XP/2021-00011 发 布 机 构 :天津市北辰区人民政府', kind: 'metadata', rule: 'x' },
      { line: 9, text: '成 文 日 期 :2021年04月19日发 文 日 期 :2021年04月19日', kind: 'metadata', rule: 'x' },
    ]);
    expect(fields.get('索引号')).toEqual({ value: '1112011300018871XP/2021-00011', line: 5, raw: '索   引  号 :1112011300018871XP/2021-00011' });
    expect(fields.get('发布机构')?.value).toBe('天津市北辰区人民政府');
    expect(fields.get('成文日期')?.value).toBe('2021年04月19日');
    // 发文日期, 发布日期, 发布时间 … are one field: the date the portal published the document.
    expect(fields.get('发布日期')?.value).toBe('2021年04月19日');
  });
  test('ignores chrome lines', () => {
    expect(readPortalFields([{ line: 1, text: '来源:x 发布时间:2021-01-01', kind: 'chrome', rule: 'x' }]).size).toBe(0);
  });
});

describe('parseDate(s)', () => {
  test('reads Chinese, ISO and bracketed dates', () => {
    expect(['2021年04月19日', '2021-09-28 16:08', '( 2014-02-14 )', '2022年7月10日'].map(parseDate)).toEqual(['2021-04-19', '2021-09-28', '2014-02-14', '2022-07-10']);
  });
  test('rejects impossible and partial dates', () => {
    expect([parseDate('2021年13月1日'), parseDate('2021年'), parseDate('2021111')]).toEqual([null, null, null]);
  });
  test('reads digits whose 年月日 were lost only when one reading is a date', () => {
    expect([parseDate('202147'), parseDate('2021106')]).toEqual(['2021-04-07', '2021-10-06']);
  });
});

describe('parsePeriod(s)', () => {
  test('reads year ranges with any dash, five-year-plan names and outlooks', () => {
    expect(parsePeriod('北辰区科技创新三年行动计划实施方案(2020-2022年)')).toEqual({ start: 2020, end: 2022, outlook: null });
    expect(parsePeriod('（2020—2022年）')).toEqual({ start: 2020, end: 2022, outlook: null });
    expect(parsePeriod('宝坻区科技创新“十四五”发展规划')).toEqual({ start: 2021, end: 2025, outlook: null });
    expect(parsePeriod('规划期为2021—2025年，展望到2035年')).toEqual({ start: 2021, end: 2025, outlook: 2035 });
  });
  test('returns null when there is no period', () => {
    expect(parsePeriod('北方网:科委将实施科技支撑美丽天津建设工程')).toBeNull();
  });
});
