import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Block, PlanDocument } from '../../src/schemas/plan.ts';
import type { Theme } from '../../src/schemas/themes.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { MAX_THEMES, assignThemes, parseThemes, scoreSection, selectThemes, themeSections } from './themes.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const heading = (id: string, level: number, title: string): Block => ({ kind: 'heading', id, lines: [1], part: 'body', level, ordinal: 1, number: '', title, text: title, marks: [] });
const para = (id: string, text: string): Block => ({ kind: 'paragraph', id, lines: [1], part: 'body', role: 'body', text, marks: [] });

const theme = (id: string, keywords: string[]): Theme => ({ id, name: id, nameEn: id, keywords });
const THEMES: Theme[] = [
  theme('talent', ['人才', '引才']),
  theme('finance', ['金融', '融资', '担保']),
  theme('platforms', ['科技园', '孵化器', '众创空间']),
  theme('agriculture', ['农业', '农业科技园区']),
  theme('governance', ['组织领导', '政策保障']),
];

describe('scoreSection(title, body, themes)', () => {
  test('counts title and body hits separately, title hits ranking first', () => {
    expect(scoreSection('加大创新人才引育力度', ['建设孵化器、众创空间，引进人才。'], THEMES)).toEqual([
      { themeId: 'talent', title: 1, body: 1 },
      { themeId: 'platforms', title: 0, body: 2 },
    ]);
  });
  test('counts a phrase for one theme only, the longest keyword winning', () => {
    expect(scoreSection('', ['国家农业科技园区建设'], THEMES)).toEqual([{ themeId: 'agriculture', title: 0, body: 1 }]);
  });
});

describe('selectThemes(hits)', () => {
  test('keeps a theme named in the title even with few body hits, and ranks it first', () => {
    expect(selectThemes([{ themeId: 'governance', title: 1, body: 0 }, { themeId: 'finance', title: 0, body: 14 }])).toEqual(['governance', 'finance']);
  });
  test('drops a body-only theme with fewer than three hits', () => {
    expect(selectThemes([{ themeId: 'finance', title: 0, body: 14 }, { themeId: 'talent', title: 0, body: 2 }])).toEqual(['finance']);
  });
  test('drops a body-only theme under 30% of the section’s largest body count', () => {
    expect(selectThemes([{ themeId: 'talent', title: 0, body: 69 }, { themeId: 'platforms', title: 0, body: 20 }, { themeId: 'finance', title: 0, body: 5 }])).toEqual(['talent']);
  });
  test(`keeps at most ${MAX_THEMES} themes`, () => {
    const hits = ['a', 'b', 'c', 'd', 'e'].map((themeId) => ({ themeId, title: 0, body: 10 }));
    expect(selectThemes(hits)).toEqual(['a', 'b', 'c', 'd']);
  });
  test('gives no theme to a section without clear hits', () => {
    expect(selectThemes([{ themeId: 'talent', title: 0, body: 1 }])).toEqual([]);
  });
});

describe('themeSections(blocks)', () => {
  test('a level-1 section holds its level-2 sections; a level-2 section ends at the next level-2 heading', () => {
    const blocks = [heading('s1', 1, '一'), heading('s1-1', 2, '（一）'), para('p1', ''), heading('s1-1-1', 3, '1.'), para('p2', ''), heading('s1-2', 2, '（二）'), para('p3', ''), heading('s2', 1, '二')];
    expect(themeSections(blocks).map(({ heading, body }) => [heading.id, body.map((b) => b.id)])).toEqual([
      ['s1', ['s1-1', 'p1', 's1-1-1', 'p2', 's1-2', 'p3']],
      ['s1-1', ['p1', 's1-1-1', 'p2']],
      ['s1-2', ['p3']],
      ['s2', []],
    ]);
  });
});

