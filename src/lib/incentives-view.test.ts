import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { incentiveRows, incentivesCsvChunks } from './incentives-view.ts';

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
    expect(lines[0]).toBe('\ufeffplan,id,valueText,value,unit,yuan,kind,article,recipient,clause,quote,line,url');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(1, 8).join(' '))).toEqual([
      'i1 10% 10 % - share 第一条'.replace(' - ', '  '),
      'i2 200万元 200 万元 2000000 cap 第一条',
      'i3 20万元 20 万元 200000 standard 第二条',
      'i4 500万元 500 万元 5000000 standard 第三条',
      'i5 3000元 3000 元 3000 standard 第四条',
      'i6 10万元 10 万元 100000 cap 第四条',
    ]);
    expect(lines[3]!.endsWith(`,10,https://x/plans/${measure.slug}/#art2`)).toBe(true);
    expect(lines.at(-1)).toBe('');
  });
});
