import { describe, expect, test } from 'vitest';
import { edition, editions, fitTitle, hasEnglish, localPlanUrl, localUrl, localeOf, pageOf, ui } from './index.ts';
import { en, zh } from './ui.ts';
import { chineseRuns, comparabilityReasonsEn, dateEn, periodEn, provenanceEn, regionNameEn } from './english.ts';
import { comparability } from '../values.ts';
import type { RegionRef } from '../../schemas/plan.ts';

describe('which pages have an English edition (issue 13: every page of the site)', () => {
  test.each([
    '', 'plans/xinji-14th-five-year/', 'plans/xinji-14th-five-year/source/', 'indicators/', 'indicators/rd-intensity/', 'compare/', 'regions/', 'regions/tianjin/', 'glossary/', 'glossary/dengling-qiye/', 'data/', 'search/',
    'departments/', 'departments/x/', 'documents/', 'documents/x/', 'themes/', 'themes/x/', 'instruments/', 'instruments/x/', 'incentives/', 'incentives/high-tech-enterprises/', 'incentives/other/2/', 'reuse/',
    'regions/tianjin/2/', 'indicators/rd-intensity/3/', 'compare/2/', 'reuse/2/', 'departments/2/', 'departments/x/2/', 'browse/all/2/', 'browse/kind-plan/',
    'embed/plan-xinji-14th-five-year-baseline-target/', 'departments/region/tianjin-hongqiao/', 'departments/region/tianjin-hongqiao/2/',
  ])('%s has one', (path) => {
    expect(hasEnglish(path)).toBe(true);
  });
  test.each(['plans/xinji-14th-five-year/source/x/', 'reuse/x/', 'compare/x/y/', 'data/targets.csv', 'sources/x.txt', '404.html', 'charts/regions-timeline.svg'])('%s has none', (path) => {
    expect(hasEnglish(path)).toBe(false);
  });
});

test('links from an English page go to English pages where they exist, else to the Chinese page or file', () => {
  expect(localUrl('en', 'compare/')).toBe('/en/compare/');
  expect(localUrl('en', '')).toBe('/en/');
  expect(localUrl('en', 'departments/')).toBe('/en/departments/');
  expect(localUrl('en', 'plans/beichen-2020-2022/source/#L3')).toBe('/en/plans/beichen-2020-2022/source/#L3');
  expect(localUrl('en', 'sources/beichen-2020-2022.txt')).toBe('/sources/beichen-2020-2022.txt');
  expect(localUrl('en', 'data/targets.csv')).toBe('/data/targets.csv');
  expect(localPlanUrl('en', 'beichen-2020-2022', 'p2-1-1')).toBe('/en/plans/beichen-2020-2022/#p2-1-1');
  expect(localPlanUrl('zh-CN', 'beichen-2020-2022', 'p2-1-1')).toBe('/plans/beichen-2020-2022/#p2-1-1');
  expect(localUrl('zh-CN', 'compare/')).toBe('/compare/');
});

test('a page in each language', () => {
  expect(pageOf('/en/glossary/')).toEqual({ locale: 'en', path: 'glossary/' });
  expect(pageOf('/en/')).toEqual({ locale: 'en', path: '' });
  expect(pageOf('/glossary/')).toEqual({ locale: 'zh-CN', path: 'glossary/' });
  expect(editions('/en/compare/')).toEqual({ 'zh-CN': '/compare/', en: '/en/compare/' });
  expect(editions('/themes/')).toEqual({ 'zh-CN': '/themes/', en: '/en/themes/' });
  // The not-found pages are no edition of each other (each stands for any address asked for): the switch goes home.
  expect(editions('/404.html')).toEqual({ 'zh-CN': null, en: null });
  expect(editions('/en/404.html')).toEqual({ 'zh-CN': null, en: null });
  expect(editions('/en/404/')).toEqual({ 'zh-CN': null, en: null });
  expect(editions('/en/404-plan/')).toEqual({ 'zh-CN': '/404-plan/', en: null });
  expect(localeOf('en')).toBe('en');
  expect(localeOf(undefined)).toBe('zh-CN');
  expect(ui('en')).toBe(en);
  // A page's edition in one call: the English site under `en`, the Chinese one for any other locale or none.
  expect(edition('en')).toEqual({ locale: 'en', t: en, en: true });
  expect(edition('zh-CN')).toEqual({ locale: 'zh-CN', t: zh, en: false });
  expect(edition(undefined)).toEqual({ locale: 'zh-CN', t: zh, en: false });
});

