import { describe, expect, test } from 'vitest';
import { parseDate, parsePeriod } from './lexicon/index.ts';
import { readPortalFields } from './portal-fields.ts';
import { detectKind } from './metadata.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';

describe('readPortalFields(removed)', () => {
  const { portalFields } = loadRegistries('seeds', 'content');
  test('reads several spaced labels on one line, each with its line and raw text', () => {
    const fields = readPortalFields([
      { line: 5, text: '索   引  号 :1112011300018871XP/2021-00011 发 布 机 构 :天津市北辰区人民政府', kind: 'metadata', rule: 'x', label: '某字段' },
      { line: 9, text: '成 文 日 期 :2021年04月19日发 文 日 期 :2021年04月19日', kind: 'metadata', rule: 'x', label: '某字段' },
    ], portalFields);
    expect(fields.get('索引号')).toEqual({ value: '1112011300018871XP/2021-00011', line: 5, raw: '索   引  号 :1112011300018871XP/2021-00011' });
    expect(fields.get('发布机构')?.value).toBe('天津市北辰区人民政府');
    expect(fields.get('成文日期')?.value).toBe('2021年04月19日');
    // 发文日期, 发布日期, 发布时间 … are one field: the date the portal published the document.
    expect(fields.get('发布日期')?.value).toBe('2021年04月19日');
  });
  test('ignores chrome lines', () => {
    expect(readPortalFields([{ line: 1, text: '来源:x 发布时间:2021-01-01', kind: 'chrome', rule: 'x', label: '某元素' }], portalFields).size).toBe(0);
  });
});

describe('parseDate(s)', () => {
  test('reads Chinese, ISO and bracketed dates', () => {
    expect(['2021年04月19日', '2021-09-28 16:08', '( 2014-02-14 )', '2022年7月10日'].map(parseDate)).toEqual(['2021-04-19', '2021-09-28', '2014-02-14', '2022-07-10']);
  });
  test('rejects impossible and partial dates', () => {
    expect([parseDate('2021年13月1日'), parseDate('2021年'), parseDate('2021111')]).toEqual([null, null, null]);
  });
  test('reads digits whose 年月日 were lost only when one reading is a date', () => {
    expect([parseDate('202147'), parseDate('2021106')]).toEqual(['2021-04-07', '2021-10-06']);
  });
});

describe('parsePeriod(s)', () => {
  test('reads year ranges with any dash, five-year-plan names and outlooks', () => {
    expect(parsePeriod('北辰区科技创新三年行动计划实施方案(2020-2022年)')).toEqual({ start: 2020, end: 2022, outlook: null });
    expect(parsePeriod('（2020—2022年）')).toEqual({ start: 2020, end: 2022, outlook: null });
    expect(parsePeriod('宝坻区科技创新“十四五”发展规划')).toEqual({ start: 2021, end: 2025, outlook: null });
    expect(parsePeriod('规划期为2021—2025年，展望到2035年')).toEqual({ start: 2021, end: 2025, outlook: 2035 });
  });
  test('returns null when there is no period', () => {
    expect(parsePeriod('北方网:科委将实施科技支撑美丽天津建设工程')).toBeNull();
  });
});

