/**
 * Layout and page metadata: plan pages read on a 360 px phone without sideways scrolling of the page (wide tables
 * and charts scroll in their own frames), the contents are collapsed on phones and shown beside the text on wide
 * screens; every page has its own non-empty <title> and description and a canonical URL. Screenshots of a plan
 * page at 360 px and 1280 px go to tests/.artifacts/screens/ to look at.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { builtPages, launchBrowser, pageUrl, planPages } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import type { Page } from 'playwright-core';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const screens = 'tests/.artifacts/screens';

let browser: LaunchedBrowser;
/** One page for every check; each sets its viewport before loading. */
let page: Page;
beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

test('there is a plan page for every seed', () => {
  expect(plans).toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
});

describe.each(plans)('$path', ({ path }) => {
  test('at 360 px: no sideways scrolling, contents collapsed, text first', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(pageUrl(baseUrl, path));
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      tocOpen: (document.querySelector('.toc-details') as HTMLDetailsElement).open,
      // A closed <details> keeps its content's boxes; checkVisibility() knows it is not shown.
      tocListVisible: (document.querySelector('.toc ol') as HTMLElement).checkVisibility(),
      h1: document.querySelector('h1')!.getBoundingClientRect().top,
    }));
    expect(m.scroll, 'page width at 360 px').toBeLessThanOrEqual(360);
    expect(m.tocOpen || m.tocListVisible, 'contents collapsed on a phone').toBe(false);
    expect(m.h1, 'the title is on the first screen').toBeLessThan(740);
    if (path.includes('xinji')) await page.screenshot({ path: `${screens}/plan-360.png` });
  });

  test('at 1280 px: contents beside the text and visible', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pageUrl(baseUrl, path));
    const m = await page.evaluate(() => {
      const ol = document.querySelector('.toc ol') as HTMLElement;
      const toc = ol.getBoundingClientRect();
      const text = document.querySelector('.plan-text')!.getBoundingClientRect();
      return { tocHeight: ol.checkVisibility() ? toc.height : 0, tocRight: toc.right, textLeft: text.left, scroll: document.documentElement.scrollWidth };
    });
    expect(m.tocHeight, 'contents visible').toBeGreaterThan(0);
    expect(m.tocRight, 'contents to the left of the text').toBeLessThanOrEqual(m.textLeft);
    expect(m.scroll).toBeLessThanOrEqual(1280);
    if (path.includes('xinji')) await page.screenshot({ path: `${screens}/plan-1280.png` });
  });
});

test('every page has its own title, a description, a canonical URL and a strict Content-Security-Policy', () => {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const pages = builtPages(siteDir);
  expect(pages.length, `HTML pages in ${siteDir}`).toBeGreaterThan(plans.length);
  for (const p of pages) {
    const html = readFileSync(p.file, 'utf8');
    const title = /<title>([^<]*)<\/title>/u.exec(html)?.[1]?.trim() ?? '';
    const description = /<meta name="description" content="([^"]*)"/u.exec(html)?.[1]?.trim() ?? '';
    if (!title) problems.push(`${p.path}: no <title>`);
    if (!description) problems.push(`${p.path}: no description`);
    if (!/<link rel="canonical" href="https?:\/\/[^"]+"/u.test(html)) problems.push(`${p.path}: no canonical URL`);
    // Content-Security-Policy: scripts from this site only (plus hashes Astro computes), never inline at large.
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/u.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/u.exec(csp)?.[1] ?? '';
    if (!csp.includes("default-src 'self'")) problems.push(`${p.path}: no CSP with default-src 'self'`);
    if (!scriptSrc.startsWith("'self'") || /unsafe-inline|https?:|\*/u.test(scriptSrc)) problems.push(`${p.path}: script-src allows more than the site: ${scriptSrc}`);
    if (title && seen.has(title) && p.path !== '/404.html') problems.push(`${p.path}: same title as ${seen.get(title)}: ${title}`);
    seen.set(title, p.path);
  }
  expectNone(problems, 'page metadata');
});
