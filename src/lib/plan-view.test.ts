import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { citation, formatDate, formatPeriod, formatWhen, latestDated, latestParts, metaBrief, newestFirst, metaRows, regionChain, sectionPath, tableOfContents, tocListHtml } from './plan-view.ts';
import { sourceLines } from './source-view.ts';
import { whenEn } from './i18n/english.ts';

const reg = loadRegistries('seeds', 'content');
const load = (name: string) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg);
const beichen = load('000_df8e3af4caff0a08.txt');

describe('formatPeriod(p) / formatDate(iso)', () => {
  test('write periods and dates the Chinese way', () => {
    expect(formatPeriod({ start: 2020, end: 2022, outlook: null })).toBe('2020—2022年');
    expect(formatPeriod({ start: 2014, end: 2014, outlook: null })).toBe('2014年');
    expect(formatPeriod({ start: 2021, end: 2025, outlook: 2035 })).toBe('2021—2025年（展望2035年）');
    expect(formatPeriod(null)).toBe('—');
    expect(formatDate('2021-04-09')).toBe('2021年4月9日');
  });
});

describe('metaRows(doc, kinds)', () => {
  test('gives each value with its source line, and says when the text lacks it', () => {
    const rows = metaRows(beichen, reg.kinds);
    expect(rows.find((r) => r.label === '发文字号')).toMatchObject({ value: '北辰政发〔2021〕5号', source: '原文第7行', line: 7 });
    expect(rows.find((r) => r.label === '地区')?.value).toBe('天津市 › 北辰区（市辖区）');
    const hongqiao = metaRows(load('002_3b22102abfde4f0c.txt'), reg.kinds);
    expect(hongqiao.find((r) => r.label === '发文字号')).toMatchObject({ value: '未识别', source: '原文未载', line: null });
  });
  test('marks catalog values as such', () => {
    const rows = metaRows(load('001_b19521e93b2b759c.txt'), reg.kinds);
    expect(rows.find((r) => r.label === '类型')).toMatchObject({ value: '新闻报道', source: '编目补充' });
  });
});

describe('metaBrief(doc)', () => {
  test('gives issuer, document number and date, only those the text gives', () => {
    // 北辰 (seed 000): 发布机构 天津市北辰区人民政府, 发文字号 北辰政发〔2021〕5号, 成文日期 2021年04月19日.
    expect(metaBrief(beichen)).toEqual(['天津市北辰区人民政府', '北辰政发〔2021〕5号', '2021年4月19日成文']);
    // 宝坻 (seed 003): no issuer or number; only the portal's 发布时间 2021-09-28.
    expect(metaBrief(load('003_9c4896c03185b26c.txt'))).toEqual(['2021年9月28日发布']);
  });
  test('says when a value is inferred', () => {
    const date = { ...beichen.meta.dateWritten!, from: 'inferred' as const, note: '年月日连写' };
    expect(metaBrief({ ...beichen, meta: { ...beichen.meta, dateWritten: date } }).at(-1)).toBe('2021年4月19日成文（推定）');
  });
});

describe('formatWhen(doc) / whenEn(doc)', () => {
  // 宝坻 (seed 003): period 2021—2025 from its title, the portal's 发布时间 2021-09-28.
  const baodi = load('003_9c4896c03185b26c.txt');
  const undated = { ...baodi, meta: { ...baodi.meta, period: null } };
  test('a list shows the period when there is one', () => {
    expect(formatWhen(baodi)).toBe('2021—2025年');
    expect(whenEn(baodi)).toBe('2021–2025');
  });
  test('without a period, the date with what happened that day (a news report, a measure)', () => {
    expect(formatWhen(undated)).toBe('2021年9月28日发布');
    expect(whenEn(undated)).toBe('published 28 September 2021');
    expect(whenEn(undated, true)).toBe('published 28 Sep 2021');
    const written = { ...beichen, meta: { ...beichen.meta, period: null } };
    expect(formatWhen(written)).toBe('2021年4月19日成文');
    expect(whenEn(written)).toBe('written 19 April 2021');
    const inferred = { ...written, meta: { ...written.meta, dateWritten: { ...written.meta.dateWritten!, from: 'inferred' as const, note: '年月日连写' } } };
    expect(formatWhen(inferred)).toBe('2021年4月19日成文（推定）');
    expect(whenEn(inferred)).toBe('written 19 April 2021 (inferred)');
  });
  test('neither: a dash, which lists leave out on a phone', () => {
    const none = { ...undated, meta: { ...undated.meta, datePublished: null, dateWritten: null } };
    expect(formatWhen(none)).toBe('—');
    expect(whenEn(none)).toBe('—');
  });
});

