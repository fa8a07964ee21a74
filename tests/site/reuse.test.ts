/**
 * Text reuse on the built site (issue 14): /reuse/ lists the formula four seeds print and the measure only 北辰 (000)
 * and 红桥 (002) share, each linked to where the plans print it; every plan's share there is the one its page shows;
 * a plan page marks its reused paragraphs on screen only and lists them in 与其他规划相同的文字, which print leaves out.
 * The passages and plans expected are read in seeds/*.txt (see src/lib/reuse/seeds.test.ts for the lines).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { layOutWholeText, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const FORMULA = '以习近平新时代中国特色社会主义思想为指导';
const MEASURE = '高新技术企业培育库与企业登记信息库、知识产权数据库';
/** Letters and digits only: how the reuse is compared (punctuation, spaces and widths aside). */
const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

const browser = browserForFile();

/** The passages of a list on /reuse/ with their links (path and fragment). */
async function passages(listId: string): Promise<{ text: string; links: string[] }[]> {
  await browser.page.goto(pageUrl(baseUrl, '/reuse/'));
  return browser.page.$$eval(`section[aria-labelledby="${listId}"] li`, (items) =>
    items.map((li) => ({ text: li.querySelector('.reuse-text')!.textContent!, links: [...li.querySelectorAll('a')].map((a) => new URL(a.href).pathname + new URL(a.href).hash) })),
  );
}

/**
 * The text a reader sees from the element a link leads to onwards (the passage may run from a heading into its
 * paragraph); `innerText`, as print-only note numbers are in `textContent`.
 */
async function textAt(link: string): Promise<string> {
  await browser.page.goto(pageUrl(baseUrl, link));
  await layOutWholeText(browser.page);
  return browser.page.evaluate((id) => {
    const target = document.getElementById(id)!;
    let text = '';
    for (let el: Element | null = target; el && text.length < 600; el = el.nextElementSibling) text += (el as HTMLElement).innerText;
    return text;
  }, decodeURIComponent(link.split('#')[1]!));
}

describe('/reuse/', () => {
  test('lists the formula among the passages three plans or more share, linked to the four plans that print it', async () => {
    const found = (await passages('many')).filter((p) => letters(p.text).includes(letters(FORMULA)));
    expect(found.length).toBeGreaterThan(0);
    const links = found[0]!.links;
    expect(links.map((l) => l.split('#')[0])).toEqual(['/plans/beichen-2020-2022/', '/plans/hongqiao-2020-2022/', '/plans/baodi-14th-five-year/', '/plans/xinji-14th-five-year/']);
    for (const link of links) expect(letters(await textAt(link)), link).toContain(letters(found[0]!.text));
  });

  test('lists the measure only 北辰 and 红桥 share among the passages two plans share, linked to both', async () => {
    const found = (await passages('two')).filter((p) => letters(p.text).includes(letters(MEASURE)));
    expect(found).toHaveLength(1);
    expect(found[0]!.links.map((l) => l.split('#')[0])).toEqual(['/plans/beichen-2020-2022/', '/plans/hongqiao-2020-2022/']);
    for (const link of found[0]!.links) expect(letters(await textAt(link)), link).toContain(letters(MEASURE));
  });

  test("gives every plan's share, the same as its page shows", async () => {
    const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt'));
    await browser.page.goto(pageUrl(baseUrl, '/reuse/'));
    const rows = await browser.page.$$eval('.reuse-shares tbody tr', (trs) =>
      trs.map((tr) => ({ href: new URL(tr.querySelector('a')!.href).pathname, shared: tr.querySelectorAll('td')[1]!.textContent! })),
    );
    expect(rows).toHaveLength(seeds.length);
    const problems: string[] = [];
    for (const row of rows) {
      const share = /（(\d+\.\d%)）/u.exec(row.shared)?.[1];
      if (!share) problems.push(`${row.href}: no share in “${row.shared}”`);
      // The row leads to the plan's analysis page, which gives the share.
      if (!/^\/plans\/[^/]+\/analysis\/$/u.test(row.href)) problems.push(`${row.href}: not a plan's analysis page`);
      await browser.page.goto(pageUrl(baseUrl, row.href));
      const onPage = await browser.page.textContent('section.reuse > p');
      if (!onPage?.includes(`（${share}）`)) problems.push(`${row.href}: /reuse/ says ${share}, the page says “${onPage}”`);
    }
    expectNone(problems, 'shares');
  });
});

describe('a plan page', () => {
  test('marks the paragraph with the shared measure on screen, its analysis page lists it, and print leaves both out', async () => {
    await browser.page.goto(pageUrl(baseUrl, '/plans/beichen-2020-2022/'));
    await layOutWholeText(browser.page);
    const measure = letters(MEASURE);
    const ids = await browser.page.$$eval(
      '.plan-text p',
      (ps, m) => ps.filter((p) => (p as HTMLElement).innerText.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').includes(m)).map((p) => p.id),
      measure,
    );
    expect(ids).toHaveLength(1);
    const para = browser.page.locator(`[id="${ids[0]}"]`);
    expect(await para.getAttribute('class')).toBe('reused');
    const rule = () => para.evaluate((p) => getComputedStyle(p, '::before').borderLeftStyle);
    expect(await rule()).toBe('dotted');
    // Paragraphs that share nothing carry no mark.
    const marked = await browser.page.$$eval('.plan-text p.reused', (ps) => ps.length);
    const all = await browser.page.$$eval('.plan-text p[id^="p"]', (ps) => ps.length);
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(all);

    await browser.page.emulateMedia({ media: 'print' });
    try {
      expect(await rule()).toBe('none');
    } finally {
      await browser.page.emulateMedia({ media: 'screen' });
    }

    // The analysis page's list links that paragraph to 红桥, and is left out of print.
    await browser.page.goto(pageUrl(baseUrl, '/plans/beichen-2020-2022/analysis/'));
    const items = await browser.page.$$eval('.reuse-list li', (lis) => lis.map((li) => ({ own: li.querySelector('a')!.getAttribute('href'), text: li.textContent! })));
    expect(items.some((i) => i.own === `/plans/beichen-2020-2022/#${ids[0]}` && i.text.includes('红桥区'))).toBe(true);
    await browser.page.emulateMedia({ media: 'print' });
    try {
      expect(await browser.page.locator('section.reuse').isVisible()).toBe(false);
    } finally {
      await browser.page.emulateMedia({ media: 'screen' });
    }
  });
});
