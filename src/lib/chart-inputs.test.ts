import { describe, expect, test } from 'vitest';
import { planLabel, timelinePlans } from './chart-inputs.ts';
import { realSeeds } from './crosslinks/test-fixtures.ts';

describe('timelinePlans(plans): where each period was read', () => {
  const { plans } = realSeeds();
  const bySlug = new Map(timelinePlans(plans).map((p) => [p.slug, p]));

  // Read by hand from the seeds: Beichen's and Hongqiao's periods stand in their titles, 宝坻's 十四五 in its title,
  // 辛集's in its text (规划期为2021—2025年，展望到2035年); the 2014 report states none, seeds/catalog.yaml gives it.
  test('the title line, a line of the text, or the catalog', () => {
    expect(Object.fromEntries([...bySlug].map(([slug, p]) => [slug, p.source?.where]))).toEqual({
      'beichen-2020-2022': 'title',
      'hongqiao-2020-2022': 'title',
      'baodi-14th-five-year': 'title',
      'xinji-14th-five-year': 'text',
      'tianjin-2014-work-conference': 'catalog',
    });
  });

  test('a line read from carries its number and words; the catalog neither', () => {
    expect(bySlug.get('tianjin-2014-work-conference')!.source).toEqual({ quote: null, line: null, where: 'catalog' });
    const xinji = bySlug.get('xinji-14th-five-year')!.source!;
    expect(xinji.line).toBeGreaterThan(1);
    expect(xinji.quote).toContain('2035');
  });
});

describe('planLabel(doc): a chart names a plan by its title without the bracketed period', () => {
  const { bySlug } = realSeeds();
  test('a title loses its bracketed period', () => {
    expect(planLabel(bySlug('hongqiao-2020-2022'))).toBe('红桥区科技创新三年行动工作方案');
    expect(planLabel(bySlug('baodi-14th-five-year'))).toBe('宝坻区科技创新“十四五”发展规划');
  });
  test('a text with no title keeps what identifies it (a bar once read 未识别标题 alone)', () => {
    const hongqiao = bySlug('hongqiao-2020-2022');
    const untitled = { ...hongqiao, meta: { ...hongqiao.meta, title: null } };
    expect(planLabel(untitled)).toBe('未识别标题（天津市红桥区，2020年）');
  });
});
