import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { alignmentRecords, compareTargets, formatShare, parentViews, planAlignments, type ComparedTarget } from './alignment.ts';

const reg = loadRegistries('seeds', 'content');
const plans = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg));
const alignments = planAlignments(plans, reg.documents, reg.indicators);
const TIANJIN = 'tianjin-st-innovation-3yr-2020-2022';

/**
 * The alignment tables, by hand. Plans' values from the seeds: 000 line 37 (研发投入强度力争达到3.2%以上, 有效发明专利
 * 3500件) and line 39 (高新技术企业总量突破530家, 雏鹰/瞪羚/科技领军(培育) 280/30/25家, 技术合同成交额60亿元, 力争新建1家
 * 市级以上大学科技园); 002 line 18 (2.2%以上, 1500件, 技术合同成交额突破90亿元) and line 19 (高新技术企业突破100家，
 * 达到102家; 雏鹰80家, 瞪羚3家), all for 2022. The municipal plan's, from its 工作目标 (津政发〔2020〕23号, as reprinted):
 * 3.2%以上, 4万件, 突破9000家, 3500/350/250家, 1400亿元, 力争新建5家市级大学科技园, for 2022. 红桥 sets no target for
 * 科技领军企业 or 大学科技园, so it has no row for them. Only 研发投入强度 is a rate; the rest are totals of a district,
 * part of the city's: not ranked, their share given.
 * Columns: indicator, plan's value, parent's value (both 2022), verdict, reason codes, share.
 */
type Row = [string, number, number, string, string[], number | null];
const NC = 'not-comparable';
/** The municipal plan's 2022 targets, from its 工作目标 (津政发〔2020〕23号). */
const TIANJIN_2022: Record<string, number> = {
  'rd-intensity': 3.2,
  'valid-invention-patents': 40000,
  'high-tech-enterprises': 9000,
  'chuying-enterprises': 3500,
  'gazelle-enterprises': 350,
  'leading-tech-enterprises': 250,
  'technology-contract-turnover': 1400,
  'university-science-parks': 5,
};
/** A district's total against the city's: not ranked (reason `scale`), the district's share of the city's given. */
const districtTotal = (indicator: string, value: number): Row => [indicator, value, TIANJIN_2022[indicator]!, NC, ['scale'], value / TIANJIN_2022[indicator]!];
const EXPECTED: Record<string, Row[]> = {
  'beichen-2020-2022': [
    ['rd-intensity', 3.2, 3.2, 'equal', [], null],
    districtTotal('valid-invention-patents', 3500),
    districtTotal('high-tech-enterprises', 530),
    districtTotal('chuying-enterprises', 280),
    districtTotal('gazelle-enterprises', 30),
    districtTotal('leading-tech-enterprises', 25),
    districtTotal('technology-contract-turnover', 60),
    districtTotal('university-science-parks', 1),
  ],
  'hongqiao-2020-2022': [
    ['rd-intensity', 2.2, 3.2, 'lower', [], null],
    districtTotal('valid-invention-patents', 1500),
    districtTotal('high-tech-enterprises', 100),
    districtTotal('chuying-enterprises', 80),
    districtTotal('gazelle-enterprises', 3),
    districtTotal('technology-contract-turnover', 90),
  ],
};

