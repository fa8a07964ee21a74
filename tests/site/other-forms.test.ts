/**
 * Texts in forms the seeds lack, on a build of their own. A text copied out of a PDF (tests/fixtures/wrapped/wrapped.txt:
 * paragraphs.txt set in the official format, printed by Chromium, copied out by pdftotext; see make.mjs there): its
 * plan page shows each paragraph as written, whole, not a paragraph per printed line; the page says the lines were
 * joined and links to the source view, where each printed line leads to the paragraph it is part of and the page
 * numbers are listed as taken out. A plan whose tables were saved as text (tests/fixtures/tables/: an indicators table
 * lined up with spaces, a task-division table and a table of support standards between tabs): they are tables on the
 * page, the bodies named in the task table link to their department pages, which give each row's task, and the
 * standards are the analysis page's. A real text through a traditional-script gateway whose converter left pinyin
 * after characters (corpus 04: `習(xí)近平`): the page reads without it, its repairs list it once for all, each removal
 * under an id the source view links to. The tables plan ends with a colophon (版记), set apart from its text. A real
 * news report whose paragraphs run together on one line, a space between them (corpus 09): a paragraph each on the page.
 * Expectations come from the fixtures, read by hand.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { siteBuiltForFile } from '../support/site-per-file.ts';

const FILE = '007_wrapped.txt';
const SLUG = '007-wrapped';
const TABLES = '008-tables-fixture';
const CONVERTER = 'tests/fixtures/corpus/04_shandong_kjqs_2022_big5.txt';
const CONVERTED = 'shandong-measures';
const RUN_IN = 'tests/fixtures/corpus/09_guangxi_kjcx_14th_news_big5.txt';
const RUN_IN_SLUG = 'guangxi-2021-2025';
/** Seed 002 as a scrape that joined the text of every <p> as it was: one line, nothing between the paragraphs. */
const JOINED_FROM = 'seeds/002_3b22102abfde4f0c.txt';
const JOINED_SLUG = 'tianjin-hongqiao-2020-2022';
/** A notice under its masthead (发文机关标志), as a text copied out of the printed document keeps it. */
const MASTHEAD_SLUG = '012-masthead';
/** Two made-up measures whose support standards the library compares: a city's articles and a district's provisions. */
const CITY = { slug: '006-measures-fixture', title: '某市支持科技创新若干措施' };
const DISTRICT = { slug: '013-district-policies', title: '某区促进科技创新高质量发展若干政策' };
const TABLES_TITLE = '某区科技创新三年行动方案（2023—2025年）';
/** A made-up interpretation of the tables plan (tests/fixtures/readings/): it cites the plan by its title, then as 《方案》. */
const READING = { slug: '014-reading-fixture', title: `《${TABLES_TITLE}》政策解读` };
const site = siteBuiltForFile({
  name: 'other-forms-build',
  writeSeeds: (seeds) => {
    copyFileSync('tests/fixtures/wrapped/wrapped.txt', join(seeds, FILE));
    copyFileSync('tests/fixtures/tables/008_tables_fixture.txt', join(seeds, '008_tables_fixture.txt'));
    copyFileSync(CONVERTER, join(seeds, '009_big5_converter.txt'));
    copyFileSync(RUN_IN, join(seeds, '010_run_in.txt'));
    const lines = readFileSync(JOINED_FROM, 'utf8').split('\n').map((l) => l.trim());
    writeFileSync(join(seeds, '011_joined.txt'), `${lines.filter(Boolean).join('')}\n`);
    copyFileSync('tests/fixtures/masthead/masthead.txt', join(seeds, '012_masthead.txt'));
    copyFileSync('tests/fixtures/measures/006_measures_fixture.txt', join(seeds, '006_measures_fixture.txt'));
    copyFileSync('tests/fixtures/measures/013_district_policies.txt', join(seeds, '013_district_policies.txt'));
    copyFileSync('tests/fixtures/readings/014_reading_fixture.txt', join(seeds, '014_reading_fixture.txt'));
  },
  timeoutMs: 300_000,
});
const browser = browserForFile();

const inPage = browser.inPage;
const PARAGRAPHS = readFileSync('tests/fixtures/wrapped/paragraphs.txt', 'utf8').trimEnd().split('\n');
/** 二、主要目标's paragraph, printed over lines 20 to 23 of wrapped.txt, a page number (line 24) after it. */
const TARGETS = PARAGRAPHS[11]!;
/** A paragraph's words as printed: without the target readings for screen readers (〔…〕), the note numbers (⁠5) and
 *  the paragraph's anchor link (¶). */
const wordsOf = (text: string | null) => text?.replace(/〔[^〕]*〕|\u2060\d+|¶|\s+/gu, '');

