import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Block, HeadingBlock, ParagraphBlock, TableBlock, Target } from '../../src/schemas/plan.ts';
import { extractTargets, parseIndicators, richTextOfTarget } from './targets.ts';
import { findValues } from './targets/values.ts';

const indicators = parseIndicators(readFileSync('content/indicators.yaml', 'utf8'), 'content/indicators.yaml');
const plan2022 = { indicators, period: { start: 2020, end: 2022 } };
const plan2025 = { indicators, period: { start: 2021, end: 2025 } };

const para = (text: string, id = 'p1'): ParagraphBlock => ({ kind: 'paragraph', id, lines: [7], part: 'body', role: 'body', text, marks: [] });
const heading = (level: number, number: string, title: string, id: string): HeadingBlock => ({
  kind: 'heading', id, lines: [3], part: 'body', level, ordinal: 1, number, title, text: `${number}${title}`, marks: [],
});
const cells = (...texts: string[]) => texts.map((text) => ({ text, marks: [], note: null, noteEn: null }));
/** The few fields a test states; the rest of a target is checked where it matters. */
const brief = (t: Target) => ({ indicatorId: t.indicatorId, value: t.value, unit: t.unit, year: t.year, kind: t.kind, measure: t.measure });
/** What one row of a yearly breakdown table states: a level target for each year column, in column order. */
const yearlyTargets = (indicatorId: string, unit: string, valueByYear: Record<number, number>) =>
  Object.entries(valueByYear).map(([year, value]) => ({ indicatorId, value, unit, year: Number(year), kind: 'target', measure: 'level' }));
const valuesOf = (blocks: Block[], ctx = plan2022) => extractTargets(blocks, ctx).map(brief);

