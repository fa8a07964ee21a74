/**
 * public/enhance.js, every behaviour, in Chromium: the print button (shown, opens printing, the print date filled
 * in at print time), the current section marked in the contents, the cite line following the address, and
 * section/paragraph links copying their address. With JavaScript off every plan page still has its text and a
 * working contents, and shows no control that needs the script. On every page opened here: no
 * Content-Security-Policy violation (the site's policy is the `<meta http-equiv>` in each page; the hosts' _headers
 * add none), no console error, no script error.
 *
 * Expected headings and labels are read from the seeds (004 for Xinji, 002 for Hongqiao).
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { disableJavaScript, pageUrl, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt'));
const XINJI = '/plans/xinji-14th-five-year/';
const HONGQIAO = '/plans/hongqiao-2020-2022/';
/** A print day that cannot be the build day: the page's clock is set to it. */
const PRINT_DAY = '2031-05-17';

/** Its `problems`: everything the watcher reported, per page URL without its fragment. */
const browser = browserForFile({ watchProblems: true });

beforeAll(async () => {
  // Reading the clipboard back is the test's own instrument. Chromium's grant denies every permission not listed,
  // so writing (which a click allows by default) is listed too.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  // The reading tests share the file's tab, at 1280 px so that the contents are shown beside the text.
  await browser.page.setViewportSize({ width: 1280, height: 900 });
});

/** Each problem once, with its count: Chromium logs the same console error for every blocked attribute and visit. */
function tally(list: string[]): string[] {
  const counts = new Map<string, number>();
  for (const p of list) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].map(([p, n]) => (n > 1 ? `${p} (×${n})` : p));
}

const citeText = (page: Page) => page.locator('#cite-text').textContent();
const currentInContents = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.toc a[aria-current]')].map((a) => `${a.getAttribute('href')} (${a.getAttribute('aria-current')})`));

test('there is a plan page for every seed, and the two pages used below', () => {
  expect(plans.map((p) => p.path)).toHaveLength(seeds.length);
  expect(plans.map((p) => p.path)).toEqual(expect.arrayContaining([XINJI, HONGQIAO]));
});