describe('latestDated(plans, count)', () => {
  // Dated by hand from the seeds: 宝坻 发布时间 2021-09-28, 北辰 成文日期 2021年04月19日, 红桥 2021年3月12日 under its notice.
  const hongqiao = load('002_3b22102abfde4f0c.txt');
  const baodi = load('003_9c4896c03185b26c.txt');
  const undated = { ...beichen, slug: 'undated', meta: { ...beichen.meta, dateWritten: null, datePublished: null } };
  test('lists the documents dated last, newest first, without those that have no date', () => {
    expect(latestDated([hongqiao, undated, beichen, baodi]).map((d) => d.slug)).toEqual([baodi.slug, beichen.slug, hongqiao.slug]);
    expect(latestDated([hongqiao, undated, beichen, baodi], 2).map((d) => d.slug)).toEqual([baodi.slug, beichen.slug]);
    expect(latestDated([undated])).toEqual([]);
  });
  test('each with its region where known, and its day', () => {
    expect(latestParts(beichen)).toEqual(['天津市北辰区', '2021年4月19日成文']);
    expect(latestParts(baodi)).toEqual(['天津市宝坻区', '2021年9月28日发布']);
    expect(latestParts({ ...beichen, meta: { ...beichen.meta, region: null } })).toEqual(['2021年4月19日成文']);
  });
});

describe('newestFirst(a, b)', () => {
  const hongqiao = load('002_3b22102abfde4f0c.txt');
  const baodi = load('003_9c4896c03185b26c.txt');
  const with_ = (slug: string, period: [number, number] | null, written: string | null) => ({
    ...beichen,
    slug,
    meta: {
      ...beichen.meta,
      period: period ? { ...beichen.meta.period!, value: { start: period[0], end: period[1], outlook: null } } : null,
      dateWritten: written ? { ...beichen.meta.dateWritten!, value: written } : null,
      datePublished: null,
    },
  });
  test('by the period’s first year, then its last, then the date; a dated measure by its year; the undated last', () => {
    const measure = with_('measure-2023', null, '2023-03-01');
    const longer = with_('plan-2021-2035', [2021, 2035], null);
    const none = with_('nothing', null, null);
    // 宝坻 2021—2025 (发布 2021-09-28), 北辰 2020—2022 (成文 2021-04-19), 红桥 2020—2022 (2021-03-12).
    expect([none, hongqiao, beichen, measure, baodi, longer].sort(newestFirst).map((d) => d.slug)).toEqual([
      'measure-2023', 'plan-2021-2035', baodi.slug, beichen.slug, hongqiao.slug, 'nothing',
    ]);
  });
});

describe('regionChain(ref)', () => {
  test('runs from the top region down (GB/T 2260: 辛集市 under 石家庄市)', () => {
    expect(regionChain(reg.regions.byId('hebei-xinji')).map((r) => r.name)).toEqual(['河北省', '石家庄市', '辛集市']);
    expect(regionChain(null)).toEqual([]);
  });
});

