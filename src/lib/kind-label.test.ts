import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { kindLabel } from './kind-label.ts';

const { kinds } = loadRegistries('seeds', 'content');

describe('kindLabel(kinds, kind, title, locale)', () => {
  test('a page about a document is labelled by its form, in both editions', () => {
    expect(kindLabel(kinds, 'other', '《某区推动科技创新三年行动计划》政策解读', 'zh')).toBe('政策解读');
    expect(kindLabel(kinds, 'other', '《某区推动科技创新三年行动计划》政策解读', 'en')).toBe('Policy interpretation');
    // Traditional characters and a trailing note in brackets, as portals print them.
    expect(kindLabel(kinds, 'other', '《科技創新若干措施》解讀', 'zh')).toBe('政策解读');
    expect(kindLabel(kinds, 'other', '《科技创新若干措施》解读（图文）', 'zh')).toBe('政策解读');
    expect(kindLabel(kinds, 'other', '市科技局负责人就《若干措施》答记者问', 'zh')).toBe('问答');
    expect(kindLabel(kinds, 'other', '一图读懂《科技创新行动方案》', 'en')).toBe('Illustrated explainer');
  });

  test('no form named: the kind’s own label; an unknown kind: its id', () => {
    expect(kindLabel(kinds, 'other', '关于公布2023年度科技项目的通知', 'zh')).toBe('其他');
    expect(kindLabel(kinds, 'other', null, 'en')).toBe('Other');
    expect(kindLabel(kinds, 'five-year-plan', '某市“十四五”科技创新规划', 'zh')).toBe('五年规划');
    // A form belongs to its kind: a plan is not relabelled by words that name another kind's form.
    expect(kindLabel(kinds, 'five-year-plan', '某市“十四五”科技创新规划解读', 'zh')).toBe('五年规划');
    expect(kindLabel([], 'measures', '若干措施', 'zh')).toBe('measures');
  });
});
