/**
 * 上位规划对照 on the built site: the section on the plan pages that carry out a plan above (and on no other), its
 * table for 北辰 and 红桥 against the municipal plan read against a table written by hand from the seeds and the
 * municipal plan's 工作目标 (津政发〔2020〕23号, as reprinted), each value linked to the paragraph that states it;
 * the page of the plan above with every target's source and its plans side by side; both in English under /en/;
 * `/data/alignment.json` carrying the rows the pages show. Accessibility, validity, links and the CSP of these pages
 * are checked by axe, html-validate, links and csp.test.ts, which take every built page (axe one page of each folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { parsedHtmlFile } from '../support/parsed-html.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const baseUrl = inject('baseUrl');
/** A built page, parsed. */
const page = (path: string): HtmlElement => parsedHtmlFile(join(siteDir, path, 'index.html'));
const text = (el: HtmlElement | null) => (el?.textContent ?? '').replace(/\s+/gu, '');
const href = (el: HtmlElement | null) => el?.getAttribute('href')?.value as string;

const TIANJIN = 'tianjin-st-innovation-3yr-2020-2022';
const WITH_PARENT = ['beichen-2020-2022', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year'];
const WITHOUT = ['tianjin-2014-work-conference'];

/**
 * By hand: indicator, the plan's number, the municipal number (both for 2022), the verdict. 000 lines 37 and 39,
 * 002 lines 18 and 19; the municipal plan's 工作目标. Only 研发投入强度 is a rate; the totals are not ranked.
 */
const NC = 'not-comparable';
const TABLES: Record<string, [string, string, string, string][]> = {
  'beichen-2020-2022': [
    ['rd-intensity', '3.2', '3.2', 'equal'],
    ['valid-invention-patents', '3500', '40000', NC],
    ['high-tech-enterprises', '530', '9000', NC],
    ['chuying-enterprises', '280', '3500', NC],
    ['gazelle-enterprises', '30', '350', NC],
    ['leading-tech-enterprises', '25', '250', NC],
    ['technology-contract-turnover', '60', '1400', NC],
    ['university-science-parks', '1', '5', NC],
  ],
  'hongqiao-2020-2022': [
    ['rd-intensity', '2.2', '3.2', 'lower'],
    ['valid-invention-patents', '1500', '40000', NC],
    ['high-tech-enterprises', '100', '9000', NC],
    ['chuying-enterprises', '80', '3500', NC],
    ['gazelle-enterprises', '3', '350', NC],
    ['technology-contract-turnover', '90', '1400', NC],
  ],
};

/** The section's rows: indicator id, the plan's and the parent's number, the verdict, the link of the plan's value. */
function sectionRows(path: string) {
  const section = page(path).querySelector('section.alignment');
  return (section?.querySelectorAll('tbody tr') ?? []).map((tr) => {
    const [own, above, verdict] = tr.querySelectorAll('td');
    return {
      indicator: href(tr.querySelector('th a')).match(/indicators\/([^/]+)\//u)![1]!,
      own: text(own!.querySelector('a')).match(/[\d.]+/u)![0],
      above: text(above!).match(/[\d.]+/u)![0],
      verdict: verdict!.querySelector('.verdict')!.getAttribute('class')!.value!.toString().replace('verdict verdict-', ''),
      link: href(own!.querySelector('a')),
    };
  });
}

describe('the plan pages', () => {
  test.each([...WITH_PARENT.map((s) => [s, true] as const), ...WITHOUT.map((s) => [s, false] as const)])('%s: the section is there only when the plan carries out a plan above (%s)', (slug, present) => {
    for (const path of [`plans/${slug}/analysis`, `en/plans/${slug}/analysis`]) expect(page(path).querySelector('section.alignment') !== null, path).toBe(present);
    // Not on the text's page: the comparison is on the plan's analysis page (issue 12).
    expect(page(`plans/${slug}`).querySelector('section.alignment')).toBeNull();
  });

  test.each(Object.entries(TABLES))('%s: the table against the municipal plan, as read by hand', (slug, expected) => {
    const rows = sectionRows(`plans/${slug}/analysis`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.indicator, r.own, r.above, r.verdict])).toEqual(expected);
    const links = page(`plans/${slug}/analysis`).querySelectorAll('section.alignment p a').map(href);
    expect(links).toContain(`/alignment/${TIANJIN}/`);
  });

  test.each(Object.keys(TABLES))('%s: each value of the plan links to the paragraph that states it', (slug) => {
    const root = page(`plans/${slug}`);
    const problems: string[] = [];
    const rows = sectionRows(`plans/${slug}/analysis`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (!r.link.startsWith(`/plans/${slug}/#`)) problems.push(`${r.indicator}: ${r.link} is not a paragraph of the text's page`);
      const target = root.querySelector(`[id="${r.link.replace(/^.*#/u, '')}"]`);
      if (!target) problems.push(`${r.indicator}: ${r.link} is not on the page`);
      else if (!text(target).includes(r.own)) problems.push(`${r.indicator}: ${r.link} does not state ${r.own}`);
    }
    expectNone(problems, 'values not in their paragraph');
  });

  test('宝坻: the plan above is named, and the page says its targets are not recorded, with no table', () => {
    const section = page('plans/baodi-14th-five-year/analysis').querySelector('section.alignment')!;
    expect(section.querySelectorAll('p a').map(href)).toContain('/alignment/tianjin-st-innovation-14th-fyp/');
    expect(section.querySelector('table')).toBeNull();
    expect(text(section)).toContain('本站尚未记录上级规划的目标，无从对照。');
  });

  test('the English section speaks English: heading, columns and verdicts', () => {
    const section = page('en/plans/hongqiao-2020-2022/analysis').querySelector('section.alignment')!;
    expect(text(section.querySelector('h2'))).toBe('Alignmentwiththeplanabove');
    expect(section.querySelectorAll('thead th').map((th) => th.textContent.trim())).toEqual(['Indicator', 'This plan', 'Plan above', 'Comparison']);
    expect(section.querySelectorAll('.verdict').map((v) => v.textContent.trim())).toEqual(['Lower than the plan above', ...Array(5).fill('Not comparable')]);
    expect(section.querySelectorAll('p a').map(href)).toContain(`/en/alignment/${TIANJIN}/`);
  });

  test('the section stays short on the largest plan (辛集): under 4 KB of HTML', () => {
    const html = readFileSync(join(siteDir, 'plans/xinji-14th-five-year/analysis/index.html'), 'utf8');
    const start = html.indexOf('<section class="apparatus alignment"');
    expect(start).toBeGreaterThan(0);
    const size = Buffer.byteLength(html.slice(start, html.indexOf('</section>', html.indexOf('</table>', start)) + 10));
    expect(size).toBeLessThan(4096);
  });
});

