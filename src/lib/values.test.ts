import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import type { Target } from '../schemas/plan.ts';
import { comparability, comparableMeasure, excerpt, formatLabel, formatNumber, formatValue, levelEn, normalizedReading, preferredValue, targetTime, type ComparableIndicator } from './values.ts';

// Values as the targets stage reads them from the seed sentences quoted beside each.
const t = (over: Partial<Target>): Target => ({
  id: 'v1', indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', phraseEn: null, value: 3.2, valueText: '3.2%以上', unit: '%', year: 2022, period: null,
  qualifiers: ['力争', '达到', '以上'], kind: 'target', measure: 'level', quote: '', blockId: 'p1', start: 0, end: 4, cell: null, line: 1, ...over,
});
/** 北辰区: 全社会研发投入强度力争达到3.2%以上. */
const rd32 = t({});
/** 北辰区: 全区高新技术企业总量突破530家. */
const hte530 = t({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业总量', value: 530, valueText: '530家', unit: '家', qualifiers: ['突破'] });
/** 红桥区: 力争新增1家科技型上市企业. */
const listed1 = t({ indicatorId: 'listed-tech-enterprises', phrase: '科技型上市企业', value: 1, valueText: '1家', unit: '家', qualifiers: ['力争', '新增'], measure: 'increase' });
/** 宝坻区: 十四五期间,技术合同成交额累计达35亿元. */
const turnover35 = t({ indicatorId: 'technology-contract-turnover', phrase: '技术合同成交额', value: 35, valueText: '35亿元', unit: '亿元', year: 2025, period: { start: 2021, end: 2025 }, qualifiers: ['累计', '达'], measure: 'cumulative' });
/** 红桥区: 新建各类创新平台和研发机构5家. */
const platforms5 = t({ indicatorId: 'innovation-platforms', phrase: '各类创新平台和研发机构', value: 5, valueText: '5家', unit: '家', qualifiers: ['新建'], measure: 'increase' });

describe('formatNumber(n)', () => {
  test('writes numbers as plan texts do: no grouping, no float noise', () => {
    expect(formatNumber(26000)).toBe('26000');
    expect(formatNumber(0.67 - 0.54)).toBe('0.13');
    expect(formatNumber(1.17 * 10000)).toBe('11700');
    expect(formatNumber(-0)).toBe('0');
  });
  test('never cuts digits a text writes (the charts cut to 3 decimals, the tables to 4)', () => {
    expect(formatNumber(0.00125)).toBe('0.00125');
  });
});

describe('formatValue(v) / formatLabel(v)', () => {
  test('keep the words that change what a value promises: 力争, bounds before and after (the tables dropped them)', () => {
    expect(formatValue(rd32)).toBe('力争3.2%以上');
    expect(formatValue(rd32, false)).toBe('力争3.2以上');
    expect(formatValue(hte530)).toBe('突破530家');
    // 辛集市 表1: 2.2左右 in a (%) row.
    expect(formatValue(t({ value: 2.2, valueText: '2.2左右', qualifiers: ['左右'] }))).toBe('2.2%左右');
  });
  test('say the measure: a growth rate, an increment or a total is not a level (the charts dropped it)', () => {
    expect(formatValue(listed1)).toBe('力争新增1家');
    expect(formatValue(turnover35)).toBe('累计35亿元');
    // 辛集市 表1: 年均增长10%; a table cell that says only 增长 gets no 年均.
    expect(formatValue(t({ value: 10, valueText: '10%', qualifiers: ['年均增长'], measure: 'growth' }))).toBe('年均增长10%');
    expect(formatValue(t({ value: 10, valueText: '10%', qualifiers: ['增长'], measure: 'growth' }))).toBe('增长10%');
    // 辛集市: 比2015年分别增加了87家.
    expect(formatValue(t({ value: 87, valueText: '87家', unit: '家', qualifiers: ['分别', '增加'], measure: 'increase' }))).toBe('新增87家');
  });
  test('put 余 between the number and the unit, as the text does (the charts wrote 50名余)', () => {
    expect(formatValue(t({ value: 50, valueText: '50余名', unit: '名', qualifiers: ['余'] }))).toBe('50余名');
    // 宝坻区: 水域总面积30余万亩.
    expect(formatValue(t({ value: 300000, valueText: '30余万亩', unit: '亩', qualifiers: ['余'] }))).toBe('300000余亩');
  });
  test('write the text when it gives no number, — when it gives nothing (the tables wrote an empty cell)', () => {
    expect(formatValue(t({ value: null, valueText: '—', unit: '', qualifiers: [] }))).toBe('—');
    expect(formatValue(t({ value: null, valueText: '', unit: '', qualifiers: [] }))).toBe('—');
  });
  test('labels on marks keep only the bounds, no unit', () => {
    expect(formatLabel(rd32)).toBe('3.2以上');
    expect(formatLabel(hte530)).toBe('突破530');
    expect(formatLabel({ value: 50, qualifiers: ['余'] })).toBe('50余');
    expect(formatLabel({ value: 2.2, qualifiers: ['左右'] })).toBe('2.2左右');
    expect(formatLabel({ value: null, qualifiers: [] })).toBe('—');
  });
  test('targetTime gives the year, a period, or —', () => {
    expect(targetTime(rd32)).toBe('2022年');
    expect(targetTime(turnover35)).toBe('2021—2025年');
    expect(targetTime({ year: null, period: null })).toBe('—');
  });
});

describe('comparability(value, indicator)', () => {
  const rdIntensity: ComparableIndicator = { id: 'rd-intensity', unit: '%', kind: 'ratio' };
  test('the measure comparable values have follows the indicator kind', () => {
    expect([comparableMeasure('stock'), comparableMeasure('flow'), comparableMeasure('ratio'), comparableMeasure('growth-rate'), comparableMeasure('cumulative')]).toEqual([
      'level', 'level', 'level', 'growth', 'cumulative',
    ]);
  });
  test('admits a value of the indicator in its unit and measure', () => {
    expect(comparability(rd32, rdIntensity)).toEqual({ comparable: true, reasons: [] });
  });
  test('gives every reason a value may not stand beside the others', () => {
    // 宝坻区: 规模以上企业研发投入R&D占销售收入比例达到2.8% — also %, another indicator.
    const salesShare = t({ indicatorId: 'enterprise-rd-to-sales', phrase: '规模以上企业研发投入R&D占销售收入比例', value: 2.8, valueText: '2.8%', qualifiers: ['达到'], year: 2025 });
    expect(comparability(salesShare, rdIntensity)).toEqual({ comparable: false, reasons: ['不是同一指标（原文：规模以上企业研发投入R&D占销售收入比例）'] });
    expect(comparability(turnover35, { id: 'technology-contract-turnover', unit: '亿元', kind: 'flow' }).reasons).toEqual(['口径不同：期间累计值，本指标为达到值']);
    // 5家 platforms of an indicator counted in 个: the counting word does not change the count; the 新增 does.
    expect(comparability(platforms5, { id: 'innovation-platforms', unit: '个', kind: 'stock' }).reasons).toEqual(['口径不同：新增量，本指标为达到值']);
    expect(comparability({ ...platforms5, unit: '人次' }, { id: 'innovation-platforms', unit: '个', kind: 'stock' }).reasons[0]).toBe('单位不同：人次，本指标为个');
    expect(comparability(t({ value: null, valueText: '—', unit: '' }), rdIntensity).reasons).toEqual(['原文没有数值（—）', '单位不同：无单位，本指标为%']);
    expect(comparability(rd32, { id: 'rd-intensity', unit: '%', kind: 'growth-rate' }).reasons).toEqual(['口径不同：达到值，本指标为增长率']);
  });
  test('a value of one level only does not stand beside values of every level, nor of another level', () => {
    const incubators: ComparableIndicator = { id: 'incubators', unit: '家', kind: 'stock', levels: 'all' };
    const parks: ComparableIndicator = { id: 'university-science-parks', unit: '家', kind: 'stock', levels: '市级以上' };
    const national3 = t({ indicatorId: 'incubators', phrase: '国家级科技企业孵化器', value: 3, valueText: '3家', unit: '家', level: '国家级' });
    const all7 = t({ indicatorId: 'incubators', phrase: '科技企业孵化器', value: 7, valueText: '7家', unit: '家' });
    expect(comparability(national3, incubators).reasons).toEqual(['范围不同：只计国家级，本指标含各级']);
    expect(comparability(all7, incubators)).toEqual({ comparable: true, reasons: [] });
    const park = (level?: string) => t({ indicatorId: 'university-science-parks', phrase: '大学科技园', value: 2, valueText: '2家', unit: '家', ...(level ? { level } : {}) });
    expect(comparability(park('市级以上'), parks).comparable).toBe(true);
    expect(comparability(park(), parks).comparable).toBe(true);
    expect(comparability(park('国家级'), parks).reasons).toEqual(['范围不同：国家级，本指标为市级以上']);
    // An indicator not counted by level takes its values whatever level word they carry.
    expect(comparability(national3, { id: 'incubators', unit: '家', kind: 'stock' }).comparable).toBe(true);
  });
  test('levels in English', () => {
    expect([levelEn('国家级'), levelEn('省级以上'), levelEn('县级'), levelEn('省级、市级')]).toEqual(['national level', 'provincial level and above', 'county level', 'provincial and city levels']);
  });
  test('preferredValue takes a comparable value over a later or earlier-written one, then the latest year', () => {
    // 天津市 2014: 全年新增科技型中小企业1万家,达到6万家 — the table showed the 新增 (written first), the chart the level.
    const techSmes: ComparableIndicator = { id: 'tech-smes', unit: '家', kind: 'stock' };
    const added = t({ indicatorId: 'tech-smes', value: 10000, valueText: '1万家', unit: '家', year: 2014, qualifiers: ['新增'], measure: 'increase' });
    const level = t({ indicatorId: 'tech-smes', value: 60000, valueText: '6万家', unit: '家', year: 2014, qualifiers: ['达到'] });
    expect(preferredValue([added, level], techSmes)).toBe(level);
    const earlier = { ...level, year: 2013 };
    expect(preferredValue([earlier, level], techSmes)).toBe(level);
    expect(preferredValue([added, { ...added, year: 2015 }], techSmes)?.year).toBe(2015);
    expect(preferredValue([], techSmes)).toBeNull();
  });
});

describe('normalizedReading(t, indicator)', () => {
  const reg = loadRegistries('seeds', 'content');
  const indicator = (id: string) => reg.indicators.find((i) => i.id === id);
  test('names the indicator, kind, value with its qualifiers and time', () => {
    expect(normalizedReading(rd32, indicator('rd-intensity'))).toBe('全社会研发投入强度 · 目标 · 力争3.2%以上 · 2022年');
    expect(normalizedReading(t({ indicatorId: null, phrase: '科技特派员', value: 100, valueText: '100名', unit: '名', qualifiers: [] }), undefined)).toBe('未归类：科技特派员 · 目标 · 100名 · 2022年');
  });
  test('says why a value is not comparable with other plans, as tables and charts do', () => {
    expect(normalizedReading(listed1, indicator('listed-tech-enterprises'))).toBe('科技型上市企业数量 · 目标 · 力争新增1家 · 2022年 · 口径不同：新增量，本指标为达到值');
  });
});

describe('excerpt(text, max, around)', () => {
  // The sentence baodi's plan writes its 2025 high-tech enterprises in (seed 003), shortened here by hand.
  const quote = '十四五末,宝坻区规模以上企业研发投入R&D占销售收入比例达到2.8%;国家高新技术企业达到280家,科技型中小企业达到300家。';
  test('a value written past the first characters: the clause that holds it', () => {
    expect(excerpt(quote, 20, '280家')).toBe('…国家高新技术企业达到280家,科技型中小…');
  });
  test('a value among the first characters, or none given: the opening', () => {
    expect(excerpt(quote, 20, '宝坻区')).toBe('十四五末,宝坻区规模以上企业研发投入R&…');
    expect(excerpt(quote, 20)).toBe('十四五末,宝坻区规模以上企业研发投入R&…');
    expect(excerpt('短句。', 20, '280家')).toBe('短句。');
  });
  test('a clause longer than the excerpt: the characters just before the value', () => {
    expect(excerpt('一二三四五六七八九十一二三四五六七八九十一二三四五达到280家。', 10, '280家')).toBe('…二三四五达到280家…');
  });
});