describe('a text copied out of a PDF, broken at the printed line', () => {
  test('its plan page shows each paragraph whole, and says the lines were joined', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${SLUG}/`));
      expect(TARGETS).toMatch(/^到2025年.*显著增强。$/u);
      expect(wordsOf(await page.locator('#p2-1').textContent())).toBe(TARGETS);
      const paragraphs = (await page.locator('main p').allTextContents()).map((t) => t.replace(/\s+/gu, ''));
      expect(paragraphs.filter((p) => p.startsWith('2.8%') || p.startsWith('到2500家'))).toEqual([]);
      expect(await page.locator('#s2').textContent()).toContain('二、主要目标');
      const note = page.locator('.line-wrap');
      expect((await note.textContent())?.replace(/\s+/gu, '')).toMatch(/^原文按版面的固定行宽断行（每行约28字），同一段落内的\d+处换行已接续；各行原貌见原文视图。$/u);
      await note.locator('a').click();
      await page.waitForURL(`**/plans/${SLUG}/source/`);
      // Each of the paragraph's four printed lines leads back to it; the page number after them is listed as taken out.
      for (const n of [20, 21, 22, 23]) expect(await page.locator(`#L${n} a.line-block`).getAttribute('href')).toBe(`/plans/${SLUG}/#p2-1`);
      expect(await page.locator('#L24').getAttribute('class')).toBe('removed');
      expect(await page.locator('#L24').textContent()).toContain('页码');
    });
  });

  test('the English page says it in English', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/en/plans/${SLUG}/`));
      expect((await page.locator('.line-wrap').textContent())?.replace(/\s+/gu, ' ')).toMatch(
        /^The source breaks its lines at a fixed width, as a printed page does \(about 28 characters a line\); the \d+ line breaks inside paragraphs are joined\. The lines as they were are in the source view\.$/u,
      );
      expect(await page.locator('.line-wrap a').getAttribute('href')).toBe(`/en/plans/${SLUG}/source/`);
    });
  });

  test('the plan pages (and the tables plan’s analysis pages) are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of [
      `plans/${SLUG}/index.html`, `en/plans/${SLUG}/index.html`, `plans/${TABLES}/index.html`, `en/plans/${TABLES}/index.html`,
      `plans/${TABLES}/analysis/index.html`, `en/plans/${TABLES}/analysis/index.html`, `plans/${CONVERTED}/index.html`, `en/plans/${CONVERTED}/index.html`,
      `plans/${RUN_IN_SLUG}/index.html`, `en/plans/${RUN_IN_SLUG}/index.html`, `plans/${JOINED_SLUG}/index.html`, `en/plans/${JOINED_SLUG}/index.html`,
      `plans/${MASTHEAD_SLUG}/index.html`, `en/plans/${MASTHEAD_SLUG}/index.html`,
    ]) {
      const report = await validator.validateString(readFileSync(join(site.siteDir, path), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});

describe('tables saved as text', () => {
  test('a table lined up with spaces and one between tabs are tables; the task table links its bodies', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${TABLES}/`));
      const rows = async (id: string) =>
        page.locator(`#${id} tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/〔[^〕]*〕|\u2060\d+|\s+/gu, ''))));
      expect(await rows('t1')).toEqual([
        ['序号', '指标名称', '2022年', '2025年', '属性'],
        ['1', '高新技术企业数量（家）', '320', '500', '预期性'],
        ['2', '科技型中小企业数量（家）', '600', '1000', '预期性'],
        ['3', '技术合同成交额（亿元）', '12', '20', '预期性'],
      ]);
      expect(await rows('t2')).toEqual([
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        ['1', '实施高新技术企业倍增计划', '区科技局', '区财政局、区工信局', '2025年底'],
        ['2', '建设区级重点实验室', '区科技局', '无', '2024年底'],
        ['3', '完善科技金融服务', '区金融局牵头，区科技局配合', '', '持续推进'],
      ]);
      expect(await page.locator('#t2 a.dept').allTextContents()).toEqual(['区科技局', '区财政局', '区工信局', '区科技局', '区金融局', '区科技局']);
      // 区财政局 supports the first row's task: its page gives that task, linked to the table.
      await page.locator('#t2 a.dept', { hasText: '区财政局' }).click();
      await page.waitForURL('**/departments/**');
      const main = (await page.locator('main').textContent())?.replace(/\s+/gu, '') ?? '';
      expect(main).toContain('实施高新技术企业倍增计划');
      expect(main).not.toContain('建设区级重点实验室');
      expect(await page.locator(`main a[href="/plans/${TABLES}/#t2"]`).count()).toBeGreaterThan(0);
    });
  });

  test('the amounts of a table of standards are the analysis page’s support standards, each linked to the table', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${TABLES}/analysis/`));
      const rows = await page.locator('.incentive-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      // 附件2's rows, lines 21 and 22 of the fixture.
      // Whom each is for is the row's 支持事项 cell; so is what it supports, linked to that subject across documents.
      expect(rows).toEqual([
        ['20万元', '标准', '首次认定的国家高新技术企业', '高新技术企业认定', '给予20万元奖励', '第21行'],
        ['50万元', '上限', '新认定的区级重点实验室', '实验室', '给予最高50万元支持', '第22行'],
      ]);
      expect(await page.locator('.incentive-table tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/incentives/high-tech-enterprises/', `/plans/${TABLES}/#t3`, '/incentives/labs/', `/plans/${TABLES}/#t3`,
      ]);
    });
  });
});

