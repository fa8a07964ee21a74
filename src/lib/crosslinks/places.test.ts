/**
 * Places in a plan (places.ts): the section title of every block, excerpts, and the prepared places of a plan that
 * the department, document and glossary views build on. Inputs: test-fixtures.ts.
 */
import { describe, expect, test } from 'vitest';
import { excerpt, planPlaces, sectionTitles } from './places.ts';
import { cell, heading, para, plan, realSeeds, sectionedPlan } from './test-fixtures.ts';

const { run, plans: real, bySlug } = realSeeds();

test('the real seeds are all read (the inputs of the crosslinks tests)', () => {
  expect(run.errors).toEqual([]);
  expect(real.map((p) => p.slug)).toEqual(['beichen-2020-2022', 'tianjin-2014-work-conference', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year']);
});

describe('sectionTitles(doc): the heading trail above every block', () => {
  const doc = sectionedPlan;
  const titles = sectionTitles(doc);

  test('the covering notice is 印发通知, and the text before the first heading is under the plan title', () => {
    expect(titles.get('notice-title')).toBe('印发通知');
    expect(titles.get('pn-1')).toBe('印发通知');
    expect(titles.get('title')).toBe('某区科技创新方案');
    expect(titles.get('p0-1')).toBe('某区科技创新方案');
  });

  test('a block is under every heading above it, each written with its number', () => {
    expect(titles.get('s1')).toBe('一、总体要求');
    expect(titles.get('p1-1-1')).toBe('一、总体要求 › （一）指导思想');
    expect(titles.get('p2-1-1-1')).toBe('二、重点任务 › （一）增强能力 › 1.提高能力');
  });

  test('a heading closes the headings of its level and below: a new 一、 drops the old （一）, a new （二） drops 1.', () => {
    expect(titles.get('s2')).toBe('二、重点任务');
    expect(titles.get('p2-2-1')).toBe('二、重点任务 › （二）提升效能');
  });

  test('every block has a trail', () => {
    expect([...titles.keys()]).toEqual(doc.blocks.map((b) => b.id));
  });

  test('real seed: a task of the Beichen plan (000, line 45) is under 二、 › (一) › 1. as the text numbers them', () => {
    const t = sectionTitles(bySlug('beichen-2020-2022'));
    // Lines 41, 43, 45 of seeds/000: 二、重点任务 / (一)增强科技创新策源能力 / 1.提高科技创新能力。…
    expect(t.get('p2-1-1-1')).toBe('二、重点任务 › (一)增强科技创新策源能力 › 1.提高科技创新能力');
  });
});

describe('excerpt(text, start, end, width)', () => {
  test('a short text is given whole, without ellipses', () => {
    expect(excerpt('提升科技创新能力', 2, 4)).toBe('提升科技创新能力');
  });
  test('a long text is cut to the width around the span, with … where it was cut', () => {
    // Width 4 around "ef" (offsets 4–6): one character either side.
    expect(excerpt('abcdefghij', 4, 6, 4)).toBe('…defg…');
    // At the start: nothing cut before.
    expect(excerpt('abcdefghij', 0, 0, 4)).toBe('ab…');
    // At the end: nothing cut after.
    expect(excerpt('abcdefghij', 10, 10, 4)).toBe('…ij');
  });
});

describe('planPlaces(doc): the text and the place of a block', () => {
  const doc = plan('p', '某方案', {
    blocks: [
      heading('s1', 1, '一、', '目标'),
      para('p1-1', '到2025年，高新技术企业达到100家，科技型中小企业达到800家，技术合同成交额达到10亿元，全社会研发投入强度达到3%。'),
      { kind: 'table', id: 't1', lines: [1], part: 'body', caption: { text: '表1 主要指标', marks: [] }, captionLine: 1, head: [[cell('指标'), cell('目标')]], rows: [[cell('高企数量'), cell('100')]], rowHeader: null, notes: [], notesEn: [] },
    ],
  });
  const places = planPlaces(doc);

  test('a table’s text is its caption and body cells (not the header row), space-separated; an unknown block has none', () => {
    expect(places.text('t1')).toBe('表1 主要指标 高企数量 100');
    expect(places.text('p9')).toBe('');
  });

  test('a place names the plan, the block and its section; its excerpt is the block text around the span', () => {
    expect(places.at('t1')).toEqual({ slug: 'p', planTitle: '某方案', blockId: 't1', sectionTitle: '一、目标', excerpt: '表1 主要指标 高企数量 100' });
    // 62 characters; 高新技术企业 is at 7–13: 27 characters either side, clipped at the start, so the first 40.
    expect(places.at('p1-1', 7, 13).excerpt).toBe('到2025年，高新技术企业达到100家，科技型中小企业达到800家，技术合同成交…');
    expect(places.at('p9')).toMatchObject({ blockId: 'p9', sectionTitle: '', excerpt: '' });
  });
});