describe('extractTargets(blocks, ctx)', () => {
  test('reads a plain target sentence with its qualifiers, sentence and exact offsets (000)', () => {
    const text = '科技创新能力明显增强。到2022年,全社会研发投入强度力争达到3.2%以上;全区有效发明专利达到3500件。';
    const [rd, patents] = extractTargets([para(text)], plan2022);
    expect(rd).toMatchObject({
      id: 'v1', indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 3.2, valueText: '3.2%以上', unit: '%', year: 2022,
      qualifiers: ['力争', '达到', '以上'], kind: 'target', measure: 'level', blockId: 'p1', cell: null, line: 7,
      quote: '到2022年,全社会研发投入强度力争达到3.2%以上;全区有效发明专利达到3500件。',
    });
    expect(text.slice(rd!.start, rd!.end)).toBe('3.2%以上');
    expect(patents).toMatchObject({ id: 'v2', indicatorId: 'valid-invention-patents', value: 3500, valueText: '3500件' });
  });

  test('writes a money indicator\'s values in its unit, as written in valueText; other values as read', () => {
    // A district writes its turnover in 万元, a province its R&D spending in 亿 without 元 (the corpus's Henan text).
    const text = '到2022年,全区技术合同成交额达到5000万元,全社会研发经费投入超过900亿,科技型中小企业融资3000万元。';
    const targets = extractTargets([para(text)], plan2022);
    expect(targets.map((t) => [t.indicatorId, t.value, t.unit, t.valueText])).toEqual([
      ['technology-contract-turnover', 0.5, '亿元', '5000万元'],
      ['rd-expenditure', 900, '亿元', '900亿'],
      [null, 3000, '万元', '3000万元'],
    ]);
    for (const t of targets) expect(text.slice(t.start, t.end)).toBe(t.valueText);
  });

  test('reads the level of an indicator counted by level, in its phrase or just before it; not a region-wide 全市', () => {
    const text = '到2025年,国家级科技企业孵化器达到3家,众创空间达到20家,新建市级以上创新平台10个,全市科技企业孵化器达到15家,国家高新技术企业达到620家。';
    const targets = extractTargets([para(text)], plan2025);
    expect(targets.map((t) => [t.indicatorId, t.value, t.level])).toEqual([
      ['incubators', 3, '国家级'],
      ['maker-spaces', 20, undefined],
      ['innovation-platforms', 10, '市级以上'],
      ['incubators', 15, undefined],
      // 国家高新技术企业 is the name of a national certification: the registry does not count it by level.
      ['high-tech-enterprises', 620, undefined],
    ]);
    const listed = extractTargets([para('到2025年,省级及以上众创空间、科技企业孵化器分别达到10家和5家。')], plan2025);
    expect(listed.map((t) => [t.indicatorId, t.value, t.level])).toEqual([['maker-spaces', 10, '省级以上'], ['incubators', 5, undefined]]);
    // Levels listed before one name, and levels of a count before (其中…); not for an indicator not counted by level.
    const read = (text: string) => extractTargets([para(text)], plan2025).map((t) => [t.indicatorId, t.value, t.level]);
    expect(read('到2025年,国家级、省级科技企业孵化器分别达到3家和10家。')).toEqual([['incubators', 3, '国家级'], ['incubators', 10, '省级']]);
    expect(read('到2025年,国家级和省级众创空间分别达到5家、20家。')).toEqual([['maker-spaces', 5, '国家级'], ['maker-spaces', 20, '省级']]);
    expect(read('到2025年,科技企业孵化器达到8家,其中国家级3家、省级5家。')).toEqual([['incubators', 8, undefined], ['incubators', 3, '国家级'], ['incubators', 5, '省级']]);
    expect(read('到2025年,高新技术企业达到500家,其中国家级3家。')).toEqual([['high-tech-enterprises', 500, undefined], [null, 3, undefined]]);
    // A level in brackets after the thing, a part in brackets after its whole; levels listed in brackets are no one
    // level, and their 、 is no list mark (the value was read as 省级）'s, of no indicator).
    expect(read('到2025年,科技企业孵化器（国家级）达到3家,新增众创空间(省级及以上)10家。')).toEqual([['incubators', 3, '国家级'], ['maker-spaces', 10, '省级以上']]);
    expect(read('到2025年,科技企业孵化器达到30家（其中国家级3家、省级5家）。')).toEqual([['incubators', 30, undefined], ['incubators', 3, '国家级'], ['incubators', 5, '省级']]);
    expect(read('到2025年,科技企业孵化器（含国家级、省级）达到30家。')).toEqual([['incubators', 30, undefined]]);
    // Levels listed together before one name, without 分别: what they count together (was 省级 alone: the 、 was read as
    // a list of things, so the value's words began at 省级).
    expect(read('到2025年,国家级、省级科技企业孵化器达到20家,省级、市级众创空间达到30家。')).toEqual([['incubators', 20, '省级以上'], ['maker-spaces', 30, '省级、市级']]);
    expect(read('到2025年,众创空间（国家级和省级）达到20家。')).toEqual([['maker-spaces', 20, '省级以上']]);
    // An aside in brackets after a value is not what it counts.
    expect(extractTargets([para('到2025年,指标达到100%以上（责任单位：区科技局）。')], plan2025).map((t) => t.phrase)).toEqual(['指标']);
    const table: TableBlock = {
      kind: 'table', id: 't1', lines: [1, 2], part: 'body', caption: null, captionLine: null,
      head: [cells('指标名称', '2025年目标')], rows: [cells('国家科技企业孵化器(家)', '4')], rowHeader: 0, notes: [], notesEn: [],
    };
    expect(extractTargets([table], plan2025).map((t) => [t.indicatorId, t.value, t.level])).toEqual([['incubators', 4, '国家级']]);
  });

  test('maps the values of a 分别 list to the names before it, in order (000)', () => {
    const text = '到2022年,全区高新技术企业总量突破530家,“雏鹰”企业、“瞪羚”企业、科技领军(培育)企业分别达到280家、30家和25家。';
    const targets = extractTargets([para(text)], plan2022);
    expect(targets.map((t) => [t.indicatorId, t.value, t.phrase])).toEqual([
      ['high-tech-enterprises', 530, '高新技术企业总量'],
      ['chuying-enterprises', 280, '“雏鹰”企业'],
      ['gazelle-enterprises', 30, '“瞪羚”企业'],
      ['leading-tech-enterprises', 25, '科技领军(培育)企业'],
    ]);
    expect(targets[1]!.qualifiers).toEqual(['分别', '达到']);
  });

  test('gives a value written after a bare verb the subject of the value before it (002: 突破100家，达到102家)', () => {
    const text = '到2022年，全区高新技术企业总量突破100家，达到102家。';
    expect(extractTargets([para(text)], plan2022).map((t) => [t.indicatorId, t.value, t.qualifiers])).toEqual([
      ['high-tech-enterprises', 100, ['突破']],
      ['high-tech-enterprises', 102, ['达到']],
    ]);
  });

  test('reads a yearly breakdown table: each year column is a target for that year, offsets in the cell (002 annex)', () => {
    const table: TableBlock = {
      kind: 'table', id: 't1', lines: [41, 42, 43, 44, 45, 46, 48, 49, 50, 51, 52, 54, 55, 56, 57, 58], part: 'body', caption: null, captionLine: 41,
      head: [cells('序号', '工作目标', '2020年', '2021年', '2022年')],
      rows: [cells('1', '全社会研发投入强度（%）', '2', '2.1以上', '2.2以上'), cells('2', '全市有效发明专利（件）', '1430', '1460', '1500')],
      rowHeader: 1, notes: [], notesEn: [],
    };
    const targets = extractTargets([table], plan2022);
    expect(targets.map(brief)).toEqual([
      ...yearlyTargets('rd-intensity', '%', { 2020: 2, 2021: 2.1, 2022: 2.2 }),
      ...yearlyTargets('valid-invention-patents', '件', { 2020: 1430, 2021: 1460, 2022: 1500 }),
    ]);
    // The 序号 column is not read; the 2021 cell of row 1 is on source line 51.
    expect(targets[1]).toMatchObject({ valueText: '2.1以上', qualifiers: ['以上'], cell: { row: 0, col: 3 }, start: 0, end: 5, quote: '2.1以上', line: 51 });
  });

  test('reads a baseline/target table, keeping a row with no indicator name unmapped and saying so (004 表1)', () => {
    const table: TableBlock = {
      kind: 'table', id: 't1', lines: [61, 62, 63, 64], part: 'body', caption: { text: '表1 辛集市十四五时期科技创新主要指标', marks: [] }, captionLine: 61,
      head: [[{ text: '', marks: [], note: '类别（原表头缺此列，编者补列）', noteEn: 'Category' }, ...cells('指标名称', '2020年基数', '2025年目标', '指标属性')]],
      rows: [
        [...cells('创新实力'), { text: '', marks: [], note: '指标名称在原文中缺失', noteEn: 'Missing' }, ...cells('—', '年均增长10%', '预期性')],
        cells('', '2.每万人口高价值拥有发明专利拥有量(件)', '0.7', '1.17', '预期性'),
      ],
      rowHeader: 1, notes: [], notesEn: [],
    };
    const targets = extractTargets([table], plan2025);
    expect(targets.map(brief)).toEqual([
      { indicatorId: null, value: null, unit: '', year: 2020, kind: 'baseline', measure: 'level' },
      { indicatorId: null, value: 10, unit: '%', year: 2025, kind: 'target', measure: 'growth' },
      { indicatorId: 'high-value-invention-patents-per-10k', value: 0.7, unit: '件', year: 2020, kind: 'baseline', measure: 'level' },
      { indicatorId: 'high-value-invention-patents-per-10k', value: 1.17, unit: '件', year: 2025, kind: 'target', measure: 'level' },
    ]);
    expect(targets[0]!.phrase).toBe('（指标名称在原文中缺失；类别：创新实力）');
    expect(targets[1]).toMatchObject({ valueText: '10%', start: 4, qualifiers: ['年均增长'], period: { start: 2021, end: 2025 }, line: 63 });
  });

  test('both ends of a range are the indicator’s (达到2.5%—3%, 2.5%至3%); the lower first', () => {
    for (const range of ['2.5%—3%', '2.5%～3%', '2.5%至3%']) {
      expect(valuesOf([para(`到2025年，研发投入强度达到${range}。`)], plan2025).map((t) => [t.indicatorId, t.value, t.year]), range).toEqual([
        ['rd-intensity', 2.5, 2025],
        ['rd-intensity', 3, 2025],
      ]);
    }
  });
  test('研发, R&D and 研究与试验发展 are one term in an indicator’s phrase, 规上 is 规模以上, and a share is one as 比重 or 比例, with or without 的', () => {
    const ids = (text: string) => extractTargets([para(text)], plan2025).map((t) => t.indicatorId);
    expect(ids('到2025年，R&D经费支出占地区生产总值比重提高到2.8%。')).toEqual(['rd-intensity']);
    expect(ids('到2025年，全社会Ｒ＆Ｄ经费支出占地区生产总值的比重达到2.8%。')).toEqual(['rd-intensity']);
    expect(ids('到2025年，研究与试验发展经费投入强度达到2.8%。')).toEqual(['rd-intensity']);
    expect(ids('到2025年，研发投入占GDP的比重达到2.8%。')).toEqual(['rd-intensity']);
    // 研发投入 alone is the expenditure (R&D投入 too); 研发投入强度 stays the intensity.
    expect(ids('到2025年，全市R&D投入年均增长10%以上，研发投入强度达到3%。')).toEqual(['rd-expenditure', 'rd-intensity']);
    // 规上 is 规模以上, and a share is one as 比重 or 比例.
    expect(ids('到2025年，规模以上工业企业研发投入占营业收入的比例达到1.8%。')).toEqual(['industrial-enterprise-rd-to-revenue']);
  });
  test('reads 由5.2件增加到10件 as a baseline in a year the text does not say, then the target; not a 由 that starts no change', () => {
    expect(valuesOf([para('到2025年，每万人口发明专利拥有量由5.2件增加到10件，研发投入强度从2.1%提高至2.8%。')], plan2025)).toEqual([
      { indicatorId: 'invention-patents-per-10k', value: 5.2, unit: '件', year: null, kind: 'baseline', measure: 'level' },
      { indicatorId: 'invention-patents-per-10k', value: 10, unit: '件', year: 2025, kind: 'target', measure: 'level' },
      { indicatorId: 'rd-intensity', value: 2.1, unit: '%', year: null, kind: 'baseline', measure: 'level' },
      { indicatorId: 'rd-intensity', value: 2.8, unit: '%', year: 2025, kind: 'target', measure: 'level' },
    ]);
    // A body of 3 members (由3家单位组成) is no starting amount.
    expect(valuesOf([para('到2025年，组建由30家企业组成的创新联合体。')], plan2025).map((t) => [t.value, t.kind, t.year])).toEqual([[30, 'target', 2025]]);
  });
  test('reads 由2015年58家增加到151家 as a baseline and a result, dated by the paragraph (003, repaired text)', () => {
    // The text as shown, after the curated repair 由201558家 → 由2015年58家.
    const text = '科技企业规模保持增长势头2019年末,宝坻区拥有国家入库科技型中小企业179家、雏鹰企业40家。上市挂牌高企达7家,国家高企由2015年58家增加到151家。';
    const targets = extractTargets([para(text)], plan2025);
    expect(targets.map(brief)).toEqual([
      { indicatorId: 'tech-smes', value: 179, unit: '家', year: 2019, kind: 'achievement', measure: 'level' },
      { indicatorId: 'chuying-enterprises', value: 40, unit: '家', year: 2019, kind: 'achievement', measure: 'level' },
      { indicatorId: 'listed-tech-enterprises', value: 7, unit: '家', year: 2019, kind: 'achievement', measure: 'level' },
      { indicatorId: 'high-tech-enterprises', value: 58, unit: '家', year: 2015, kind: 'baseline', measure: 'level' },
      { indicatorId: 'high-tech-enterprises', value: 151, unit: '家', year: 2019, kind: 'achievement', measure: 'level' },
    ]);
    expect(targets.map((t) => text.slice(t.start, t.end))).toEqual(['179家', '40家', '7家', '58家', '151家']);
  });

  test('reads 年均增长10% in prose as a growth rate of the indicator before it, whatever that is counted in', () => {
    // The seeds have 年均增长 only in 004's 表1 (tested above); this is the usual prose form, written for the test.
    const text = '到2025年,全社会研发经费投入年均增长10%以上。';
    expect(extractTargets([para(text)], plan2025)[0]).toMatchObject({
      indicatorId: 'rd-expenditure', value: 10, unit: '%', measure: 'growth', qualifiers: ['年均增长', '以上'], kind: 'target', year: 2025,
    });
  });

  test('reads 累计达35亿元 as a cumulative target over 十四五 (003)', () => {
    const text = '十四五期间,技术合同成交额累计达35亿元。';
    expect(extractTargets([para(text)], plan2025)[0]).toMatchObject({
      indicatorId: 'technology-contract-turnover', value: 35, unit: '亿元', kind: 'target', measure: 'cumulative', year: 2025,
      period: { start: 2021, end: 2025 }, qualifiers: ['累计', '达'],
    });
  });

  test('reads 新增…1家 as an increment, and maps a value whose noun follows it (003, 002, 000)', () => {
    const blocks = [
      para('十四五末,新增众创空间1家,新增国家星创天地1家,新增国家科技企业孵化器1家,区级农业科技示范园区达5家;', 'p1'),
      para('到2022年，力争新增1家科技型上市企业。', 'p2'),
    ];
    expect(valuesOf(blocks, plan2025)).toEqual([
      { indicatorId: 'maker-spaces', value: 1, unit: '家', year: 2025, kind: 'target', measure: 'increase' },
      { indicatorId: 'star-innovation-spaces', value: 1, unit: '家', year: 2025, kind: 'target', measure: 'increase' },
      { indicatorId: 'incubators', value: 1, unit: '家', year: 2025, kind: 'target', measure: 'increase' },
      { indicatorId: 'agri-tech-demo-parks', value: 5, unit: '家', year: 2025, kind: 'target', measure: 'level' },
      { indicatorId: 'listed-tech-enterprises', value: 1, unit: '家', year: 2022, kind: 'target', measure: 'increase' },
    ]);
  });

  test('maps 比2015年分别增加了87家和477家 to the indicators of the values just before (004)', () => {
    const text = '十三五末,全市高新技术企业总数达到99家,科技型中小企业总数达到649家,比2015年分别增加了87家和477家。';
    const targets = extractTargets([para(text)], plan2025);
    expect(targets.map((t) => [t.indicatorId, t.value, t.kind, t.measure, t.year])).toEqual([
      ['high-tech-enterprises', 99, 'achievement', 'level', 2020],
      ['tech-smes', 649, 'achievement', 'level', 2020],
      ['high-tech-enterprises', 87, 'achievement', 'increase', 2020],
      ['tech-smes', 477, 'achievement', 'increase', 2020],
    ]);
    expect(targets[2]!.period).toEqual({ start: 2015, end: 2020 });
  });

  test('takes undated numbers under a heading about the past as results, and keeps a number whose unit was lost (003)', () => {
    const blocks: Block[] = [
      heading(1, '一、', '“十三五”科技创新回顾', 's1'),
      heading(2, '(一)', '进展与成效', 's1-1'),
      para('融入京津冀协同发展步伐加快京津中关村科技城建设步入快车道,累计注册企业120家、落地实体项目25。'),
    ];
    const targets = extractTargets(blocks, plan2025);
    expect(targets.map(brief)).toEqual([
      { indicatorId: null, value: 120, unit: '家', year: null, kind: 'achievement', measure: 'cumulative' },
      { indicatorId: null, value: 25, unit: '', year: null, kind: 'achievement', measure: 'level' },
    ]);
    expect(targets.map((t) => t.phrase)).toEqual(['注册企业', '落地实体项目']);
  });

  test('an unmapped count is named by the thing it counts, after the number when examples or a joining word come before it', () => {
    const phrases = (text: string) => extractTargets([para(text)], plan2025).map((t) => `${t.valueText} ${t.phrase}`);
    // Examples before the number (A、B等N个X), a list of names the number sums up, a joining word (和) between two counts,
    // a predicate after the thing counted.
    expect(phrases('培育武金燚、黄印冉等2名本土专家,吸引哈工大、清华、北大等23名高端人才入住“博士楼”。')).toEqual(['2名 本土专家', '23名 高端人才']);
    expect(phrases('润丰林业、叁迪光学6家企业项目入围国家赛。')).toEqual(['6家 企业项目']);
    expect(phrases('27个社区和743个村科普小组实现全覆盖。')).toEqual(['27个 社区', '743个 村科普小组']);
    expect(phrases('与15名院士建立了长期稳定深入合作关系。')).toEqual(['15名 院士']);
    // A part (其中) of the count before: named by the whole and the words after it, each of a list of parts by its own.
    expect(phrases('重点培育出100家技术领先、规模超10亿的科技领军企业,其中5家超50亿元、30家超20亿元。').slice(1)).toEqual([
      '5家 科技领军企业中超50亿元的', '30家 科技领军企业中超20亿元的',
    ]);
    // What a list before a count names stays: each count after its own name.
    expect(phrases('省级以上技术创新中心6家、省级企业技术中心8家。')).toEqual(['6家 省级以上技术创新中心', '8家 省级企业技术中心']);
  });

  test('never maps an amount to an indicator counted in another unit (001: 10亿元…科技型中小企业…保证金)', () => {
    const text = '设立10亿元科技型中小企业信用贷款风险保证金,支持银行为1000家科技型中小企业新增信用贷款100亿元;';
    expect(extractTargets([para(text)], { indicators, period: { start: 2014, end: 2014 } }).map((t) => [t.value, t.unit, t.indicatorId, t.measure])).toEqual([
      [10, '亿元', null, 'level'],
      [1000, '家', null, 'level'],
      [100, '亿元', null, 'increase'],
    ]);
  });

  test('counts 其中5家 as part of what was counted, and leaves thresholds out (001)', () => {
    const text = '重点培育出100家技术领先、规模超10亿的科技领军企业,其中5家超50亿元、30家超20亿元,形成20个产业集群。';
    expect(extractTargets([para(text)], { indicators, period: { start: 2014, end: 2014 } }).map((t) => [t.valueText, t.indicatorId])).toEqual([
      ['100家', 'leading-tech-enterprises'],
      ['5家', null],
      ['30家', null],
      ['20个', null],
    ]);
  });

  test('finds the indicator of a bare 投入总额 earlier in the sentence (004)', () => {
    const text = '十三五期间,研发经费投入不断创新高,2020年投入总额达到6亿元,实现了快速增长。';
    expect(extractTargets([para(text)], plan2025)[0]).toMatchObject({ indicatorId: 'rd-expenditure', value: 6, unit: '亿元', kind: 'achievement', year: 2020 });
  });

  test('tells 全社会研发投入强度 from enterprise R&D ratios (003, 004)', () => {
    const blocks = [
      para('十四五末,宝坻区规模以上企业研发投入R&D占销售收入比例达到2.8%;', 'p1'),
      para('2020年科技进步贡献率为59.5%,全社会研发投入占GDP比重达到1.45%,万人发明专利拥有量达到了2.37件。', 'p2'),
    ];
    expect(extractTargets(blocks, plan2025).map((t) => t.indicatorId)).toEqual(['enterprise-rd-to-sales', 'st-progress-contribution', 'rd-intensity', 'invention-patents-per-10k']);
  });

  test('takes no years, dates, document numbers, ordinals, ranks, heading numbers or names as values', () => {
    const blocks: Block[] = [
      para('经区政府第189次常务会议审议通过，现将《红桥区科技创新三年行动工作方案（2020-2022年）》印发给你们。', 'p1'),
      para('为贯彻落实《天津市科技创新三年行动计划(2020—2022年)》(津政发〔2020〕23号),特制定本实施方案。', 'p2'),
      para('2021年4月7日', 'p3'),
      para('2019年我市县域创新能力实现了跃升,由原来的26位提升到21位;2020年,我市以90.75分位列“中国县域科技创新百佳县市”第53位。', 'p4'),
      heading(3, '1.', '2035年远景目标。', 's1'),
      para('打造5G创新智慧城,实施生态环境建设等10大科技示范工程,培育建设10家863计划产业化基地,大力实施“1253”工程,构建“4+1产业布局,紧盯世界500强企业,形成京津唐20分钟交通圈。', 'p5'),
    ];
    expect(extractTargets(blocks, plan2025).map((t) => `${t.blockId} ${t.valueText}`)).toEqual(['p4 90.75分', 'p5 10家']);
  });

  test('reads phrasings the seeds do not use: 由…的x家增至…的y家, 个百分点, 倍, thousands separators', () => {
    // Written for the test, to keep the rules from fitting only the five seeds.
    const text = '高新技术企业由2015年的58家增至2020年的151家，年均增长21.1%；研发投入强度提高0.5个百分点，有效发明专利突破1,000件，技术合同成交额较2015年增长1.5倍。';
    expect(extractTargets([para(text)], plan2025).map((t) => [t.valueText, t.value, t.indicatorId, t.kind, t.measure, t.year])).toEqual([
      ['58家', 58, 'high-tech-enterprises', 'baseline', 'level', 2015],
      ['151家', 151, 'high-tech-enterprises', 'achievement', 'level', 2020],
      ['21.1%', 21.1, 'high-tech-enterprises', 'achievement', 'growth', 2020],
      ['0.5个百分点', 0.5, 'rd-intensity', 'achievement', 'increase', 2020],
      ['1,000件', 1000, 'valid-invention-patents', 'achievement', 'level', 2020],
      ['1.5倍', 1.5, 'technology-contract-turnover', 'achievement', 'growth', 2020],
    ]);
  });

  test('reads full-width digits (５００家, ３．２％, ２０２５年) as digits, the values given as written', () => {
    // Written for the test: some portals print a document's digits full-width. Broken once: no value was read at all.
    const text = '到２０２５年，全区高新技术企业达到５００家，研发投入强度达到３．２％。';
    expect(extractTargets([para(text)], plan2025).map((t) => [t.valueText, t.value, t.indicatorId, t.kind, t.year, text.slice(t.start, t.end)])).toEqual([
      ['５００家', 500, 'high-tech-enterprises', 'target', 2025, '５００家'],
      ['３．２％', 3.2, 'rd-intensity', 'target', 2025, '３．２％'],
    ]);
  });

  test('reads amounts in Chinese numerals (一千家, 两千五百家, 五十万元, 百分之五十), the values given as written', () => {
    // Written for the test: county texts write counts in Chinese numerals. Broken once: only 0.5个百分点 was read.
    const text = '到2025年，全区高新技术企业数量突破一千家，科技型中小企业达到两千五百家，研发投入强度提高0.5个百分点，覆盖率达到百分之五十，新增省级重点实验室五家以上。';
    expect(extractTargets([para(text)], plan2025).map((t) => [t.valueText, t.value, t.unit, t.indicatorId, text.slice(t.start, t.end)])).toEqual([
      ['一千家', 1000, '家', 'high-tech-enterprises', '一千家'],
      ['两千五百家', 2500, '家', 'tech-smes', '两千五百家'],
      ['0.5个百分点', 0.5, '个百分点', 'rd-intensity', '0.5个百分点'],
      ['百分之五十', 50, '%', null, '百分之五十'],
      ['五家以上', 5, '家', null, '五家以上'],
    ]);
    // A doubling is a growth: 翻一番 by once the amount, 翻两番 by three times.
    const doubled = '到2025年，技术合同成交额实现翻一番，高新技术企业数量翻两番。';
    expect(extractTargets([para(doubled)], plan2025).map((t) => [t.valueText, t.value, t.unit, t.measure, t.indicatorId])).toEqual([
      ['翻一番', 1, '倍', 'growth', 'technology-contract-turnover'],
      ['翻两番', 3, '倍', 'growth', 'high-tech-enterprises'],
    ]);
    // Names and slogans keep Chinese numerals and are no amounts: 四个意识, 四项工程, 人才九条, 九元科技, 千家万户, 一家一策.
    const slogans = '增强“四个意识”，实施“苗圃”“雏鹰”四项工程，落实人才九条，支持九元科技发展，服务千家万户，实行一家一策。';
    expect(extractTargets([para(slogans)], plan2025)).toEqual([]);
  });

  test('quotes the whole sentence, narrowed to the clauses around the value when a paragraph lost its 。 (003)', () => {
    const clause = '推动园区主导产业特色化、高端化发展,加强精准招商,实施补链、延链、强链,打造若干特色创新产业集群';
    const text = `${clause.repeat(8)};区级农业科技示范园区达5家;${clause.repeat(8)}`;
    const [t] = extractTargets([para(text)], plan2025);
    expect(t!.quote).toBe('区级农业科技示范园区达5家;');
    expect(extractTargets([para('区级农业科技示范园区达5家;创新型企业发展壮大。下一句。')], plan2025)[0]!.quote).toBe('区级农业科技示范园区达5家;创新型企业发展壮大。');
  });

  test('numbers the targets v1, v2 … across blocks in reading order', () => {
    const targets = extractTargets([para('全区有效发明专利达到3500件。', 'a'), para('技术合同成交额达到60亿元。', 'b')], plan2022);
    expect(targets.map((t) => `${t.id} ${t.blockId}`)).toEqual(['v1 a', 'v2 b']);
  });
});

