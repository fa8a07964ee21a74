/**
 * A second build, as a deployer or a new contributor would make it: the five seeds plus a sixth plan written for
 * this test (tests/fixtures/sixth/), a made-up measure in the shape other portals print them (tests/fixtures/measures/:
 * articles, reward amounts, labelled responsibility lists, a stated term), a hostile text
 * (tests/fixtures/hostile/markup.txt), the 20 real texts of other portals (tests/fixtures/corpus/, no catalog entries)
 * and four texts from the project's corpus generator (scripts/generate-corpus.ts) — 32 plans — built strictly (any text that cannot be read fails the build) under
 * the sub-path `/plans/` and served there. Checks: a new text becomes a page with no code change; every link,
 * asset, data and search URL works under the sub-path; markup in a source is shown as text on the page and in
 * search results, and never runs; and search on a site of 32 plans through the character-pair index (the path of
 * every site; here over sub-path URLs, shards and more candidates than a first page): results and their order
 * (tests/fixtures/search/variant-queries.yaml), the requests it makes, and “继续检查” for a common word.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import type { Page } from 'playwright-core';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { generateCorpus, poolsFromSeeds } from '../../scripts/generate-corpus.ts';
import { builtPages, pageUrl, recordRequests } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { createLinkChecker } from '../support/links.ts';
import { expectNone } from '../support/report.ts';
import { siteBuiltForFile } from '../support/site-per-file.ts';
import { ask, readResults } from '../search/quality.ts';
import { bucketOf, needleKeys, pairBucketCount } from '../../src/lib/search/pairs.ts';

const BASE = '/plans/';
const CORPUS = readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt'));
/** Texts from scripts/generate-corpus.ts (seed 1, its default): 00000_synthetic.txt … 00003_synthetic.txt. */
const GENERATED = 4;
/** Plans per search index shard in this build. */
const SHARD = 12;
/** The index bundles 32 plans in shards of 12 make (scripts/pagefind-shards.ts). */
const BUNDLES = ['pagefind', 'pagefind-1', 'pagefind-2'];
const site = siteBuiltForFile({
  name: 'variant-build',
  base: BASE,
  writeSeeds: (seeds) => {
    for (const f of readdirSync('seeds').filter((f) => f.endsWith('.txt') || f === 'catalog.yaml')) copyFileSync(join('seeds', f), join(seeds, f));
    copyFileSync('tests/fixtures/sixth/005_dongli_fixture.txt', join(seeds, '005_dongli_fixture.txt'));
    copyFileSync('tests/fixtures/measures/006_measures_fixture.txt', join(seeds, '006_measures_fixture.txt'));
    copyFileSync('tests/fixtures/hostile/markup.txt', join(seeds, '900_markup.txt'));
    for (const f of CORPUS) copyFileSync(join('tests/fixtures/corpus', f), join(seeds, f));
    // Enough plans that a common word has more candidates than a first page of results (10) and “继续检查” shows.
    for (const f of generateCorpus(GENERATED, 1, poolsFromSeeds())) writeFileSync(join(seeds, f.name), f.text);
  },
  // Built as a library of thousands is: rendered by two `astro build` processes whose outputs are merged
  // (scripts/build.ts, src/lib/build-part.ts; from 500 plans in a real build), and indexed in shards of 12 plans
  // (scripts/pagefind-shards.ts; 1,000 in a real build): 32 plans make three bundles, so search here goes through
  // Pagefind's mergeIndex. Every check of this file then runs on the merged site.
  env: { SEARCH_SHARD_PLANS: String(SHARD), BUILD_PARTS: '2' },
  timeoutMs: 300_000,
});
const browser = browserForFile();

const inPage = browser.inPage;

/**
 * Runs `check` in a new page that records (and dismisses) any dialog, then requires that none opened: markup from a
 * source must never run `alert`. Closes the page.
 */
async function inWatchedPage(check: (page: Page) => Promise<void>): Promise<void> {
  await inPage(async (page) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await check(page);
    expect(dialogs).toEqual([]);
  });
}


