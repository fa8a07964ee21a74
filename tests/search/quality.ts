/**
 * Search quality: the query set (`queries.yaml`), how results are read from the real search page, and the
 * metrics.
 *
 * Definitions (what RESULTS.md and the test report):
 * - A result page is the list the search page shows: plans in order, each with its sub-result links (all of
 *   them, including those inside the “另有 N 处匹配” disclosure).
 * - **recall@5** (per query): every expected plan is among the first 5 plans shown, and each expected anchor of
 *   that plan is satisfied by one of its sub-result links: a paragraph/table/heading id by a link to exactly it;
 *   a section id (a heading, `s2-1`) also by a link to any block inside that section (up to the next heading of
 *   the same or a higher level). The figure reported is the share of queries recalled.
 * - **plan recall@5**: the same with anchors ignored.
 * - **precision** of the first page (the first 10 plans shown): shown plans that are in the query's expected
 *   (relevant) set or its `acceptable` list, over all shown plans, summed over the queries (micro average). A
 *   query that shows nothing adds nothing to either side of the sum, but it is no success: every query expects
 *   at least one plan, so it fails recall and its own test case; and a set of queries that shows nothing at all
 *   has precision 0, not 1.
 * - **absent**: sub-result links to places listed under `absent` (a form inside a word that means something else).
 * - **errors**: queries whose page ended in its error state (“搜索暂时无法使用…”). An error is a failure, never a
 *   finished search with no results.
 * - A query **passes** (its own test case) when the page did not fail, showed plans, matched exactly (tier
 *   `exact`: every query here is text the plans contain), recalled every expected plan and anchor, showed no
 *   false positive and no absent place: {@link queryProblems}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Page } from 'playwright-core';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';

export const QUERIES_FILE = 'tests/search/queries.yaml';

export const CATEGORIES = ['term', 'name', 'department', 'number', 'abbreviation', 'two-char', 'phrase', 'multi', 'docno'] as const;

const QueryCaseSchema = z.strictObject({
  q: z.string().min(1),
  category: z.enum(CATEGORIES),
  note: z.string().optional(),
  /** Relevant plans → anchors that must be among the plan's sub-results. */
  expect: z.record(z.string(), z.array(z.string())).refine((e) => Object.keys(e).length > 0, 'expect at least one plan'),
  /** Plans that may be shown without counting as false positives, and are not required (graded relevance). */
  acceptable: z.array(z.string()).optional(),
  /** Places that must not be sub-results. */
  absent: z.record(z.string(), z.array(z.string())).optional(),
  /** A known failure: why the search gets this query wrong today. Its test case then expects it to fail. */
  known: z.string().min(1).optional(),
});
export type QueryCase = z.infer<typeof QueryCaseSchema>;

/** The query set, validated (file:line for every bad value). */
export function loadQueries(file = QUERIES_FILE): QueryCase[] {
  return parseYamlWithFriendlyErrors(z.array(QueryCaseSchema), readFileSync(file, 'utf8'), file);
}

/** One plan as the search page showed it. */
export interface ShownPlan {
  slug: string;
  /** Anchor ids of its sub-result links, in order (`''` for a link to the plan itself). */
  anchors: string[];
}

/** What the page showed for a query. */
export interface Shown {
  plans: ShownPlan[];
  /** `exact`, `partial` or `none` (the results list's `data-tier`). */
  tier: string;
  /** The status line (live region). */
  status: string;
  /** How the search ended (`#search-results`'s `data-state`): `done`, or `error` when the page showed its error. */
  state: string;
}

/** Read the results currently on the search page. */
export async function readResults(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const plans = [...document.querySelectorAll('#search-results .search-result')].map((li) => {
      const title = li.querySelector('h3 a')!.getAttribute('href') ?? '';
      const slug = /\/plans\/([^/]+)\/?$/u.exec(new URL(title, location.href).pathname)?.[1] ?? title;
      const anchors = [...li.querySelectorAll('.search-hits a[href]')].map((a) => new URL(a.getAttribute('href')!, location.href).hash.slice(1));
      return { slug, anchors };
    });
    const tier = document.querySelector('#search-results .search-results')?.getAttribute('data-tier') ?? 'none';
    const state = document.querySelector<HTMLElement>('#search-results')?.dataset.state ?? '';
    return { plans, tier, status: document.querySelector('#search-status')?.textContent ?? '', state };
  });
}

