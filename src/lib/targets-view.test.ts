import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import type { Target } from '../schemas/plan.ts';
import { comparisonRows, formatRate, formatValue, normalizedReading, targetPairs, targetRecords, toCsv } from './targets-view.ts';

const reg = loadRegistries('seeds', 'content');
const plans = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg));
const bySlug = (slug: string) => plans.find((p) => p.slug === slug)!;
const t = (over: Partial<Target>): Target => ({
  id: 'v1', indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 3.2, valueText: '3.2%', unit: '%', year: 2022, period: null,
  qualifiers: ['力争', '以上'], kind: 'target', measure: 'level', quote: '', blockId: 'p1', start: 0, end: 4, cell: null, line: 1, ...over,
});

describe('formatValue(t) / normalizedReading(t, indicator)', () => {
  test('write the value with unit and measure, and the full reading with qualifiers', () => {
    expect(formatValue(t({}))).toBe('3.2%');
    expect(formatValue(t({ measure: 'growth', value: 10 }))).toBe('年均增长10%');
    expect(formatValue(t({ value: null, valueText: '—' }))).toBe('—');
    expect(normalizedReading(t({}), reg.indicators.find((i) => i.id === 'rd-intensity'))).toBe('全社会研发投入强度 · 目标 · 3.2% · 2022年 · 力争、以上');
    expect(normalizedReading(t({ indicatorId: null, phrase: '科技特派员' }), undefined)).toMatch(/^未归类：科技特派员 · 目标/u);
  });
});

describe('targetPairs(doc)', () => {
  test('pairs 004 表1 baselines (2020) with targets (2025) and derives growth', () => {
    const hte = targetPairs(bySlug('xinji-14th-five-year')).find((p) => p.indicatorId === 'high-tech-enterprises')!;
    expect([hte.baseline.value, hte.baseline.year, hte.target.value, hte.target.year]).toEqual([99, 2020, 130, 2025]);
    expect(hte.cagr).toBeCloseTo((130 / 99) ** (1 / 5) - 1, 10);
    expect(hte.yearlyIncrement).toBeCloseTo(31 / 5, 10);
    expect(formatRate(hte.cagr)).toBe('+5.6%/年');
  });
  test('gives no compound rate for a share, only the change in percentage points', () => {
    const share = targetPairs(bySlug('xinji-14th-five-year')).find((p) => p.indicatorId === 'hightech-industry-value-added-share')!;
    expect(share.cagr).toBeNull();
    expect(share.yearlyIncrement).toBeCloseTo(1, 10);
  });
});

describe('comparisonRows(plans, indicators)', () => {
  test('puts every plan that sets an indicator in its row, and marks target years that differ', () => {
    const row = comparisonRows(plans, reg.indicators).find((r) => r.indicator.id === 'high-tech-enterprises')!;
    const slugs = row.cells.filter((c) => c !== null).map((c) => c!.slug);
    expect(slugs).toEqual(expect.arrayContaining(['beichen-2020-2022', 'hongqiao-2020-2022', 'xinji-14th-five-year']));
    const xinji = row.cells.find((c) => c?.slug === 'xinji-14th-five-year')!;
    expect(xinji.target?.value).toBe(130);
    expect(row.notes.join()).toMatch(/各规划目标年份不同（2022、2025年）/u);
    expect(xinji.caveats).toEqual([]);
  });
  test('keeps 研发投入强度 and 规上企业研发投入占比 in separate rows', () => {
    const rows = comparisonRows(plans, reg.indicators);
    const rd = rows.find((r) => r.indicator.id === 'rd-intensity')!;
    expect(rd.cells.find((c) => c?.slug === 'baodi-14th-five-year')).toBeFalsy();
    expect(rows.find((r) => r.indicator.id === 'enterprise-rd-to-sales')!.cells.find((c) => c?.slug === 'baodi-14th-five-year')?.target?.value).toBe(2.8);
  });
});

describe('targetRecords(plans, indicators, urlOf) / toCsv(records)', () => {
  test('lists every target with its sentence URL; the CSV quotes commas and quotes', () => {
    const records = targetRecords(plans, reg.indicators, (s, b) => `/plans/${s}/#${b}`);
    expect(records).toHaveLength(plans.reduce((n, p) => n + p.targets.length, 0));
    const csv = toCsv(records);
    expect(csv.startsWith('\ufeffplan,planTitle,region,id,')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(records.length);
    expect(toCsv([{ ...records[0]!, quote: '他说"到2022年,达到"' }])).toContain('"他说""到2022年,达到"""');
  });
});