describe('a sixth plan dropped into seeds/', () => {
  test('becomes a page listed on the home page, with its headings and anchors', async () => {
    await inPage(async (page) => {
      await page.goto(site.url);
      const titles = await page.locator('.plan-list th a').allTextContents();
      expect(CORPUS).toHaveLength(20);
      expect(titles).toHaveLength(8 + CORPUS.length + GENERATED);
      expect(titles).toContain('东丽区科技创新三年行动方案（2023—2025年）');
      // The generated texts' titles, as the generator wrote them.
      expect(titles).toEqual(
        expect.arrayContaining([
          '广东省汕头市潮南区科技创新“十四五”规划',
          '内蒙古自治区呼和浩特市土默特左旗科技创新三年行动计划（2020—2022年）',
          '福建省泉州市永春县科技创新“十二五”规划',
          '山东省菏泽市定陶区科技创新“十四五”规划',
        ]),
      );
      await page.goto(pageUrl(site.url, '/plans/tianjin-dongli-2023-2025/'));
      expect(await page.locator('h1').textContent()).toBe('东丽区科技创新三年行动方案（2023—2025年）');
      expect(await page.locator('#s2-1-1').textContent()).toContain('1.培育科技型企业。');
      expect(await page.locator('.meta-card').textContent()).toContain('天津市 › 东丽区');
    });
  });

  // The fixture's 专栏2 (read by hand): a caption and three items numbered 1. 2. 3., standing in 2.建设创新平台 (s2-1-2)
  // and ended by （二）加快成果转化; its 3. is the box's, though the outline would expect a 3. there too. Its 专栏1, under
  // （二）主要目标, holds a table.
  test('its boxes are figures named by their captions, listed in the contents; their items are not headings', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/plans/tianjin-dongli-2023-2025/'));
      const box = page.getByRole('figure', { name: '专栏2 创新平台建设重点' });
      expect(await box.locator('p').evaluateAll((ps) => ps.map((p) => p.firstChild?.textContent?.slice(0, 4)))).toEqual(['1.海河', '2.区级', '3.技术']);
      expect(await box.locator('h2, h3, h4, h5, h6').count(), 'headings in the box').toBe(0);
      // Next after the box: （二）加快成果转化 (opening a part of the text, src/lib/text-parts.ts).
      expect(await box.evaluate((b) => { const next = b.nextElementSibling; return next?.matches('h3') ? next.id : next?.querySelector(':scope > h3:first-child')?.id; }), 'the heading after the box').toBe('s2-2');
      const entry = page.locator('nav.toc a[href="#box2"]');
      expect(await entry.textContent()).toBe('专栏2 创新平台建设重点');
      // Under 2.建设创新平台, the section it stands in.
      expect(await entry.evaluate((a) => a.closest('ol')?.closest('li')?.querySelector(':scope > a')?.getAttribute('href'))).toBe('#s2-1-2');
      expect(await page.locator('nav.toc a').evaluateAll((as) => as.filter((a) => a.textContent?.startsWith('3.技术')).length), 'its items in the contents').toBe(0);
      // 专栏1 holds a table whose tabs and blank lines are lost (序号 …, rows numbered 1 and 2), read by hand.
      const indicators = page.getByRole('figure', { name: '专栏1 主要指标' });
      // The cells' text, the values' readings (editorial, data-ui) left out.
      const rows = await indicators.locator('table tbody tr').evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children].map((c) => {
            const copy = c.cloneNode(true) as Element;
            for (const ui of copy.querySelectorAll('[data-ui]')) ui.remove();
            return copy.textContent?.trim();
          }),
        ),
      );
      expect(rows).toEqual([
        ['1', '全社会研发投入强度（%）', '3.0', '3.5'],
        ['2', '国家高新技术企业（家）', '510', '620'],
      ]);
    });
  });
});

describe('a box’s paragraph found by search', () => {
  test('is placed under the box’s caption, not only its section (专栏2 创新平台建设重点 · 第1段)', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/search/'));
      // 海河实验室东丽基地 is in one text only: the sixth plan's 专栏2, its first item (read by hand).
      const shown = await ask(page, '海河实验室东丽基地');
      expect(shown.plans.map((p) => p.slug)).toEqual(['tianjin-dongli-2023-2025']);
      const hit = page.locator('#search-results .search-hits a[href]').first();
      expect(await hit.getAttribute('href')).toBe(`${BASE}plans/tianjin-dongli-2023-2025/#p2-1-2-2`);
      expect((await hit.textContent())?.replace(/\s+/gu, '')).toContain('专栏2创新平台建设重点·第1段');
    });
  });
});

// tests/fixtures/measures/006_measures_fixture.txt, read by hand: five articles (第一条 … 第五条; 第三条规定的 in the
// fifth cites one), reward amounts in 第一条 to 第四条, one target (到2025年 … 高新技术企业达到500家), three labelled
// responsibility lists, a box (专栏1 重点支持领域) and its term (有效期3年).
describe('a measure (若干措施) dropped into seeds/', () => {
  test('its articles are anchored by number and listed in the contents; its term is on the card', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/'));
      await page.getByRole('link', { name: '某市支持科技创新若干措施' }).first().click();
      const toc = page.locator('nav.toc a');
      // Its 专栏1 (after 第三条, ended by 第四条) is listed too.
      expect(await toc.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#notice-title', '#art1', '#art2', '#art3', '#box1', '#art4', '#art5']);
      expect(await toc.nth(1).textContent()).toBe('第一条 支持企业加大研发投入');
      expect((await page.locator('#art3').textContent())?.startsWith('第三条 支持创新平台建设。')).toBe(true);
      expect(await page.locator('.meta-card').textContent()).toContain('有效期3年');
      // The names of the labelled lists link to their departments' pages.
      expect(await page.locator('#art3 a[href*="/departments/"]').allTextContents()).toEqual(['市科技局', '市发展改革委', '市财政局']);
    });
  });
  test('its reward amounts are not targets; the one target beside them is', () => {
    const doc = readdirSync(site.plansDir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => JSON.parse(readFileSync(join(site.plansDir, f), 'utf8')) as PlanDocument)
      .find((d) => d.source.file === '006_measures_fixture.txt')!;
    expect(doc.targets.map((t) => [t.valueText, t.indicatorId, t.year])).toEqual([['500家', 'high-tech-enterprises', 2025]]);
    expect(doc.responsibilities.map((r) => [r.blockId, r.lead.length, r.support.length, r.shared.length])).toEqual([
      ['art1', 0, 0, 2],
      ['art2', 1, 1, 0],
      ['art3', 1, 2, 0],
    ]);
  });
});