/**
 * Run one query through the search page as a reader would (type it, press Enter) and wait until the page has
 * finished with exactly this query: done, or failed (`state: 'error'` in the answer, which the caller must treat
 * as a failure; waiting on would only turn it into a timeout without the page's message).
 */
export async function ask(page: Page, query: string, timeout = 30_000): Promise<Shown> {
  const input = page.locator('#search-q');
  await input.fill(query);
  await input.press('Enter');
  await page.waitForFunction(
    (q) => {
      const r = document.querySelector<HTMLElement>('#search-results');
      return r?.dataset.query === q.trim() && (r.dataset.state === 'done' || r.dataset.state === 'error');
    },
    query,
    { timeout },
  );
  return readResults(page);
}

/** Block order and headings of a plan, to decide whether an anchor lies inside a section. */
export interface PlanOutline {
  order: Map<string, number>;
  /** Heading id → its level and the index where its section ends (exclusive). */
  sections: Map<string, { start: number; end: number }>;
}

/** Outline of a built plan, from the site's own `data/plans/<slug>.json`. */
export function planOutline(siteDir: string, slug: string): PlanOutline {
  const doc = JSON.parse(readFileSync(join(siteDir, 'data', 'plans', `${slug}.json`), 'utf8')) as { blocks: { id: string; kind: string; level?: number }[] };
  const order = new Map<string, number>();
  const sections = new Map<string, { start: number; end: number }>();
  doc.blocks.forEach((b, i) => order.set(b.id, i));
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    let end = doc.blocks.length;
    for (let j = i + 1; j < doc.blocks.length; j++) {
      const next = doc.blocks[j]!;
      if (next.kind === 'heading' && (next.level ?? 9) <= (b.level ?? 9)) {
        end = j;
        break;
      }
    }
    sections.set(b.id, { start: i, end });
  });
  return { order, sections };
}

/** Whether a shown anchor satisfies an expected one (itself, or inside the expected section). */
export function satisfies(outline: PlanOutline | undefined, expected: string, shown: string): boolean {
  if (shown === expected) return true;
  const section = outline?.sections.get(expected);
  const at = outline?.order.get(shown);
  return section !== undefined && at !== undefined && at >= section.start && at < section.end;
}

/** How one query did. */
export interface QueryEvaluation {
  q: string;
  category: string;
  recalled: boolean;
  plansRecalled: boolean;
  /** Expected plans not in the top 5. */
  missingPlans: string[];
  /** `slug#anchor` expected but not among the sub-results. */
  missingAnchors: string[];
  /** Plans on the first page that are not relevant. */
  falsePositives: string[];
  /** Sub-results that must not be there. */
  absentShown: string[];
  shownCount: number;
  relevantShown: number;
  tier: string;
  /** The page's status line (what the reader was told). */
  status: string;
  /** The page ended in its error state. */
  error: boolean;
  /** Slugs shown, in order (for failure messages). */
  shown: string[];
}

/** Evaluate one query's result page. */
export function evaluateQuery(c: QueryCase, shown: Shown, outlines: Map<string, PlanOutline>): QueryEvaluation {
  const top5 = shown.plans.slice(0, 5);
  const firstPage = shown.plans.slice(0, 10);
  const missingPlans: string[] = [];
  const missingAnchors: string[] = [];
  for (const [slug, anchors] of Object.entries(c.expect)) {
    const plan = top5.find((p) => p.slug === slug);
    if (!plan) {
      missingPlans.push(slug);
      continue;
    }
    for (const a of anchors) if (!plan.anchors.some((s) => satisfies(outlines.get(slug), a, s))) missingAnchors.push(`${slug}#${a}`);
  }
  const relevant = new Set([...Object.keys(c.expect), ...(c.acceptable ?? [])]);
  const falsePositives = firstPage.filter((p) => !relevant.has(p.slug)).map((p) => p.slug);
  const absentShown: string[] = [];
  for (const [slug, anchors] of Object.entries(c.absent ?? {})) {
    const plan = shown.plans.find((p) => p.slug === slug);
    for (const a of anchors) if (plan?.anchors.includes(a)) absentShown.push(`${slug}#${a}`);
  }
  const error = shown.state === 'error';
  return {
    q: c.q,
    category: c.category,
    recalled: !error && missingPlans.length === 0 && missingAnchors.length === 0,
    plansRecalled: !error && missingPlans.length === 0,
    missingPlans,
    missingAnchors,
    falsePositives,
    absentShown,
    shownCount: firstPage.length,
    relevantShown: firstPage.length - falsePositives.length,
    tier: shown.tier,
    status: shown.status,
    error,
    shown: shown.plans.map((p) => p.slug),
  };
}