describe('documents on the site that cite each other', () => {
  // Neither document is in content/documents.yaml: the plan is found by its own title (src/lib/crosslinks/plans-cited.ts).
  const sections = (page: import('playwright-core').Page) =>
    page.locator('section.plan-links h3').evaluateAll((hs) => hs.map((h) => [h.textContent?.trim(), [...h.nextElementSibling!.querySelectorAll(':scope > li > a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')])]));
  test('the plan’s analysis page lists its interpretation, which lists the plan; each with the places of the citations', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${TABLES}/analysis/`));
      expect(await sections(page)).toEqual([['引用本文件的本站文件（1）', [[READING.title, `/plans/${READING.slug}/`]]]]);
      // Read by hand: the title, line 3 (the full title and its short form 《方案》), lines 5 and 7 (《方案》).
      expect(await page.locator('section.plan-links .places a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        [`/plans/${READING.slug}/#title`, `/plans/${READING.slug}/#p1-1`, `/plans/${READING.slug}/#p1-1`, `/plans/${READING.slug}/#p2-1`, `/plans/${READING.slug}/#p3-1`],
      );
      // Each place is there on the interpretation's page.
      await page.goto(pageUrl(site.url, `/plans/${READING.slug}/`));
      for (const id of ['title', 'p1-1', 'p2-1', 'p3-1']) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
      await page.goto(pageUrl(site.url, `/en/plans/${READING.slug}/analysis/`));
      expect(await sections(page)).toEqual([['Documents on this site this one cites (1)', [[TABLES_TITLE, `/en/plans/${TABLES}/`]]]]);
    });
  });
  test('the plan’s text page names its interpretation under its actions, in both editions; not on paper', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${TABLES}/`));
      const about = page.locator('p.about-it');
      expect([(await about.textContent())?.trim(), await about.locator('a').getAttribute('href')]).toEqual([`本站另有其解读或报道：${READING.title}`, `/plans/${READING.slug}/`]);
      await page.emulateMedia({ media: 'print' });
      expect(await about.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      // The line costs the phone's first screen no more than it can spare: the start of the text is still on it (as
      // tests/site/layout.test.ts asks of the seeds).
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      const firstLineBottom = await page.evaluate(() => {
        const first = document.querySelector<HTMLElement>('.plan-text :is(p, h2, h3, h4, h5)')!;
        return first.getBoundingClientRect().top + parseFloat(getComputedStyle(first).lineHeight);
      });
      expect(firstLineBottom).toBeLessThanOrEqual(740);
      await page.goto(pageUrl(site.url, `/en/plans/${TABLES}/`));
      expect(await page.locator('p.about-it a').getAttribute('href')).toBe(`/en/plans/${READING.slug}/`);
      // The interpretation's own page has no such line: nothing on the site is about it.
      await page.goto(pageUrl(site.url, `/plans/${READING.slug}/`));
      expect(await page.locator('p.about-it').count()).toBe(0);
    });
  });
  // Its kind is 其他 (content/kinds.yaml; the corpus's gold calls an interpretation `other`), which told a reader
  // nothing: lists, its title line, its card and the search filters name the form its title ends in.
  test('the interpretation is labelled 政策解读 / Policy interpretation, not 其他, where the kind is shown', async () => {
    await inPage(async (page) => {
      for (const [path, label] of [['/', '政策解读'], ['/en/', 'Policy interpretation']] as const) {
        await page.goto(pageUrl(site.url, path));
        const row = page.locator('.plan-list tbody tr', { has: page.locator(`a[href$="/plans/${READING.slug}/"]`) });
        expect((await row.locator('td').nth(2).textContent())?.trim(), path).toBe(label);
        await page.goto(pageUrl(site.url, `${path}plans/${READING.slug}/`));
        expect((await page.locator('.kicker').textContent())?.trim(), path).toMatch(new RegExp(`^${label} · 2023`, 'u'));
      }
      await page.goto(pageUrl(site.url, `/plans/${READING.slug}/`));
      expect(await page.locator('.meta-card .meta-row', { has: page.locator('dt', { hasText: /^类型$/u }) }).locator('dd').first().textContent()).toContain('政策解读');
      await page.goto(pageUrl(site.url, `/search/?q=${encodeURIComponent('政策解读')}`));
      await page.locator('#search-results .search-result').first().waitFor();
      expect(await page.locator('#search-filters fieldset', { has: page.locator('legend', { hasText: '类型' }) }).locator('label').allTextContents()).toContainEqual(expect.stringMatching(/^政策解读/u));
    });
  });
  test('the cited document’s page links to the plan on the site; every 《方案》 of the interpretation is that document', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${READING.slug}/`));
      const hrefs = await page.locator('.plan-text a.cite, .plan-text a[href*="/documents/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
      expect(hrefs).toHaveLength(1);
      await page.goto(pageUrl(site.url, hrefs[0]!));
      const onSite = page.locator('dt', { hasText: '本站全文' }).locator('xpath=following-sibling::dd[1]//a');
      expect([await onSite.textContent(), await onSite.getAttribute('href')]).toEqual([TABLES_TITLE, `/plans/${TABLES}/`]);
    });
  });
  test('the interpretation restates the plan: its values stay on its page, the comparisons take the plan’s', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${READING.slug}/analysis/`));
      // Its values (line 5: 500家 of high-tech enterprises, 20亿元 of technology contracts) are on its page.
      expect(await page.locator('section.targets a[href*="#p2-1"]').count()).toBeGreaterThanOrEqual(2);
      const note = page.locator('p.restates');
      expect(await note.locator('a').getAttribute('href')).toBe(`/plans/${TABLES}/`);
      expect((await note.textContent())?.replace(/\s+/gu, '')).toBe(`本文件解读或报道本站所收的《${TABLES_TITLE}》：各规划对照、指标页与支持标准对照取该文件的数值，不另列本文件的。`);
      await page.goto(pageUrl(site.url, `/en/plans/${READING.slug}/analysis/`));
      expect(await page.locator('p.restates').textContent()).toContain('take that plan’s values, not this document’s');
      // plans.csv says which plan it restates, so that a reader of targets.csv can leave its values out.
      const csv = readFileSync(join(site.siteDir, 'data/plans.csv'), 'utf8').split('\r\n');
      expect(csv[0]!.split(',').at(-1)).toBe('restates');
      expect(csv.slice(1).filter((row) => row !== '' && !row.endsWith(',')).map((row) => [row.split(',')[0], row.split(',').at(-1)])).toEqual([[READING.slug, TABLES]]);
      for (const path of ['/compare/', '/indicators/high-tech-enterprises/', '/indicators/technology-contract-turnover/']) {
        await page.goto(pageUrl(site.url, path));
        const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(links.filter((h) => h.startsWith(`/plans/${TABLES}/`)).length, path).toBeGreaterThan(0);
        expect(links.filter((h) => h.startsWith(`/plans/${READING.slug}/`)), path).toEqual([]);
      }
    });
  });
  test('the pages are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of [`plans/${READING.slug}/analysis/index.html`, `en/plans/${READING.slug}/analysis/index.html`]) {
      const report = await validator.validateString(readFileSync(join(site.siteDir, path), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});

describe('the colophon (版记) at the end of the tables plan', () => {
  test('is set apart from the text under a rule, on screen and on paper', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${TABLES}/`));
      const colophon = page.locator('.plan-text p.colophon');
      expect((await colophon.allTextContents()).map((t) => t.replace(/¶$/u, ''))).toEqual(['抄送：区委各部门，区人大常委会办公室，区政协办公室。', '某某区人民政府办公室　　　　2024年3月5日印发']);
      const rules = () => colophon.evaluateAll((ps) => ps.map((p) => [getComputedStyle(p).borderTopStyle, getComputedStyle(p).textIndent]));
      expect(await rules()).toEqual([['solid', '0px'], ['none', '0px']]);
      await page.emulateMedia({ media: 'print' });
      expect(await rules()).toEqual([['solid', '0px'], ['none', '0px']]);
      // 14 pt (4号) is 18.67 px.
      expect(parseFloat(await colophon.first().evaluate((p) => getComputedStyle(p).fontSize))).toBeCloseTo((14 * 4) / 3, 2);
    });
  });
});