describe('planAlignments: 北辰 and 红桥 against 《天津市科技创新三年行动计划（2020—2022年）》', () => {
  test.each(Object.entries(EXPECTED))('%s: every indicator both set, with the verdict and its reason', (slug, expected) => {
    const a = alignments.find((x) => x.slug === slug && x.parent.id === TIANJIN);
    expect(a, `${slug} implements ${TIANJIN}`).toBeDefined();
    expect(a!.rows.length).toBeGreaterThan(0);
    const got = a!.rows.map((r): Row => [r.indicatorId, r.child.value!, r.parent.value!, r.verdict, r.reasons.map((x) => x.code), r.share]);
    expect(got.map((r) => r.slice(0, 5))).toEqual(expected.map((r) => r.slice(0, 5)));
    got.forEach((r, i) => (expected[i]![5] === null ? expect(r[5]).toBeNull() : expect(r[5]).toBeCloseTo(expected[i]![5]!, 12)));
    for (const r of a!.rows) {
      expect([r.child.year, r.parent.year], r.indicatorId).toEqual([2022, 2022]);
      expect(r.child.kind).toBe('target');
    }
  });

  test('the citation is the sentence that says the plan carries out the municipal plan (000 line 27, 002 line 11)', () => {
    expect(alignments.find((a) => a.slug === 'beichen-2020-2022')!.citation.line).toBe(27);
    expect(alignments.find((a) => a.slug === 'hongqiao-2020-2022')!.citation.line).toBe(11);
  });

  test('红桥 gives two numbers for 高新技术企业 in 2022 (突破100家, 达到102家): the first is compared, the other shown', () => {
    const row = alignments.find((a) => a.slug === 'hongqiao-2020-2022')!.rows.find((r) => r.indicatorId === 'high-tech-enterprises')!;
    expect(row.child.value).toBe(100);
    expect(row.alsoInText.map((t) => t.value)).toEqual([102]);
  });

  test('every municipal value carries its source, the day checked and the sentence', () => {
    const a = alignments.find((x) => x.slug === 'beichen-2020-2022')!;
    expect(a.parentValues.length).toBe(8);
    for (const p of a.parentValues) {
      expect(p.from.kind).toBe('source');
      if (p.from.kind !== 'source') continue;
      expect(p.from.source).toMatch(/津政发〔2020〕23号.*https?:\/\//u);
      expect(p.from.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(p.quote).toContain(String(p.value === 40000 ? '4萬' : p.value));
    }
  });

  test('辛集 against the Hebei plan: totals only (高新技术企业 130 vs 15000, 技术合同成交额 7 vs 2000亿元, 2025), not ranked', () => {
    const a = alignments.find((x) => x.slug === 'xinji-14th-five-year')!;
    expect(a.parent.id).toBe('hebei-st-innovation-14th-fyp');
    expect(a.rows.map((r) => [r.indicatorId, r.child.value, r.child.year, r.parent.value, r.parent.year, r.verdict])).toEqual([
      ['high-tech-enterprises', 130, 2025, 15000, 2025, NC],
      ['technology-contract-turnover', 7, 2025, 2000, 2025, NC],
    ]);
  });

  test('宝坻 follows the municipal 14th five-year S&T plan, whose targets are not recorded: no rows, said so on the page', () => {
    const a = alignments.find((x) => x.slug === 'baodi-14th-five-year')!;
    expect([a.parent.id, a.citation.line, a.parentValues, a.rows]).toEqual(['tianjin-st-innovation-14th-fyp', 8, [], []]);
  });

  test('the 2014 report implements no plan; the parent pages group the children, in plan order', () => {
    expect(alignments.map((a) => a.slug)).toEqual(['beichen-2020-2022', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year']);
    const views = parentViews(alignments, reg.documents);
    expect(views.map((v) => [v.id, v.children.map((c) => c.slug)])).toEqual([
      [TIANJIN, ['beichen-2020-2022', 'hongqiao-2020-2022']],
      ['tianjin-st-innovation-14th-fyp', ['baodi-14th-five-year']],
      ['hebei-st-innovation-14th-fyp', ['xinji-14th-five-year']],
    ]);
    // Whatever the registry's order (the content collection's differs from the file's), and every child's rows point
    // at the values the page of the plan above lists (it matches them by identity).
    const reversed = [...reg.documents].reverse();
    const again = parentViews(planAlignments(plans, reversed, reg.indicators), reversed);
    expect(again.map((v) => v.id)).toEqual([TIANJIN, 'tianjin-st-innovation-14th-fyp', 'hebei-st-innovation-14th-fyp']);
    for (const v of again) for (const c of v.children) for (const r of c.rows) expect(v.parentValues).toContain(r.parent);
    expect(again[0]!.children[1]!.rows.length).toBe(6);
  });

  test('open-data records: one per row, the value above with its source', () => {
    const records = alignmentRecords(alignments, reg.indicators, (slug, block) => `https://example.org/plans/${slug}/#${block}`);
    expect(records).toHaveLength(8 + 6 + 2);
    const rd = records.find((r) => r.plan === 'hongqiao-2020-2022' && r.indicatorId === 'rd-intensity')!;
    expect([rd.childValue, rd.parentValue, rd.verdict, rd.parentAgainst]).toEqual([2.2, 3.2, 'lower', 'reprint']);
    expect(rd.childUrl).toMatch(/^https:\/\/example\.org\/plans\/hongqiao-2020-2022\/#p/u);
  });
});

describe('planAlignments: a plan above that is on the site brings its own targets', () => {
  // As if 红桥's plan were the plan 北辰 implements: 北辰 cites the municipal plan, so the entry is that one, pointed at 002.
  const documents = reg.documents.map((d) => (d.id === TIANJIN ? { ...d, planSlug: 'hongqiao-2020-2022', targets: [], implementedBy: ['beichen-2020-2022'] } : { ...d, implementedBy: [] }));
  const [a] = planAlignments(plans, documents, reg.indicators);

  test('its text’s targets are read, each with the paragraph it comes from', () => {
    expect(a!.slug).toBe('beichen-2020-2022');
    const rd = a!.parentValues.filter((p) => p.indicatorId === 'rd-intensity');
    // 002: 2.2%以上 in the text (2022), and 2 / 2.1 / 2.2 in the yearly table (2020, 2021, 2022): three distinct.
    expect(rd.map((p) => [p.value, p.year])).toEqual([[2.2, 2022], [2, 2020], [2.1, 2021]]);
    expect(rd.every((p) => p.from.kind === 'plan' && p.from.slug === 'hongqiao-2020-2022')).toBe(true);
  });

  test('北辰 3.2% against 红桥 2.2% in 2022 is higher; against 红桥’s 2020 and 2021 values the years differ', () => {
    const rows = a!.rows.filter((r) => r.indicatorId === 'rd-intensity');
    expect(rows.map((r) => [r.parent.year, r.verdict, r.reasons.map((x) => x.code)])).toEqual([
      [2022, 'higher', []],
      [2020, NC, ['year']],
      [2021, NC, ['year']],
    ]);
    expect(rows[1]!.reasons[0]!.text).toBe('年份不同：本规划为2022年，上级规划为2020年');
  });

  test('a plan listed as implementing a document it does not cite is an error in the data', () => {
    const wrong = reg.documents.map((d) => (d.id === 'hebei-st-innovation-14th-fyp' ? { ...d, implementedBy: ['beichen-2020-2022'] } : d));
    expect(() => planAlignments(plans, wrong, reg.indicators)).toThrow(/lists beichen-2020-2022 in implementedBy, but that plan does not cite it/u);
  });
});

describe('compareTargets(child, parent, indicator): the rules', () => {
  const rate = { kind: 'ratio' as const };
  const count = { kind: 'stock' as const };
  const v = (value: number | null, over: Partial<ComparedTarget> = {}): ComparedTarget => ({ value, unit: '%', year: 2022, measure: 'level', ...over });

  test('a rate in the same unit, measure and year: higher, equal or lower by the number', () => {
    expect(compareTargets(v(3.5), v(3.2), rate)).toEqual({ verdict: 'higher', reasons: [], share: null });
    expect(compareTargets(v(3.2), v(3.2), rate).verdict).toBe('equal');
    expect(compareTargets(v(0.1 + 0.2), v(0.3), rate).verdict).toBe('equal');
    expect(compareTargets(v(2.2), v(3.2), rate).verdict).toBe('lower');
  });

  test('units differ: not comparable, with the reason in Chinese and in English', () => {
    const c = compareTargets(v(60, { unit: '亿元' }), v(6000, { unit: '万元' }), { kind: 'flow' });
    expect(c.verdict).toBe('not-comparable');
    expect(c.reasons.map((r) => [r.code, r.text, r.textEn])).toEqual([['unit', '单位不同：本规划为亿元，上级规划为万元', 'The units differ']]);
    expect(c.share).toBeNull();
  });

  test('years differ: not comparable, even for a rate', () => {
    const c = compareTargets(v(2.5, { year: 2025 }), v(3.2), rate);
    expect(c.verdict).toBe('not-comparable');
    expect(c.reasons.map((r) => r.text)).toEqual(['年份不同：本规划为2025年，上级规划为2022年']);
    expect(c.reasons[0]!.textEn).toBe('Different years: 2025 here, 2022 in the plan above');
    expect(compareTargets(v(2.5, { year: null }), v(3.2), rate).reasons[0]!.text).toBe('年份不同：本规划为未写明年份，上级规划为2022年');
  });

  test('measures differ (an increment against a level): not comparable', () => {
    const c = compareTargets(v(5, { unit: '家', measure: 'increase' }), v(30, { unit: '家' }), count);
    expect(c.reasons.map((r) => [r.code, r.text])).toEqual([['measure', '口径不同：本规划为新增量，上级规划为达到值']]);
  });

  test('levels differ (national incubators against all of them): not comparable', () => {
    const c = compareTargets(v(3, { unit: '家', level: '国家级' }), v(30, { unit: '家' }), count);
    expect(c.reasons.map((r) => [r.code, r.text, r.textEn])).toEqual([['level', '范围不同：本规划计国家级，上级规划计各级', 'Different scopes: the national level here, every level in the plan above']]);
    expect(compareTargets(v(3, { unit: '家', level: '国家级' }), v(30, { unit: '家', level: '国家级' }), count).reasons.map((r) => r.code)).toEqual(['scale']);
  });

  test('every reason is given at once; no number is a reason too', () => {
    const c = compareTargets(v(null, { unit: '家', year: 2025 }), v(9000, { unit: '%' }), count);
    expect(c.reasons.map((r) => r.code)).toEqual(['no-value', 'unit', 'year']);
  });

  test('totals of a region and the region above: not ranked, the share given', () => {
    const c = compareTargets(v(530, { unit: '家' }), v(9000, { unit: '家' }), count);
    expect(c.verdict).toBe('not-comparable');
    expect(c.reasons.map((r) => r.code)).toEqual(['scale']);
    expect(c.share).toBeCloseTo(530 / 9000, 12);
    expect(formatShare(c.share!)).toBe('5.9%');
    expect(compareTargets(v(30, { unit: '家' }), v(0, { unit: '家' }), count).share).toBeNull();
  });

  test('a growth rate of a total is a rate: ranked', () => {
    expect(compareTargets(v(12, { measure: 'growth' }), v(10, { measure: 'growth' }), { kind: 'flow' }).verdict).toBe('higher');
  });

  test('formatShare keeps two significant digits', () => {
    expect([0.2, 0.0875, 0.1, 130 / 15000, 7 / 2000].map(formatShare)).toEqual(['20%', '8.8%', '10%', '0.87%', '0.35%']);
  });
});
