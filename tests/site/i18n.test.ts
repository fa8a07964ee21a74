/**
 * The two editions (issue 13): every page says its language in `<html lang>` (`en` under /en/, `zh-CN` elsewhere);
 * a page that exists in both languages links to both (and `x-default` to the Chinese one) with
 * `<link rel="alternate" hreflang>`, and the page it names links back with the same set; every page has a visible
 * language switch that leads to a built page in the other language. Read from the built files, no browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, inject, test } from 'vitest';
import config from '../../astro.config.mjs';
import { builtPages } from '../support/browser.ts';
import { parsedHtmlFile } from '../support/parsed-html.ts';
import type { HtmlElement } from 'html-validate';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const baseUrl = inject('baseUrl');
const pages = builtPages(siteDir);
/** Each edition's not-found page, served for any address without a page (scripts/lib/not-found-page.ts). */
const NOT_FOUND = ['/404.html', '/en/404.html'];
const isEnglish = (path: string) => path === '/en/' || path.startsWith('/en/');
const siteRoot = new URL('/', config.site!).href;
/** Text as the page shows it, to compare with a registry's: entities html-validate leaves, whitespace collapsed. */
const squash = (s: string) => s.replace(/&amp;/gu, '&').replace(/\s+/gu, ' ').trim();


/** The hreflang alternates of a page: language → URL path (from the site root). */
function alternates(file: string): Map<string, string> {
  return new Map(
    parsedHtmlFile(file)
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((l) => [l.getAttributeValue('hreflang')!, new URL(l.getAttributeValue('href')!).pathname]),
  );
}

/** The built file for a URL path, or null. */
function fileOf(path: string): string | null {
  const file = join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) ? file : null;
}

/** Pages the English edition has, as the brief and README name them: the rest of the site is Chinese only. */
// Lists past one page (issue 15) have their pages in both editions: `regions/<id>/2/`, `compare/2/`, `browse/…`.
const BOTH = [
  /^\/$/u,
  /^\/plans\/[^/]+\/(source\/|analysis\/)?$/u,
  /^\/(indicators|glossary|regions|departments|documents|themes|instruments|incentives|alignment)\/([^/]+\/(\d+\/)?)?$/u,
  /^\/browse\/[^/]+\/(\d+\/)?$/u,
  /^\/(compare|reuse)\/(\d+\/)?$/u,
  /^\/(data|search)\/$/u,
  /^\/embed\/[^/]+\/$/u,
];

test('the English edition has the pages it should, and only those', () => {
  const paths = pages.map((p) => p.path);
  expect(paths.filter((p) => NOT_FOUND.includes(p) || /\/404\/$/u.test(p))).toEqual(NOT_FOUND);
  const chinese = paths.filter((p) => !isEnglish(p) && !NOT_FOUND.includes(p));
  const english = paths.filter((p) => isEnglish(p) && !NOT_FOUND.includes(p)).map((p) => p.replace(/^\/en/u, ''));
  const expected = chinese.filter((p) => BOTH.some((r) => r.test(p)));
  expect(expected.length, 'Chinese pages with an English edition').toBeGreaterThan(10);
  expect(english.sort()).toEqual(expected.sort());
});