test('the English strings have no Chinese, the Chinese ones no English sentence', () => {
  const strings = (o: object): string[] => Object.values(o).flatMap((v) => (v === null ? [] : typeof v === 'string' ? [v] : typeof v === 'function' ? [String(v(...Array<number>(Math.max(1, v.length)).fill(2)))] : strings(v)));
  const englishStrings = strings(en);
  expect(englishStrings.length).toBeGreaterThan(50);
  expect(englishStrings.filter((s) => /\p{Script=Han}/u.test(s))).toEqual([]);
  expect(strings(zh).filter((s) => /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/u.test(s))).toEqual([]);
});

test('dates and periods in English', () => {
  expect(dateEn('2021-04-19')).toBe('19 April 2021');
  expect(dateEn('2021-09-02', true)).toBe('2 Sep 2021');
  expect(dateEn(null)).toBe('—');
  expect(periodEn({ start: 2021, end: 2025, outlook: 2035 })).toBe('2021–2025 (outlook to 2035)');
  expect(periodEn({ start: 2014, end: 2014, outlook: null })).toBe('2014');
});

test('where a metadata value comes from, in English: an inference says how in English, or in Chinese marked so where the model has no English', () => {
  const at = { line: 3, raw: 'x' };
  expect(provenanceEn({ from: 'text', ...at, note: null, noteEn: null })).toEqual({ text: 'source line 3', note: null });
  expect(provenanceEn({ from: 'inferred', ...at, note: '据通知标题推定', noteEn: 'from the covering notice’s title' })).toEqual({ text: 'inferred (source line 3): ', note: { text: 'from the covering notice’s title', lang: 'en' } });
  expect(provenanceEn({ from: 'inferred', ...at, note: '据通知标题推定', noteEn: null }).note).toEqual({ text: '据通知标题推定', lang: 'zh-CN' });
  expect(provenanceEn(null).text).toBe('not in the text');
});

test('a region is named in English only when the registry gives every name of its chain', () => {
  const ref: RegionRef = {
    id: 'tianjin-beichen', code: '120113', name: '北辰区', fullName: '天津市北辰区', level: 'district',
    parents: [{ id: 'tianjin', code: '120000', name: '天津市', level: 'province' }],
  } as RegionRef;
  const overlay = [{ id: 'tianjin', code: '120000', nameEn: 'Tianjin', aliases: [], former: [], source: 's', checked: '2026-12-01' }];
  expect(regionNameEn(ref, overlay)).toEqual({ text: '天津市北辰区', lang: 'zh-CN' });
  expect(regionNameEn(ref, [...overlay, { id: 'tianjin-beichen', code: '120113', nameEn: 'Beichen District', aliases: [], former: [], source: 's', checked: '2026-12-01' }])).toEqual({ text: 'Tianjin › Beichen District', lang: 'en' });
});