describe('detectKind(kinds, title, …)', () => {
  const kinds = loadRegistries('seeds', 'content').kinds;
  const kindOf = (title: string | null, period: { start: number; end: number } | null = null, front: string[] = [], opening: string[] = []) =>
    detectKind(kinds, title, period ? { ...period, outlook: null } : null, front, opening)?.id ?? null;
  test('from the title, a trailing note in brackets aside', () => {
    expect(kindOf('某市科技创新券管理办法（试行）')).toBe('measures');
    expect(kindOf('某区科技创新“十四五”规划（征求意见稿）')).toBe('five-year-plan');
    expect(kindOf('《某区行动计划（2025—2027年）》政策解读')).toBe('other');
    expect(kindOf('2023年全市科技创新工作要点')).toBe('work-points');
    expect(kindOf('某县科技局2023年工作计划')).toBe('work-points');
    expect(kindOf('关于做好2023年科技创新工作安排')).toBe('work-points');
    expect(kindOf('某区科技创新三年行动计划(2024-2026年)', { start: 2024, end: 2026 })).toBe('three-year-action-plan');
    expect(kindOf('一图读懂《某市科技创新条例》')).toBe('other');
    // A plan of ten years or more is no five-year plan.
    expect(kindOf('某市科技创新中长期规划（2021—2035年）', { start: 2021, end: 2035 })).toBe('long-term-plan');
    expect(kindOf('某省中长期科学和技术发展规划纲要（2006—2020年）', { start: 2006, end: 2020 })).toBe('long-term-plan');
  });
  test('an action plan is a three-year action plan only when its period has three years', () => {
    expect(kindOf('某区科技创新行动计划(2024-2026年)', { start: 2024, end: 2026 })).toBe('three-year-action-plan');
    expect(kindOf('某市推进创新驱动发展战略行动计划(2022—2025年)', { start: 2022, end: 2025 })).toBe('implementation-plan');
  });
  test('without a title: the byline, then the opening text', () => {
    expect(kindOf('把握新定位', null, ['——在2015年某市科技工作会议上的报告'])).toBe('conference-report');
    expect(kindOf(null, null, [], ['《某某日报》12月17日报道 12月16日，自治区政府新闻办举行发布会。'])).toBe('news');
    expect(kindOf(null, null, [], ['为深入贯彻落实……，提出如下实施意见。'])).toBe('measures');
    expect(kindOf(null, null, [], ['新华社北京12月28日电（记者 某某）科技部28日发布……'])).toBe('news');
    expect(kindOf(null, null, [], ['记者从市科技局获悉，……'])).toBe('news');
    expect(kindOf('苏州发布“十四五”科技创新规划', null, [], ['本报讯（记者 某某）12月28日，市政府新闻办召开新闻发布会。'])).toBe('news');
    expect(kindOf(null, null, [], ['各有关单位：'])).toBeNull();
    // A report of a document's issue, whatever its headline names (出台…措施 would read as measures).
    expect(kindOf('某市出台科技创新十条措施', null, [], ['近日，某市人民政府印发《某市支持科技创新若干措施》，从十个方面提出支持政策。'])).toBe('news');
    expect(kindOf('某市支持科技创新若干措施', null, [], ['为深入实施创新驱动发展战略，近日，市政府印发《实施意见》。'])).toBe('measures');
  });
});

describe('region of a plan whose title names a place the division table lacks', () => {
  const reg = loadRegistries('seeds', 'content');
  const build = (text: string) =>
    buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta.region;
  const body = '一、总体要求\n深入对接北京市创新资源，推动科技创新。到2025年，高新技术企业达到100家。\n二、重点任务\n加强平台建设。\n';
  test('a region read from the running text is marked inferred, with a note naming the unknown place', () => {
    // 和海区 is no real district: the text only mentions 北京市, which may be a parent or only a partner.
    const region = build(`和海区科技创新三年行动方案（2023—2025年）\n${body}`);
    expect(region?.value.name).toBe('北京市');
    expect(region?.from).toBe('inferred');
    expect(region?.note).toBe('标题所称“和海区”不在行政区划表中，地区据正文推定');
    expect(region?.noteEn).toBe('“和海区”, named in the title, is not in the table of administrative divisions; the region is read from the text');
  });
  test('a title that names a known place is read as written', () => {
    const region = build(`北辰区科技创新三年行动方案（2023—2025年）\n${body}`);
    expect(region?.value.name).toBe('北辰区');
    expect(region?.from).toBe('text');
  });
});

describe('region of a report that names its own division only in passing', () => {
  const reg = loadRegistries('seeds', 'content');
  const region = (text: string) => buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta.region;
  const news = (mention: string, self = '全县') =>
    `日期:2017-03-08\n3月1日上午，${self}科技工作会议召开，${self}23个乡镇负责人参加会议。\n会议强调，${self}各级各部门要强化科技意识。\n会议指出，要加快建设创新体系。\n会议要求，完善科技服务体系。\n${mention}\n会议要求，${self}上下狠抓落实。\n`;
  test('a county report (全县) naming one county, inside a zone’s name: that county, inferred, with the sentence', () => {
    const r = region(news('积极推进监利经济开发区、县城区工业园等园区建设。'));
    expect(r).toMatchObject({ value: { id: 'hubei-jianli' }, from: 'inferred', line: 6, raw: '积极推进监利经济开发区、县城区工业园等园区建设。' });
    expect(r?.note).toBe('正文自称“全县”，所提到的县只有“监利”，据此推定');
    expect(r?.noteEn).toBe('the text calls itself “全县” (its county) and names one county only, “监利”');
  });
  test.each([
    { rule: 'two counties named', text: news('积极推进监利经济开发区、洪湖经济开发区建设。') },
    { rule: 'a place outside the county named too', text: news('积极推进监利经济开发区建设，学习苏州工业园区经验。') },
    { rule: 'a city report (全市) naming one county: not the city’s own region', text: news('积极推进监利经济开发区建设。', '全市') },
    { rule: 'the level word fewer than three times', text: '会议召开，全县负责人参加。\n会议指出，要加快建设创新体系。\n会议要求，完善科技服务体系。\n会议强调，强化科技意识。\n积极推进监利经济开发区建设。\n' },
    { rule: 'no division named', text: news('积极推进经济开发区建设。') },
  ])('$rule: no region', ({ text }) => {
    expect(region(text)).toBeNull();
  });
});