describe('/alignment/', () => {
  test('the index lists each plan above with the plans that carry it out', () => {
    const rows = page('alignment').querySelectorAll('tbody tr');
    expect(rows.map((r) => [href(r.querySelector('th a')), r.querySelectorAll('td')[0]!.querySelectorAll('a').map((a) => href(a).match(/plans\/([^/]+)\//u)![1])])).toEqual([
      [`/alignment/${TIANJIN}/`, ['beichen-2020-2022', 'hongqiao-2020-2022']],
      ['/alignment/tianjin-st-innovation-14th-fyp/', ['baodi-14th-five-year']],
      ['/alignment/hebei-st-innovation-14th-fyp/', ['xinji-14th-five-year']],
    ]);
  });

  test('the municipal plan: every target with its sentence and source (津政发〔2020〕23号, a reprint, checked on a day)', () => {
    const root = page(`alignment/${TIANJIN}`);
    const rows = root.querySelectorAll('table.alignment-sources tbody tr');
    expect(rows).toHaveLength(8);
    const problems = rows.flatMap((r) => {
      const [value, quote] = r.querySelectorAll('td');
      const n = text(value!).match(/[\d.]+/u)![0];
      return text(quote!).includes(n === '40000' ? '4萬' : n) ? [] : [`${n}: the sentence does not state it`];
    });
    expectNone(problems, 'targets without their sentence');
    // One source for all eight, said once above the table.
    expect(text(root.querySelector('p.claim-source'))).toMatch(/津政发〔2020〕23号.*http:\/\/www\.yon123\.com.*2026-12-01据转载的文本核对/u);
  });

  test('the municipal plan: its two district plans side by side; 红桥 sets no target for 科技领军企业 or 大学科技园', () => {
    const root = page(`alignment/${TIANJIN}`);
    const grid = root.querySelector('table.alignment-grid')!;
    expect(grid.querySelectorAll('thead th').length).toBe(4);
    const cells = grid.querySelectorAll('tbody tr').map((tr) => [tr.querySelectorAll('td')[1]!, tr.querySelectorAll('td')[2]!].map((td) => td.querySelector('.verdict')?.getAttribute('class')?.value?.toString().replace('verdict verdict-', '') ?? text(td)));
    expect(cells).toEqual(TABLES['beichen-2020-2022']!.map(([indicator, , , verdict]) => [verdict, TABLES['hongqiao-2020-2022']!.find((r) => r[0] === indicator)?.[3] ?? '—']));
  });

  test('the English edition exists for the index and each plan above', () => {
    for (const path of ['en/alignment', `en/alignment/${TIANJIN}`, 'en/alignment/hebei-st-innovation-14th-fyp']) expect(existsSync(join(siteDir, path, 'index.html')), path).toBe(true);
    expect(text(page(`en/alignment/${TIANJIN}`).querySelector('h2'))).toBe('Targetsoftheplanabove');
  });
});

describe('/data/alignment.json', () => {
  const data = JSON.parse(readFileSync(join(siteDir, 'data/alignment.json'), 'utf8')) as { count: number; rows: { plan: string; indicatorId: string; childValue: number; parentValue: number; verdict: string }[] };
  test('carries the rows the plan pages show, one per plan and indicator', () => {
    expect(data.count).toBe(data.rows.length);
    const shown = WITH_PARENT.flatMap((slug) => sectionRows(`plans/${slug}/analysis`).map((r) => [slug, r.indicator, Number(r.own), Number(r.above), r.verdict]));
    expect(shown.length).toBeGreaterThan(10);
    expect(data.rows.map((r) => [r.plan, r.indicatorId, r.childValue, r.parentValue, r.verdict])).toEqual(shown);
  });
});

describe('on a 360 px phone', () => {
  const browser = browserForFile();
  test.each([`/alignment/${TIANJIN}/`, `/en/alignment/${TIANJIN}/`, '/alignment/', '/plans/hongqiao-2020-2022/analysis/'])('%s does not scroll sideways; the tables scroll inside their region', async (path) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 360, height: 740 });
    await tab.goto(pageUrl(baseUrl, path), { waitUntil: 'load' });
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const regions = await tab.evaluate(() => [...document.querySelectorAll('.alignment .table-scroll')].map((el) => el.getBoundingClientRect().right));
    expect(regions.length).toBeGreaterThan(0);
    for (const right of regions) expect(right).toBeLessThanOrEqual(360);
    await tab.close();
  });
});
