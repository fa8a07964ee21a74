import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyCorrections } from './corrections.ts';
import { splitLines } from './lines.ts';
import { parseChineseNumeral, toChineseNumeral } from './lexicon/numerals.ts';
import { parseStructure, type DraftBlock } from './structure/index.ts';

const parse = (text: string, catalogTitle?: string) => parseStructure(applyCorrections(splitLines(text), [], 'x.txt'), { file: 'seeds/x.txt', catalogTitle });
const headings = (blocks: DraftBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => `${b.id} ${b.kind === 'heading' ? b.level : ''} ${b.piece.text}`);
const ids = (blocks: DraftBlock[]) => blocks.map((b) => b.id);
/** The first table of `blocks` and its cells' texts, header rows first. */
const firstTable = (blocks: DraftBlock[]) => {
  const t = blocks.find((b) => b.kind === 'table');
  return t?.kind === 'table' ? { ...t, cells: [...t.table.head, ...t.table.rows].map((r) => r.map((c) => c.text)) } : null;
};

describe('parseChineseNumeral(s) / toChineseNumeral(n)', () => {
  test('read and write 一 … 九十九', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三'].map(parseChineseNumeral)).toEqual([1, 9, 10, 11, 20, 23]);
    expect([1, 9, 10, 11, 20, 23].map(toChineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });
});

describe('parseStructure(lines, opts)', () => {
  // The outline a text gives: each heading as `<anchor> <level> <text>`.
  test.each([
    {
      rule: 'nests 一、 › （一） › 1. › （1）, full- and half-width, 1． and 1、',
      text: '某区科技规划\n一、总体要求\n（一）指导思想\n1．坚持创新\n(1)第一点\n(2)第二点\n2、坚持开放\n(二)目标\n二、重点任务',
      outline: [
        's1 1 一、总体要求',
        's1-1 2 （一）指导思想',
        's1-1-1 3 1．坚持创新',
        's1-1-1-1 4 (1)第一点',
        's1-1-1-2 4 (2)第二点',
        's1-1-2 3 2、坚持开放',
        's1-2 2 (二)目标',
        's2 1 二、重点任务',
      ],
    },
    {
      rule: 'marks a skipped level with 0 and keeps anchors unique',
      text: '某区科技规划\n一、总体要求\n1.直接三级\n1.重复编号',
      outline: ['s1 1 一、总体要求', 's1-0-1 3 1.直接三级', 's1-0-1-2 3 1.重复编号'],
    },
    {
      rule: 'reads 1.2035年 as heading 1 when 1 is the number expected there, not as a decimal',
      text: '某市规划\n（三）主要目标。\n1.2035年远景目标。展望2035年。\n2.十四五时期的主要目标。',
      outline: ['s0-3 2 （三）主要目标。', 's0-3-1 3 1.2035年远景目标。', 's0-3-2 3 2.十四五时期的主要目标。'],
    },
    {
      rule: 'a title with a comma is a heading (聚焦…，助力…: 22 characters, the longest the texts give)',
      text: '某市规划\n一、聚焦创新发展动力源，助力创新型城市建设新征程\n（一）强化创新顶层设计，科技创新迈上新水平。“十三五”期间成效显著。',
      outline: ['s1 1 一、聚焦创新发展动力源，助力创新型城市建设新征程', 's1-1 2 （一）强化创新顶层设计，科技创新迈上新水平。'],
    },
    {
      rule: 'a measure’s numbered provision is a paragraph of its section, not a heading: a long sentence, or one that grants money',
      text: '某区若干政策\n一、培育创新型企业\n（一）对首次认定的国家高新技术企业，给予30万元一次性奖励；对重新认定的给予10万元奖励。\n（二）对新认定的省级工程技术研究中心给予30万元奖励。\n二、附则\n（三）本政策自2024年5月1日起施行，有效期至2026年12月31日。',
      outline: ['s1 1 一、培育创新型企业', 's2 1 二、附则'],
    },
    {
      rule: 'a short closing provision below the first level is a paragraph too; a short title with 。 stays a heading',
      text: '某区若干政策\n一、保障措施\n（一）加强组织领导。\n各部门要加强协同。\n二、附则\n（二）本政策由区科技局负责解释。\n（三）本办法自印发之日起施行。\n（四）本措施有效期三年。',
      outline: ['s1 1 一、保障措施', 's1-1 2 （一）加强组织领导。', 's2 1 二、附则'],
    },
  ])('$rule', ({ text, outline }) => {
    expect(headings(parse(text).blocks)).toEqual(outline);
  });

  test('a provision keeps its number in its paragraph’s text, in its section', () => {
    const { blocks } = parse('某区若干政策\n一、培育创新型企业\n（一）对新入库的科技型中小企业，给予每家1万元奖励。\n（二）对新认定的省级工程技术研究中心给予30万元奖励。');
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.id.startsWith('p1-')).map((b) => [b.id, b.kind === 'paragraph' ? b.piece.text : ''])).toEqual([
      ['p1-1', '（一）对新入库的科技型中小企业，给予每家1万元奖励。'],
      ['p1-2', '（二）对新认定的省级工程技术研究中心给予30万元奖励。'],
    ]);
  });

  test('reads decimal numbering (1.1, 2.3.1) under the outline’s top level, its depth its level', () => {
    const { blocks } = parse('某县规划\n一、发展基础\n1.1 取得的成效\n“十三五”期间成效显著。\n1.2面临的形势\n二、重点任务\n2.1 培育创新主体\n2.1.1 高新技术企业。实施倍增计划。\n2.1.2 科技型中小企业\n2.2 建设创新平台');
    expect(headings(blocks)).toEqual(['s1 1 一、发展基础', 's1-1 2 1.1 取得的成效', 's1-2 2 1.2面临的形势', 's2 1 二、重点任务', 's2-1 2 2.1 培育创新主体', 's2-1-1 3 2.1.1 高新技术企业。', 's2-1-2 3 2.1.2 科技型中小企业', 's2-2 2 2.2 建设创新平台']);
    expect(blocks.find((b) => b.id === 's2-1-1')).toMatchObject({ number: '2.1.1', title: '高新技术企业' });
    // Under 第一章 a decimal number is the section's level; with chapters too its first number is the chapter's.
    expect(headings(parse('某市规划\n第一章 发展基础\n1.1 取得的成效\n第二章 目标\n2.1 总体目标').blocks)).toEqual(['s1 1 第一章 发展基础', 's1-1 2 1.1 取得的成效', 's2 1 第二章 目标', 's2-1 2 2.1 总体目标']);
  });

  test('a line opening with a value is no decimal heading: a unit after it, or numbers the outline does not expect', () => {
    const { blocks } = parse('某县规划\n一、目标\n1.5倍于全省平均水平。\n2.8%的企业开展研发活动\n1.1万家企业纳入库\n3.2 较上年提高');
    expect(headings(blocks)).toEqual(['s1 1 一、目标']);
  });

  test('reads numbers with a space inside them (第 一 章, 二 、, （ 一 ）), as justified or scraped text has them', () => {
    const { blocks } = parse('某市规划\n第 一 章 总体要求\n一 、指导思想\n（ 一 ）坚持创新\n第二章　主要任务');
    expect(headings(blocks)).toEqual(['s1 1 第 一 章 总体要求', 's1-0-1 3 一 、指导思想', 's1-0-1-1 4 （ 一 ）坚持创新', 's2 1 第二章　主要任务']);
  });

  test('reads headings numbered in full-width digits (１．, （１）), keeping the number as printed', () => {
    const { blocks } = parse('某区规划\n一、任务\n（一）企业\n１．培育企业。做强。\n（１）高企。');
    expect(headings(blocks)).toEqual(['s1 1 一、任务', 's1-1 2 （一）企业', 's1-1-1 3 １．培育企业。', 's1-1-1-1 4 （１）高企。']);
    expect(blocks.find((b) => b.id === 's1-1-1')).toMatchObject({ number: '１．', title: '培育企业' });
  });

  test('splits a heading from the text that shares its line at the first 。', () => {
    const { blocks } = parse('某区科技规划\n三、保障措施\n(一)强化组织领导。坚持党对科技创新事业的全面领导。各部门要密切配合。');
    const [, , h, p] = blocks;
    expect(h).toMatchObject({ kind: 'heading', id: 's3-1', title: '强化组织领导', piece: { text: '(一)强化组织领导。' } });
    expect(p).toMatchObject({ kind: 'paragraph', id: 'p3-1-1', piece: { text: '坚持党对科技创新事业的全面领导。各部门要密切配合。' } });
  });

  test('numbers paragraphs within their section: p<section path>-<n>, p0-<n> before the first heading', () => {
    const { blocks } = parse('某区科技规划\n前言一段。\n一、总体要求\n第一段。\n第二段。\n（一）目标\n第三段。');
    expect(ids(blocks)).toEqual(['title', 'p0-1', 's1', 'p1-1', 'p1-2', 's1-1', 'p1-1-1']);
  });

  test('an article (第三条 …) is anchored by its number, art3, whatever comes before it; a paragraph citing one is not', () => {
    const before = parse('某市若干措施\n为支持创新，制定本措施。\n第一条 支持研发。\n第二条　支持平台。\n第三条支持人才。\n第三条规定的人才，另行认定。');
    expect(ids(before.blocks)).toEqual(['title', 'p0-1', 'art1', 'art2', 'art3', 'p0-5']);
    expect(before.blocks.map((b) => (b.kind === 'paragraph' ? (b.article ?? null) : null))).toEqual([null, null, 1, 2, 3, null]);
    const after = parse('某市若干措施\n为支持创新，制定本措施。\n新增的一段说明。\n第一条 支持研发。\n第二条　支持平台。\n第十二条 附则。');
    expect(ids(after.blocks)).toEqual(['title', 'p0-1', 'p0-2', 'art1', 'art2', 'art12']);
  });

  test('anchors stay the same when text elsewhere changes', () => {
    const before = parse('某区科技规划\n一、总体要求\n甲。\n二、重点任务\n（一）企业\n乙。');
    const after = parse('某区科技规划\n一、总体要求\n甲。\n新增一段。\n又一段。\n二、重点任务\n（一）企业\n乙。');
    const pick = (r: typeof before) => r.blocks.filter((b) => b.kind !== 'table' && ['（一）企业', '乙。'].includes(b.piece.text)).map((b) => b.id);
    expect(pick(after)).toEqual(pick(before));
    expect(pick(before)).toEqual(['s2-1', 'p2-1-1']);
  });

  test('recovers a level-1 heading whose number was lost (002: 重点任务) and records the repair', () => {
    const { blocks } = parse('某区方案\n一、总体要求\n（一）指导思想\n正文。\n（二）工作目标\n正文。\n重点任务\n（一）强化企业创新主体地位\n三、保障措施');
    const h = blocks.find((b) => b.id === 's2');
    expect(h).toMatchObject({ kind: 'heading', level: 1, ordinal: 2, number: '二、', piece: { text: '二、重点任务' } });
    expect(h?.kind === 'heading' && h.piece.repairs).toEqual([expect.objectContaining({ start: 0, end: 2, column: 0, original: '', replacement: '二、', source: 'heading' })]);
    expect(headings(blocks).at(-1)).toBe('s3 1 三、保障措施');
  });

  test('recovers a level-2 number that lost its closing bracket (003: (三发展目标) and records the repair', () => {
    const { blocks } = parse('某区规划\n三、指导思想与发展目标\n(一)总体思路\n(二)基本原则\n(三发展目标\n2025年，目标实现。');
    const h = blocks.find((b) => b.id === 's3-3');
    expect(h).toMatchObject({ kind: 'heading', level: 2, ordinal: 3, title: '发展目标', piece: { text: '(三)发展目标' } });
    expect(h?.kind === 'heading' && h.piece.repairs[0]).toMatchObject({ original: '(三', replacement: '(三)', column: 0 });
  });

  test('does not read a bracket that is not a number as a heading: (责任单位:…)', () => {
    const { blocks } = parse('某区规划\n一、任务\n(责任单位:区科技局)');
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph', id: 'p1-1' });
  });

  test('finds a notice title spread over lines, its parts, and the plan title after it (004)', () => {
    // The portal headline that repeats the notice title is the chrome stage's (chrome.ts); here it is gone.
    const { blocks } = parse(
      ['辛政办字〔2022〕22号', '辛集市人民政府办公室', '关于印发辛集市科技创新“十四五”规划的', '通 知', '各乡、镇人民政府:', '《规划》已经市政府同意。', '辛集市人民政府办公室', '2022年7月10日', '辛集市科技创新“十四五”规划', '一、聚焦创新'].join('\n'),
    );
    expect(blocks.slice(0, 8).map((b) => `${b.id}:${b.kind === 'paragraph' ? b.role : b.kind}`)).toEqual([
      'pn-1:docno',
      'notice-title:title',
      'pn-2:addressee',
      'pn-3:body',
      'pn-4:closing',
      'pn-5:closing',
      'title:title',
      's1:heading',
    ]);
    expect(blocks[1]!.lines).toEqual([2, 3, 4]);
  });

  test('reads a notice that puts a draft out for comment (关于公开征求《…》意见的公告) as the notice, the plan title after it', () => {
    const { blocks } = parse('某市科学技术局关于公开征求《某市科技创新三年行动方案（征求意见稿）》意见的公告\n为广泛听取意见，现予公布。\n某市科技创新三年行动方案\n一、目标\n甲。');
    expect(blocks.slice(0, 4).map((b) => `${b.id}:${b.kind === 'paragraph' ? b.role : b.kind}:${'piece' in b ? b.piece.text.slice(0, 6) : ''}`)).toEqual([
      'notice-title:title:某市科学技术',
      'pn-1:body:为广泛听取意',
      'title:title:某市科技创新',
      's1:heading:一、目标',
    ]);
  });

  test('says which part of the text each block is in: the covering notice is the front, the plan from its title on the body', () => {
    const parts = (text: string) => parse(text).blocks.map((b) => `${b.id}:${b.part}`);
    // 004's front: document number, notice title (two lines), addressee, text, signature, date; then the plan.
    expect(parts(['辛政办字〔2022〕22号', '辛集市人民政府办公室', '关于印发辛集市科技创新“十四五”规划的', '通 知', '各乡、镇人民政府:', '《规划》已经市政府同意。', '辛集市人民政府办公室', '2022年7月10日', '辛集市科技创新“十四五”规划', '一、聚焦创新', '正文。'].join('\n'))).toEqual([
      'pn-1:front',
      'notice-title:front',
      'pn-2:front',
      'pn-3:front',
      'pn-4:front',
      'pn-5:front',
      'title:body',
      's1:body',
      'p1-1:body',
    ]);
    // A repost that prints the plan's headline first: the notice's title is front where it stands; the notice's text
    // after it stays in the body, in the source's reading order.
    expect(parts('某区科技创新三年行动方案\n区政府关于印发某区科技创新三年行动方案的通知\n各街道：\n现将《某区科技创新三年行动方案》印发给你们，请认真贯彻执行。\n一、总体要求\n正文。')).toEqual([
      'title:body',
      'notice-title:front',
      'p0-1:body',
      'p0-2:body',
      's1:body',
      'p1-1:body',
    ]);
  });

  test('joins a plan title and its period line (002)', () => {
    const { blocks } = parse('红桥区科技创新三年行动工作方案\n（2020-2022年）\n一、总体要求');
    expect(blocks[0]).toMatchObject({ kind: 'title', role: 'plan', lines: [1, 2], piece: { text: '红桥区科技创新三年行动工作方案（2020-2022年）' } });
  });

  test('uses the catalog title to find the title line when given', () => {
    const { blocks } = parse('北方网:科委将实施科技支撑美丽天津建设工程\n正文。', '北方网:科委将实施科技支撑美丽天津建设工程');
    expect(blocks[0]).toMatchObject({ kind: 'title', role: 'plan', lines: [1] });
  });

  test('reads a cell-per-line table with blank lines between rows, and its caption (002 annex)', () => {
    const { blocks } = parse('某区方案\n附件\n分解表\n\t序号\n\t工作目标\n\t2020年\n\n\t1\n\t专利（件）\n\t1430\n\n\t2\n\t企业（家）\n\t84\n');
    const t = blocks.find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.caption?.text).toBe('分解表');
    expect(t?.kind === 'table' && t.table.head[0]!.map((c) => c.text)).toEqual(['序号', '工作目标', '2020年']);
    expect(t?.kind === 'table' && t.table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', '专利（件）', '1430'],
      ['2', '企业（家）', '84'],
    ]);
    expect(t?.kind === 'table' && t.table.rowHeader).toBe(1);
    expect(blocks.find((b) => b.kind === 'heading')).toMatchObject({ id: 'sa1', title: '附件' });
  });

  test('reads a 序号 table that lost its tabs and blank lines by its row numbers, here in a box; the text after it is not the table’s', () => {
    const { blocks } = parse('某市规划\n一、目标\n专栏1 主要指标\n序号\n指标\n2020年\n2025年\n1\n研发投入强度（%）\n2.1\n2.8\n2\n高新技术企业（家）\n800\n1500\n注：加快发展。');
    const t = firstTable(blocks);
    expect(t?.cells).toEqual([
      ['序号', '指标', '2020年', '2025年'],
      ['1', '研发投入强度（%）', '2.1', '2.8'],
      ['2', '高新技术企业（家）', '800', '1500'],
    ]);
    expect(t).toMatchObject({ box: 'box1', caption: null });
    expect(t?.table.notes.map((n) => n.zh)).toEqual(['原文每个单元格占一行、行间无空行，本表按表头的4列切分还原。']);
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph', piece: { text: '注：加快发展。' } });
    // A 序号 line without rows numbered at its width is text.
    expect(parse('某市规划\n序号\n指标\n第一项内容。').blocks.some((b) => b.kind === 'table')).toBe(false);
  });

  test('reads a table whose cells are separated by tabs (a Word table saved as text), an empty cell kept in its column', () => {
    // The rows as written, cells between tabs: the test reads them back joined by tabs.
    const rows = ['序号\t指标名称\t2020年\t2025年', '1\t研发投入强度（%）\t\t2.8', '2\t高新技术企业（家）\t650\t1200'];
    const t = firstTable(parse(['某市规划', '表1 主要指标', ...rows, '二、任务'].join('\n')).blocks);
    expect(t?.cells.map((r) => r.join('\t'))).toEqual(rows);
    expect(t?.cells[1]).toHaveLength(4);
    expect(t?.caption?.text).toBe('表1 主要指标');
    expect(t?.table.notes.map((n) => n.zh)).toEqual(['原文以制表符分隔各单元格，本表据此还原。']);
  });

  test('a row between tabs whose last cells are empty (the line ends in tabs) is still the table’s, its cells kept in their columns', () => {
    const rows = ['序号\t支持事项\t支持标准（万元）\t备注', '1\t首次认定的国家高新技术企业\t20\t一次性奖励', '2\t新认定的省级重点实验室\t50\t', '3\t新认定的市级重点实验室\t\t'];
    const { blocks } = parse(['某市若干措施', '表1 支持标准', ...rows, '二、任务'].join('\n'));
    expect(firstTable(blocks)?.cells.map((r) => r.join('|'))).toEqual(['序号|支持事项|支持标准（万元）|备注', '1|首次认定的国家高新技术企业|20|一次性奖励', '2|新认定的省级重点实验室|50|', '3|新认定的市级重点实验室||']);
    expect(blocks.filter((b) => b.kind === 'paragraph' && /重点实验室/u.test(b.piece.text))).toEqual([]);
  });

  test('reads rows whose columns are lined up by runs of spaces; lines with fewer columns, or two rows only, are text', () => {
    const rows = ['序号    指标名称                  2020年    2025年', '1       研发投入强度（%）         2.1       2.8', '2       高新技术企业（家）        650       1200'];
    const { blocks } = parse(['某市规划', ...rows, '二、任务'].join('\n'));
    expect(firstTable(blocks)?.cells.slice(1)).toEqual([
      ['1', '研发投入强度（%）', '2.1', '2.8'],
      ['2', '高新技术企业（家）', '650', '1200'],
    ]);
    expect(firstTable(blocks)?.table.notes.map((n) => n.zh)).toEqual(['原文以空格对齐各列，本表据此还原。']);
    expect(parse(['某市规划', rows[0], rows[1], '二、任务'].join('\n')).blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(parse(['某市规划', '某市人民政府办公室    2023年4月12日', '某市科学技术局    2023年4月12日', '某市财政局    2023年4月12日'].join('\n')).blocks.some((b) => b.kind === 'table')).toBe(false);
  });

  test('reads a table copied out of a PDF with pdftotext -layout, its Chinese cells one space apart where a column is full', () => {
    // tests/fixtures/wrapped/make.mjs printed table.json's table in Chromium and copied it out with -layout.
    const want = JSON.parse(readFileSync('tests/fixtures/wrapped/table.json', 'utf8')) as { caption: string; rows: string[][] };
    const t = firstTable(parse(readFileSync('tests/fixtures/wrapped/table-layout.txt', 'utf8')).blocks);
    expect(t?.cells).toEqual(want.rows);
    expect(t?.caption?.text).toBe(want.caption);
    expect(t?.table.notes.map((n) => n.zh)).toEqual(['原文以空格对齐各列（单元格内无空格），本表按空格切分还原。']);
  });

  test('reads a pipe table whose rows carry a group label the header lacks, noting a lost indicator name (004 表1)', () => {
    const { blocks } = parse(
      ['某市规划', '表1 主要指标', '指标名称 | 2020年基数 | 2025年目标 | 指标属性 | |', '创新实力 | — | 年均增长10% | 预期性 | |', '2.专利(件) | 0.7 | 1.17 | 预期性 | |', '创新主体 | 4.企业(家) | 0 | 2 | 预期性 |'].join('\n'),
    );
    const t = blocks.find((b) => b.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.table.head[0]!.map((c) => c.text)).toEqual(['', '指标名称', '2020年基数', '2025年目标', '指标属性']);
    expect(t.table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['创新实力', '', '—', '年均增长10%', '预期性'],
      ['', '2.专利(件)', '0.7', '1.17', '预期性'],
      ['创新主体', '4.企业(家)', '0', '2', '预期性'],
    ]);
    expect(t.table.rows[0]![1]!.note).toEqual({ zh: '指标名称在原文中缺失', en: 'name missing in the source' });
    expect(t.table.notes.map((n) => n.zh).join('')).toMatch(/第1行：“创新实力”是分组名称/u);
    expect(t.table.notes.map((n) => n.en).join('')).toMatch(/Row 1: “创新实力” is a group name; the indicator’s name after it is missing in the source/u);
  });

  test('makes unnumbered run-in titles (catalog runInHeadings) level-1 sections, text unchanged (001)', () => {
    const { blocks } = parseStructure(applyCorrections(splitLines('北方网:科委将实施科技支撑美丽天津建设工程\n导语。\n实施科技支撑美丽天津建设工程。以美丽天津建设需求为导向。\n实施党建保障工程。巩固扩大成果。'), [], 'x'), {
      file: 'x',
      runInHeadings: /^实施[^。]{2,20}工程。/u,
    });
    expect(blocks.map((b) => `${b.id}:${b.kind === 'heading' ? b.title : b.kind === 'table' ? '' : b.piece.text}`)).toEqual([
      'title:北方网:科委将实施科技支撑美丽天津建设工程',
      'p0-1:导语。',
      's1:实施科技支撑美丽天津建设工程',
      'p1-1:以美丽天津建设需求为导向。',
      's2:实施党建保障工程',
      'p2-1:巩固扩大成果。',
    ]);
  });

  test('a text with no title line has none, and no guess; the title its notice names is an inference', () => {
    const none = parse('各有关单位：\n一、总体要求');
    expect(none.blocks.some((b) => b.kind === 'title')).toBe(false);
    expect(none.inferredTitle).toBeNull();
    const named = parse('某市人民政府办公室关于印发\n某市科技创新规划的通知\n各区人民政府：\n《某市科技创新规划》已经市政府同意，现印发给你们。\n某市人民政府办公室\n2021106\n第一章 总体要求');
    expect(named.blocks.some((b) => b.kind === 'title' && b.role === 'plan')).toBe(false);
    expect(named.inferredTitle).toMatchObject({ text: '某市科技创新规划', line: 1, note: { zh: '据通知标题推定', en: 'from the covering notice’s title' } });
    expect(named.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.role)).toEqual(['addressee', 'body', 'closing', 'closing']);
  });

  test('the notice’s list of attachments (附件：1.… 2.…) is part of its text: the signature after it is read, no item is a heading or the title', () => {
    const notice = (list: string) =>
      `关于印发《某县科技创新三年行动方案（2023—2025年）》的通知\n各乡镇人民政府，县直各有关单位：\n现将《某县科技创新三年行动方案（2023—2025年）》印发给你们，请认真贯彻执行。\n${list}\n某县人民政府办公室\n2023年5月6日\n附件1\n某县科技创新三年行动方案（2023—2025年）\n为深入实施创新驱动发展战略，制定本方案。\n一、总体目标\n到2025年，高新技术企业达到50家。`;
    for (const list of ['附件：某县科技创新三年行动方案（2023—2025年）', '附件：1.某县科技创新三年行动方案（2023—2025年）\n2.某县科技创新重点任务分工表']) {
      const { blocks } = parse(notice(list));
      const roles = blocks.filter((b) => b.kind === 'paragraph' && b.id.startsWith('pn-')).map((b) => b.kind === 'paragraph' && `${b.role} ${b.piece.text}`);
      expect(roles).toEqual([
        'addressee 各乡镇人民政府，县直各有关单位：',
        'body 现将《某县科技创新三年行动方案（2023—2025年）》印发给你们，请认真贯彻执行。',
        ...list.split('\n').map((l) => `body ${l}`),
        'closing 某县人民政府办公室',
        'closing 2023年5月6日',
        'closing 附件1',
      ]);
      expect(blocks.find((b) => b.kind === 'title' && b.role === 'plan')).toMatchObject({ piece: { text: '某县科技创新三年行动方案（2023—2025年）' } });
      expect(headings(blocks)).toEqual(['s1 1 一、总体目标']);
    }
  });

  test('reads chapters: 第一章 › 第一节 › 一、, and keeps a table of contents out of the outline', () => {
    const { blocks } = parse('某省科技创新规划\n目 录\n第一章 形势\n第二章 任务\n第一章 形势\n第一节 基础\n一、成就\n（一）平台\n第二章 任务');
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.role === 'toc').map((b) => b.kind === 'paragraph' && b.piece.text)).toEqual(['目 录', '第一章 形势', '第二章 任务']);
    expect(headings(blocks)).toEqual(['s1 1 第一章 形势', 's1-1 2 第一节 基础', 's1-1-1 3 一、成就', 's1-1-1-1 4 （一）平台', 's2 1 第二章 任务']);
  });

  test('reads 第一部分 as a chapter, 一． as 一、, and a title that starts with 关于', () => {
    const { blocks } = parse('关于加快建设科技强市的若干措施\n第一部分 总体要求\n一．指导思想\n坚持创新。\n一.5倍于上年的投入不是标题。\n第二部分 主要任务');
    expect(blocks[0]).toMatchObject({ kind: 'title', role: 'plan', piece: { text: '关于加快建设科技强市的若干措施' } });
    expect(headings(blocks)).toEqual(['s1 1 第一部分 总体要求', 's1-0-1 3 一．指导思想', 's2 1 第二部分 主要任务']);
  });

  test('a list of attachments at a document’s end keeps its items (2.…) as its own, not headings', () => {
    const { blocks } = parse('某市关于加快科技成果转化的若干措施\n一、支持技术转移机构建设。\n三、本措施自印发之日起施行。\n附件：1.某市科技成果转化奖励申报指南\n2.某市技术转移机构绩效评价办法');
    expect(headings(blocks)).toEqual(['s1 1 一、支持技术转移机构建设。', 's3 1 三、本措施自印发之日起施行。']);
    expect(blocks.slice(-2).map((b) => (b.kind === 'paragraph' ? `${b.role} ${b.piece.text}` : b.kind))).toEqual(['annex 附件：1.某市科技成果转化奖励申报指南', 'annex 2.某市技术转移机构绩效评价办法']);
  });

  test('the colophon (版记: 抄送, 印发) after the signature is set apart from the last section’s text', () => {
    const { blocks } = parse(
      '关于加快推进科技创新的若干措施\n一、支持企业研发。\n本措施自2023年7月1日起施行。\n南京市江宁区人民政府办公室\n2023年5月20日\n（此件公开发布）\n抄送：区委各部门，区人大常委会办公室。\n南京市江宁区人民政府办公室　　2023年5月21日印发',
    );
    expect(blocks.slice(-6).map((b) => (b.kind === 'paragraph' ? b.role : b.kind))).toEqual(['body', 'closing', 'closing', 'closing', 'colophon', 'colophon']);
    // Only at the end: 抄送 in the text, or a date 印发 earlier, is text.
    const early = parse('某市科技创新行动方案\n一、总体要求\n抄送：各区。\n二、保障措施\n加强领导。');
    expect(early.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.role)).toEqual(['body', 'body']);
  });

  test('a document without a notice signs at its end: issuing body and date are its closing', () => {
    const { blocks } = parse('关于加快推进科技创新的若干措施\n一、支持企业研发。\n本措施自2023年7月1日起施行。\n南京市江宁区人民政府办公室\n2023年5月20日');
    expect(blocks.slice(-3).map((b) => (b.kind === 'paragraph' ? b.role : b.kind))).toEqual(['body', 'closing', 'closing']);
    const unsigned = parse('某区科技规划\n一、目标\n到2025年，研发投入强度达到3%。');
    expect(unsigned.blocks.at(-1)).toMatchObject({ kind: 'paragraph', role: 'body' });
  });

  test('a table of contents with leader dots and page numbers ends where its first entry is printed again', () => {
    const { blocks } = parse('某市科技创新发展规划\n目  录\n一、发展基础……………………1\n二、总体要求……………………5\n一、发展基础\n全市研发投入强度达到3.6%。\n二、总体要求');
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.role === 'toc')).toHaveLength(3);
    expect(headings(blocks)).toEqual(['s1 1 一、发展基础', 's2 1 二、总体要求']);
  });

  test('a news headline without a plan word is the title; a first line that is a sentence is not', () => {
    const news = parse('苏州发布科技创新新政\n本报讯（记者 某某）12月28日，市政府新闻办召开新闻发布会，发布《苏州市“十四五”科技创新规划》，明确今后五年的目标任务。');
    expect(news.blocks[0]).toMatchObject({ kind: 'title', role: 'plan', piece: { text: '苏州发布科技创新新政' } });
    const sentence = parse('3月1日上午，全县科技工作会议召开。\n会上，县科协主席总结回顾了2016年全县科技工作，安排部署今年科协工作，表彰了先进单位和个人。');
    expect(sentence.blocks.some((b) => b.kind === 'title')).toBe(false);
  });

  test('a date under the title, in brackets, belongs to the title page', () => {
    const { blocks } = parse('某市科技创新券管理办法（试行）\n（2021年12月20日）\n第一章 总则\n第一条 为激发企业创新活力，制定本办法。');
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', role: 'byline', piece: { text: '（2021年12月20日）' } });
  });

  test('finds a title printed over two lines by the title the notice names, and a headline above its byline', () => {
    const two = parse('某省人民政府\n关于印发某省“十四五”科技创新和\n一流创新生态建设规划的通知\n某政〔2021〕41号\n某省“十四五”科技创新和\n一流创新生态建设规划\n第一章 开启新征程');
    expect(two.blocks.find((b) => b.kind === 'title' && b.role === 'plan')).toMatchObject({ lines: [5, 6] });
    expect(two.blocks.find((b) => b.kind === 'title' && b.role === 'notice')).toMatchObject({ lines: [1, 2, 3] });
    const report = parse('把握新定位,为中心建设作出新贡献\n——在2015年某市科技工作会议上的报告\n某市科委主任 某某\n(2015年2月27日)\n各位领导,同志们:\n一、主要工作');
    expect(report.blocks.slice(0, 5).map((b) => `${b.id}:${b.kind === 'paragraph' ? b.role : b.kind}`)).toEqual(['title:title', 'p0-1:byline', 'p0-2:byline', 'p0-3:byline', 'p0-4:body']);
  });
  describe('boxes (专栏)', () => {
    /** Each block: its id, and the box it stands in (`box1`) or `-`. */
    const boxes = (text: string) => parse(text).blocks.map((b) => `${b.id}:${(b.kind === 'paragraph' || b.kind === 'table' ? b.box : undefined) ?? '-'}`);

    test('a caption opens a box; its numbered items are its paragraphs, not headings; the outline’s next heading ends it', () => {
      const text = '某市科技创新“十四五”规划\n二、主要任务\n（一）建设重大创新平台\n加快建设一批重大创新平台。\n专栏1 重大创新平台建设工程\n1.实验室体系建设工程。建设省级重点实验室10家。\n2.技术创新中心建设工程。建设技术创新中心5家。\n（二）培育创新型企业\n到2025年，高新技术企业达到1000家。';
      expect(boxes(text)).toEqual(['title:-', 's2:-', 's2-1:-', 'p2-1-1:-', 'box1:box1', 'p2-1-2:box1', 'p2-1-3:box1', 's2-2:-', 'p2-2-1:-']);
      const caption = parse(text).blocks[4]!;
      expect(caption).toMatchObject({ kind: 'paragraph', role: 'box-title', piece: { text: '专栏1 重大创新平台建设工程' } });
    });

    test('a box’s own numbering goes on though the outline expects the same number (3. in a box under 2.)', () => {
      const text = '某区规划\n一、任务\n1.甲。\n2.乙。\n专栏2 重点工程\n1.工程一。\n2.工程二。\n3.工程三。\n3.丙。';
      // `1.` directly under `一、` is level 3, the level between skipped (0).
      expect(boxes(text)).toEqual(['title:-', 's1:-', 's1-0-1:-', 's1-0-2:-', 'box2:box2', 'p1-0-2-1:box2', 'p1-0-2-2:box2', 'p1-0-2-3:box2', 's1-0-3:-']);
    });

    test('ends at the next box, an article, an annex, a heading above it, or the first subsection in the outline’s numbering', () => {
      expect(boxes('某区规划\n一、任务\n专栏1 甲\n①乙\n专栏2 丙\n丁。')).toEqual(['title:-', 's1:-', 'box1:box1', 'p1-1:box1', 'box2:box2', 'p1-2:box2']);
      expect(boxes('某市若干措施\n第三条 支持平台。\n专栏1 重点支持领域\n①新一代信息技术；②生物医药。\n第四条 引进人才。')).toEqual(['title:-', 'art3:-', 'box1:box1', 'p0-2:box1', 'art4:-']);
      expect(boxes('某区规划\n一、任务\n专栏1 甲\n乙。\n附件1\n丙。')).toEqual(['title:-', 's1:-', 'box1:box1', 'p1-1:box1', 'sa1:-', 'pa1-1:-']);
      expect(boxes('某区规划\n一、任务\n开篇一段。\n专栏1 甲\n1.乙。\n（一）丙\n丁。')).toEqual(['title:-', 's1:-', 'p1-1:-', 'box1:box1', 'p1-2:box1', 's1-1:-', 'p1-1-1:-']);
      expect(boxes('某区规划\n第一章 总则\n第一节 目标\n专栏1 主要指标\n甲。\n第二节 任务\n乙。')).toEqual(['title:-', 's1:-', 's1-1:-', 'box1:box1', 'p1-1-1:box1', 's1-2:-', 'p1-2-1:-']);
    });

    test('a 专栏 named in a sentence, or with a sentence for a title, opens none; 专栏3-1, 专栏三 and 专栏１ do', () => {
      expect(boxes('某区规划\n一、任务\n专栏1所列工程由各部门负责实施。\n专栏2 建设一批平台，完善服务。')).toEqual(['title:-', 's1:-', 'p1-1:-', 'p1-2:-']);
      expect(boxes('某区规划\n一、任务\n专栏3-1 重点实验室\n甲。\n专栏三：科技人才工程\n乙。')).toEqual(['title:-', 's1:-', 'box3-1:box3-1', 'p1-1:box3-1', 'box3:box3', 'p1-2:box3']);
      expect(boxes('某区规划\n一、任务\n专栏１　重大平台建设工程\n１．实验室体系。')).toEqual(['title:-', 's1:-', 'box1:box1', 'p1-1:box1']);
    });

    test('placed mid-section, a box ends at the section’s next paragraph after its last item, unless that describes a title-only item or is a note', () => {
      const section = (inBox: string) => `某区规划\n一、任务\n（一）建设平台。开篇。\n专栏1 重大平台\n${inBox}\n（二）培育主体。`;
      expect(boxes(section('1.实验室。建设一批。\n2.创新中心。建设一批。\n加快建设创新平台体系，完善服务。'))).toEqual(['title:-', 's1:-', 's1-1:-', 'p1-1-1:-', 'box1:box1', 'p1-1-2:box1', 'p1-1-3:box1', 'p1-1-4:-', 's1-2:-']);
      expect(boxes(section('1.实验室\n依托企业建设。\n2.创新中心\n围绕产业建设。'))).toEqual(['title:-', 's1:-', 's1-1:-', 'p1-1-1:-', 'box1:box1', 'p1-1-2:box1', 'p1-1-3:box1', 'p1-1-4:box1', 'p1-1-5:box1', 's1-2:-']);
      expect(boxes(section('1.实验室。建设一批。\n2.创新中心。建设一批。\n注：以上为重点。'))).toEqual(['title:-', 's1:-', 's1-1:-', 'p1-1-1:-', 'box1:box1', 'p1-1-2:box1', 'p1-1-3:box1', 'p1-1-4:box1', 's1-2:-']);
      // A paragraph between two items is the box's (the next item follows it).
      expect(boxes(section('1.实验室。建设一批。\n依托龙头企业。\n2.创新中心。建设一批。'))).toEqual(['title:-', 's1:-', 's1-1:-', 'p1-1-1:-', 'box1:box1', 'p1-1-2:box1', 'p1-1-3:box1', 'p1-1-4:box1', 's1-2:-']);
    });

    test('the signature after a box closes the document, not the box', () => {
      const { blocks } = parse('某区科技工作要点\n一、任务\n专栏1 重点工程\n甲工程。\n某区科学技术局\n2023年3月1日');
      expect(blocks.slice(-2).map((b) => (b.kind === 'paragraph' ? `${b.role}:${b.box ?? '-'}` : b.kind))).toEqual(['closing:-', 'closing:-']);
    });
  });
});