test('the English comparability reasons are the same reasons comparability() gives, in the same number', () => {
  const indicator = { id: 'rd-intensity', unit: '%', kind: 'ratio' as const };
  const cases = [
    { indicatorId: 'rd-intensity', phrase: '研发投入强度', value: 3.2, valueText: '3.2%', unit: '%', measure: 'level' as const },
    { indicatorId: 'rd-intensity', phrase: '研发投入强度', value: 10, valueText: '10%', unit: '%', measure: 'growth' as const },
    { indicatorId: 'other', phrase: '研发经费', value: null, valueText: '', unit: '亿元', measure: 'increase' as const },
  ];
  for (const v of cases) expect(comparabilityReasonsEn(v, indicator)).toHaveLength(comparability(v, indicator).reasons.length);
  expect(comparabilityReasonsEn(cases[2]!, indicator).flat().filter((w) => w.lang === 'en' && /\p{Script=Han}/u.test(w.text))).toEqual([]);
  expect(comparabilityReasonsEn(cases[1]!, indicator)).toEqual([[{ text: 'another measure: a growth rate, the indicator’s is a level to reach', lang: 'en' }]]);
  // A level: 国家级科技企业孵化器3家 against every incubator; a 市级 park against parks of 市级以上.
  const incubators3 = { indicatorId: 'incubators', phrase: '国家级科技企业孵化器', value: 3, valueText: '3家', unit: '家', measure: 'level' as const, level: '国家级' };
  const incubators = { id: 'incubators', unit: '家', kind: 'stock' as const, levels: 'all' };
  expect(comparabilityReasonsEn(incubators3, incubators)).toEqual([[{ text: 'another scope: the national level only, the indicator counts every level', lang: 'en' }]]);
  const parks = { id: 'incubators', unit: '家', kind: 'stock' as const, levels: '市级以上' };
  expect(comparabilityReasonsEn({ ...incubators3, level: '市级' }, parks)).toEqual([[{ text: 'another scope: the city level, the indicator counts the city level and above', lang: 'en' }]]);
  expect(comparability(incubators3, incubators).reasons).toHaveLength(1);
});

test('Chinese quoted in an English registry text is found run by run, and nothing is lost', () => {
  const text = 'NOT 全社会研发投入强度 (rd-intensity); 宝坻: 十四五期间累计35亿元 is a total; (国科发政〔2017〕115号).';
  const parts = chineseRuns(text);
  expect(parts.map((p) => p.text).join('')).toBe(text);
  expect(parts.filter((p) => p.lang === 'zh-CN').map((p) => p.text)).toEqual(['全社会研发投入强度', '宝坻', '十四五期间累计35亿元', '国科发政〔2017〕115号']);
  expect(chineseRuns('No Chinese here')).toEqual([{ text: 'No Chinese here', lang: 'en' }]);
  // Curly quotes are English around English words or a bare number, Chinese around Chinese (a date with its digits).
  expect(chineseRuns('defines it as “a start-up” (“高企”), “202147” as “2021年4月7日”.')).toEqual([
    { text: 'defines it as “a start-up” (', lang: 'en' },
    { text: '“高企”', lang: 'zh-CN' },
    { text: '), “202147” as ', lang: 'en' },
    { text: '“2021年4月7日”', lang: 'zh-CN' },
    { text: '.', lang: 'en' },
  ]);
});

test('fitTitle keeps an English title within 70 characters as Astro writes it (quotes as &quot;)', () => {
  const title = 'Number of "Gazelle" enterprises: plans compared · Indicator: Number of "Gazelle" enterprises';
  const fitted = fitTitle(title);
  expect(fitted.endsWith('…')).toBe(true);
  expect(fitted.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').length).toBeLessThanOrEqual(70);
  expect(fitTitle('Plan periods · China Local S&T Plans')).toBe('Plan periods · China Local S&T Plans');
});

test('the source notes say what the lines left out are, for the kinds there are', () => {
  expect(zh.apparatus.removedIntro(2, 0, 1)).toBe('本页正文照录原文。以下3行未列入正文：网页的导航、页脚等（网页元素），或已读入上方文件信息的网页字段（元数据）。');
  expect(zh.apparatus.removedIntro(0, 2, 0)).toBe('本页正文照录原文。以下2行未列入正文：原文版面的页码、页眉页脚（版面元素）。');
  expect(zh.apparatus.removedIntro(0, 0, 0)).toBe('本页正文照录原文，原文各行均列入正文。');
  expect(en.apparatus.removedIntro(0, 1, 0)).toBe('The text above is the source’s, verbatim. The line below is not part of it: the printed page’s page numbers, running heads and feet (printed page). ');
  expect(en.apparatus.removedIntro(3, 0, 2)).toBe('The text above is the source’s, verbatim. The 5 lines below are not part of it: the web page’s navigation, footer and the like (page elements), or page fields read into the document information above (metadata). ');
});