// The same fixture's support standards, read by hand: 第一条 按增量的10% (a share) and 最高不超过200万元 (a cap), 第二条
// 20万元, 第三条 500万元, 第四条 每人每月3000元 and 最高可获得10万元 (a cap).
describe('a measure’s support standards', () => {
  const EXPECTED = [
    ['10%', '比例', '第一条'],
    ['200万元', '上限', '第一条'],
    ['20万元', '标准', '第二条'],
    ['500万元', '标准', '第三条'],
    ['3000元', '标准', '第四条'],
    ['10万元', '上限', '第四条'],
  ];
  test('its analysis page lists each amount with its kind and article, linked to the article', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/'));
      await page.getByRole('link', { name: '某市支持科技创新若干措施' }).first().click();
      await page.getByRole('link', { name: '指标与分析' }).first().click();
      const table = page.getByRole('table', { name: '支持标准' });
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual(EXPECTED);
      expect([rows[1]![2], rows[1]![4]]).toEqual(['年度研发费用超过500万元的企业', '最高不超过200万元']);
      // What each supports (content/support-subjects.yaml), by hand: R&D spending, R&D spending, a high-tech enterprise, a lab, talent twice.
      expect(rows.map((r) => r[3])).toEqual(['企业研发投入', '企业研发投入', '高新技术企业认定', '实验室', '人才', '人才']);
      expect(rows[4]![2], '第四条 names whom by its opening clause (引进的博士，…)').toBe('引进的博士');
      expect(await table.locator('tbody tr').nth(2).locator('a').last().getAttribute('href')).toMatch(/\/#art2$/u);
      const slug = /\/plans\/([^/]+)\/analysis\/$/u.exec(new URL(page.url()).pathname)![1]!;
      await page.goto(pageUrl(site.url, `/en/plans/${slug}/analysis/`));
      expect(await page.getByRole('heading', { name: 'Support standards' }).count()).toBe(1);
      expect(await page.getByRole('table', { name: 'Support standards' }).locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['share', 'cap', 'standard', 'standard', 'standard', 'cap']);
    });
  });
  test('/data/incentives.csv has a row for each, in yuan where it is money', async () => {
    const response = await fetch(pageUrl(site.url, '/data/incentives.csv'));
    const rows = (await response.text()).replace(/^\ufeff/u, '').trimEnd().split('\r\n').map((r) => r.split(','));
    expect(rows[0]!.slice(0, 8)).toEqual(['plan', 'id', 'valueText', 'value', 'unit', 'yuan', 'kind', 'article']);
    expect(rows.slice(1).map((r) => [r[2], r[5], r[7]])).toEqual([
      ['10%', '', '第一条'],
      ['200万元', '2000000', '第一条'],
      ['20万元', '200000', '第二条'],
      ['500万元', '5000000', '第三条'],
      ['3000元', '3000', '第四条'],
      ['10万元', '100000', '第四条'],
    ]);
  });
});