describe('a text with a script converter’s pinyin after characters', () => {
  /** The converter's damage as the source has it, read apart from the pipeline: a character, then `(` tone-marked pinyin `)`. */
  const damage = [...readFileSync(CONVERTER, 'utf8').split('\n').entries()].flatMap(([i, line]) =>
    [...line.matchAll(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/gu)].map((m) => ({ line: i + 1, original: m[0] })),
  );

  test('the page reads without it; the repairs list every removal once, by source line, and the source view marks each', async () => {
    expect(damage.length).toBeGreaterThan(50);
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${CONVERTED}/`));
      const text = await page.locator('.plan-text').textContent();
      expect(text).toContain('為深入貫徹落實習近平總書記關于科技創新的重要論述');
      expect(text).not.toMatch(/\((?:xí|guān|chuàng|dá)\)/u);
      // Not marked in the text: no repair marker in it.
      expect(await page.locator('.plan-text .repair').count()).toBe(0);
      const entry = page.locator('#note-converter');
      expect((await entry.textContent())?.replace(/\s+/gu, '')).toMatch(
        new RegExp(`^网页繁简转换时在字后加注的拼音，共${damage.length}处，均已删除，正文中不逐处标出（各处见原文视图）：第2行區\\(qū\\)、構\\(gòu\\)`, 'u'),
      );
      const listed = await entry.locator('span.original').evaluateAll((spans) => spans.map((s) => ({ id: s.id, text: s.textContent })));
      expect(listed.map((l) => l.text)).toEqual(damage.map((d) => d.original));
      expect(await entry.locator('a.line-ref').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        [...new Set(damage.map((d) => d.line))].map((n) => `/plans/${CONVERTED}/source/#L${n}`),
      );
      // The source view marks each removal and links it to its place in the list.
      await page.goto(pageUrl(site.url, `/plans/${CONVERTED}/source/`));
      const marks = await page.locator('a:has(> mark)').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
      expect(marks.map((m) => m.text)).toEqual(damage.map((d) => d.original));
      expect(marks.map((m) => m.href)).toEqual(listed.map((l) => `/plans/${CONVERTED}/#note-${l.id.replace(/^note-/u, '')}`));
    });
  });

  test('the English page lists them in English', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/en/plans/${CONVERTED}/`));
      expect((await page.locator('#note-converter').textContent())?.replace(/\s+/gu, ' ')).toMatch(
        new RegExp(`^The pinyin a web page’s script converter put after characters, ${damage.length} times, removed and not marked in the text \\(each is marked in the source view\\): line 2 區\\(qū\\), 構\\(gòu\\)`, 'u'),
      );
    });
  });
});

describe('a news report whose paragraphs run together on one line', () => {
  // The source, read by hand: its text on one line (a stray `|` on the next); a space after 情況。 and after 建設。
  // starts the next paragraph.
  const source = readFileSync(RUN_IN, 'utf8');
  test('the page shows its three paragraphs, and says where they were divided', async () => {
    const [first] = source.split('\n');
    expect(first).toContain('相關情況。 “十四五”時期');
    expect(first).toContain('加快建設。 為此');
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${RUN_IN_SLUG}/`));
      const paragraphs = (await page.locator('.plan-text p[id]').evaluateAll((ps) => ps.map((p) => p.id)));
      expect(paragraphs).toEqual(['p0-1', 'p0-2', 'p0-3']);
      const words = async (id: string) => wordsOf(await page.locator(`#${id}`).textContent());
      // (The cited 《廣西日報》 carries a note number, which wordsOf cannot tell from the 12 after it.)
      expect(await words('p0-1')).toMatch(/^《廣西日報》.*月17日報道12月16日,.*解讀規劃制定實施相關情況。$/u);
      expect(await words('p0-2')).toMatch(/^“十四五”時期,我區將堅持創新.*面向東盟科技創新合作區加快建設。$/u);
      expect(await words('p0-3')).toMatch(/^為此,我區將持續實施科技創新“組合拳”/u);
      const note = page.locator('.line-wrap');
      expect((await note.textContent())?.replace(/\s+/gu, '')).toBe('原文各段连排在同一行，段与段之间只隔空格；已在这些空格处分段（2处）；各行原貌见原文视图。');
      expect(await note.locator('a').getAttribute('href')).toBe(`/plans/${RUN_IN_SLUG}/source/`);
      await page.goto(pageUrl(site.url, `/en/plans/${RUN_IN_SLUG}/`));
      expect((await page.locator('.line-wrap').textContent())?.replace(/\s+/gu, ' ').trim()).toBe(
        'The source runs its paragraphs together on one line, with only spaces between them; the text is divided into paragraphs at those spaces (2). The lines as they were are in the source view.',
      );
    });
  });
});