describe.each(pages)('$path', ({ file, path }) => {
  test('html lang, hreflang both ways, a language switch', () => {
    const problems: string[] = [];
    const english = isEnglish(path);
    const lang = parsedHtmlFile(file).querySelector('html')?.getAttributeValue('lang');
    if (lang !== (english ? 'en' : 'zh-CN')) problems.push(`<html lang="${lang}">, expected ${english ? 'en' : 'zh-CN'}`);

    const own = alternates(file);
    const chinesePath = english ? path.replace(/^\/en/u, '') : path;
    const both = BOTH.some((r) => r.test(chinesePath));
    if (both) {
      const expected = new Map([['zh-CN', chinesePath], ['en', `/en${chinesePath}`], ['x-default', chinesePath]]);
      if (JSON.stringify([...own].sort()) !== JSON.stringify([...expected].sort())) problems.push(`alternates ${JSON.stringify([...own])}, expected ${JSON.stringify([...expected])}`);
      for (const [hreflang, target] of own) {
        const other = fileOf(target);
        if (!other) problems.push(`hreflang="${hreflang}" → ${target}: no such page`);
        else if (JSON.stringify([...alternates(other)].sort()) !== JSON.stringify([...own].sort())) problems.push(`hreflang="${hreflang}" → ${target}: does not link back with the same alternates`);
      }
      for (const l of parsedHtmlFile(file).querySelectorAll('link[rel="alternate"][hreflang]')) {
        if (!l.getAttributeValue('href')!.startsWith(siteRoot)) problems.push(`hreflang href ${l.getAttributeValue('href')} is not absolute under ${siteRoot}`);
      }
    } else if (own.size > 0) {
      problems.push(`a page in one language only has alternates ${JSON.stringify([...own])}`);
    }

    const switches = parsedHtmlFile(file).querySelectorAll('header .language-switch a[href][hreflang]');
    // A chart's embed page has no site chrome by design (issue 14): no header, so no switch (hreflang links name the other edition).
    const embed = chinesePath.startsWith('/embed/');
    if (embed && switches.length > 0) problems.push('an embed page with a site header');
    if (!embed && switches.length !== 1) problems.push(`${switches.length} language switch links in the header, expected 1`);
    for (const a of switches) {
      const target = a.getAttributeValue('href')!;
      const wanted = english ? 'zh-CN' : 'en';
      if (a.getAttributeValue('hreflang') !== wanted || a.getAttributeValue('lang') !== wanted) problems.push(`switch ${a.generateSelector()}: hreflang and lang should be ${wanted}`);
      if (a.textContent.trim() !== (english ? '中文' : 'English')) problems.push(`switch reads “${a.textContent.trim()}”`);
      if (!fileOf(target)) problems.push(`switch → ${target}: no such page`);
      else if (isEnglish(target) === english) problems.push(`switch → ${target}: same language`);
      // The switch leads to the same page in the other language wherever there is one.
      if (both && target !== (english ? chinesePath : `/en${chinesePath}`)) problems.push(`switch → ${target}, expected the same page in the other language`);
    }
    expectNone(problems, path);
  });

  // A reader stays in the edition they chose: a link to a page both editions have leads to the page's own edition
  // (the English analysis page once linked its indicators to the Chinese /indicators/ pages). The language switch
  // and the hreflang links are the ways across.
  test('links lead to pages of its own edition', () => {
    const english = isEnglish(path);
    const problems: string[] = [];
    for (const a of parsedHtmlFile(file).querySelectorAll('a[href]')) {
      if (a.getAttributeValue('hreflang') !== null) continue; // the language switch
      const href = a.getAttributeValue('href')!;
      if (!href.startsWith('/')) continue;
      const target = new URL(href, siteRoot).pathname;
      const inEnglish = isEnglish(target);
      const chineseTarget = inEnglish ? target.replace(/^\/en/u, '') : target;
      if (!BOTH.some((r) => r.test(chineseTarget))) continue; // a page or file in one language only
      if (inEnglish !== english) problems.push(`${a.generateSelector()} → ${href}`);
    }
    expectNone(problems, `${path}: links to the other edition`);
  });
});

// content/indicators.yaml: the English note of 有效发明专利拥有量 says to divide by population, naming
// {invention-patents-per-10k}; a reader meets the indicator's English name, linked, not its id.
test('an English comparability note names the indicators it refers to by their English names, linked', () => {
  const note = parsedHtmlFile(join(siteDir, 'en/indicators/valid-invention-patents/index.html'))
    .querySelectorAll('dd')
    .find((dd) => dd.textContent.includes('divide by population'));
  expect(note, 'the comparability note').toBeDefined();
  expect(note!.textContent).toContain('divide by population (Invention patents held per 10,000 people) to compare');
  expect(note!.textContent).not.toContain('invention-patents-per-10k');
  expect(note!.querySelector('a')?.getAttributeValue('href')).toBe('/en/indicators/invention-patents-per-10k/');
});

