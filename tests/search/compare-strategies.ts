/**
 * `npx node tests/search/compare-strategies.ts [SITE_DIR] [STRATEGY…]`: run the query set through the real
 * search page once per search strategy (src/lib/search/engine.ts `STRATEGIES`) and print recall,
 * precision and the failures of each, for tests/search/RESULTS.md. SITE_DIR defaults to the site tests' build
 * (tests/.artifacts/site); build it first (`npx node scripts/build.ts --out tests/.artifacts/site`).
 */
import { resolve } from 'node:path';
import { STRATEGIES } from '../../src/lib/search/engine.ts';
import type { StrategyName } from '../../src/lib/search/engine.ts';
import { launchBrowser, pageUrl } from '../support/browser.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { ask, evaluateQuery, failureTable, loadQueries, planOutline, summaryTable } from './quality.ts';
import type { PlanOutline, QueryEvaluation } from './quality.ts';

const [siteArg, ...names] = process.argv.slice(2);
const siteDir = resolve(siteArg ?? 'tests/.artifacts/site');
const strategies = (names.length > 0 ? names : Object.keys(STRATEGIES)) as StrategyName[];
const cases = loadQueries();
const outlines = new Map<string, PlanOutline>();
for (const c of cases) for (const slug of Object.keys(c.expect)) if (!outlines.has(slug)) outlines.set(slug, planOutline(siteDir, slug));

const server = await startStaticServer({ root: siteDir });
const browser = await launchBrowser();
try {
  for (const strategy of strategies) {
    // A fresh page per strategy: nothing cached in the page from the previous one.
    const page = await browser.context.newPage();
    let bytes = 0;
    page.on('requestfinished', (r) => {
      void r.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(pageUrl(server.url, '/search/'));
    await page.evaluate((s) => {
      document.querySelector<HTMLFormElement>('#search-form')!.dataset.strategy = s;
    }, strategy);
    const evals: QueryEvaluation[] = [];
    const started = performance.now();
    for (const c of cases) evals.push(evaluateQuery(c, await ask(page, c.q), outlines));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n## ${strategy} (${evals.length} queries in ${seconds} s, ${Math.round(bytes / 1024)} KB for all queries in one page)\n`);
    console.log(summaryTable(evals));
    console.log(`\n${failureTable(evals)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