describe('assignThemes(blocks, themes)', () => {
  test('gives every level-1 and level-2 section an entry, best theme first, empty when none is clear', () => {
    const blocks = [
      heading('s1', 1, '总体要求'),
      heading('s1-1', 2, '指导思想'),
      para('p1', '坚持以习近平新时代中国特色社会主义思想为指导。'),
      heading('s3', 1, '保障措施'),
      heading('s3-3', 2, '强化金融支撑'),
      para('p2', '鼓励银行、保险、担保等金融机构，开发知识产权质押、投贷联动等金融产品，解决企业融资难的问题。'),
    ];
    expect(assignThemes(blocks, THEMES)).toEqual([
      { sectionId: 's1', themeIds: [] },
      { sectionId: 's1-1', themeIds: [] },
      { sectionId: 's3', themeIds: ['finance'] },
      { sectionId: 's3-3', themeIds: ['finance'] },
    ]);
  });
  test('ignores level-3 headings as sections', () => {
    expect(assignThemes([heading('s2-5-1', 3, '加快科技创新人才聚集')], THEMES)).toEqual([]);
  });
});

describe('parseThemes(yamlText, file)', () => {
  test('rejects a keyword in two themes, naming the line', () => {
    const yaml = ['- { id: a, name: 人才, nameEn: Talent, keywords: [人才] }', '- { id: b, name: 创新平台, nameEn: Platforms, keywords: [平台, 人才] }'].join('\n');
    expect(() => parseThemes(yaml, 'themes.yaml')).toThrow(/themes\.yaml:2 › 1\.keywords\.1: 人才 is already a keyword of a/u);
  });
  test('rejects a theme without keywords', () => {
    expect(() => parseThemes('- { id: a, name: 人才, nameEn: Talent, keywords: [] }', 't.yaml')).toThrow(/0\.keywords/u);
  });
});

describe('assignThemes on the real seeds', () => {
  const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
  const themes = parseThemes(readFileSync(join(ROOT, 'content', 'themes.yaml'), 'utf8'), 'content/themes.yaml');
  const docs: PlanDocument[] = Object.keys(reg.catalog).map((name) =>
    buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(join(ROOT, 'seeds', name)) }, reg),
  );
  const themesOf = (slug: string) => new Map(assignThemes(docs.find((d) => d.slug === slug)!.blocks, themes).map((s) => [s.sectionId, s.themeIds]));

  test('every level-1 and level-2 heading gets an entry, with registered theme ids only', () => {
    const ids = new Set(themes.map((t) => t.id));
    expect(docs).toHaveLength(5);
    for (const doc of docs) {
      const assigned = assignThemes(doc.blocks, themes);
      expect(assigned.length, doc.slug).toBeGreaterThan(0);
      expect(assigned.map((s) => s.sectionId)).toEqual(doc.blocks.filter((b) => b.kind === 'heading' && b.level <= 2).map((b) => b.id));
      for (const s of assigned) for (const id of s.themeIds) expect(ids.has(id)).toBe(true);
    }
  });
  test('sections whose titles name their subject get that theme first', () => {
    expect(themesOf('beichen-2020-2022').get('s2-5')![0]).toBe('talent'); // 加大创新人才引育力度
    expect(themesOf('beichen-2020-2022').get('s3-3')![0]).toBe('finance'); // 强化金融支撑
    expect(themesOf('hongqiao-2020-2022').get('s2-1')![0]).toBe('enterprises'); // 强化企业创新主体地位
    expect(themesOf('baodi-14th-five-year').get('s5-4')![0]).toBe('governance'); // 加强监督评估
    expect(themesOf('xinji-14th-five-year').get('s3-4')![0]).toBe('agriculture'); // 科技助力现代农业与乡村振兴
    expect(themesOf('xinji-14th-five-year').get('s4-2')![0]).toBe('tech-transfer'); // 健全科技成果转移转化体系
  });
  test('a section about several subjects gets several themes', () => {
    expect(themesOf('xinji-14th-five-year').get('s2-1')).toEqual(['investment', 'finance']); // 完善多元化投入机制
    expect(themesOf('beichen-2020-2022').get('s2-1')).toEqual(['research', 'industry', 'platforms']); // 增强科技创新策源能力
  });
});
