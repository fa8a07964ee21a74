import { describe, expect, test } from 'vitest';
import { FIVE_YEAR_PLANS, findPeriod, parsePeriod } from './periods.ts';

const p = (start: number, end: number, outlook: number | null = null) => ({ start, end, outlook });

describe('parsePeriod: the behaviour moved from metadata.ts', () => {
  test('ranges with any dash, five-year-plan names and outlooks', () => {
    expect(parsePeriod('北辰区科技创新三年行动计划实施方案(2020-2022年)')).toEqual(p(2020, 2022));
    expect(parsePeriod('（2020—2022年）')).toEqual(p(2020, 2022));
    expect(parsePeriod('宝坻区科技创新“十四五”发展规划')).toEqual(p(2021, 2025));
    expect(parsePeriod('规划期为2021—2025年，展望到2035年')).toEqual(p(2021, 2025, 2035));
  });
  test('no period → null', () => {
    expect(parsePeriod('北方网:科委将实施科技支撑美丽天津建设工程')).toBeNull();
    expect(parsePeriod('到2022年，全社会研发投入强度力争达到3.2%以上')).toBeNull();
  });
});

describe('parsePeriod: extended', () => {
  test.each([
    ['(2022—2025年)', 2022, 2025],
    ['梧州市自主创新能力建设规划(2011至2015年)', 2011, 2015],
    ['(2023—2025)', 2023, 2025],
    ['2024-2026年', 2024, 2026],
    ['规划期为2021—2025年', 2021, 2025],
    ['（２０２３－２０２５年）', 2023, 2025],
    ['十三五', 2016, 2020],
    ['佛山市科技发展“十二五”规划', 2011, 2015],
    ['十一五', 2006, 2010],
    ['十五五', 2026, 2030],
    ['北京市“十三五”時期加強全國科技創新中心建設規劃', 2016, 2020],
  ])('%s → %i–%i', (s, start, end) => {
    expect(parsePeriod(s)).toEqual(p(start, end));
  });
  test('a range too wide or reversed is not a period', () => {
    expect(parsePeriod('2000-2035年')).toBeNull();
    expect(parsePeriod('2025-2021年')).toBeNull();
  });
  test('outlooks', () => {
    expect(parsePeriod('“十四五”规划和2035年远景目标')).toEqual(p(2021, 2025, 2035));
    expect(parsePeriod('十四五规划和二〇三五年远景目标纲要')).toEqual(p(2021, 2025, 2035));
    expect(parsePeriod('2021—2025年，展望至2035年')).toEqual(p(2021, 2025, 2035));
    expect(parsePeriod('到2035年，建成科技强市；“十四五”期间')).toEqual(p(2021, 2025));
  });
});

describe('run-together years (dash lost)', () => {
  test('20212025年 and (20232025》 are read and marked as repairs', () => {
    expect(findPeriod('期为2020年,规划期为20212025年。')).toEqual({
      ...p(2021, 2025),
      raw: '20212025',
      index: 12,
      repaired: true,
      note: { zh: '原文“20212025”起止年份连写，推定为2021—2025年', en: 'the source runs the first and last years together (“20212025”): 2021–2025' },
    });
    expect(parsePeriod('环县强科技行动实施方案(20232025》已经县委、县政府同意')).toEqual(p(2023, 2025));
    expect(parsePeriod('《天津市科技创新三年行动计划(20202022年)》')).toEqual(p(2020, 2022));
  });
  test('an explicit five-year name wins over a repair', () => {
    expect(findPeriod('十四五规划(20212025)')).toMatchObject({ raw: '十四五', repaired: false });
  });
  test('eight digits that are not two plausible years', () => {
    expect(parsePeriod('(20210817)')).toBeNull();
    expect(parsePeriod('(20252021年)')).toBeNull();
    expect(parsePeriod('电话20212025')).toBeNull();
  });
  test('raw and index point at the source, also on full-width text', () => {
    expect(findPeriod('方案（２０２３－２０２５年）')).toMatchObject({ raw: '２０２３－２０２５年', index: 3, repaired: false });
  });
});

test('FIVE_YEAR_PLANS', () => {
  expect(FIVE_YEAR_PLANS['十四五']).toEqual({ ordinal: 14, start: 2021, end: 2025 });
  expect(Object.keys(FIVE_YEAR_PLANS)).toEqual(['十一五', '十二五', '十三五', '十四五', '十五五']);
});

describe('periods written out', () => {
  test('years in Chinese digits, and a five-year plan by its full name (第十四个五年)', () => {
    expect(parsePeriod('某市科技创新行动方案（二〇二一—二〇二五年）')).toEqual({ start: 2021, end: 2025, outlook: null });
    expect(parsePeriod('某市科技创新行动方案（二○二一年至二○二五年）')).toEqual({ start: 2021, end: 2025, outlook: null });
    expect(parsePeriod('某市第十四个五年科技创新规划')).toEqual({ start: 2021, end: 2025, outlook: null });
    expect(findPeriod('某市第十三个五年科技创新规划')?.raw).toBe('第十三个五年');
    // Not digits inside a longer numeral, nor a range wider than a plan's.
    expect(parsePeriod('二〇二一—二〇五〇年远景')).toBeNull();
  });
});