describe('with JavaScript', () => {
  test('the print button is shown and opens printing, which fills in the day of printing', async () => {
    // Its own page: Chromium keeps a page that called print() "being printed" until it closes.
    const page = await browser.context.newPage();
    try {
      await page.clock.setFixedTime(new Date(`${PRINT_DAY}T12:00:00Z`));
      await page.goto(pageUrl(baseUrl, XINJI));
      const button = page.getByRole('button', { name: '打印本页' });
      expect(await button.isVisible(), 'the print button is shown where scripts run').toBe(true);
      const slot = page.locator('[data-print-date]');
      expect(await slot.textContent(), 'before printing the slot holds the build day').not.toBe(PRINT_DAY);
      // beforeprint is what window.print() dispatches first; enhance.js's own listener runs before this one.
      const printing = page.evaluate(
        () => new Promise<string>((done) => window.addEventListener('beforeprint', () => done(document.querySelector('[data-print-date]')!.textContent ?? ''), { once: true })),
      );
      await button.click();
      expect(await printing, 'the print date at the moment of printing').toBe(PRINT_DAY);
    } finally {
      await page.close();
    }
  });

  test('the contents mark the section being read, and only that one', async () => {
    await browser.page.goto(pageUrl(baseUrl, `${XINJI}#s1-1-1-2`));
    await browser.page.locator('.toc a[href="#s1-1-1-2"][aria-current="location"]').waitFor({ timeout: 5000 });
    expect(await currentInContents(browser.page), 'contents entries marked current at #s1-1-1-2').toEqual(['#s1-1-1-2 (location)']);
    // Scrolling on to part 二 moves the mark.
    await browser.page.evaluate(() => document.getElementById('s2')!.scrollIntoView());
    await browser.page.locator('.toc a[href="#s2"][aria-current="location"]').waitFor({ timeout: 5000 });
    expect(await currentInContents(browser.page), 'contents entries marked current after scrolling to #s2').toEqual(['#s2 (location)']);
    expect(await browser.page.locator('.toc a[aria-current]').textContent()).toBe('二、聚焦创新储能蓄势,夯实科技创新基石');
  });

  test('the cite line follows the section or paragraph in the address, and returns to the plan without one', async () => {
    await browser.page.goto(pageUrl(baseUrl, XINJI));
    const base = (await citeText(browser.page)) ?? '';
    const planUrl = (await browser.page.locator('#cite-text').getAttribute('data-plan-url')) ?? '';
    expect(planUrl, 'the cite line carries the plan URL').toMatch(/\/plans\/xinji-14th-five-year\/$/u);
    expect(base, 'the cite line names the plan URL').toContain(planUrl);
    expect(base).toContain('辛集市科技创新“十四五”规划');
    const citing = (id: string, label: string) => `${base.replace(planUrl, `${planUrl}#${id}`)}（${label}）`;
    const steps: [hash: string, expected: string][] = [
      ['#s1', citing('s1', '一、聚焦创新发展动力源,助力创新型城市建设新征程')],
      ['#s1-1', citing('s1-1', '(一)发展基础。')],
      ['#p1-1-1', citing('p1-1-1', 'p1-1-1段')],
      // An anchor outside the text (the metadata card) is not a place in the plan.
      ['#meta-heading', base],
      ['', base],
    ];
    for (const [hash, expected] of steps) {
      await browser.page.evaluate((h) => (location.hash = h), hash);
      await expect.poll(() => citeText(browser.page), { message: `cite line at address ${hash || '(no fragment)'}`, timeout: 3000 }).toBe(expected);
    }
    // Arriving with a fragment in the address, not only changing it.
    await browser.page.goto(pageUrl(baseUrl, `${XINJI}#s2`));
    expect(await citeText(browser.page), 'cite line when the page opens at #s2').toBe(citing('s2', '二、聚焦创新储能蓄势,夯实科技创新基石'));
  });

  test('the cite line names a repaired heading by its text, without the repair marker or note', async () => {
    // Hongqiao's part 二 lost its number in the source; the page shows 二、 as a repair, marked 校.
    await browser.page.goto(pageUrl(baseUrl, HONGQIAO));
    const base = (await citeText(browser.page)) ?? '';
    const planUrl = (await browser.page.locator('#cite-text').getAttribute('data-plan-url')) ?? '';
    expect(base).toContain(planUrl);
    await browser.page.evaluate(() => (location.hash = '#s2'));
    await expect
      .poll(() => citeText(browser.page), { message: 'cite line at Hongqiao #s2', timeout: 3000 })
      .toBe(`${base.replace(planUrl, `${planUrl}#s2`)}（二、重点任务）`);
  });

  test('a section or paragraph link copies its address, says 已复制 for a moment, and goes there', async () => {
    await browser.page.goto(pageUrl(baseUrl, XINJI));
    const cases: string[] = ['s1', 'p1-1-1'];
    for (const id of cases) {
      const link = browser.page.locator(`.plan-text a.self-link[href="#${id}"]`);
      await link.click();
      // What the reader sees beside the link, once the copy has succeeded.
      await expect
        .poll(() => link.evaluate((a) => getComputedStyle(a, '::after').content), { message: `#${id}: 已复制 shown`, timeout: 3000 })
        .toBe('"已复制"');
      expect(await browser.page.evaluate(() => navigator.clipboard.readText()), `clipboard after clicking the link of #${id}`).toBe(pageUrl(baseUrl, `${XINJI}#${id}`));
      expect(await browser.page.evaluate(() => location.hash), 'the link still navigates').toBe(`#${id}`);
      await expect.poll(() => link.getAttribute('data-copied'), { message: `#${id}: 已复制 goes away again`, timeout: 5000 }).toBeNull();
    }
  });
});

describe.each(plans)('$path with JavaScript off', ({ path }) => {
  test('has its text and a working contents, and shows no control that needs the script', async () => {
    const page = await browser.context.newPage();
    try {
      await disableJavaScript(page);
      await page.setViewportSize({ width: 1280, height: 900 });
      const response = await page.goto(pageUrl(baseUrl, path));
      expect(response?.status(), `${path}: the server's answer`).toBe(200);
      // Once, in a clean-clone CI run under the whole suite's load, the text read as empty right after the load (never
      // in four runs here): the answer's status and a wait for the text say which it was if it happens again; a page
      // without the text still fails, after the wait's timeout.
      await page.locator('.plan-text').waitFor({ state: 'attached' });
      const seen = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
        return {
          text: (document.querySelector('.plan-text') as HTMLElement | null)?.innerText.length ?? 0,
          contents: links.length,
          unresolved: links.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)?.closest('.plan-text')),
          printButtonShown: (document.querySelector('[data-print]') as HTMLElement | null)?.checkVisibility(),
          current: document.querySelectorAll('.toc [aria-current]').length,
          cite: document.getElementById('cite-text')?.textContent ?? '',
          planUrl: document.getElementById('cite-text')?.dataset.planUrl ?? '(none)',
          printDate: document.querySelector('[data-print-date]')?.textContent ?? '',
          // Not the last entry: the text ends there, with less than a window below it to scroll to.
          middle: links[Math.floor(links.length / 2)]?.getAttribute('href') ?? '',
        };
      });
      expect(seen.text, 'text of the plan').toBeGreaterThan(100);
      expect(seen.contents, 'entries in the contents').toBeGreaterThan(0);
      expectNone(seen.unresolved.map((id) => `#${id}`), `${path}: contents entries that lead nowhere in the text`);
      expect(seen.printButtonShown, 'the print button (it needs the script) is not shown').toBe(false);
      expect(seen.current, 'no contents entry claims to be current').toBe(0);
      expect(seen.cite, 'the cite line is complete without the script').toContain(seen.planUrl);
      expect(seen.printDate, 'a printed copy still carries a date (the build day)').toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      // The contents navigate by themselves: an entry brings its heading to the top.
      await page.locator(`.toc a[href="${seen.middle}"]`).click();
      expect(await page.evaluate(() => location.hash)).toBe(seen.middle);
      const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, seen.middle.slice(1));
      expect(Math.abs(top), `${seen.middle} at the top of the window after following its contents entry`).toBeLessThan(50);
    } finally {
      await page.close();
    }
  });
});

describe.each(plans)('$path', ({ path }) => {
  test('loads with no Content-Security-Policy violation, console error or script error', async () => {
    const url = pageUrl(baseUrl, path);
    const before = browser.problems.length;
    // Opened at its first section, which enhance.js names in the cite line as it starts.
    await browser.page.goto(url);
    const first = (await browser.page.locator('.toc a[href^="#"]').first().getAttribute('href')) ?? '';
    await browser.page.goto(`${url}${first}`, { waitUntil: 'networkidle' });
    const cite = await citeText(browser.page);
    expectNone(tally(browser.problems.slice(before)), `${path}`);
    // enhance.js ran (the cite line names the section): there was a script to check, not just markup.
    expect(first, 'a first contents entry').toMatch(/^#./u);
    expect(cite, 'enhance.js ran').toContain(`${path}${first}`);
  });
});

test('no Content-Security-Policy violation, console error or script error on any page the tests above opened', () => {
  expectNone(tally(browser.problems), 'problems reported by Chromium during this file');
});
