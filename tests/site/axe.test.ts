/**
 * Accessibility: axe-core with the WCAG 2.2 AA rule set on the home page, every plan page and one page of every
 * other kind, in both editions (Chinese, and English under /en/) (source view, department, cited document, glossary term, region, theme, indicator, the indexes, the
 * comparison, data, search and 404 pages), at a desktop (1280 px) and a phone (360 px) width, in the light and
 * the dark colour scheme, and a chart's embed page. Zero violations. At 360 px the same load also checks that the page
 * does not scroll sideways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, test } from 'vitest';
import type { AxeResults } from 'axe-core';
import { builtPages, pageUrl, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const all = builtPages(siteDir);
/**
 * One page of each kind beyond the plans, in each edition: the first built page under each top-level folder, and
 * the indexes (`/en/<folder>/` for the English edition).
 */
const edition = (prefix: '' | '/en') => {
  const own = all.filter((p) => (prefix === '' ? !p.path.startsWith('/en/') : p.path.startsWith('/en/')) && p.path !== `${prefix}/`);
  const top = (p: { path: string }) => p.path.slice(prefix.length).split('/')[1] ?? '';
  return [...new Set(own.map(top))].flatMap((folder) => {
    const under = own.filter((p) => top(p) === folder && !/^\/plans\/[^/]+\/$/u.test(p.path.slice(prefix.length)));
    const index = under.find((p) => p.path === `${prefix}/${folder}/`);
    const detail = under.find((p) => p.path !== `${prefix}/${folder}/`);
    return [index, detail].filter((p) => p !== undefined);
  });
};
const englishPlans = all.filter((p) => /^\/en\/plans\/[^/]+\/$/u.test(p.path));
// The embed pages of charts (issue 14): beyond the first (edition('') takes one of each folder), a peer view's.
const embeds = all.filter((p) => p.path === '/embed/plan-beichen-2020-2022-peers/');
const pages = [...all.filter((p) => p.path === '/' || p.path === '/en/'), ...planPages(siteDir), ...englishPlans, ...edition(''), ...edition('/en'), ...embeds];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no 2.2 level-A-only rules, hence no `wcag22a`). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 360];
const SCHEMES = ['light', 'dark'] as const;
const conditions = WIDTHS.flatMap((width) => SCHEMES.map((colorScheme) => ({ width, colorScheme })));

/** Its one tab (`browser.page`) serves every check; each sets its viewport and colour scheme before loading. */
const browser = browserForFile();
/** The page and width the tab shows, so that the next colour scheme at the same width need not load it again. */
let loaded = '';

/** One line per violation and affected element: rule id, impact, help, target selector and axe's summary. */
function describeViolations(violations: AxeResults['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    target: ${JSON.stringify(node.target)}\n    ${
          (node.failureSummary ?? '').replace(/\n/gu, '\n    ')
        }\n    html: ${node.html.slice(0, 200)}\n    ${v.helpUrl}`,
    ),
  );
}

test('there are pages to check: home, a plan page per seed and other kinds', () => {
  expect(pages.filter((p) => p.path === '/'), `no home page in ${siteDir}`).toHaveLength(1);
  expect(planPages(siteDir), 'plan pages').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
  expect(englishPlans, 'English plan pages').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
  expect(pages.map((p) => p.path), 'the English home, comparison and search pages').toEqual(expect.arrayContaining(['/en/', '/en/compare/', '/en/search/']));
  expect(edition('').length, 'pages of other kinds').toBeGreaterThan(0);
  expect(edition('/en').length, 'English pages of other kinds').toBeGreaterThan(0);
});

describe.each(pages)('$path', ({ path }) => {
  test.each(conditions)('$width px, $colorScheme scheme: no WCAG 2.2 AA violations (at 360 px, no sideways scrolling)', async ({ width, colorScheme }) => {
    await browser.page.emulateMedia({ colorScheme });
    // The second colour scheme at a width reuses the page already loaded at it: the scheme applies without a reload.
    if (loaded !== `${path} ${width}`) {
      await browser.page.setViewportSize({ width, height: 800 });
      await browser.page.goto(pageUrl(baseUrl, path), { waitUntil: 'load' });
      loaded = `${path} ${width}`;
    }
    // Web fonts and layout must be final before axe measures contrast and target sizes.
    await browser.page.evaluate(() => document.fonts.ready);
    // The same load tells whether the page scrolls sideways on a phone (wide tables scroll in their own frames).
    if (width === 360) expect(await browser.page.evaluate(() => document.documentElement.scrollWidth), `${path}: page width at 360 px`).toBeLessThanOrEqual(360);
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses an injected
    // <script>, and axe is the test's tool, not the page's.
    if (!(await browser.page.evaluate(() => 'axe' in window))) await browser.page.evaluate(axeSource);
    const results = await browser.page.evaluate(
      (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      WCAG_TAGS,
    );
    // A run that checked nothing (axe not loaded, empty page) must not pass as "no violations".
    expect(results.passes.length, `${path}: axe checked no rule at all`).toBeGreaterThan(0);
    expectNone(describeViolations(results.violations), `${path} at ${width} px, ${colorScheme} scheme: axe WCAG 2.2 AA violations`);
  });
});