describe('the masthead (发文机关标志) of a text copied out of the printed document', () => {
  const roles = (text: string) => parse(text).blocks.filter((b) => b.kind === 'paragraph').map((b) => `${b.kind === 'paragraph' ? b.role : ''}:${b.piece.text}`);
  test('is the first line, the issuing bodies’ names and 文件, spread with spaces or not; the number under it stays the number', () => {
    const text = readFileSync('tests/fixtures/masthead/masthead.txt', 'utf8');
    expect(roles(text).slice(0, 2)).toEqual(['masthead:某 市 科 学 技 术 局 文 件', 'docno:某科发〔2024〕7号']);
    expect(roles(text.replace('某 市 科 学 技 术 局 文 件', '某市科学技术局 某市财政局文件'))[0]).toBe('masthead:某市科学技术局 某市财政局文件');
  });
  test('not a line that only names 文件, nor one after the notice has begun', () => {
    const notice = ['某科发〔2024〕7号', '某市科学技术局关于印发某办法的通知', '各区科技局：', '现将《某办法》印发给你们，请认真贯彻执行。'];
    expect(roles(['相关文件', ...notice, '某市科学技术局', '2024年5月20日', '某办法', '第一条 为加快培育科技企业孵化器，制定本办法。'].join('\n'))[0]).toBe('body:相关文件');
    expect(roles([...notice, '某市科学技术局文件', '2024年5月20日', '某办法', '第一条 为加快培育科技企业孵化器，制定本办法。'].join('\n'))).not.toContainEqual(expect.stringMatching(/^masthead:/u));
  });
});