describe('a text whose paragraphs were joined with nothing between them', () => {
  // Seed 002 with its lines joined (JOINED_FROM). Read by hand in the seed: 一、总体要求, then （一）指导思想 and its
  // paragraph 以习近平新时代…, then （二）工作目标 and 科技创新水平显著提升。到2022年，…; 三、保障措施 and its （一）加强组织领导.
  test('its headings are headings again, standard titles apart from their text, and the page says how it was divided', async () => {
    const source = readFileSync(JOINED_FROM, 'utf8');
    expect(source).toContain('\n一、总体要求\n（一）指导思想\n\n以习近平新时代');
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${JOINED_SLUG}/`));
      const heading = async (id: string) => (await page.locator(`:is(h2,h3,h4)#${id}`).textContent())?.replace(/\s+|¶|#/gu, '');
      expect(await heading('s1')).toBe('一、总体要求');
      expect(await heading('s1-1')).toBe('（一）指导思想');
      expect(wordsOf(await page.locator('#p1-1-1').textContent())).toMatch(/^以习近平新时代中国特色社会主义思想为指导，/u);
      expect(await heading('s1-2')).toBe('（二）工作目标');
      expect(wordsOf(await page.locator('#p1-2-1').textContent())).toMatch(/^科技创新水平显著提升。到2022年，/u);
      expect(await heading('s3')).toBe('三、保障措施');
      expect(await heading('s3-1')).toMatch(/^（一）加强组织领导/u);
      const note = page.locator('.line-wrap');
      expect((await note.textContent())?.replace(/\s+/gu, '')).toMatch(
        /^原文各段首尾相接，段与段之间没有任何分隔；已在句末之后的标题编号前分段（\d+处）。不以编号开头的段落无从区分，仍与前段相连；标题后紧接的正文也无从区分，与标题一并显示。各行原貌见原文视图。$/u,
      );
      expect(await note.locator('a').getAttribute('href')).toBe(`/plans/${JOINED_SLUG}/source/`);
      // The source view's one line marks where each block starts in it, each mark leading to its block.
      await page.goto(pageUrl(site.url, `/plans/${JOINED_SLUG}/source/`));
      const marks = page.locator('#L1 a.block-start');
      expect(await marks.count()).toBeGreaterThanOrEqual(15);
      const hrefs = await marks.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(`/plans/${JOINED_SLUG}/#s1-1`);
      expect(hrefs).toContain(`/plans/${JOINED_SLUG}/#s3`);
      const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
      const report = await validator.validateString(readFileSync(join(site.siteDir, `plans/${JOINED_SLUG}/source/index.html`), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
      await page.goto(pageUrl(site.url, `/en/plans/${JOINED_SLUG}/`));
      expect((await page.locator('.line-wrap').textContent())?.replace(/\s+/gu, ' ').trim()).toMatch(
        /^The source runs its paragraphs together with nothing between them; the text is divided before each heading number that follows a sentence's end \(\d+\)\. .* The lines as they were are in the source view\.$/u,
      );
    });
  });
});