describe('the real-world corpus dropped into seeds/', () => {
  test('every text becomes a page: its title (or 未识别标题), and 未识别 for what the text does not give', async () => {
    const docs = readdirSync(site.plansDir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => JSON.parse(readFileSync(join(site.plansDir, f), 'utf8')) as PlanDocument)
      .filter((d) => CORPUS.includes(d.source.file));
    expect(docs.map((d) => d.source.file).sort()).toEqual([...CORPUS].sort());
    const page = await browser.context.newPage();
    try {
      // At phone width, as most readers see it, and at WCAG's reflow width of 320 px, in both editions: nothing may
      // stick out sideways (long notes, document numbers, a source file's name: 30_tongzhou_… stood 3 px out at 320
      // px; a repair mark and its ¶ at a line's end 4 px out of yunnan's English page at 360 px while the pages
      // asked for text-autospace).
      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 800 });
        for (const edition of ['', '/en']) {
          for (const doc of docs) {
            await page.goto(pageUrl(site.url, `${edition}/plans/${doc.slug}/`));
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${edition}/plans/${doc.slug}/ (${doc.source.file}) at ${width} px: the page is wider than the screen`).toBeLessThanOrEqual(0);
          }
        }
      }
      for (const doc of docs) {
        await page.goto(pageUrl(site.url, `/plans/${doc.slug}/`));
        const h1 = (await page.locator('h1').textContent())?.trim();
        if (doc.meta.title) expect(h1, doc.source.file).toBe(doc.meta.title.value);
        else expect(h1, doc.source.file).toMatch(/^未识别标题（.+）$/u);
        const card = await page.locator('.meta-card').textContent();
        expect(card, doc.source.file).toContain(doc.meta.kind.value === 'news' ? '新闻报道' : '');
        if (doc.meta.docNumber === null) expect(card, doc.source.file).toMatch(/发文字号.*未识别/su);
        if (doc.meta.title?.from === 'inferred') expect(card, doc.source.file).toContain(doc.meta.title.note!);
      }
    } finally {
      await page.close();
    }
  });

  // The home page's 最新文件 names each document's region under its title (2023年全市科技创新工作要点 names none), then
  // its day. Read off the texts by hand: 30 通州 written 2024年2月27日 (inferred from its notice), 24 银川 published
  // 2023年11月8日, the sixth plan (东丽区) written 2023年5月8日 (line 5), 33 重庆高新区 2023年4月26日, 28 环县 2023年4月11日
  // (inferred). The made-up measure (2023年3月1日, no region) is sixth.
  test('the home page’s latest documents give each one’s region and day, in both editions', async () => {
    await inPage(async (page) => {
      for (const [path, lines] of [
        ['', ['北京市通州区 · 2024年2月27日成文（推定）', '宁夏回族自治区银川市 · 2023年11月8日发布', '天津市东丽区 · 2023年5月8日成文', '重庆市重庆高新区 · 2023年4月26日成文', '甘肃省庆阳市环县 · 2023年4月11日成文（推定）']],
        ['en/', ['北京市通州区 · written 27 Feb 2024 (inferred)', '宁夏回族自治区银川市 · published 8 Nov 2023', '天津市东丽区 · written 8 May 2023', '重庆市重庆高新区 · written 26 Apr 2023', '甘肃省庆阳市环县 · written 11 Apr 2023 (inferred)']],
      ] as const) {
        await page.goto(pageUrl(site.url, `/${path}`));
        const items = await page.locator('section.latest li .muted').allTextContents();
        expect(items.map((t) => t.replace(/\u00a0/gu, ' ')), path).toEqual(lines);
      }
    });
  });

  // /compare/ stood a column of dashes for every text with no value of a registered indicator: 12 of the 20 openings
  // (their gold lists no target). Those are left out and counted in the intro; texts with values keep their columns.
  test('/compare/ has a column for each text with values, none for a text whose gold lists no target', async () => {
    const gold = JSON.parse(readFileSync('tests/fixtures/corpus/gold.json', 'utf8')) as { file: string; targets: unknown[] }[];
    const slugOf = new Map(readdirSync(site.plansDir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => {
      const doc = JSON.parse(readFileSync(join(site.plansDir, f), 'utf8')) as PlanDocument;
      return [doc.source.file, doc.slug];
    }));
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, '/compare/'));
      const intro = await page.locator('.page-intro').textContent();
      const columns: (string | null)[] = [];
      for (;;) {
        columns.push(...(await page.locator('table.compare thead th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
        const next = page.locator('a[rel="next"]').first();
        if ((await next.count()) === 0) break;
        await page.goto(new URL((await next.getAttribute('href'))!, page.url()).href);
      }
      for (const g of gold) {
        const href = `${BASE}plans/${slugOf.get(g.file)}/`;
        if (g.targets.length === 0) expect(columns, g.file).not.toContain(href);
      }
      // 33 (重庆高新区) and 15 (遂宁): R&D intensity, high-tech enterprises and more, read by hand.
      for (const file of ['33_cqgxq_chengyu_xingdong_2023.txt', '15_suining_kjcx_yaodian_2023.txt']) expect(columns, file).toContain(`${BASE}plans/${slugOf.get(file)}/`);
      // The intro counts the documents left out: every plan on the site (plans.csv) but those restating another
      // (its last column) and the columns.
      const csv = readFileSync(join(site.siteDir, 'data/plans.csv'), 'utf8').split('\r\n').slice(1).filter((row) => row !== '');
      const compared = csv.filter((row) => row.endsWith(',')).length;
      expect(compared - columns.length).toBeGreaterThanOrEqual(12);
      expect(intro).toContain(`另有${compared - columns.length}份文件未见所比较指标的数值，不列。`);
      // A column is headed by where and when: the 2014 report by the year seeds/catalog.yaml gives it.
      await page.goto(pageUrl(site.url, '/compare/'));
      const report = page.locator('table.compare thead th', { has: page.locator(`a[href="${BASE}plans/${slugOf.get('001_b19521e93b2b759c.txt')}/"]`) });
      expect([await report.locator('.col-place').textContent(), await report.locator('.col-when').textContent()]).toEqual(['天津市', '2014年']);
      // The English sentence counting them follows the one before it with a space (it once read “compared.13 more”).
      await page.goto(pageUrl(site.url, '/en/compare/'));
      const introEn = (await page.locator('.page-intro').textContent())?.replace(/\s+/gu, ' ');
      expect(introEn).toContain(`support standards compared. ${compared - columns.length} more documents give no value of an indicator the site compares, and have no column.`);
      const reportEn = page.locator('table.compare thead th', { has: page.locator(`a[href="${BASE}en/plans/${slugOf.get('001_b19521e93b2b759c.txt')}/"]`) });
      expect([await reportEn.locator('.col-place').textContent(), await reportEn.locator('.col-when').textContent()]).toEqual(['Tianjin', '2014']);
    });
  });

  // 06 (Fujian) has no title line, its date signed as 2021106 and its period as 20212025 (read off the text by
  // hand): three inferred values, whose notes the English card once showed in Chinese.
  test('the English card says in English how an inferred value was read', async () => {
    await inPage(async (page) => {
      await page.goto(pageUrl(site.url, `/en/plans/fujian-2021-2025/`));
      const texts = await page.locator('.meta-card .meta-source.inferred').allTextContents();
      expect(texts).toContainEqual(expect.stringMatching(/^inferred \(source line \d+\): from the covering notice’s title$/u));
      expect(texts).toContainEqual(expect.stringMatching(/: the source runs year, month and day together \(“2021106”\), and 6 October 2021 is the only plausible reading$/u));
      expect(texts).toContainEqual(expect.stringMatching(/: the source runs the first and last years together \(“20212025”\): 2021–2025$/u));
      expect(texts.filter((t) => /\p{Script=Han}/u.test(t)), 'no Chinese in these notes').toEqual([]);
    });
  });
});

describe('markup in a source text', () => {
  test('shows as text on the page and never runs', async () => {
    await inWatchedPage(async (page) => {
      await page.goto(pageUrl(site.url, '/plans/900-markup/'));
      // The text as the source has it: editorial UI (value readings, anchors) set aside.
      const text = await page.evaluate(() => {
        const body = document.querySelector('.plan-text')!.cloneNode(true) as HTMLElement;
        for (const ui of body.querySelectorAll('[data-ui]')) ui.remove();
        return body.textContent ?? '';
      });
      expect(text).toContain('<script>alert(1)</script> 这是正文里的脚本标签');
      expect(text).toContain('import x from "y";');
      expect(text).toContain('{ } < > | * _ \\ ` #');
      const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.outerHTML));
      // Besides the site's own deferred files (enhance.js; chart-png.js, the charts' PNG button), only the JSON-LD data
      // block (never run), whose text cannot close it (`<` escaped).
      const others = scripts.filter((s) => !/^<script src="[^"]*\/(enhance|chart-png)\.js" defer/u.test(s));
      expect(others.filter((s) => !s.startsWith('<script type="application/ld+json">'))).toEqual([]);
      expect(others.map((s) => s.slice('<script type="application/ld+json">'.length, -'</script>'.length))).not.toContainEqual(expect.stringContaining('<'));
    });
  });

  test('shows as text in search results', async () => {
    await inWatchedPage(async (page) => {
      await page.goto(pageUrl(site.url, '/search/'));
      // A string, not a function: the test runner would rewrite a function's dynamic import().
      const excerpt = (await page.evaluate(`(async () => {
        const pagefind = await import('${BASE}pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '${BASE}' });
        for (const b of ${JSON.stringify(BUNDLES.slice(1))}) await pagefind.mergeIndex('${BASE}' + b + '/');
        const search = await pagefind.search('脚本标签');
        const data = await Promise.all(search.results.map((r) => r.data()));
        return data.find((d) => d.url.includes('900-markup'))?.excerpt ?? null;
      })()`)) as string | null;
      expect(excerpt, 'the hostile plan is found').not.toBeNull();
      // Pagefind escapes the page text in excerpts; only its own <mark> is markup.
      // (Pagefind puts a space where an inline element of the page begins: `alert( 1)`.)
      expect(excerpt!.replace(/\s/gu, '')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(excerpt!.replace(/<\/?mark>/gu, '')).not.toMatch(/<[a-z]/u);
    });
  });
});

