import { describe, expect, test } from 'vitest';
import { findDate, findDates, findYearMonth, parseDate, runTogetherReadings } from './dates.ts';

describe('parseDate: printed forms', () => {
  test.each([
    ['2021年8月17日', '2021-08-17'],
    ['2021年04月19日', '2021-04-19'],
    ['2021-08-17', '2021-08-17'],
    ['2021-09-28 16:08', '2021-09-28'],
    ['( 2014-02-14 )', '2014-02-14'],
    ['2021/8/17', '2021-08-17'],
    ['2021.8.17', '2021-08-17'],
    ['时间:2011-06-07', '2011-06-07'],
    ['日期:2024-03-28 17:32', '2024-03-28'],
    ['2021 年 8 月 17 日', '2021-08-17'],
    ['-2023- 11/08 08:20', '2023-11-08'],
    ['二〇一二年三月五日', '2012-03-05'],
    ['二○一二年一月二十九日', '2012-01-29'],
    ['二○一一年四月二十六日', '2011-04-26'],
    ['２０２１年８月１７日', '2021-08-17'],
    ['成 文 日 期 :2021年04月19日发 文 日 期 :2021年04月20日', '2021-04-19'],
  ])('%s → %s', (s, iso) => {
    expect(parseDate(s)).toBe(iso);
  });
});

describe('findDate: reading with its place', () => {
  test('raw and index of an ordinary date', () => {
    expect(findDate('日期:2024-03-28 17:32')).toEqual({ iso: '2024-03-28', raw: '2024-03-28', index: 3, repaired: false, ambiguous: false, note: null });
    expect(findDate('北京市人民政府\n2016年9月22日')).toMatchObject({ iso: '2016-09-22', raw: '2016年9月22日', index: 8 });
    expect(findDate('-2023- 11/08 08:20')).toMatchObject({ raw: '2023- 11/08', index: 1 });
  });
  test('Chinese-numeral date keeps its printed form', () => {
    expect(findDate('梧州市人民政府 二○一二年一月二十九日')).toMatchObject({ iso: '2012-01-29', raw: '二○一二年一月二十九日', index: 8 });
  });
  test('an invalid calendar date is found but has no iso', () => {
    const r = findDate('2021年2月30日');
    expect(r).toMatchObject({ iso: null, raw: '2021年2月30日', ambiguous: false });
    expect(r?.note).toEqual({ zh: '原文“2021年2月30日”不是有效日期', en: 'the source’s “2021年2月30日” is not a valid date' });
    expect(parseDate('2021年13月1日')).toBeNull();
    expect(parseDate('2023年2月29日')).toBeNull();
    expect(parseDate('2024年2月29日')).toBe('2024-02-29');
    expect(parseDate('2021年4月31日')).toBeNull();
  });
  test('partial or garbled dates → null', () => {
    expect([findDate('2021年'), findDate('2021??2?'), findDate('20163月'), findDate('(2020-2022年)')]).toEqual([null, null, null, null]);
  });
});

describe('run-together dates (年/月/日 stripped)', () => {
  test.each([
    ['2021106', '2021-10-06', '2021年10月6日', '6 October 2021'],
    ['202179', '2021-07-09', '2021年7月9日', '9 July 2021'],
    ['2024227', '2024-02-27', '2024年2月27日', '27 February 2024'],
    ['2023411', '2023-04-11', '2023年4月11日', '11 April 2023'],
    ['202147', '2021-04-07', '2021年4月7日', '7 April 2021'],
  ])('%s → %s, marked as a repair', (raw, iso, cn, en) => {
    expect(findDate(`                                               ${raw}`)).toEqual({
      iso,
      raw,
      index: 47,
      repaired: true,
      ambiguous: false,
      note: {
        zh: `原文“${raw}”年月日连写，据唯一合理读法推定为${cn}`,
        en: `the source runs year, month and day together (“${raw}”), and ${en} is the only plausible reading`,
      },
    });
  });
  test('the readings: zero-padded parts only in two-digit pairs', () => {
    expect(runTogetherReadings(2021, '106')).toEqual([{ month: 10, day: 6 }]);
    expect(runTogetherReadings(2021, '0106')).toEqual([{ month: 1, day: 6 }]);
    expect(runTogetherReadings(2021, '111')).toEqual([{ month: 1, day: 11 }, { month: 11, day: 1 }]);
    expect(runTogetherReadings(2021, '230')).toEqual([]); // 2|30 is Feb 30, 23|0 no month 23
  });
  test('2021111 is ambiguous: no iso', () => {
    const r = findDate('2021111');
    expect(r).toMatchObject({ iso: null, raw: '2021111', ambiguous: true, repaired: false });
    expect(r?.note).toEqual({
      zh: '原文“2021111”年月日连写，可读作2021年1月11日或2021年11月1日，无法确定',
      en: 'the source runs year, month and day together (“2021111”): it reads 11 January 2021 or 1 November 2021, and cannot be settled',
    });
    expect(parseDate('2021111')).toBeNull();
  });
  test('numbers that are not dates', () => {
    expect(findDate('由201558家增加到151家')).toBeNull(); // 2015年58家 with 年 lost
    expect(findDate('津ICP备12007310号-1')).toBeNull();
    expect(findDate('规划期为20212025年。')).toBeNull();
    expect(findDate('2021230')).toBeNull();
  });
  test('findDates lists every date in order', () => {
    expect(findDates('成文日期:2021年04月19日 发文日期:202147').map((r) => r.iso)).toEqual(['2021-04-19', '2021-04-07']);
  });
});

describe('findYearMonth', () => {
  test('20163月 is 2016年3月 with 年 lost', () => {
    expect(findYearMonth('20163月')).toEqual({ year: 2016, month: 3, raw: '20163月', index: 0, repaired: true });
    expect(findYearMonth('于2016年3月印发')).toEqual({ year: 2016, month: 3, raw: '2016年3月', index: 1, repaired: false });
    expect(findYearMonth('2016年')).toBeNull();
  });
});
