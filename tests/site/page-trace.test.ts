/**
 * scripts/bench/page-trace.ts on a real load: Chromium's trace of the largest plan page, read as the benchmark
 * reads it (the page's renderer main thread, from its navigation). A change in Chromium's trace (an event renamed,
 * the main thread named otherwise) shows here as zeros or an error, not as a page that got faster.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../support/system.ts';
import { traceLoad } from '../../scripts/bench/page-trace.ts';
import { largestPlanPage } from '../../scripts/bench/site.ts';
import { pageUrl } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

test('a load of the largest plan page, traced: first paint, parsing, style, layout and the longest task are found', async () => {
  const { path } = largestPlanPage(siteDir);
  const load = await traceLoad(browser, pageUrl(baseUrl, path));
  expect(load.fcpMs).not.toBeNull();
  expect(load.fcpMs!).toBeGreaterThan(0);
  // The largest plan's HTML is parsed in several chunks, its text laid out and styled: none of these is nothing.
  expect(load.parseMs).toBeGreaterThan(1);
  expect(load.styleMs).toBeGreaterThan(1);
  expect(load.longestLayoutMs).toBeGreaterThan(1);
  expect(load.layoutMs).toBeGreaterThanOrEqual(load.longestLayoutMs);
  expect(load.longestTaskMs).toBeGreaterThanOrEqual(load.longestLayoutMs);
  // The page's own script (enhance.js) runs.
  expect(load.scriptMs).toBeGreaterThan(0);
});
