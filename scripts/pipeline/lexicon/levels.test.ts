import { describe, expect, test } from 'vitest';
import { isLevelListMark, levelAt, levelOfList, levelOnly, levelRank, levelsIn } from './levels.ts';

describe('levels', () => {
  test('at the start of a phrase, just before it or in brackets after it, written one way', () => {
    expect(levelAt('国家科技企业孵化器', 0, 9)).toBe('国家级');
    const text = '新建市级及以上创新平台10个';
    expect(levelAt(text, text.indexOf('创新平台'), text.indexOf('10'))).toBe('市级以上');
    expect(levelAt('全市科技企业孵化器', 2, 9)).toBeUndefined();
    // In brackets just after it: one level, not a list of levels.
    expect(levelAt('科技企业孵化器（国家级）3家', 0, 7)).toBe('国家级');
    expect(levelAt('众创空间(省级及以上)', 0, 4)).toBe('省级以上');
    expect(levelAt('科技企业孵化器（含国家级、省级）', 0, 7)).toBeUndefined();
    // Levels listed together, before the thing or in brackets after it: one scope.
    const listed = '国家级、省级科技企业孵化器';
    expect(levelAt(listed, listed.indexOf('科技'), listed.length)).toBe('省级以上');
    expect(levelAt('众创空间（国家级、省级）', 0, 4)).toBe('省级以上');
  });
  test('levels counted together: from 国家级 down without a gap as the lowest and above, others listed', () => {
    expect(levelOfList(['国家级'])).toBe('国家级');
    expect(levelOfList(['省级', '国家级'])).toBe('省级以上');
    expect(levelOfList(['国家级', '省级', '市级', '县级'])).toBe('县级以上');
    expect(levelOfList(['国家级', '市级'])).toBe('国家级、市级');
    expect(levelOfList(['省级', '市级'])).toBe('省级、市级');
    expect(levelOfList([])).toBeUndefined();
  });
  test('a 、 between levels lists the levels of one thing; one between things does not', () => {
    const text = '国家级、省级孵化器，孵化器2家、省级5家';
    expect(isLevelListMark(text, text.indexOf('、'))).toBe(true);
    expect(isLevelListMark(text, text.lastIndexOf('、'))).toBe(false);
  });
  test('each level a text names, once, in order; none in a region-wide word', () => {
    expect(levelsIn('对新认定的国家级、省级、市级科技企业孵化器')).toEqual(['国家级', '省级', '市级']);
    expect(levelsIn('获批国家级重点实验室或国家级工程技术研究中心')).toEqual(['国家级']);
    expect(levelsIn('全区、本市的高新技术企业')).toEqual([]);
  });
  test('a text that is only a level', () => {
    expect([levelOnly('国家级'), levelOnly(' 省级及以上'), levelOnly('国家级科技企业孵化器'), levelOnly('')]).toEqual(['国家级', '省级以上', undefined, undefined]);
  });
  test('rank: highest first, a level and above as the level, none last', () => {
    expect(['市级', undefined, '国家级', '省级以上'].sort((a, b) => levelRank(a) - levelRank(b))).toEqual(['国家级', '省级以上', '市级', undefined]);
  });
});
