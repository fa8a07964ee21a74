/**
 * Every built page, with the site's real Content-Security-Policy (the `<meta http-equiv>` each page carries):
 * loading it in Chromium raises no CSP violation, no console error and no script error, requests nothing from
 * another host, and every request it makes succeeds. The per-plan checks (with and without JavaScript) are in
 * enhance.test.ts and requests.test.ts; this file covers the browse pages too (regions, indicators, comparison,
 * glossary …), where most charts are.
 */
import { expect, inject, test } from 'vitest';
import { builtPages, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const origin = new URL(baseUrl).origin;
// The 404 page is served with status 404 on purpose; it is loaded as a page all the same.
const pages = builtPages(siteDir);

const browser = browserForFile({ watchProblems: true });

test('every built page loads with no CSP violation, console error, script error, foreign or failed request', async () => {
  // The site has the home page, plan pages, browse pages and the search page at least.
  expect(pages.length).toBeGreaterThan(20);
  const requestProblems: string[] = [];
  const queue = [...pages];
  // A few tabs at once: 160+ pages one by one would cost a minute on this machine.
  const worker = async () => {
    const page = await browser.context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:')) requestProblems.push(`${page.url()}: requests ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      // Going on to the next page aborts what the last one still loads (its favicon): not a failure of the site.
      const reason = r.failure()?.errorText ?? 'failed';
      if (reason !== 'net::ERR_ABORTED') requestProblems.push(`${page.url()}: ${r.url()} — ${reason}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/404.html')) requestProblems.push(`${page.url()}: ${r.url()} — HTTP ${r.status()}`);
    });
    try {
      for (let next = queue.shift(); next; next = queue.shift()) await page.goto(pageUrl(baseUrl, next.path), { waitUntil: 'load' });
    } finally {
      await page.close();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  expectNone(browser.problems, 'CSP violations, console errors or script errors');
  expectNone(requestProblems, 'foreign or failed requests');
}, 300_000);
