/**
 * Search quality on the real built site in Chromium, through the real search page: every query of
 * queries.yaml is typed into the search box; recall@5 and first-page precision are computed as defined in
 * quality.ts, printed overall and per category with a table of the failures, and recall@5 must be at least
 * 0.95. Options tried and their figures: RESULTS.md.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, pageUrl } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { ask, evaluateQuery, failureTable, loadQueries, planOutline, summarize, summaryTable } from './quality.ts';
import type { PlanOutline, QueryEvaluation } from './quality.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const cases = loadQueries();

let browser: LaunchedBrowser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(pageUrl(baseUrl, '/search/'));
});
afterAll(async () => {
  await browser?.close();
});

test('the query set is large and varied enough to mean something', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(new Set(cases.map((c) => c.q)).size, 'queries are unique').toBe(cases.length);
  for (const category of ['term', 'name', 'department', 'number', 'abbreviation', 'two-char', 'phrase']) {
    expect(cases.filter((c) => c.category === category).length, category).toBeGreaterThanOrEqual(3);
  }
});

test('recall@5 ≥ 0.95 and first-page precision ≥ 0.9 on the query set', async () => {
  const outlines = new Map<string, PlanOutline>();
  const evals: QueryEvaluation[] = [];
  for (const c of cases) {
    for (const slug of Object.keys(c.expect)) if (!outlines.has(slug)) outlines.set(slug, planOutline(siteDir, slug));
    evals.push(evaluateQuery(c, await ask(page, c.q), outlines));
  }
  const summary = summarize(evals);
  console.log(`\nSearch quality (${evals.length} queries)\n\n${summaryTable(evals)}\n\nFailures\n\n${failureTable(evals)}\n`);
  expect(summary.recall, `recall@5 ${summary.recall.toFixed(3)}; failures:\n${failureTable(evals)}`).toBeGreaterThanOrEqual(0.95);
  expect(summary.precision, `precision ${summary.precision.toFixed(3)}; failures:\n${failureTable(evals)}`).toBeGreaterThanOrEqual(0.9);
  expect(summary.absentShown, 'sub-results at places listed as absent').toBe(0);
});
