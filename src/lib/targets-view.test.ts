import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { IndicatorKindSchema } from '../schemas/indicator.ts';
import { comparisonRows, formatRate, kindFilterOptions, targetPairs, targetRecords, toCsv } from './targets-view.ts';

const reg = loadRegistries('seeds', 'content');
const plans = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg));
const bySlug = (slug: string) => plans.find((p) => p.slug === slug)!;
describe('targetPairs(doc)', () => {
  test('pairs 004 表1 baselines (2020) with targets (2025) and derives growth', () => {
    const hte = targetPairs(bySlug('xinji-14th-five-year')).find((p) => p.indicatorId === 'high-tech-enterprises')!;
    expect([hte.baseline.value, hte.baseline.year, hte.target.value, hte.target.year]).toEqual([99, 2020, 130, 2025]);
    expect(hte.cagr).toBeCloseTo((130 / 99) ** (1 / 5) - 1, 10);
    expect(hte.yearlyIncrement).toBeCloseTo(31 / 5, 10);
    expect(formatRate(hte.cagr)).toBe('+5.6%/年');
    expect(formatRate(hte.cagr, ' a year')).toBe('+5.6% a year');
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

describe('comparisonRows: the registry decides what is comparable, as in the charts', () => {
  const rows = comparisonRows(plans, reg.indicators);
  const cell = (indicatorId: string, slug: string) => rows.find((r) => r.indicator.id === indicatorId)!.cells.find((c) => c?.slug === slug)!;
  test('a level is not flagged because the other plan gives an increment (the table followed the row majority)', () => {
    // 红桥区: 力争新增1家科技型上市企业; 宝坻区: 上市挂牌高企达7家 (2019, a result).
    expect(cell('listed-tech-enterprises', 'hongqiao-2020-2022').caveats).toEqual(['口径不同：新增量，本指标为达到值']);
    expect(cell('listed-tech-enterprises', 'baodi-14th-five-year').caveats).toEqual(['仅有实际值，无目标']);
  });
  test('a value alone in its row is still judged against the registry', () => {
    // 宝坻区: 新增众创空间1家 — the only plan with 众创空间; 十四五期间,技术合同成交额累计达35亿元.
    expect(cell('maker-spaces', 'baodi-14th-five-year').caveats).toEqual(['口径不同：新增量，本指标为达到值']);
    expect(cell('technology-contract-turnover', 'baodi-14th-five-year').caveats).toEqual(['口径不同：期间累计值，本指标为达到值']);
    // 红桥区: 新建各类创新平台和研发机构5家; the registry counts platforms in 个, the same count (家 or 个), but 新建 is an increment.
    expect(cell('innovation-platforms', 'hongqiao-2020-2022').caveats).toEqual(['口径不同：新增量，本指标为达到值']);
  });
  test('shows the comparable target the chart draws, not the first one written', () => {
    // 天津市 2014: 全年新增科技型中小企业1万家,达到6万家; 新增科技小巨人企业500家,力争达到3000家.
    expect([cell('tech-smes', 'tianjin-2014-work-conference').target?.value, cell('tech-smes', 'tianjin-2014-work-conference').caveats]).toEqual([60000, []]);
    expect(cell('tech-little-giants', 'tianjin-2014-work-conference').target?.value).toBe(3000);
  });
});

describe('kindFilterOptions(rows)', () => {
  const options = kindFilterOptions(comparisonRows(plans, reg.indicators));
  test('offers every indicator kind of the schema, growth-rate included, with its Chinese label', () => {
    expect(options.map((o) => [o.id, o.label])).toEqual([
      ['all', '全部'],
      ['stock', '存量（家、件）'],
      ['flow', '流量（亿元）'],
      ['ratio', '比例（%）'],
      ['growth-rate', '增长率（%）'],
      ['cumulative', '累计'],
    ]);
  });
  test('counts the rows each choice shows: content/indicators.yaml has no growth-rate or cumulative indicator today', () => {
    const rows = Object.fromEntries(options.map((o) => [o.id, o.rows]));
    expect([rows['growth-rate'], rows.cumulative]).toEqual([0, 0]);
    expect(rows.stock! + rows.flow! + rows.ratio!).toBe(rows.all);
    expect(rows.all).toBeGreaterThan(0);
  });
  test('every kind has its CSS filter rule in compare.css (the filter works without JavaScript)', () => {
    const css = readFileSync('src/styles/compare.css', 'utf8');
    expect(IndicatorKindSchema.options.length).toBeGreaterThan(0);
    for (const kind of IndicatorKindSchema.options) {
      expect(css, kind).toContain(`body:has(#kind-${kind}:checked) .compare tbody tr:not(.k-${kind})`);
    }
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