describe('richTextOfTarget(block, target)', () => {
  test('is the block for prose and the cell for a table, so that text.slice(start, end) is the value', () => {
    const table: TableBlock = {
      kind: 'table', id: 't1', lines: [1, 2], part: 'body', caption: null, captionLine: null,
      head: [cells('指标名称', '2025年目标')], rows: [cells('5.高新技术企业数量(家)', '130')], rowHeader: 0, notes: [], notesEn: [],
    };
    const blocks: Block[] = [para('全区有效发明专利达到3500件。'), table];
    const targets = extractTargets(blocks, plan2025);
    expect(targets.map((t) => t.valueText)).toEqual(['3500件', '130']);
    for (const t of targets) {
      const rich = richTextOfTarget(blocks.find((b) => b.id === t.blockId)!, t);
      expect(rich.text.slice(t.start, t.end)).toBe(t.valueText);
    }
    expect(() => richTextOfTarget(table, { blockId: 't1', cell: { row: 3, col: 1 } })).toThrow(/no cell 3,1 in block t1/u);
  });
});

describe('findValues(text)', () => {
  test('multiplies 万 out of counts and areas but keeps money in its written unit', () => {
    const values = findValues('新增科技型中小企业1万家,孵化面积超过2.6万平方米,水域总面积30余万亩,融资40.5亿元,融资3000万元').values;
    expect(values.map((v) => [v.valueText, v.value, v.unit, v.qualifiers])).toEqual([
      ['1万家', 10000, '家', []],
      ['2.6万平方米', 26000, '平方米', []],
      ['30余万亩', 300000, '亩', ['余']],
      ['40.5亿元', 40.5, '亿元', []],
      ['3000万元', 3000, '万元', []],
    ]);
  });

  test('says why it skipped a number', () => {
    const { skipped } = findValues('第53位,规模超10亿的企业,2021年4月,〔2021〕141号,5G,20分钟');
    expect(skipped.map((s) => `${s.text}:${s.reason}`)).toEqual(['53:ordinal', '10亿:threshold', '2021:year', '4:date', '2021:document-number', '141:document-number', '5:name', '20:duration']);
  });

  test('a sum or share above or below which a thing is counted is a threshold; a count, a fund’s size and a target are not', () => {
    const read = (text: string) => findValues(text).values.map((v) => v.valueText);
    expect(findValues('对技术合同登记额在1000万元以上的企业给予补助').skipped.map((s) => `${s.text}:${s.reason}`)).toEqual(['1000万元:threshold']);
    expect(read('营收5000万元以上的企业达到100家，研发投入占比3%以下的企业减少')).toEqual(['100家']);
    expect(read('设立10亿元的科技成果转化基金，实现研发投入强度3%以上的目标，建成10家以上的创新平台')).toEqual(['10亿元', '3%以上', '10家以上']);
    // A cap on what is granted is no threshold; 营收不超过 still is.
    expect(read('对企业研发投入给予不超过50万元的补助')).toEqual(['50万元']);
    expect(findValues('营收不超过5000万元的企业').skipped.map((s) => s.reason)).toEqual(['threshold']);
  });

  test('the one thing a rate is counted per is no amount; one a year is', () => {
    expect(findValues('每引进1名博士研究生，给予5万元补贴；每新增1家高新技术企业').skipped.map((s) => `${s.text}:${s.reason}`)).toEqual(['1名:per', '1家:per']);
    expect(findValues('每年新增1家，每月1场').values.map((v) => v.valueText)).toEqual(['1家']);
  });
});

