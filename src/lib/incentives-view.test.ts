import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { amountText, incentiveRows, incentivesBySubject, incentivesCsvChunks } from './incentives-view.ts';

const reg = loadRegistries('seeds', 'content');

describe('incentiveRows(doc)', () => {
  // tests/fixtures/measures/006_measures_fixture.txt, read by hand: 第一条 按增量的10% and 最高不超过200万元, 第二条 20万元,
  // 第三条 500万元, 第四条 每人每月3000元 and 最高可获得10万元.
  test('says whether each amount is a standard, a cap or a share, and names its article as the text does', () => {
    const doc = buildPlanDocument({ name: '006_measures_fixture.txt', path: 'm.txt', bytes: readFileSync('tests/fixtures/measures/006_measures_fixture.txt') }, reg);
    expect(incentiveRows(doc).map((r) => [r.incentive.valueText, r.kind, r.article, r.articleNumber])).toEqual([
      ['10%', 'share', '第一条', 1],
      ['200万元', 'cap', '第一条', 1],
      ['20万元', 'standard', '第二条', 2],
      ['500万元', 'standard', '第三条', 3],
      ['3000元', 'standard', '第四条', 4],
      ['10万元', 'cap', '第四条', 4],
    ]);
  });
  test('outside a measure’s articles an amount has no article (its line is shown)', () => {
    const doc = buildPlanDocument({ name: 'p.txt', path: 'p.txt', bytes: Buffer.from('某区科技工作要点\n一、任务\n对新认定的高新技术企业给予10万元奖励。') }, reg);
    expect(incentiveRows(doc).map((r) => [r.incentive.valueText, r.kind, r.article, r.incentive.line])).toEqual([['10万元', 'standard', null, 3]]);
  });
  test('incentives.csv: a header, then one row per amount with its yuan, kind, article and address; plans without none', () => {
    const measure = buildPlanDocument({ name: '006_measures_fixture.txt', path: 'm.txt', bytes: readFileSync('tests/fixtures/measures/006_measures_fixture.txt') }, reg);
    const none = buildPlanDocument({ name: '004_d6d163db2a424736.txt', path: 'x.txt', bytes: readFileSync('seeds/004_d6d163db2a424736.txt') }, reg);
    const csv = [...incentivesCsvChunks([none, measure], (slug, id) => `https://x/plans/${slug}/#${id}`)].join('');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\ufeffplan,id,valueText,value,unit,yuan,kind,article,recipient,subject,level,clause,quote,line,url');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(1, 8).join(' '))).toEqual([
      'i1 10% 10 % - share 第一条'.replace(' - ', '  '),
      'i2 200万元 200 万元 2000000 cap 第一条',
      'i3 20万元 20 万元 200000 standard 第二条',
      'i4 500万元 500 万元 5000000 standard 第三条',
      'i5 3000元 3000 元 3000 standard 第四条',
      'i6 10万元 10 万元 100000 cap 第四条',
    ]);
    expect(lines[3]!.endsWith(`,10,https://x/plans/${measure.slug}/#art2`)).toBe(true);
    // 第三条: 对新认定的国家级重点实验室给予500万元支持 — its level; 第二条's first certified enterprises name none.
    expect([lines[4]!.split(',')[10], lines[3]!.split(',')[10]]).toEqual(['国家级', '']);
    expect(lines.at(-1)).toBe('');
  });
});

describe('incentivesBySubject(plans, subjects): the standards of the library by what they reward', () => {
  // The two made-up measures, read by hand: tests/fixtures/measures/006 (a city: 第二条 20万元 for a first certified
  // high-tech enterprise; 第一条 按增量的10% and 最高不超过200万元 on R&D spending) and 013 (a district: （一） 30万元 first
  // certified, 10万元 re-certified; （三） 5% of the increase in R&D expenses, 最高不超过100万元).
  const measure = (name: string) => buildPlanDocument({ name, path: name, bytes: readFileSync(`tests/fixtures/measures/${name}`) }, reg);
  const city = measure('006_measures_fixture.txt');
  const district = measure('013_district_policies.txt');
  const groups = incentivesBySubject([city, district], reg.supportSubjects);
  const rowsOf = (id: string) => groups.find((g) => g.id === id)!.rows.map((r) => [r.slug === city.slug ? 'city' : 'district', r.incentive.valueText, r.kind]);

  test('a subject’s amounts of money come largest first, whichever plan sets them; then its shares', () => {
    expect(rowsOf('high-tech-enterprises')).toEqual([
      ['district', '30万元', 'standard'],
      ['city', '20万元', 'standard'],
      ['district', '10万元', 'standard'],
    ]);
    expect(rowsOf('rd-spending')).toEqual([
      ['city', '200万元', 'cap'],
      ['district', '100万元', 'cap'],
      ['city', '10%', 'share'],
      ['district', '5%', 'share'],
    ]);
  });

  test('each group counts its plans and gives its least and most amount of money; subjects both plans reward first', () => {
    const hte = groups.find((g) => g.id === 'high-tech-enterprises')!;
    expect([hte.plans, hte.least?.incentive.valueText, hte.most?.incentive.valueText]).toEqual([2, '10万元', '30万元']);
    expect(groups.slice(0, 2).map((g) => [g.id, g.plans]).sort()).toEqual([['high-tech-enterprises', 2], ['rd-spending', 2]]);
    // The city’s lab and doctors, the district’s SMEs, incubators, centre and technology contracts: one plan each.
    expect(groups.slice(2).map((g) => [g.id, g.plans]).sort()).toEqual([['incubators', 1], ['labs', 1], ['talent', 1], ['tech-smes', 1], ['technology-centres', 1], ['technology-transfer', 1]]);
  });
});

describe('incentivesBySubject: levels', () => {
  // Three standards for incubators, written by hand: a city level, a national level and one naming no level.
  const text = '某区若干措施\n对新认定的市级科技企业孵化器给予50万元奖励。对新认定的国家级科技企业孵化器给予100万元奖励。对新认定的科技企业孵化器给予200万元奖励。';
  const doc = buildPlanDocument({ name: 'levels.txt', path: 'levels.txt', bytes: Buffer.from(text) }, reg);
  const incubators = incentivesBySubject([doc], reg.supportSubjects).find((g) => g.id === 'incubators')!;
  test('a subject’s standards stand by level, highest first, those naming none last; its range is still by money', () => {
    expect(incubators.rows.map((r) => [r.incentive.level ?? '-', r.incentive.valueText])).toEqual([['国家级', '100万元'], ['市级', '50万元'], ['-', '200万元']]);
    expect([incubators.least?.incentive.valueText, incubators.most?.incentive.valueText]).toEqual(['50万元', '200万元']);
  });
});

describe('amountText(incentive)', () => {
  test('is the amount as written, with the unit only when the text gives it in the table’s head', () => {
    expect([amountText({ valueText: '20万元', unit: '万元' }), amountText({ valueText: '10%', unit: '%' }), amountText({ valueText: '20', unit: '万元' }), amountText({ valueText: '1.5', unit: '亿元' })]).toEqual(['20万元', '10%', '20万元', '1.5亿元']);
  });
});