describe('tableOfContents(doc) / sectionPath(doc, id)', () => {
  test('starts with the notice, then the numbered outline', () => {
    const toc = tableOfContents(beichen);
    expect(toc.slice(0, 2).map((e) => e.label)).toEqual(['印发通知', '一、总体要求']);
    expect(toc[2]!.children[0]!.children[0]).toMatchObject({ id: 's2-1-1', label: '1.提高科技创新能力' });
  });
  test('lists the articles of a measure (第一条 …) by number and opening clause, under their chapter if it has one', () => {
    const made = (text: string) => buildPlanDocument({ name: 'm.txt', path: 'm.txt', bytes: Buffer.from(text) }, reg);
    const flat = tableOfContents(made('某市支持科技创新若干措施\n为支持创新，制定本措施。\n第一条 支持企业加大研发投入。对研发投入增长的企业给予奖励。\n第二条　对首次认定的国家高新技术企业按照认定当年的研发投入给予一次性奖励。'));
    expect(flat.map((e) => [e.id, e.label, e.level])).toEqual([
      ['art1', '第一条 支持企业加大研发投入', 1],
      ['art2', '第二条　对首次认定的国家高新技术企业按照…', 1],
    ]);
    const chapters = tableOfContents(made('某市科技创新促进办法\n第一章 总则\n第一条 为促进科技创新，制定本办法。\n第二章 附则\n第二条 本办法自发布之日起施行。'));
    expect(chapters.map((e) => [e.id, e.label, e.children.map((c) => [c.id, c.label, c.level])])).toEqual([
      ['s1', '第一章总则', [['art1', '第一条 为促进科技创新', 2]]],
      ['s2', '第二章附则', [['art2', '第二条 本办法自发布之日起施行', 2]]],
    ]);
  });
  test('lists the boxes (专栏1 …) by their captions under the section they stand in, and not their items', () => {
    const made = buildPlanDocument({ name: 'b.txt', path: 'b.txt', bytes: Buffer.from('某市科技创新“十四五”规划\n一、主要任务\n（一）建设重大创新平台\n加快建设一批重大创新平台。\n专栏1 重大创新平台建设工程\n1.实验室体系建设工程。建设省级重点实验室10家。\n2.技术创新中心建设工程。\n（二）培育创新型企业\n1.实施高企倍增计划。') }, reg);
    expect(tableOfContents(made).map((e) => [e.label, e.children.map((c) => [c.id, c.label, c.children.map((d) => [d.id, d.label, d.level])])])).toEqual([
      ['一、主要任务', [
        ['s1-1', '（一）建设重大创新平台', [['box1', '专栏1 重大创新平台建设工程', 3]]],
        ['s1-2', '（二）培育创新型企业', [['s1-2-1', '1.实施高企倍增计划', 3]]],
      ]],
    ]);
  });
  test('names the headings above a section', () => {
    expect(sectionPath(beichen, 's2-1-1')).toEqual(['二、重点任务', '(一)增强科技创新策源能力', '1.提高科技创新能力']);
  });
});

describe('citation(doc, url)', () => {
  test('cites issuer, title, document number, date and URL', () => {
    expect(citation(beichen, 'https://x/plans/beichen-2020-2022/')).toBe(
      '天津市北辰区人民政府. 北辰区科技创新三年行动计划实施方案(2020-2022年): 北辰政发〔2021〕5号[A/OL]. (2021-04-19). https://x/plans/beichen-2020-2022/',
    );
  });
});

describe('sourceLines(text, doc)', () => {
  test('marks removed lines with their rule (its Chinese label), cuts repaired passages out at their column, links body lines to blocks', () => {
    const lines = sourceLines(readFileSync('seeds/000_df8e3af4caff0a08.txt', 'utf8'), beichen);
    expect(lines[0]).toMatchObject({ n: 1, status: 'removed', note: '网页元素：面包屑导航' });
    expect(lines[20]!.segments.find((s) => s.repair)?.text).toBe('202147');
    expect(lines[20]!.segments.map((s) => s.text).join('')).toBe(readFileSync('seeds/000_df8e3af4caff0a08.txt', 'utf8').split('\n')[20]);
    expect(lines[28]).toMatchObject({ status: 'body', blockId: 's1' });
  });
});

describe('tocListHtml(entries, english)', () => {
  const entries = [
    { id: 'front', label: 'Covering notice', level: 0, children: [], english: true },
    { id: 's1', label: '一、总体要求', level: 1, children: [{ id: 's1-1', label: '（一）指导思想 & 原则', level: 2, children: [] }] },
  ];
  test('nested lists of links to the headings, as the TocList component wrote them', () => {
    expect(tocListHtml(entries.slice(1), false)).toBe('<ol><li><a href="#s1">一、总体要求</a><ol><li><a href="#s1-1">（一）指导思想 &amp; 原则</a></li></ol></li></ol>');
  });
  test('on the English edition the text’s headings are marked Chinese, the edition’s own entries not', () => {
    expect(tocListHtml(entries, true)).toBe(
      '<ol><li><a href="#front">Covering notice</a></li><li><a href="#s1"><span lang="zh-CN">一、总体要求</span></a><ol><li><a href="#s1-1"><span lang="zh-CN">（一）指导思想 &amp; 原则</span></a></li></ol></li></ol>',
    );
  });
});
