/**
 * Search quality on the real built site in Chromium, through the real search page: every query of
 * queries.yaml is typed into the search box and is its own test case, which passes only when the page found
 * exactly what the query expects (`queryProblems` in quality.ts: no error, something shown, every expected plan
 * in the first 5 with its anchors, no false positive, no absent place). A query marked `known: <reason>` is a
 * known failure: its case expects it to fail, and fails once it passes, so that the list stays true.
 * A last test prints recall@5 and first-page precision overall and per category (as in RESULTS.md) and holds
 * them at today's figures.
 */
import { beforeAll, expect, inject, test } from 'vitest';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';
import { CATEGORIES, QUERIES_FILE, ask, evaluateQuery, failureTable, loadQueries, planOutline, queryProblems, summarize, summaryTable } from './quality.ts';
import type { PlanOutline, QueryEvaluation } from './quality.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const cases = loadQueries();

/**
 * Today's figures over the whole set (RESULTS.md): every query passes. A query that starts failing fails its
 * own case first; accepting it means a `known` entry in queries.yaml and these floors lowered to the new
 * figures in the same change.
 */
const FLOORS = { recall: 1, planRecall: 1, precision: 1 };

// One page for all queries, as a reader searching again and again: page texts are read once.
const browser = browserForFile();
beforeAll(async () => {
  await browser.page.goto(pageUrl(baseUrl, '/search/'));
});

const outlines = new Map<string, PlanOutline>();
const evaluations = new Map<string, QueryEvaluation>();

test('the query set is large and varied enough to mean something', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(new Set(cases.map((c) => c.q)).size, 'queries are unique').toBe(cases.length);
  expect(CATEGORIES.length).toBe(9);
  for (const category of CATEGORIES) {
    expect(cases.filter((c) => c.category === category).length, `queries in category ${category}`).toBeGreaterThanOrEqual(3);
  }
});

test.for(cases.map((c) => ({ ...c, label: c.known ? ' — known failure' : '' })))('$q ($category)$label', async (c) => {
  for (const slug of Object.keys(c.expect)) if (!outlines.has(slug)) outlines.set(slug, planOutline(siteDir, slug));
  const evaluation = evaluateQuery(c, await ask(browser.page, c.q), outlines);
  evaluations.set(c.q, evaluation);
  const problems = queryProblems(evaluation);
  if (c.known) {
    expect(problems, `“${c.q}” is listed as a known failure (${c.known}) but now passes: remove its \`known\` line from ${QUERIES_FILE}`).not.toEqual([]);
  } else {
    expectNone(problems, `“${c.q}” (${c.category})`);
  }
});

test(`recall@5 ≥ ${FLOORS.recall} and first-page precision ≥ ${FLOORS.precision} over the whole set (tables printed)`, () => {
  const evals = cases.map((c) => evaluations.get(c.q)).filter((e): e is QueryEvaluation => e !== undefined);
  expect(
    cases.filter((c) => !evaluations.has(c.q)).map((c) => c.q),
    'queries that never finished (see their own test cases)',
  ).toEqual([]);
  expect(evals).toHaveLength(cases.length);
  const summary = summarize(evals);
  console.log(`\nSearch quality (${evals.length} queries)\n\n${summaryTable(evals)}\n\nFailures\n\n${failureTable(evals)}\n`);
  expect(summary.errors, 'queries whose page ended in its error state').toBe(0);
  expect(summary.nothingShown, 'queries that showed nothing').toBe(0);
  expect(summary.recall, `recall@5 ${summary.recall.toFixed(3)}; failures:\n${failureTable(evals)}`).toBeGreaterThanOrEqual(FLOORS.recall);
  expect(summary.planRecall, `plan recall@5 ${summary.planRecall.toFixed(3)}`).toBeGreaterThanOrEqual(FLOORS.planRecall);
  expect(summary.precision, `precision ${summary.precision.toFixed(3)}; failures:\n${failureTable(evals)}`).toBeGreaterThanOrEqual(FLOORS.precision);
  expect(summary.absentShown, 'sub-results at places listed as absent').toBe(0);
});
