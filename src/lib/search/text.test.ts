import { describe, expect, test } from 'vitest';
import { normalize, normalizeWithOffsets } from './normalize.ts';
import { expandTerm, prepareGroups, queryTerms } from './expand.ts';
import type { Variant } from './expand.ts';
import { findAll } from './match.ts';
import { simplifier } from './traditional.ts';

const groups = prepareGroups([
  { forms: ['高新技术企业', '高企'], narrower: [], notIn: ['提高企业'] },
  { forms: ['研发', 'R&D'], narrower: [], notIn: [] },
  { forms: ['北京大学', '北大'], narrower: [], notIn: ['河北大学'] },
  { forms: ['孵化载体', '双创载体'], narrower: ['孵化器'], notIn: [] },
]);

const literal = (text: string): Variant => ({ text: normalize(text), label: text, original: true, exclusions: [] });

describe('normalize', () => {
  test.each([
    ['“瞪羚”企业', '瞪羚企业'],
    ['科技领军(培育)企业', '科技领军培育企业'],
    ['碳达峰、碳中和', '碳达峰碳中和'],
    ['（2020—2022年）', '20202022年'],
    ['北辰政发〔2021〕5号', '北辰政发20215号'],
    ['北辰政发[2021]5号', '北辰政发20215号'],
    ['Ｒ＆Ｄ经费', 'r&d经费'],
    ['３．２％', '3.2%'],
    ['全社会 研发\u200b投入', '全社会研发投入'],
    ['达到3.2%以上，', '达到3.2%以上,'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('keeps the way back to the source text', () => {
    const n = normalizeWithOffsets('“瞪羚”企业');
    expect(n.text).toBe('瞪羚企业');
    const at = n.text.indexOf('企业');
    expect('“瞪羚”企业'.slice(n.start[at], n.end[at + 1])).toBe('企业');
    expect('“瞪羚”企业'.slice(n.start[0], n.end[3])).toBe('瞪羚”企业');
  });
});

describe('expandTerm', () => {
  test('an abbreviation finds the full form and the other way round', () => {
    expect(expandTerm('高企', groups).map((v) => v.text)).toEqual(['高企', '高新技术企业']);
    expect(expandTerm('高新技术企业', groups).map((v) => v.text)).toEqual(['高新技术企业', '高企']);
  });

  test('forms are replaced inside longer terms, with readable labels', () => {
    const vs = expandTerm('R&D经费', groups);
    expect(vs.map((v) => v.text)).toEqual(['r&d经费', '研发经费']);
    expect(vs[1]!.label).toBe('研发经费');
    expect(vs[0]!.original).toBe(true);
    expect(vs[1]!.original).toBe(false);
  });

  test('narrower terms are found by the group, not the other way round', () => {
    expect(expandTerm('孵化载体', groups).map((v) => v.text)).toEqual(['孵化载体', '双创载体', '孵化器']);
    expect(expandTerm('孵化器', groups).map((v) => v.text)).toEqual(['孵化器']);
  });

  test('a term containing a notIn word is not expanded by that group', () => {
    expect(expandTerm('河北大学', groups).map((v) => v.text)).toEqual(['河北大学']);
  });

  test('variants carry the exclusions of their forms', () => {
    const [v] = expandTerm('高企', groups);
    expect(v!.exclusions).toEqual([{ offset: -1, word: '提高企业' }]);
  });

  test('a term typed in traditional characters: its simplified form next, marked as such, then the synonyms of either', () => {
    const simplify = simplifier({ traditional: '術業發', simplified: '术业发' });
    const vs = expandTerm('高新技術企業', groups, undefined, simplify);
    expect(vs.map((v) => [v.text, v.label, v.original, v.simplified ?? false])).toEqual([
      ['高新技術企業', '高新技術企業', true, false],
      ['高新技术企业', '高新技术企业', false, true],
      ['高企', '高企', false, false],
    ]);
    // A term without traditional characters gets nothing more.
    expect(expandTerm('研发', groups, undefined, simplify).map((v) => v.text)).toEqual(['研发', 'r&d']);
  });

  test('is bounded', () => {
    expect(expandTerm('高企研发', groups).map((v) => v.text)).toEqual(['高企研发', '高新技术企业研发', '高企r&d', '高新技术企业r&d']);
    expect(expandTerm('高企研发', groups, 3)).toHaveLength(3);
    expect(expandTerm('“”', groups)).toEqual([]);
  });
});

describe('queryTerms', () => {
  test('splits at white space, including the ideographic space, and drops empty terms', () => {
    expect(queryTerms(' 科技金融　京津冀  “” ')).toEqual(['科技金融', '京津冀']);
  });
});

describe('findAll', () => {
  test('numbers match whole numbers only', () => {
    const text = normalize('总量突破530家，另有1530家；达到3.2%以上，13.2%，3.25');
    expect(findAll(text, literal('530家'))).toHaveLength(1);
    expect(findAll(text, literal('3.2%'))).toHaveLength(1);
    expect(findAll(text, literal('3.2'))).toHaveLength(1);
    expect(findAll(text, literal('2%'))).toHaveLength(0);
  });

  test('Latin words match whole words only', () => {
    expect(findAll(normalize('AI 与 PAIR'), literal('AI'))).toHaveLength(1);
    expect(findAll(normalize('R&D支出'), literal('r&d'))).toHaveLength(1);
  });

  test('a match inside a notIn word is rejected', () => {
    const [v] = expandTerm('高企', groups);
    const text = normalize('国家高企达7家；提高企业科技管理水平');
    expect(findAll(text, v!)).toEqual([[2, 4]]);
  });

  test('matches do not overlap', () => {
    expect(findAll('创新创新创新', literal('创新创新'))).toEqual([[0, 4]]);
    expect(findAll('创新创新', literal('创新'))).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});