describe('a notice under its masthead (发文机关标志)', () => {
  // tests/fixtures/masthead/masthead.txt: `某 市 科 学 技 术 局 文 件`, then 某科发〔2024〕7号 and the notice.
  test('the masthead is red and centred over the document number, which a red rule closes, on screen and on paper', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${MASTHEAD_SLUG}/`));
      const masthead = page.locator('.front p.masthead');
      expect((await masthead.textContent())?.replace(/\s+|¶/gu, '')).toBe('某市科学技术局文件');
      const look = () =>
        page.evaluate(() => {
          const m = getComputedStyle(document.querySelector('.front p.masthead')!);
          const d = getComputedStyle(document.querySelector('.front p.masthead ~ p.docno')!);
          return { color: m.color, align: m.textAlign, size: m.fontSize, rule: `${d.borderBottomStyle} ${d.borderBottomColor}`, docno: document.querySelector('.front p.masthead ~ p.docno')!.textContent!.replace(/\s+|¶/gu, '') };
        });
      const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      expect(accent).toBe('#9b1c1c');
      expect(await look()).toEqual({ color: 'rgb(155, 28, 28)', align: 'center', size: '28px', rule: 'solid rgb(155, 28, 28)', docno: '某科发〔2024〕7号' });
      await page.emulateMedia({ media: 'print' });
      expect(await look()).toMatchObject({ color: 'rgb(230, 0, 18)', align: 'center', rule: 'solid rgb(230, 0, 18)' });
      expect(parseFloat((await look()).size)).toBeCloseTo((26 * 96) / 72, 1);
      await page.emulateMedia({ media: 'screen' });
    });
  });
});

// The support standards of three documents, read by hand: the city's measure (tests/fixtures/measures/006: 第一条 10% of
// the increase and at most 200万元 on R&D spending, 第二条 20万元 for a first certified high-tech enterprise, 第三条 500万元
// for a national key laboratory, 第四条 3000元 a month and at most 10万元 for doctors), the district's provisions (013:
// （一） 30万元 first certified and 10万元 re-certified high-tech enterprises, （二） 1万元 an SME, （三） 5% and at most
// 100万元 on R&D spending, （四） 100万元 and 50万元 incubators, （五） 30万元 an engineering centre, （六） 1% and at most
// 50万元 on technology contracts) and the tables plan's 附件2 (20万元 a first certified high-tech enterprise, at most
// 50万元 a district key laboratory).
// Measures have no period: 006 is dated 2023年3月1日 under its notice, 013 2024年4月10日; corpus 04 (the converter
// text) gives no date at all.
describe('documents without a period', () => {
  test('the list says when each is dated instead, and on a phone shows no bare “—” nor a “·” before the kind', async () => {
    await inPage(async (page) => {
      await page.setViewportSize({ width: 360, height: 740 });
      const expected = {
        zh: { [CITY.slug]: '2023年3月1日成文 · 政策措施', [DISTRICT.slug]: '2024年4月10日成文 · 政策措施', [CONVERTED]: '政策措施' },
        en: { [CITY.slug]: 'written 1 Mar 2023 · Measures', [DISTRICT.slug]: 'written 10 Apr 2024 · Measures', [CONVERTED]: 'Measures' },
      };
      for (const [edition, path] of [['zh', '/'], ['en', '/en/']] as const) {
        await page.goto(pageUrl(site.url, path));
        // What a reader sees of the period and kind cells: their text with what CSS puts before it, the hidden left out.
        const seen = await page.locator('.plan-list tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => {
          const slug = tr.querySelector('a')!.getAttribute('href')!.replace(/^(\/en)?\/plans\/|\/$/gu, '');
          const shown = [...tr.children].slice(2, 4).filter((c) => getComputedStyle(c).display !== 'none').map((c) => {
            const before = getComputedStyle(c, '::before').content;
            return `${before.startsWith('"') ? `${before.slice(1, before.indexOf('"', 1))} ` : ''}${c.textContent!.trim()}`;
          });
          return [slug, shown.join(' ')];
        })));
        for (const [slug, text] of Object.entries(expected[edition])) expect(seen[slug], `${path} ${slug}`).toBe(text);
      }
    });
  });

  test('the line above the title gives the kind (the region is in the breadcrumbs), and the card under it the date', async () => {
    await inPage(async (page) => {
      for (const [path, kicker, brief] of [
        [`/plans/${DISTRICT.slug}/`, '政策措施', '2024年4月10日成文'],
        [`/plans/${CONVERTED}/`, '政策措施', '魯政字〔2022〕225號'],
        [`/en/plans/${DISTRICT.slug}/`, 'Measures', 'written 10 Apr 2024'],
        [`/en/plans/${CONVERTED}/`, 'Measures', '魯政字〔2022〕225號'],
      ] as const) {
        await page.goto(pageUrl(site.url, path));
        expect((await page.locator('.kicker').textContent())?.trim(), path).toBe(kicker);
        expect((await page.locator('.meta-brief').textContent())?.trim(), path).toContain(brief);
      }
      await page.goto(pageUrl(site.url, `/plans/${CONVERTED}/`));
      expect(await page.locator('nav.breadcrumbs li').allTextContents()).toEqual(['全部规划', '山东省']);
    });
  });
});

// Dated under their notices: the masthead fixture 2024年5月20日, 013 2024年4月10日, the wrapped text 2023年4月12日, 006
// 2023年3月1日; the others give no date (the joined seed 002 lost its, the tables plan and the interpretation have none).
describe('the home page’s latest documents', () => {
  test('lists the documents dated last, newest first, with the day, in both editions', async () => {
    await inPage(async (page) => {
      for (const [path, dates] of [
        ['/', ['2024年5月20日成文', '2024年4月10日成文', '2023年4月12日成文', '2023年3月1日成文']],
        ['/en/', ['written 20 May 2024', 'written 10 Apr 2024', 'written 12 Apr 2023', 'written 1 Mar 2023']],
      ] as const) {
        await page.goto(pageUrl(site.url, path));
        const items = await page.locator('section.latest li').evaluateAll((lis) => lis.map((li) => [li.querySelector('a')!.getAttribute('href'), li.querySelector('.muted')!.textContent]));
        const prefix = path === '/en/' ? '/en' : '';
        expect(items).toEqual([MASTHEAD_SLUG, DISTRICT.slug, SLUG, CITY.slug].map((slug, i) => [`${prefix}/plans/${slug}/`, dates[i]]));
      }
    });
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of ['index.html', 'en/index.html']) {
      const report = await validator.validateString(readFileSync(join(site.siteDir, path), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});

describe('support standards compared across documents (/incentives/)', () => {
  test('the provisions of a measure numbered （一）… are its paragraphs, not headings, and their amounts are read', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/plans/${DISTRICT.slug}/`));
      expect(await page.locator('nav.toc a').allTextContents()).toEqual(expect.arrayContaining(['一、培育创新型企业', '五、附则']));
      expect(await page.locator('nav.toc a').evaluateAll((as) => as.filter((a) => /^（[一二三四五六七]）/u.test(a.textContent ?? '')).length)).toBe(0);
      expect(wordsOf(await page.locator('#p1-1').textContent())).toMatch(/^（一）对首次认定的国家高新技术企业，给予30万元一次性奖励；/u);
    });
  });

  test('the index lists each subject with its documents, standards and range of money, most documents first', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/incentives/'));
      const items = (await page.locator('main ul.standards-list > li').allTextContents()).map((t) => t.replace(/\s+/gu, ''));
      expect(items[0]).toMatch(/^高新技术企业认定High-techenterprisecertification（3份文件，4项标准）.*金额：10万元至30万元$/u);
      expect(items.find((t) => t.startsWith('企业研发投入'))).toMatch(/（2份文件，4项标准）.*金额：100万元至200万元$/u);
      expect(items.find((t) => t.startsWith('技术创新中心与工程中心'))).toMatch(/（1份文件，1项标准）.*金额：30万元$/u);
      await page.getByRole('link', { name: '高新技术企业认定' }).click();
      await page.waitForURL('**/incentives/high-tech-enterprises/');
      const rows = await page.locator('.standards-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      expect(rows.map((r) => [r[2], r[3]])).toEqual([['30万元', '标准'], ['20万元', '标准'], ['20万元', '标准'], ['10万元', '标准']]);
      expect([rows[0]![1], rows[3]![1]]).toEqual([DISTRICT.title, DISTRICT.title]);
      expect([rows[1]![1], rows[2]![1]].sort()).toEqual([CITY.title, TABLES_TITLE].sort());
      expect(rows.map((r) => r[5])).toEqual(['首次认定的国家高新技术企业', expect.any(String), expect.any(String), '重新认定的高新技术企业']);
      // 国家高新技术企业 is a national certification, not a level: the subject has none (content/support-subjects.yaml).
      expect(rows.map((r) => r[4])).toEqual(['—', '—', '—', '—']);
    });
  });

  test('a subject that comes at levels stands its standards by level, highest first, in both editions', async () => {
    // 013's （四）: 对新认定的国家级科技企业孵化器给予100万元奖励，对新认定的省级科技企业孵化器给予50万元奖励。
    await inPage(async (page) => {
      const levelAndAmount = async (path: string) => {
        await page.goto(pageUrl(site.url, path));
        const rows = await page.locator('.standards-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
        return rows.map((r) => [r[4], r[2]]);
      };
      expect(await levelAndAmount('/incentives/incubators/')).toEqual([['国家级', '100万元'], ['省级', '50万元']]);
      expect(await levelAndAmount('/en/incentives/incubators/')).toEqual([['national level', '100万元'], ['provincial level', '50万元']]);
    });
  });

  test('each standard links to its row of its document’s support standards and to its clause in the text, and both exist', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/incentives/rd-spending/'));
      const links = await page.locator('.standards-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')!)));
      // Money first, largest first (the city's cap, the district's), then the shares (10%, 5%).
      expect(links.map(([doc]) => doc)).toEqual([
        `/plans/${CITY.slug}/analysis/#incentive-i2`, `/plans/${DISTRICT.slug}/analysis/#incentive-i5`, `/plans/${CITY.slug}/analysis/#incentive-i1`, `/plans/${DISTRICT.slug}/analysis/#incentive-i4`,
      ]);
      expect(links.map(([, clause]) => clause)).toEqual([`/plans/${CITY.slug}/#art1`, `/plans/${DISTRICT.slug}/#p2-1`, `/plans/${CITY.slug}/#art1`, `/plans/${DISTRICT.slug}/#p2-1`]);
      for (const href of links.flat()) {
        const [path, id] = href.split('#') as [string, string];
        await page.goto(pageUrl(site.url, path));
        expect(await page.locator(`[id="${id}"]`).count(), href).toBe(1);
      }
    });
  });

  test('the English pages say it in English; the documents’ words stay Chinese', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/en/incentives/rd-spending/'));
      expect((await page.locator('h1').textContent())?.replace(/\s+/gu, ' ').trim()).toBe('Enterprise R&D spending (editors’ translation) 企业研发投入');
      const rows = await page.locator('.standards-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      expect(rows.map((r) => [r[2], r[3]])).toEqual([['200万元', 'cap'], ['100万元', 'cap'], ['10%', 'share'], ['5%', 'share']]);
      expect(await page.locator('.standards-table tbody td:nth-child(3) [lang="zh-CN"]').count()).toBe(4);
      await page.goto(pageUrl(site.url, '/en/incentives/'));
      expect((await page.locator('main ul.standards-list > li').first().textContent())?.replace(/\s+/gu, ' ')).toContain('(3 documents, 4 standards)');
      // A document's own table names each subject in English, as the editors' translation.
      await page.goto(pageUrl(site.url, `/en/plans/${DISTRICT.slug}/analysis/`));
      const subjects = await page.locator('.incentive-table tbody td:nth-child(4)').allTextContents();
      expect(subjects.slice(0, 4).map((s) => s.replace(/\s+/gu, ' ').trim())).toEqual([
        'High-tech enterprise certification (editors’ translation)', 'High-tech enterprise certification (editors’ translation)',
        'Technology-based SMEs and growth tiers (editors’ translation)', 'Enterprise R&D spending (editors’ translation)',
      ]);
    });
  });

  test('a subject’s page, full, has no WCAG 2.2 AA violation at a phone’s and a desktop’s width, nor scrolls sideways or stands a row a character wide on the phone', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await inPage(async (page) => {
      for (const [path, width] of [['/incentives/high-tech-enterprises/', 360], ['/en/incentives/rd-spending/', 360], ['/incentives/high-tech-enterprises/', 1280]] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pageUrl(site.url, path));
        await page.evaluate(() => document.fonts.ready);
        if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
        // Its columns keep a few characters a line on a phone: squeezed, whom a standard is for took one a line and a
        // row stood 330 px tall.
        if (width === 360) expect(Math.max(...(await page.locator('.standards-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height)))), path).toBeLessThan(160);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => (await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id));
        expect(violations, `${path} at ${width} px`).toEqual([]);
      }
    });
  });

  test('the pages are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of ['incentives/index.html', 'en/incentives/index.html', 'incentives/high-tech-enterprises/index.html', 'en/incentives/rd-spending/index.html', `plans/${DISTRICT.slug}/analysis/index.html`]) {
      const report = await validator.validateString(readFileSync(join(site.siteDir, path), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});
