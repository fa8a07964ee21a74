/** Glossary terms and where the plans use them (terms.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import type { Mark } from '../../schemas/plan.ts';
import { termViews } from './terms.ts';
import { cell, heading, para, plan, realSeeds, term } from './test-fixtures.ts';

const { reg, plans: real } = realSeeds();

describe('termViews(plans, glossary)', () => {
  const tm = (termId: string, start: number, end: number): Mark => ({ kind: 'term', start, end, termId });
  // Plan a: 高企 in p1 and again in p2 (first mention counts), 孵化器 in a table cell. Plan b: 高企 once.
  const a = plan('a', '甲方案', {
    blocks: [
      heading('s1', 1, '一、', '目标'),
      para('p1', '培育高企。', [tm('gaoqi', 2, 4)]),
      para('p2', '再培育高企。', [tm('gaoqi', 3, 5)]),
      { kind: 'table', id: 't1', lines: [1], part: 'body', caption: null, captionLine: null, head: [[cell('指标')]], rows: [[cell('孵化器数量', [tm('fuhuaqi', 0, 3)])]], rowHeader: null, notes: [], notesEn: [] },
    ],
  });
  const b = plan('b', '乙方案', { blocks: [para('p0-1', '高企达到100家。', [tm('gaoqi', 0, 2)])] });
  const glossary = [term('fuhuaqi', '孵化器'), term('gaoqi', '高新技术企业'), term('unused', '未用术语')];
  const views = termViews([a, b], glossary);

  test('every term in glossary order, each with its first use in each plan that uses it', () => {
    expect(views.map((v) => [v.term.id, v.uses.map((u) => [u.slug, u.blockId, u.sectionTitle])])).toEqual([
      ['fuhuaqi', [['a', 't1', '一、目标']]],
      [
        'gaoqi',
        [
          ['a', 'p1', '一、目标'],
          ['b', 'p0-1', '乙方案'],
        ],
      ],
      ['unused', []],
    ]);
  });

  test('the excerpt is taken from the paragraph or the table cell that uses the term', () => {
    expect(views[0]!.uses[0]!.excerpt).toBe('孵化器数量');
    expect(views[1]!.uses[0]!.excerpt).toBe('培育高企。');
  });

  test('real seeds: 海河英才 is used by the Beichen (000 line 75) and Hongqiao (002 line 33) plans only', () => {
    const v = termViews(real, reg.glossary).find((x) => x.term.id === 'haihe-yingcai')!;
    expect(v.uses.map((u) => [u.slug, u.sectionTitle])).toEqual([
      ['beichen-2020-2022', '二、重点任务 › (五)加大创新人才引育力度 › 1.加快科技创新人才聚集'],
      ['hongqiao-2020-2022', '二、重点任务 › （四）优化人才发展环境'],
    ]);
    expect(v.uses[0]!.excerpt).toContain('“海河英才”行动计划');
  });
});