describe('validity of a text whose portal gives none', () => {
  const reg = loadRegistries('seeds', 'content');
  const validity = (text: string) => buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta.validity;
  test('is the text’s own words on its term, with their line; none when it states none', () => {
    expect(validity('某市支持科技创新若干措施\n第一条 支持研发。\n第二条 本措施自发布之日起施行，有效期3年。')).toMatchObject({ value: '有效期3年', from: 'text', line: 3 });
    expect(validity('某市支持科技创新若干措施\n第一条 支持研发。\n第二条 本措施自2023年1月1日起施行，有效期至2025年12月31日。')?.value).toBe('有效期至2025年12月31日');
    expect(validity('某市科技创新规划\n一、总体要求\n推动科技创新。')).toBeNull();
  });
  test('of a draft is the word its title names itself by (征求意见稿, 草案), before any term it states', () => {
    expect(validity('某市科技创新“十四五”规划（征求意见稿）\n一、发展基础\n甲。')).toMatchObject({ value: '征求意见稿', from: 'text', line: 1 });
    expect(validity('某市支持科技创新若干措施（草案）\n第一条 支持研发。\n第二条 本措施有效期3年。')?.value).toBe('草案');
    // Named by the notice that puts it out for comment.
    expect(validity('某市科学技术局关于公开征求《某市科技创新三年行动方案（征求意见稿）》意见的公告\n为广泛听取意见，现予公布。\n某市科技创新三年行动方案\n一、目标\n甲。')).toMatchObject({ value: '征求意见稿', line: 1 });
    // A measure on trial (试行) is in force: not a draft.
    expect(validity('某市科技创新券管理办法（试行）\n第一条 为激发企业创新活力，制定本办法。')).toBeNull();
  });
});

describe('period of work points that follow a summary of the year before', () => {
  const reg = loadRegistries('seeds', 'content');
  const period = (text: string) => buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta.period?.value;
  test('is the year of the points, not the first year the title names', () => {
    expect(period('某市科学技术局2022年工作总结和2023年工作要点\n一、2022年工作总结\n成效显著。\n二、2023年工作要点\n培育创新主体。')).toMatchObject({ start: 2023, end: 2023 });
    expect(period('某市科学技术局2023年工作要点\n一、总体要求\n培育创新主体。')).toMatchObject({ start: 2023, end: 2023 });
  });
});

describe('issuer of a notice signed on one line: two bodies, or a body and the date', () => {
  const reg = loadRegistries('seeds', 'content');
  test('both bodies are the issuer, set apart by one space; the line is its source', () => {
    const text =
      '关于印发《南京市关于加快科技成果转化的若干措施》的通知\n各区科技局、财政局，各有关单位：\n现将《南京市关于加快科技成果转化的若干措施》印发给你们，请遵照执行。\n南京市科学技术局　　　　南京市财政局\n2023年5月6日\n南京市关于加快科技成果转化的若干措施\n一、支持技术转移机构建设。\n';
    const { issuer, dateWritten } = buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta;
    expect(issuer).toMatchObject({ value: '南京市科学技术局 南京市财政局', line: 4, raw: '南京市科学技术局　　　　南京市财政局' });
    expect(dateWritten?.value).toBe('2023-05-06');
  });
  test('a signature and its date run together on one line: the bodies before the date are the issuer, the date the date written', () => {
    const text =
      '关于印发南京市科技创新行动方案的通知\n各区人民政府，市府各委办局：\n《南京市科技创新行动方案》已经市政府同意，现印发给你们，请认真组织实施。\n南京市人民政府办公厅　2023年5月6日\n南京市科技创新行动方案\n一、总体要求\n';
    const { issuer, dateWritten } = buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, reg).meta;
    expect(issuer).toMatchObject({ value: '南京市人民政府办公厅', line: 4 });
    expect(dateWritten).toMatchObject({ value: '2023-05-06', line: 4 });
  });
});