describe('parseIndicators(yamlText, file)', () => {
  test('reads the registry: every indicator has aliases defaulted and a comparability note', () => {
    expect(indicators.length).toBeGreaterThan(20);
    expect(indicators.find((i) => i.id === 'rd-intensity')).toMatchObject({ name: '全社会研发投入强度', unit: '%', kind: 'ratio' });
    expect(indicators.find((i) => i.id === 'st-progress-contribution')!.aliases).toEqual([]);
  });

  test('names the file and line of a phrase claimed by two indicators', () => {
    const yaml = [
      '- { id: a-one, name: 研发投入强度, nameEn: A, nameEnSource: editors, unit: "%", kind: ratio, definition: { text: 定义, textEn: A definition., editors: true }, comparability: 说明 }',
      '- id: b-two',
      '  name: 规上企业研发投入占比',
      '  aliases: [研发投入强度]',
      '  nameEn: B',
      '  nameEnSource: editors',
      '  unit: "%"',
      '  kind: ratio',
      '  definition: { text: 定义, textEn: A definition., editors: true }',
      '  comparability: 说明',
    ].join('\n');
    expect(() => parseIndicators(yaml, 'content/indicators.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [DataError: invalid data in content/indicators.yaml:
        content/indicators.yaml:4 › 1.aliases: phrase "研发投入强度" already belongs to a-one]
    `);
  });

  test('rejects an id that is not kebab-case English', () => {
    expect(() => parseIndicators('- { id: 研发, name: 研发, nameEn: R, nameEnSource: editors, unit: "%", kind: ratio, definition: { text: 定义, textEn: A definition., editors: true }, comparability: 说明 }', 'x.yaml')).toThrow(/x\.yaml:1 › 0\.id: use kebab-case/u);
  });

  test('refuses an English comparability note, at its line, and says where the English belongs', () => {
    // Chinese pages show `comparability`; an English note must go to `comparabilityEn`.
    const yaml = [
      '- id: rd-intensity',
      '  name: 全社会研发投入强度',
      '  nameEn: Gross R&D intensity',
      '  nameEnSource: editors',
      '  unit: "%"',
      '  kind: ratio',
      '  definition: { text: 全社会研发经费支出占地区生产总值的比重。, textEn: A definition., editors: true }',
      '  comparability: Economy-wide R&D over GDP.',
    ].join('\n');
    expect(() => parseIndicators(yaml, 'x.yaml')).toThrow(/x\.yaml:8 › 0\.comparability: write this in Chinese \(it has no Chinese character\); the English text belongs in comparabilityEn/u);
    expect(parseIndicators(yaml.replace('comparability:', 'comparabilityEn:') + '\n  comparability: 全社会R&D经费支出与GDP之比。', 'x.yaml')[0]).toMatchObject({
      comparability: '全社会R&D经费支出与GDP之比。',
      comparabilityEn: 'Economy-wide R&D over GDP.',
    });
  });

  test('a definition needs its English (textEn), refused at its line when missing, Chinese, or stating a number in the editors’ wording', () => {
    const yaml = (definition: string) =>
      ['- id: rd-intensity', '  name: 全社会研发投入强度', '  nameEn: Gross R&D intensity', '  nameEnSource: editors', '  unit: "%"', '  kind: ratio', '  definition:', ...definition.split('\n').map((l) => `    ${l}`), '  comparability: 之比。'].join('\n');
    expect(() => parseIndicators(yaml('text: 研发经费支出占GDP的比重。\neditors: true'), 'x.yaml')).toThrow(/x\.yaml:8 › 0\.definition\.textEn: missing: write here the English of text, for the English edition/u);
    expect(() => parseIndicators(yaml('text: 研发经费支出占GDP的比重。\ntextEn: 研发经费支出占GDP的比重。\neditors: true'), 'x.yaml')).toThrow(
      /x\.yaml:9 › 0\.definition\.textEn: write this in English \(it is mostly Chinese\); the Chinese text belongs in text/u,
    );
    expect(() => parseIndicators(yaml('text: 研发经费支出占GDP的比重。\ntextEn: R&D spending over GDP, in 2020.\neditors: true'), 'x.yaml')).toThrow(/x\.yaml:9 › 0\.definition\.textEn: the editors’ own wording states no numbers/u);
    expect(parseIndicators(yaml('text: 研发经费支出占GDP的比重。\ntextEn: R&D spending as a share of GDP (研发经费).\neditors: true'), 'x.yaml')[0]!.definition.textEn).toBe('R&D spending as a share of GDP (研发经费).');
    // A source is cited in English too.
    const sourced = 'text: 研发经费支出占GDP的比重。\ntextEn: R&D spending over GDP.\nsource: 某办法（国科发火〔2016〕32号）\nchecked: 2026-12-01\nagainst: official';
    expect(() => parseIndicators(yaml(sourced), 'x.yaml')).toThrow(/x\.yaml:10 › 0\.definition\.source: write the source in English too \(sourceEn\), for the English edition/u);
    expect(parseIndicators(yaml(`${sourced}\nsourceEn: A measure (国科发火〔2016〕32号)`), 'x.yaml')[0]!.definition.sourceEn).toBe('A measure (国科发火〔2016〕32号)');
  });
});
