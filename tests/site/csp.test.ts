/**
 * Every built page, with the site's real Content-Security-Policy (the `<meta http-equiv>` each page carries):
 * loading it in Chromium raises no CSP violation, no console error and no script error, requests nothing from
 * another host, and every request it makes succeeds. The per-plan checks (with and without JavaScript) are in
 * enhance.test.ts and requests.test.ts; this file covers the browse pages too (regions, indicators, comparison,
 * glossary …), where most charts are.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

test("each page's policy allows exactly its own inline scripts and styles: no hash of another page's", () => {
  // Astro writes every hash of the build into every page; src/middleware.ts keeps a page's own. Hashed here
  // independently: sha256 of each inline <style> and of each inline <script> that runs (not JSON data, not src=).
  expect(pages.length).toBeGreaterThan(20);
  const problems: string[] = [];
  let withInline = 0;
  for (const { file, path } of pages) {
    const html = readFileSync(file, 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/u.exec(html)?.[1];
    if (!policy) {
      problems.push(`${path}: no Content-Security-Policy <meta>`);
      continue;
    }
    const own = new Set<string>();
    for (const m of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gu)) {
      if (m[1] === 'script' && (/\bsrc=/u.test(m[2]!) || /type="application\/(ld\+)?json"/u.test(m[2]!))) continue;
      own.add(`'sha256-${createHash('sha256').update(m[3]!, 'utf8').digest('base64')}'`);
    }
    if (own.size > 0) withInline++;
    const listed = new Set(policy.match(/'sha256-[A-Za-z0-9+/=]+'/gu) ?? []);
    for (const h of listed) if (!own.has(h)) problems.push(`${path}: policy allows ${h}, which no inline element of the page has`);
    for (const h of own) if (!listed.has(h)) problems.push(`${path}: inline element ${h} not allowed by the policy`);
  }
  // Every page inlines its styles (astro.config.mjs), so every page has hashes to check.
  expect(withInline).toBe(pages.length);
  expectNone(problems, 'policies that list other hashes than the page\'s own');
});