test('the search page shows the hostile text as text in its results', async () => {
  await inWatchedPage(async (page) => {
    await page.goto(`${pageUrl(site.url, '/search/')}?q=${encodeURIComponent('脚本标签')}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#search-results')?.dataset.state === 'done');
    // Spaces aside: the plan page and its search record may differ in where a line breaks.
    const shown = (await page.locator('#search-results').innerText()).replace(/\s/gu, '');
    expect(shown).toContain('<script>alert(1)</script>这是正文里的脚本标签');
    expect(await page.locator('#search-results script').count()).toBe(0);
  });
});

test('a simplified query finds a text written in traditional characters (with converter damage), which shows in its script without the damage', async () => {
  const plans = readdirSync(site.plansDir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => JSON.parse(readFileSync(join(site.plansDir, f), 'utf8')) as PlanDocument);
  const traditional = plans.filter((d) => d.matchText !== null).map((d) => d.source.file).sort();
  // The four texts of the corpus printed in traditional characters, and no other.
  expect(traditional).toEqual(CORPUS.filter((f) => f.includes('big5')).sort());
  const shandong = plans.find((d) => d.meta.docNumber?.value === '魯政字〔2022〕225號')!;
  await inPage(async (page) => {
    await page.goto(`${pageUrl(site.url, '/search/')}?q=${encodeURIComponent('科技强省')}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#search-results')?.dataset.state === 'done');
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.includes(`/plans/${shandong.slug}/`))).toBe(true);
    await page.goto(pageUrl(site.url, `/plans/${shandong.slug}/`));
    // The page shows the text in the script it is printed in, without the pinyin the converter put after characters
    // (listed among the repairs, after the text); the simplified form is only in the index.
    const shown = await page.locator('.plan-text').innerText();
    expect(shown).toContain('加快科技強省建設,提出如下實施意');
    expect(shown).not.toContain('(shè)');
    expect(shown).not.toContain('加快科技强省建设');
  });
});

