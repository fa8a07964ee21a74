import { describe, expect, test } from 'vitest';
import { chineseYear, findChineseAmounts, parseChineseNumeral, toChineseNumeral } from './numerals.ts';

describe('parseChineseNumeral', () => {
  test('heading ordinals as structure.ts read them', () => {
    expect(['一', '九', '十', '十二', '二十', '二十三'].map(parseChineseNumeral)).toEqual([1, 9, 10, 12, 20, 23]);
  });
  test('hundreds, zeros and 两', () => {
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('一百〇五')).toBe(105);
    expect(parseChineseNumeral('一百○五')).toBe(105);
    expect(parseChineseNumeral('一百一十')).toBe(110);
    expect(parseChineseNumeral('一百')).toBe(100);
    expect(parseChineseNumeral('两百')).toBe(200);
    expect(parseChineseNumeral('一十二')).toBe(12);
    expect(parseChineseNumeral('三百六十五')).toBe(365);
    expect(parseChineseNumeral('零')).toBe(0);
  });
  test('not a numeral → NaN', () => {
    expect(parseChineseNumeral('')).toBeNaN();
    expect(parseChineseNumeral('发展')).toBeNaN();
    expect(parseChineseNumeral('十十')).toBeNaN();
  });
});

describe('toChineseNumeral', () => {
  test('round numbers and teens', () => {
    expect([1, 10, 12, 20, 23, 99].map(toChineseNumeral)).toEqual(['一', '十', '十二', '二十', '二十三', '九十九']);
  });
  test('hundreds with 零', () => {
    expect([100, 105, 110, 365].map(toChineseNumeral)).toEqual(['一百', '一百零五', '一百一十', '三百六十五']);
  });
  test('inverts parseChineseNumeral for 1–200', () => {
    for (let n = 1; n <= 200; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
  test('rejects what it cannot write', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('chineseYear', () => {
  test('digit by digit with every zero look-alike', () => {
    expect(['二〇一二', '二○一二', '二0一二', '二零一二', '二〇三五', '2012'].map(chineseYear)).toEqual([2012, 2012, 2012, 2012, 2035, 2012]);
  });
  test('not a four-digit year → null', () => {
    expect([chineseYear('二〇一'), chineseYear('二十一二'), chineseYear('二〇一二年')]).toEqual([null, null, null]);
  });
});

describe('findChineseAmounts', () => {
  const read = (text: string) => findChineseAmounts(text).map((a) => `${text.slice(a.start, a.end)}=${a.arabic}`);
  test('an amount in Chinese numerals before a unit, in digits', () => {
    expect(read('突破一千家，达到两千五百家')).toEqual(['一千=1000', '两千五百=2500']);
    expect(read('三百名；五家以上；一百零五件')).toEqual(['三百=300', '五=5', '一百零五=105']);
    expect(read('十五万人；一万两千家；五十万元；一亿元')).toEqual(['十五万=15万', '一万两千=12000', '五十万=50万', '一亿=1亿']);
    expect(read('一点五倍；提高两个百分点；百分之五十')).toEqual(['一点五=1.5', '两=2', '百分之五十=50%']);
    // A doubling is a growth by 2ⁿ − 1 times (翻一番: up 100 %, 翻两番: four times as much).
    expect(read('成交额翻一番，企业翻两番，专利实现翻番，收入翻了一番')).toEqual(['翻一番=增长1倍', '翻两番=增长3倍', '翻番=增长1倍', '翻了一番=增长1倍']);
  });
  test('not a numeral inside a word or a larger number, a name, a slogan, a determiner or a range', () => {
    for (const text of ['第三家', '数十家', '“十四五”', '千家万户', '百家', '一家一策', '一家企业', '三五家', '二〇二五年', '十分重要', '四个意识', '四项工程', '人才九条', '九元科技', '三年行动']) {
      expect(read(text), text).toEqual([]);
    }
  });
});