// The analysis page's sections were Chinese on the English edition (a Chinese block: 指标与目标, 政策工具,
// 与其他规划相同的文字, the tables' headers), the plan's own words aside.
test('an English analysis page speaks English: its headings and the tables’ headers, the plan’s words quoted in Chinese', () => {
  const root = parsedHtmlFile(join(siteDir, 'en/plans/xinji-14th-five-year/analysis/index.html'));
  const headings = root.querySelectorAll('h2').map((h) => h.textContent.trim());
  expect(headings).toEqual(expect.arrayContaining(['Indicators and targets', 'Policy instruments', 'Text shared with other plans']));
  // Their words outside what is marked Chinese (a plan's title in a caption is).
  const words = (e: HtmlElement): string =>
    e.childNodes.map((n) => (n.nodeType === 3 ? n.textContent : (n as HtmlElement).getAttributeValue?.('lang')?.startsWith('zh') ? '' : words(n as HtmlElement))).join('');
  const ui = [...root.querySelectorAll('h2, h3, th[scope="col"], caption')].map((e) => words(e).trim());
  expect(ui.filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
  // Its first derived figure, read off xinji's 表1 (0.7 → 1.17 件 per 10,000 people, 2020 → 2025): the values in
  // Chinese as the plan writes them, the words around them English.
  const first = root.querySelector('table.derived tbody tr')!;
  expect(first.textContent.replace(/\s+/gu, ' ')).toContain('0.7件 (2020)');
  expect(first.textContent).toContain('% a year');
  // 表1's 科技领军企业数量 starts at 0家: no growth rate, and not for being a ratio (as the page once said).
  const leading = root.querySelectorAll('table.derived tbody tr').find((tr) => tr.textContent.includes('leading technology enterprises'));
  expect(leading?.textContent).toContain('no growth rate from or to zero');
  // 表1's first row lost its indicator's name: the editors' words for it are English, its group quoted in Chinese.
  expect(root.querySelector('#target-v41 th')!.textContent).toBe('not mapped: (name missing in the source; group: 创新实力)');
});

// content/glossary.yaml: 雏鹰企业 has Tianjin's definition (津科规〔2021〕3号, checked against a reprint) and none for
// Hebei, whose plan uses the name. On the English page these stood in Chinese (天津市, 资料来源, 本站没有记录…).
test('an English glossary entry says in English where its definition comes from, and where it has none', () => {
  const root = parsedHtmlFile(join(siteDir, 'en/glossary/chuying-qiye/index.html'));
  expect(root.querySelectorAll('.definition-region h2').map((h) => h.textContent.trim())).toEqual(['Tianjin', 'Hebei Province']);
  const [tianjin, hebei] = root.querySelectorAll('.definition-region p');
  expect(tianjin!.querySelector('.claim-source')!.textContent).toMatch(
    /^ \(the editors’ translation of 天津市的办法所称雏鹰企业，“是指.*”。; source: 《天津市雏鹰企业.*》 \(Tianjin Measures for .*\), 津科规〔2021〕3号 .*, Article 2; reprint: https:\/\/i\.tten\.cn\S+; checked 1 December 2026 against a reprint \(no official text found\)\)$/u,
  );
  expect(hebei!.textContent).toContain('no definition of the term for this region');
  expect(root.querySelectorAll('.definition-region [lang="zh-CN"]').map((e) => e.textContent)).not.toContain('Hebei Province');
});

// Every definition of the registries (content/*.yaml, as the editors wrote them) on its English page, in the editors'
// English (`textEn`) with the Chinese it renders and its source in English (`sourceEn`); the Chinese page shows the
// Chinese only. They were Chinese alone.
describe('a registry’s definitions on the English edition are English, with their Chinese', () => {
  type Definition = { text: string; textEn: string; sourceEn?: string };
  const registry = (file: string) => parse(readFileSync(join('content', file), 'utf8')) as { id: string; definition?: Definition; byRegion?: Definition[] }[];
  const cases = [
    ...registry('indicators.yaml').map((e) => ['indicators', e] as const),
    ...registry('instruments.yaml').map((e) => ['instruments', e] as const),
    ...registry('glossary.yaml').map((e) => ['glossary', e] as const),
  ];
  test('every indicator, instrument and glossary term', () => {
    expect(cases.length).toBeGreaterThan(80);
    const problems = cases.flatMap(([dir, e]) => {
      const en = squash(parsedHtmlFile(join(siteDir, 'en', dir, e.id, 'index.html')).querySelector('main')!.textContent);
      const zh = squash(parsedHtmlFile(join(siteDir, dir, e.id, 'index.html')).querySelector('main')!.textContent);
      return [e.definition, ...(e.byRegion ?? [])].filter((d) => d !== undefined).flatMap((d) => [
        ...(en.includes(squash(d.textEn)) ? [] : [`/en/${dir}/${e.id}/: no English definition “${squash(d.textEn).slice(0, 40)}…”`]),
        ...(en.includes(d.text) ? [] : [`/en/${dir}/${e.id}/: no Chinese beside it`]),
        ...(d.sourceEn === undefined || en.includes(squash(d.sourceEn)) ? [] : [`/en/${dir}/${e.id}/: no English source`]),
        ...(zh.includes(squash(d.textEn)) ? [`/${dir}/${e.id}/: the English on the Chinese page`] : []),
      ]);
    });
    expectNone(problems, 'definitions not shown as they should be');
  });
});

// A plan's breadcrumbs are the trail of its regions (辛集市 in 石家庄市 in 河北省, GB/T 2260; content/regions.yaml has an
// English name for 河北省 only): each region once, by its own name (the Chinese trail read 河北省 › 河北省石家庄市 ›
// 河北省石家庄市辛集市), each linked to its page.
test('a plan’s breadcrumbs name each region by its own name and link it to its page, in both editions', () => {
  const crumbs = (path: string) => parsedHtmlFile(join(siteDir, path)).querySelectorAll('nav.breadcrumbs li').map((li) => [li.textContent, li.querySelector('a')?.getAttributeValue('href')]);
  expect(crumbs('plans/xinji-14th-five-year/index.html')).toEqual([
    ['全部规划', '/'], ['河北省', '/regions/hebei/'], ['石家庄市', '/regions/hebei-shijiazhuang/'], ['辛集市', '/regions/hebei-xinji/'],
  ]);
  expect(crumbs('en/plans/xinji-14th-five-year/index.html')).toEqual([
    ['All plans', '/en/'], ['Hebei Province', '/en/regions/hebei/'], ['石家庄市', '/en/regions/hebei-shijiazhuang/'], ['辛集市', '/en/regions/hebei-xinji/'],
  ]);
});

// The regions' tree names each region once, under the one above it (天津市 › 红桥区, not 天津市 › 天津市红桥区).
test('the regions’ tree names each region by its own name, under the region above it', () => {
  const tree = (path: string) => parsedHtmlFile(join(siteDir, path)).querySelectorAll('nav.region-tree li > a').map((a) => a.textContent);
  expect(tree('regions/index.html')).toEqual(['天津市', '红桥区', '北辰区', '宝坻区', '河北省', '石家庄市', '辛集市']);
  expect(tree('en/regions/index.html')).toEqual(['Tianjin', '红桥区', 'Beichen District', '宝坻区', 'Hebei Province', '石家庄市', '辛集市']);
});

// A region's page listed its documents in the order of the seed files (天津市's: its 2014 report, then 红桥, 北辰 and
// 宝坻 by file name). Now its own, then its districts' newest first: 宝坻 2021—2025, then 北辰 and 红桥 2020—2022, 北辰
// written later (2021年4月19日 against 2021年3月12日; read off the seeds by hand).
test('a region’s page lists its own documents, then those under it newest first, in both editions', () => {
  const listed = (path: string) => parsedHtmlFile(join(siteDir, path)).querySelector('main > ul')!.querySelectorAll('li > a').map((a) => a.getAttributeValue('href'));
  const order = ['tianjin-2014-work-conference', 'baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022'];
  expect(listed('regions/tianjin/index.html')).toEqual(order.map((slug) => `/plans/${slug}/`));
  expect(listed('en/regions/tianjin/index.html')).toEqual(order.map((slug) => `/en/plans/${slug}/`));
});

// content/departments.yaml's notes (why two spellings are one body, what a collective covers) were English only
// and shown on no page: each department page shows its note, in Chinese on the Chinese page, in English on the English.
test('a department’s note from the register is on its page, in the language of the page', () => {
  const noted = (parse(readFileSync(join('content', 'departments.yaml'), 'utf8')) as { id: string; note?: string; noteEn?: string }[]).filter((d) => d.note);
  expect(noted.length).toBeGreaterThan(5);
  const problems = noted.flatMap((d) => {
    const zh = squash(parsedHtmlFile(join(siteDir, 'departments', d.id, 'index.html')).querySelector('main')!.textContent);
    const en = squash(parsedHtmlFile(join(siteDir, 'en', 'departments', d.id, 'index.html')).querySelector('main')!.textContent);
    return [
      ...(zh.includes(`编者说明${d.note}`) ? [] : [`/departments/${d.id}/: no 编者说明`]),
      ...(en.includes(`Editors’ note${squash(d.noteEn!)}`) ? [] : [`/en/departments/${d.id}/: no editors’ note`]),
      ...(zh.includes(squash(d.noteEn!)) ? [`/departments/${d.id}/: the English note on the Chinese page`] : []),
    ];
  });
  expectNone(problems, 'department notes not shown as they should be');
});

// A plan's apparatus after its text (校勘记, 来源说明) stood in Chinese on the English page. Beichen's seed has three
// repairs (content/corrections.yaml) and twelve lines left out (hand-listed in tests/fixtures/removed/seeds.yaml).
test('an English plan page’s apparatus is English: repairs and the lines left out, the source quoted in Chinese', () => {
  const root = parsedHtmlFile(join(siteDir, 'en/plans/beichen-2020-2022/index.html'));
  expect(root.querySelector('#repairs-heading')!.textContent).toBe('Repairs');
  expect(root.querySelector('#removed-heading')!.textContent).toBe('About the source');
  const repair = root.querySelector('.repairs li')!;
  expect(repair.textContent).toMatch(/^In the text: the source has “202147”, the text “2021年4月7日”\. The characters 年, 月 and 日 of the date under the signature were lost/u);
  expect(repair.querySelector('.replacement [lang="zh-CN"]')?.textContent).toBe('2021年4月7日');
  // In the text, the repair's mark: its note (the link's name) English, the source's Chinese in it marked.
  const mark = root.querySelector('#r1 > a.repair-ref')!;
  expect(mark.getAttributeValue('lang')).toBe('en');
  expect(mark.hasAttribute('aria-label')).toBe(false);
  expect(mark.querySelector('.repair-note')!.textContent).toMatch(/^Repair: the source has “202147”\. The characters 年, 月 and 日/u);
  // The characters named are marked Chinese; the quoted number, and the English quotes around it, are not.
  expect(mark.querySelectorAll('.repair-note [lang="zh-CN"]').map((e) => e.textContent)).toEqual(['年', '月', '日']);
  expect(root.querySelectorAll('table.removed th[scope="col"]').map((th) => th.textContent)).toEqual(['Line', 'Kind', 'Source text']);
  expect(root.querySelectorAll('table.removed tbody tr')).toHaveLength(12);
  // Why each line left, by the rule's English name (content/chrome.yaml), a field's Chinese label in it marked.
  const kinds = root.querySelectorAll('table.removed tbody tr td:nth-child(2)').map((td) => td.textContent);
  expect(kinds).toContain('metadata (名称 field)');
  expect(kinds).toContain('page element (breadcrumb)');
  expect(root.querySelectorAll('table.removed .rule [lang="zh-CN"]').map((e) => e.textContent)).toContain('名称');
  // A repair the ingest made on its own (002's lost 二、, tests/fixtures/repairs.yaml) says why in English too.
  const hongqiao = parsedHtmlFile(join(siteDir, 'en/plans/hongqiao-2020-2022/index.html'));
  expect(hongqiao.querySelector('.repairs li')!.textContent).toContain('The source gives this heading no number; “二、” supplied from the headings before and after it');
  // So do the editors' notes on a table the ingest rebuilt (xinji's 表1: a column and a name the source lacks).
  const xinji = parsedHtmlFile(join(siteDir, 'en/plans/xinji-14th-five-year/index.html'));
  const notes = xinji.querySelectorAll('.ed-note').map((n) => [n.getAttributeValue('lang'), n.textContent]);
  expect(notes).toContainEqual(['en', '[name missing in the source]']);
  expect(notes).toContainEqual(['en', 'Editors’ note: Row 1: “创新实力” is a group name; the indicator’s name after it is missing in the source, and the row’s values are given as printed.']);
});

// content/documents.yaml: beichen's entry is sourced to the text on this site; its source was Chinese prose on the
// English page (本站收录的原文（000）：…).
test('an English cited document’s page gives its source in English, the fields it names quoted in Chinese', () => {
  const root = parsedHtmlFile(join(siteDir, 'en/documents/beichen-st-innovation-3yr-2020-2022/index.html'));
  const source = root.querySelector('.claim-source')!;
  expect(source.textContent).toMatch(/^The text on this site \(000\): the 发布机构 and 发文字号 fields of the 天津市北辰区人民政府 web page \(lines 5 and 7\), and the covering notice \(checked 1 December 2026/u);
  expect(source.querySelectorAll('[lang="zh-CN"]').map((e) => e.textContent)).toContain('发布机构');
});

test('an address without a page gets the not-found page of its edition, with status 404', async () => {
  for (const [path, lang, heading, home] of [
    ['en/no-such-page/', 'en', 'Page not found', '/en/'],
    ['en/plans/no-such-plan/', 'en', 'Page not found', '/en/'],
    ['no-such-page/', 'zh-CN', '未找到页面', '/'],
    ['plans/no-such-plan/', 'zh-CN', '未找到页面', '/'],
  ] as const) {
    const response = await fetch(new URL(path, baseUrl));
    expect(response.status, path).toBe(404);
    const html = await response.text();
    expect(/<html lang="([^"]+)"/u.exec(html)?.[1], path).toBe(lang);
    expect(/<h1>([^<]*)<\/h1>/u.exec(html)?.[1], path).toBe(heading);
    // Its way back leads into its own edition (absolute links: the page is served at any address).
    expect(html, path).toContain(`<a href="${new URL(home, baseUrl).pathname}">`);
  }
});
