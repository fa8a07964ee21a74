import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../../scripts/registries.ts';
import { buildPlanDocument } from '../../../scripts/pipeline/document.ts';
import { simplify } from '../../../scripts/pipeline/lexicon/fold.ts';
import type { PlanSummary } from '../data.ts';
import { metaRows } from '../plan-view.ts';
import { searchRecord } from './records.ts';

const reg = loadRegistries('seeds', 'content');
/** The list values of 北辰's plan, as its seed and the catalog give them (lib/data.ts is Astro-only). */
const BEICHEN: PlanSummary = {
  slug: 'beichen-2020-2022',
  title: '北辰区科技创新三年行动计划（2020—2022年）',
  regionId: '120113',
  regionName: '天津市北辰区',
  periodText: '2020—2022年',
  whenText: '2020—2022年',
  kind: 'action-plan',
  kindLabel: '三年行动计划',
  docNumber: '北辰政发〔2021〕5号',
  period: { start: 2020, end: 2022 },
};
const record = (path: string) => {
  const doc = buildPlanDocument({ name: path.split('/').pop()!, path, bytes: readFileSync(path) }, reg);
  return { doc, record: searchRecord(doc, BEICHEN, metaRows(doc, reg.kinds), '（标题上方一行）', simplify) };
};

describe('searchRecord(doc …): what the search page reads of a plan', () => {
  // Expectations read from the seed texts (line numbers of seeds/000_df8e3af4caff0a08.txt, 002_3b22102abfde4f0c.txt).
  const { doc, record: beichen } = record('seeds/000_df8e3af4caff0a08.txt');

  test('the title lines come first, then every block of the text in order, then the metadata card', () => {
    expect(beichen.blocks.slice(0, 2).map((b) => [b.id, b.kind])).toEqual([
      [null, 'title'],
      ['top', 'title'],
    ]);
    expect(beichen.blocks[0]!.text).toBe('（标题上方一行）');
    // Read by Pagefind's page id on a large site, the record says which plan it is (the catalog's slug for the seed).
    expect(beichen.slug).toBe('beichen-2020-2022');
    expect(beichen.blocks.slice(2, -1).map((b) => b.id)).toEqual(doc.blocks.map((b) => b.id));
    expect(beichen.blocks.at(-1)).toMatchObject({ id: 'meta-card', kind: 'meta' });
    expect(beichen.blocks.at(-1)!.text).toContain('发文字号 北辰政发〔2021〕5号');
    expect(beichen.meta).toEqual({ region: '天津市北辰区', period: '2020—2022年', docNumber: '北辰政发〔2021〕5号', kind: '三年行动计划' });
    // The level is the region's, from the text (天津市 › 北辰区); the period without its outlook year.
    expect(beichen.filters).toEqual({ region: ['天津市北辰区'], level: ['市辖区'], kind: ['三年行动计划'], period: ['2020—2022年'] });
  });

  test('a paragraph knows the heading it sits under; a heading sits under itself', () => {
    const at = (id: string) => beichen.blocks.findIndex((b) => b.id === id);
    const paragraph = beichen.blocks[at('p1-2-2')]!;
    // Line 39 under line 35, “(二)工作目标”.
    expect(paragraph).toMatchObject({ kind: 'paragraph', under: at('s1-2') });
    expect(paragraph.text).toContain('全区高新技术企业总量突破530家');
    expect(beichen.blocks[at('s1-2')]).toMatchObject({ kind: 'heading', under: at('s1-2'), text: '(二)工作目标' });
    expect(beichen.blocks.some((b) => 'match' in b), 'a text in simplified characters has no second form').toBe(false);
  });

  test('a table reads as its caption and cells', () => {
    const table = record('seeds/002_3b22102abfde4f0c.txt').record.blocks.find((b) => b.id === 't1')!;
    expect(table.kind).toBe('table');
    expect(table.text.startsWith('红桥区科技创新三年行动方案（2020-2022年）重点任务工作目标年度分解表 ｜ 序号 ｜ 工作目标 ｜ 2020年')).toBe(true);
    expect(table.text).toContain('全社会研发投入强度（%） ｜ 2 ｜ 2.1以上 ｜ 2.2以上');
  });

  test('a text in traditional characters keeps its script, loses the converter’s pinyin, and gets its simplified form to match', () => {
    // Hand-written, in the shape of a big5 portal text whose converter left pinyin behind (`建設(shè)`).
    const text = '某市加快科技強省建設(shè)行動方案\n一、總體要求\n加快科技強省建設(shè)，推動高質量發(fā)展。\n';
    const doc = buildPlanDocument({ name: 'traditional.txt', path: 'traditional.txt', bytes: Buffer.from(text) }, reg);
    const block = searchRecord(doc, BEICHEN, metaRows(doc, reg.kinds), '（标题上方一行）', simplify).blocks.find((b) => b.text.includes('推動高質量'))!;
    // The converter's pinyin is gone from the text (scripts/pipeline/residue.ts), listed among the repairs.
    expect(block.text).toContain('加快科技強省建設，');
    expect(block.match).toContain('加快科技强省建设');
    expect(block.match).not.toContain('(shè)');
  });
  test('a block in a box (专栏) sits under the box’s caption, the caption under its section', () => {
    const doc = buildPlanDocument({ name: 'b.txt', path: 'b.txt', bytes: Buffer.from('某市科技创新“十四五”规划\n一、主要任务\n专栏1 重点工程\n1.实验室工程。\n2.中心工程。\n二、保障措施\n甲。') }, reg);
    const blocks = searchRecord(doc, BEICHEN, metaRows(doc, reg.kinds), '', simplify).blocks;
    const underOf = (id: string) => blocks[blocks.find((b) => b.id === id)!.under]?.id;
    expect(['box1', 'p1-1', 'p1-2', 'p2-1'].map(underOf)).toEqual(['s1', 'box1', 'box1', 's2']);
  });
});
