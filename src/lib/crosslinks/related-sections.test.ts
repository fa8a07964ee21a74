/** Sections of other plans on the same theme (related-sections.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import { relatedSections, themeSections } from './related-sections.ts';
import { heading, plan, theme } from './test-fixtures.ts';

describe('relatedSections(plans, themes, limit) and themeSections(plans, themeId)', () => {
  const themes = [theme('talent', '人才'), theme('finance', '金融')];
  // Sections (heading blocks) and their themes, best first:
  //   a: s1 [talent], s2 [finance, talent]       b: s1 [finance, talent], s2-1 [talent] (under s2, which has none)
  //   c: s1 [talent]                              d: s1 [] (themed by nothing)
  const a = plan('a', '甲', { blocks: [heading('s1', 1, '一、', '人才'), heading('s2', 1, '二、', '金融')], sectionThemes: [{ sectionId: 's1', themeIds: ['talent'] }, { sectionId: 's2', themeIds: ['finance', 'talent'] }] });
  const b = plan('b', '乙', {
    blocks: [heading('s1', 1, '一、', '融资'), heading('s2', 1, '二、', '引才'), heading('s2-1', 2, '（一）', '育才')],
    sectionThemes: [{ sectionId: 's1', themeIds: ['finance', 'talent'] }, { sectionId: 's2-1', themeIds: ['talent'] }],
  });
  const c = plan('c', '丙', { blocks: [heading('s1', 1, '一、', '队伍')], sectionThemes: [{ sectionId: 's1', themeIds: ['talent'] }] });
  const d = plan('d', '丁', { blocks: [heading('s1', 1, '一、', '其他')], sectionThemes: [{ sectionId: 's1', themeIds: [] }] });
  const plans = [a, b, c, d];

  test('a section gets one section per other plan on its first theme, those with the theme first before the others', () => {
    const related = relatedSections(plans, themes);
    // a#s1 (talent): b's best talent section is s2-1 (talent first), not s1 (talent second); c's is s1.
    expect(related.get('a#s1')).toEqual([
      { slug: 'b', planTitle: '乙', sectionId: 's2-1', title: '（一）育才', themeId: 'talent', themeName: '人才' },
      { slug: 'c', planTitle: '丙', sectionId: 's1', title: '一、队伍', themeId: 'talent', themeName: '人才' },
    ]);
    // a#s2 (finance): only b has a finance section.
    expect(related.get('a#s2')!.map((r) => `${r.slug}#${r.sectionId}`)).toEqual(['b#s1']);
    // c#s1 (talent): a's s1 and b's s2-1, never c's own.
    expect(related.get('c#s1')!.map((r) => `${r.slug}#${r.sectionId}`)).toEqual(['a#s1', 'b#s2-1']);
    // A section with no theme has no entry.
    expect(related.has('d#s1')).toBe(false);
  });

  test('at most `limit` plans', () => {
    expect(relatedSections(plans, themes, 1).get('c#s1')!.map((r) => r.slug)).toEqual(['a']);
  });

  test('each call answers for the list it is given: nothing is kept between calls', () => {
    const first = relatedSections(plans, themes);
    // A fresh map each time, equal for equal arguments: a caller that changes its map changes nobody else's.
    expect(relatedSections(plans, themes)).not.toBe(first);
    expect(relatedSections(plans, themes)).toEqual(first);
    expect(relatedSections([a, b], themes).get('a#s1')!.map((r) => r.slug)).toEqual(['b']);
    // The same array, grown after a call, is read anew (a cache keyed by the array would answer for the old list).
    const list = [a, b];
    relatedSections(list, themes);
    list.push(c);
    expect(relatedSections(list, themes).get('a#s1')!.map((r) => r.slug)).toEqual(['b', 'c']);
  });

  test('themeSections lists every section that has the theme at all, in plan order', () => {
    expect(themeSections(plans, 'talent').map((s) => `${s.slug}#${s.sectionId} ${s.title}`)).toEqual(['a#s1 一、人才', 'a#s2 二、金融', 'b#s1 一、融资', 'b#s2-1 （一）育才', 'c#s1 一、队伍']);
    expect(themeSections(plans, 'finance').map((s) => `${s.slug}#${s.sectionId}`)).toEqual(['a#s2', 'b#s1']);
    expect(themeSections(plans, 'nothing')).toEqual([]);
  });
});
