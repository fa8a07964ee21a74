/**
 * Region-dependent definitions on the built site (issue 13), in Chromium. 雏鹰企业, 瞪羚企业 and 科技领军企业 are
 * defined by Tianjin's 津科规〔2021〕3号; seed 004 (辛集市, Hebei) uses the words for Hebei's own programmes
 * (`实施“苗圃”“雏鹰”“小巨人”“上市”四项工程`, line 4.促进特色产业创新发展). Following a term from the Hebei plan must
 * land on a note that no definition for 河北省 is recorded, never on Tianjin's rules; following it from a Tianjin
 * plan (seed 000, 北辰区) must land on Tianjin's definition with its source. The printed note says whose
 * definition the link leads to. Expected texts are from 津科规〔2021〕3号 第二条 and the issue, not from the page.
 */
import { describe, expect, inject, test } from 'vitest';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';

const baseUrl = inject('baseUrl');
const XINJI = '/plans/xinji-14th-five-year/';
const BEICHEN = '/plans/beichen-2020-2022/';
/** The words 津科规〔2021〕3号 第二条 defines each term with. */
const TIANJIN_DEFINITION: Record<string, string> = {
  雏鹰企业: '具有较强的创新能力，未来具有较高的发展潜力',
  瞪羚企业: '以科技创新或商业模式创新为支撑进入高成长期',
  科技领军企业: '具备引领行业变革能力并受到市场认可',
};
/** The glossary ids of the three terms. */
const IDS: Record<string, string> = { 雏鹰企业: 'chuying-qiye', 瞪羚企业: 'dengling-qiye', 科技领军企业: 'keji-lingjun-qiye' };

const browser = browserForFile({ watchProblems: true });

/** The hrefs of the plan's links to a glossary term. */
async function termLinks(plan: string, id: string): Promise<string[]> {
  await browser.page.goto(pageUrl(baseUrl, plan));
  return browser.page.locator(`.plan-text a.term[href*="/glossary/${id}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Follows the plan's first link to the term and returns the text of the element the fragment names. */
async function landing(plan: string, id: string): Promise<{ url: string; target: string }> {
  await browser.page.goto(pageUrl(baseUrl, plan));
  await browser.page.locator(`.plan-text a.term[href*="/glossary/${id}/"]`).first().click();
  await browser.page.waitForURL(`**/glossary/${id}/**`);
  const url = browser.page.url();
  const fragment = new URL(url).hash.slice(1);
  const target = fragment ? ((await browser.page.locator(`[id="${fragment}"]`).textContent()) ?? '') : '';
  return { url, target };
}

/** Requires that the plan links to the term and every such link names the note `#<note>`; returns where the first lands. */
async function noteReached(plan: string, id: string, note: string): Promise<string> {
  const links = await termLinks(plan, id);
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(new RegExp(`/glossary/${id}/#${note}$`, 'u'));
  return (await landing(plan, id)).target;
}

describe.each(Object.keys(IDS))('%s', (term) => {
  const id = IDS[term]!;
  test('every link from the Hebei plan (辛集, 004) goes to the note for 河北省, which gives no Tianjin definition', async () => {
    const target = await noteReached(XINJI, id, 'def-hebei');
    expect(target).toContain('河北省');
    expect(target).toContain('本站没有记录河北省');
    expect(target).not.toContain('津科规');
    expect(target).not.toContain(TIANJIN_DEFINITION[term]!);
  });
  test('every link from a Tianjin plan (北辰区, 000) goes to Tianjin’s definition, quoted with 津科规〔2021〕3号 and the day it was checked', async () => {
    const target = await noteReached(BEICHEN, id, 'def-tianjin');
    expect(target).toContain('天津市');
    expect(target).toContain(TIANJIN_DEFINITION[term]!);
    expect(target).toContain('津科规〔2021〕3号');
    expect(target).toContain('2026-12-01');
    // Read from a reprint, and the page says so.
    expect(target).toContain('转载');
  });
});

test('the printed notes say whose definition a term leads to', async () => {
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  const xinji = (await browser.page.locator('.endnotes').textContent()) ?? '';
  expect(xinji).toContain('术语“雏鹰企业”（未记录河北省的定义）');
  await browser.page.goto(pageUrl(baseUrl, BEICHEN));
  const beichen = (await browser.page.locator('.endnotes').textContent()) ?? '';
  expect(beichen).toContain('术语“雏鹰企业”（天津市的定义）');
});

// Sources name long URLs; on a phone they wrap instead of widening the page.
test.each([
  '/glossary/chuying-qiye/',
  '/glossary/keji-chengguo-zhuanhua/',
  '/documents/tianjin-st-progress-regulation/',
  '/indicators/digital-economy-core-share/',
])('%s at 360 px: the sources wrap, no sideways scrolling', async (path) => {
  await browser.page.setViewportSize({ width: 360, height: 740 });
  await browser.page.goto(pageUrl(baseUrl, path));
  const sources = await browser.page.locator('.claim-source').count();
  expect(sources, 'the page shows a source').toBeGreaterThan(0);
  expect(await browser.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('no page opened here had a script error, console error or policy violation', () => {
  expect(browser.problems).toEqual([]);
});