describe(`the site served under ${BASE}`, () => {
  test('every internal link, asset and anchor resolves under the sub-path', async () => {
    const checker = createLinkChecker(await browser.context.newPage(), site.siteDir, site.url);
    const pages = builtPages(site.siteDir);
    expect(pages.length).toBeGreaterThan(50);
    const broken: string[] = [];
    for (const p of pages) broken.push(...(await checker.check(p.file, p.path)));
    expectNone(broken, `${relative(process.cwd(), site.siteDir)}: broken links under ${BASE}`);
  });

  test('search finds a plan and its result links lead to the paragraph under the sub-path', async () => {
    const page = await browser.context.newPage();
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.url()} — HTTP ${r.status()}`);
    });
    try {
      await page.goto(pageUrl(site.url, '/search/'));
      // 530家 is in one of the 32 texts only: 北辰's p1-2-2 (tests/search/queries.yaml).
      const shown = await ask(page, '530家');
      expect(shown.state).toBe('done');
      const links = await page.$$eval('#search-results .search-hits a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length, 'sub-result links').toBeGreaterThan(0);
      expect(links[0]).toBe(`${BASE}plans/beichen-2020-2022/#p1-2-2`);
      expect(links.filter((l) => !l.startsWith(`${BASE}plans/beichen-2020-2022/#`)), 'links that leave 北辰’s page under the base path').toEqual([]);
      await Promise.all([page.waitForURL((u) => u.hash === '#p1-2-2'), page.locator('#search-results .search-hits a').first().click()]);
      expect(new URL(page.url()).pathname).toBe(`${BASE}plans/beichen-2020-2022/`);
      expect(await page.locator('#p1-2-2').count()).toBe(1);
      expect(failures).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('styles, the enhancement script and the data files load from the sub-path', async () => {
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(pageUrl(site.url, '/plans/beichen-2020-2022/#s1'), { waitUntil: 'networkidle' });
      expect(await page.locator('.meta-card').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      // enhance.js names the section in the address in the cite line as it starts.
      expect(await page.locator('#cite-text').textContent(), 'enhance.js ran').toContain(`${BASE}plans/beichen-2020-2022/#s1`);
      const data = await page.evaluate(async (base) => (await fetch(`${base}data/targets.json`)).json(), BASE);
      expect(data.targets[0].url).toContain(`${BASE}plans/`);
      expect(failed).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** One query of tests/fixtures/search/variant-queries.yaml. */
const VariantQuerySchema = z.strictObject({
  q: z.string().min(1),
  says: z.string().min(1),
  /** Source files of the plans to be shown, in rank groups (a group's plans in any order among themselves). */
  ranks: z.array(z.array(z.string().endsWith('.txt')).min(1)).min(1),
});
const VARIANT_QUERIES = 'tests/fixtures/search/variant-queries.yaml';
const variantQueries = parseYamlWithFriendlyErrors(z.array(VariantQuerySchema), readFileSync(VARIANT_QUERIES, 'utf8'), VARIANT_QUERIES);

/** Every `text` string in a value (paragraphs, headings, titles, table cells and captions of a plan's blocks). */
function textsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) textsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else textsIn(v, out);
    }
  }
  return out;
}

describe('search on a site of 32 plans (the pair index names the candidates)', () => {
  /** The built plans (data/plans/*.json): slug → source file and text (plus the simplified text of a traditional one). */
  let plans: Map<string, { file: string; text: string }>;
  const fileOf = (slug: string) => plans.get(slug)?.file ?? `(no built plan ${slug})`;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    const dir = join(site.siteDir, 'data', 'plans');
    plans = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as PlanDocument)
        .map((d) => [d.slug, { file: d.source.file, text: [...textsIn(d.blocks), d.matchText ?? ''].join('\n').replace(/\s/gu, '') }]),
    );
    // One page for the queries below, as a reader searching again and again; no search has run in it yet.
    page = await browser.context.newPage();
    requests = recordRequests(page);
    await page.goto(pageUrl(site.url, '/search/'));
  });
  afterAll(async () => {
    await page?.close();
  });

  test('the build holds at least 30 plans, more than the 20 up to which every page is read', () => {
    expect(plans.size).toBe(8 + CORPUS.length + GENERATED);
    expect(plans.size).toBeGreaterThanOrEqual(30);
  });

  test('a rare word: the pair index is asked first, only the plans it names are read, and nothing of Pagefind', async () => {
    const under = (folder: string) => requests.filter((u) => new URL(u).pathname.startsWith(`${BASE}${folder}/`));
    expect(requests.filter((u) => /\/pagefind(-\d+)?\//u.test(u)), 'nothing of Pagefind before the first search').toEqual([]);
    // 三量齐升 is in one text only: 北京城市副中心科技创新“三量齐升”行动计划.
    const shown = await ask(page, '三量齐升');
    expect(shown.state).toBe('done');
    expect(shown.plans.map((p) => fileOf(p.slug))).toEqual(['30_tongzhou_sanliangqisheng_2024.txt']);
    // The bucket files of its three pairs (src/lib/search/pairs.ts: 32 plans, 32 buckets), and no other.
    const buckets = [...new Set(needleKeys('三量齐升').map((k) => bucketOf(k, pairBucketCount(plans.size))))].sort((a, b) => a - b);
    const pairFiles = under('search/pairs').map((u) => Number(/(\d+)\.gz$/u.exec(u)![1])).sort((a, b) => a - b);
    expect(pairFiles, 'pair index files fetched').toEqual(buckets);
    // Matched literally, so Pagefind (loose matches only) is not loaded at all.
    expect(requests.filter((u) => /\/pagefind(-\d+)?\//u.test(u)), 'nothing of Pagefind for a query that matches').toEqual([]);
    // One plan has all three pairs (checked independently of the search: the texts with 三量, 量齐 and 齐升).
    const named = [...plans].filter(([, p]) => ['三量', '量齐', '齐升'].every((pair) => p.text.includes(pair))).map(([slug]) => slug);
    const records = under('search/blocks');
    expect(records.length, `plan records fetched for one rare word (plans with its pairs: ${named.length}), of ${plans.size} plans`).toBe(named.length);
  });

  test('nothing literal: loose matches from Pagefind, every shard asked, marked partial', async () => {
    // Independent of the search code: no text has 瞪羚科技, several have 瞪羚 and 科技.
    expect([...plans].filter(([, p]) => p.text.includes('瞪羚科技')), 'plans with 瞪羚科技').toEqual([]);
    const fresh = await browser.context.newPage();
    const asked = recordRequests(fresh);
    try {
      await fresh.goto(pageUrl(site.url, '/search/'));
      const shown = await ask(fresh, '瞪羚科技');
      expect(shown.state).toBe('done');
      expect(shown.tier, `tier (status “${shown.status}”)`).toBe('partial');
      expect(shown.plans.length, 'loose matches shown').toBeGreaterThan(0);
      expect(shown.plans.map((p) => p.slug).filter((s) => !plans.get(s)?.text.includes('瞪羚')), 'loose matches without 瞪羚').toEqual([]);
      const under = (folder: string) => asked.filter((u) => new URL(u).pathname.startsWith(`${BASE}${folder}/`));
      // Every shard of Pagefind's index is asked: a plan in the second or third shard is found as one in the first.
      for (const bundle of BUNDLES) {
        expect(under(`${bundle}/index`).length, `${bundle}: index chunks fetched (the engine asked every shard of the index)`).toBeGreaterThan(0);
        expect(under(`${bundle}/fragment`), `${bundle}: fragments fetched (the plans’ own records are read instead)`).toEqual([]);
      }
      expect(under('pagefind-3'), 'no fourth shard').toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test.for(variantQueries)('$q: $says', async ({ q, ranks }) => {
    const shown = await ask(page, q);
    expect(shown.state, `the search page's state (status “${shown.status}”)`).toBe('done');
    const files = shown.plans.map((p) => fileOf(p.slug));
    expect([...files].sort(), `plans shown for ${q}, in order: ${files.join(' ')}`).toEqual(ranks.flat().sort());
    // The shown list cut into the expected groups' sizes, each group sorted: the same groups in the same order.
    let at = 0;
    const groups = ranks.map((g) => files.slice(at, (at += g.length)).sort());
    expect(groups, `rank order for ${q}: ${files.join(' ')}`).toEqual(ranks.map((g) => [...g].sort()));
  });

  test('a common word: the search stops early, offers to check the rest, and then shows every plan that has it', async () => {
    // Independent of the search code: the plans whose text has 企业 (no synonym group holds it).
    const expected = [...plans].filter(([, p]) => p.text.includes('企业')).map(([slug]) => slug).sort();
    expect(expected.length, 'plans with 企业').toBeGreaterThan(20);
    // A fresh page: the one above has already read many pages, and pages already read are checked for free.
    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(pageUrl(site.url, '/search/'));
      const first = await ask(fresh, '企业');
      expect(first.state).toBe('done');
      // Stopped early: at least 10 results (WANTED), fewer than all, and the rest offered.
      expect(first.plans.length, `results before continuing (status “${first.status}”)`).toBeGreaterThanOrEqual(10);
      expect(first.plans.length, `results before continuing, of ${expected.length} plans with 企业: the search should stop early (status “${first.status}”)`).toBeLessThan(expected.length);
      const rest = first.status.match(/另有 (\d+) 份尚未检查/u);
      expect(rest, `status “${first.status}” says how many plans are not checked yet`).not.toBeNull();
      const button = fresh.locator('#search-results [data-continue]');
      expect(await button.textContent()).toBe(`继续检查其余 ${rest![1]} 份规划`);
      expect(first.plans.map((p) => p.slug).filter((s) => !expected.includes(s)), 'plans shown without 企业').toEqual([]);

      await button.click();
      // The click marks the search as loading at once; wait for it to be done again.
      await fresh.waitForFunction(() => document.querySelector<HTMLElement>('#search-results')?.dataset.state === 'done');
      const all = await readResults(fresh);
      expect(all.plans.length, 'more results after continuing').toBeGreaterThan(first.plans.length);
      expect(all.plans.map((p) => p.slug).sort()).toEqual(expected);
      expect(all.status).toMatch(new RegExp(`^找到 ${expected.length} 份规划，共 \\d+ 处匹配。$`, 'u'));
      expect(await button.count(), 'nothing left to continue').toBe(0);
    } finally {
      await fresh.close();
    }
  });

  test('a word whose typed form fills a first page: its synonym waits, the page says “at least”, and continuing finds every plan with either form', async () => {
    // 研发 and R&D are one synonym group (content/synonyms.yaml). Independent of the search code: the plans whose
    // text has 研发, or R&D not inside a longer Latin word or number (R&D2 is not R&D).
    const either = /研发|(?<![0-9a-z])r&d(?![0-9a-z])/u;
    const expected = [...plans].filter(([, p]) => either.test(p.text.normalize('NFKC').toLowerCase())).map(([slug]) => slug).sort();
    expect(expected.length, 'plans with 研发 or R&D').toBeGreaterThan(10);
    const fresh = await browser.context.newPage();
    const asked = recordRequests(fresh);
    try {
      await fresh.goto(pageUrl(site.url, '/search/'));
      const first = await ask(fresh, '研发');
      expect(first.state).toBe('done');
      expect(first.plans.length, `a first page from the typed form alone (status “${first.status}”)`).toBe(10);
      expect(first.plans.map((p) => p.slug).filter((s) => !expected.includes(s)), 'plans shown without 研发 or R&D').toEqual([]);
      // R&D not searched yet: more plans than those named may be left, and the page says so.
      const rest = first.status.match(/另有至少 (\d+) 份尚未检查/u);
      expect(rest, `status “${first.status}” says at least how many plans are left`).not.toBeNull();
      const button = fresh.locator('#search-results [data-continue]');
      expect(await button.textContent()).toBe(`继续检查其余规划（至少 ${rest![1]} 份）`);
      // R&D's pairs are looked up only now: the bucket files they are in, where 研发's did not already bring them.
      const bucketsOf = (needle: string) => needleKeys(needle).map((k) => bucketOf(k, pairBucketCount(plans.size)));
      const fetched = () => new Set(asked.filter((u) => u.includes('/search/pairs/')).map((u) => Number(/(\d+)\.gz$/u.exec(u)![1])));
      const rdOnly = bucketsOf('r&d').filter((b) => !bucketsOf('研发').includes(b));
      expect(rdOnly.length, 'R&D has pairs in buckets of their own (else this test cannot see them asked)').toBeGreaterThan(0);
      expect(rdOnly.filter((b) => fetched().has(b)), 'R&D not looked up before continuing').toEqual([]);

      await button.click();
      await fresh.waitForFunction(() => document.querySelector<HTMLElement>('#search-results')?.dataset.state === 'done');
      const all = await readResults(fresh);
      expect(rdOnly.filter((b) => !fetched().has(b)), 'continuing looked R&D up in the pair index').toEqual([]);
      expect(all.plans.map((p) => p.slug).sort()).toEqual(expected);
      expect(all.status).toMatch(new RegExp(`^找到 ${expected.length} 份规划，共 \\d+ 处匹配。$`, 'u'));
      expect(await button.count(), 'nothing left to continue').toBe(0);
    } finally {
      await fresh.close();
    }
  });

  test('when the rest cannot be read, continuing says so and keeps what was found, instead of staying busy', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(pageUrl(site.url, '/search/'));
      const first = await ask(fresh, '企业');
      expect(first.state).toBe('done');
      const button = fresh.locator('#search-results [data-continue]');
      expect(await button.count(), 'the rest is offered').toBe(1);
      // The network goes away: every plan record still to be read fails to load.
      await fresh.route('**/search/blocks/**', (route) => route.abort());
      await button.click();
      await fresh.waitForFunction(() => document.querySelector<HTMLElement>('#search-results')?.dataset.state === 'error', undefined, { timeout: 30_000 });
      const after = await readResults(fresh);
      expect(after.status).toContain('其余规划暂时无法检查');
      expect(await fresh.locator('#search-results').getAttribute('aria-busy')).toBe('false');
      expect(after.plans.map((p) => p.slug), 'the results found before are still shown').toEqual(first.plans.map((p) => p.slug));
    } finally {
      await fresh.close();
    }
  });
});