/** Why a query fails (empty when it passes): one line per problem, with what the page showed. */
export function queryProblems(e: QueryEvaluation): string[] {
  const problems: string[] = [];
  const showed = `shown: ${e.shown.join(' ') || '(nothing)'}; status “${e.status}”`;
  if (e.error) problems.push(`the search page ended in its error state (${showed})`);
  else if (e.shownCount === 0) problems.push(`nothing shown (${showed})`);
  else if (e.tier !== 'exact') problems.push(`results are not exact matches (tier ${e.tier}; ${showed})`);
  if (e.missingPlans.length > 0) problems.push(`expected plans not among the first 5: ${e.missingPlans.join(' ')} (${showed})`);
  if (e.missingAnchors.length > 0) problems.push(`expected places not among the sub-results: ${e.missingAnchors.join(' ')}`);
  if (e.falsePositives.length > 0) problems.push(`plans shown that are neither expected nor acceptable: ${e.falsePositives.join(' ')}`);
  if (e.absentShown.length > 0) problems.push(`sub-results at places listed as absent: ${e.absentShown.join(' ')}`);
  return problems;
}

/** Totals over a set of evaluations. */
export interface Summary {
  queries: number;
  recall: number;
  planRecall: number;
  precision: number;
  absentShown: number;
  /** Queries that showed no plan (errors included). */
  nothingShown: number;
  /** Queries whose page ended in its error state. */
  errors: number;
}

export function summarize(evals: readonly QueryEvaluation[]): Summary {
  const shown = evals.reduce((n, e) => n + e.shownCount, 0);
  const relevant = evals.reduce((n, e) => n + e.relevantShown, 0);
  return {
    queries: evals.length,
    recall: evals.filter((e) => e.recalled).length / Math.max(1, evals.length),
    planRecall: evals.filter((e) => e.plansRecalled).length / Math.max(1, evals.length),
    // Nothing shown is no evidence of precision: 0, not a perfect score.
    precision: shown === 0 ? 0 : relevant / shown,
    absentShown: evals.reduce((n, e) => n + e.absentShown.length, 0),
    nothingShown: evals.filter((e) => e.shownCount === 0).length,
    errors: evals.filter((e) => e.error).length,
  };
}

/** Summary per category, in the order categories are defined. */
export function byCategory(evals: readonly QueryEvaluation[]): [string, Summary][] {
  return CATEGORIES.map((c) => [c, summarize(evals.filter((e) => e.category === c))] as [string, Summary]).filter(([, s]) => s.queries > 0);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Markdown table of the summary, overall and per category. */
export function summaryTable(evals: readonly QueryEvaluation[]): string {
  const rows = [['all', summarize(evals)] as [string, Summary], ...byCategory(evals)];
  return [
    '| category | queries | recall@5 | plan recall@5 | precision (first page) | absent shown | nothing shown | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(([c, s]) => `| ${c} | ${s.queries} | ${pct(s.recall)} | ${pct(s.planRecall)} | ${pct(s.precision)} | ${s.absentShown} | ${s.nothingShown} | ${s.errors} |`),
  ].join('\n');
}

/** Markdown table of the queries that failed recall or showed false positives. */
export function failureTable(evals: readonly QueryEvaluation[]): string {
  const bad = evals.filter((e) => queryProblems(e).length > 0);
  if (bad.length === 0) return '(no failures)';
  const short = (s: string) => s.replace(/-(14th-five-year|2020-2022|2014-work-conference)/gu, '');
  return [
    '| query | category | tier | missing plans | missing anchors | false positives | absent shown |',
    '|---|---|---|---|---|---|---|',
    ...bad.map((e) => `| ${e.q} | ${e.category} | ${e.error ? 'error' : e.tier} | ${e.missingPlans.map(short).join(' ')} | ${e.missingAnchors.map(short).join(' ')} | ${e.falsePositives.map(short).join(' ')} | ${e.absentShown.map(short).join(' ')} |`),
  ].join('\n');
}
