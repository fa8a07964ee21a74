/**
 * The site is self-contained and plan pages need no JavaScript: loading the home page and every plan page in
 * Chromium requests nothing from any host but the test server, every request succeeds, a plan page carries no
 * script but the site's small deferred enhance.js (and chart-png.js, the charts' PNG button), and reads the same
 * with JavaScript off.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Request } from 'playwright-core';
import { builtPages, disableJavaScript, layOutWholeText, pageUrl, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const origin = new URL(baseUrl).origin;
const plans = planPages(siteDir);
const home = builtPages(siteDir).find((p) => p.path === '/');
/** The English edition's home and plan pages (/en/): the same pages, so the same checks. */
const english = builtPages(siteDir).filter((p) => p.path === '/en/' || /^\/en\/plans\/[^/]+\/$/u.test(p.path));

const browser = browserForFile();

/** What one page load requested: every request, and the failed ones with their reason. */
interface Load {
  requests: Request[];
  failures: string[];
}

const loads = new Map<string, Promise<Load>>();

/** Loads a page once per file run (both tests of a page read the same load). */
function load(path: string): Promise<Load> {
  let result = loads.get(path);
  if (!result) {
    result = loadPage(path);
    loads.set(path, result);
  }
  return result;
}

async function loadPage(path: string): Promise<Load> {
  const page = await browser.context.newPage();
  const requests: Request[] = [];
  const failures: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('requestfailed', (r) => failures.push(`${r.url()} — ${r.failure()?.errorText ?? 'failed'}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()} — HTTP ${r.status()}`);
  });
  try {
    // networkidle: also catch what scripts, fonts and lazy images request after `load`.
    await page.goto(pageUrl(baseUrl, path), { waitUntil: 'networkidle' });
  } finally {
    await page.close();
  }
  return { requests, failures };
}

/** Requests that leave the test server (data: and blob: URLs never leave the page). */
function foreign(requests: Request[]): string[] {
  return requests
    .map((r) => r.url())
    .filter((url) => !/^(data|blob):/u.test(url) && new URL(url).origin !== origin);
}

test('the site has a home page and a plan page for every seed', () => {
  expect(home, `no index.html in ${siteDir}`).toBeDefined();
  expect(plans.length, `/plans/<slug>/index.html in ${siteDir}`).toBe(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
  expect(english.length, 'English home and plan pages').toBe(plans.length + 1);
});

describe.each([...(home ? [home] : []), ...plans, ...english])('$path', ({ path, file }) => {
  test('requests nothing from other hosts, and every request succeeds', async () => {
    const { requests, failures } = await load(path);
    expect(requests.length, `${path}: no request recorded at all`).toBeGreaterThan(0);
    expectNone(foreign(requests), `${path} requested hosts other than the test server (${origin})`);
    expectNone(failures, `${path}: failed requests`);
  });

  if (path !== '/' && path !== '/en/') {
    test('needs no JavaScript to read: only the site\'s own small deferred enhance.js, no inline script', async () => {
      const html = readFileSync(file, 'utf8');
      const problems: string[] = [];
      const lower = html.toLowerCase();
      for (let at = lower.indexOf('<script'); at >= 0; at = lower.indexOf('<script', at + 1)) {
        const tag = html.slice(at, html.indexOf('>', at) + 1);
        // The scripts allowed: progressive enhancement from this site, deferred (issue #3), and the charts' PNG
        // button (issue 14), deferred too. The schema.org JSON-LD is a data block, not a script: the browser never
        // runs it (citation.test.ts checks its content).
        if (!/^<script src="[^"]*\/(enhance|chart-png)\.js" defer>$/u.test(tag) && tag !== '<script type="application/ld+json">') {
          const before = html.slice(0, at).split('\n');
          problems.push(`${file}:${before.length}:${before.at(-1)!.length + 1}: ${html.slice(at, at + 160)}`);
        }
      }
      const { requests } = await load(path);
      for (const r of requests.filter((x) => x.resourceType() === 'script')) {
        if (!r.url().endsWith('/enhance.js') && !r.url().endsWith('/chart-png.js')) problems.push(`loaded script ${r.url()}`);
      }
      expectNone(problems, `${path}: reading a plan needs no JavaScript; only the deferred enhance.js and chart-png.js may be present`);
      const size = statSync(join(siteDir, 'enhance.js')).size;
      expect(size, 'enhance.js stays small (progressive enhancement only)').toBeLessThan(6 * 1024);
      expect(statSync(join(siteDir, 'chart-png.js')).size, 'chart-png.js stays small').toBeLessThan(3 * 1024);
    });

    test('shows the same text, contents and anchors with JavaScript off', async () => {
      const read = async (javaScript: boolean) => {
        const page = await browser.context.newPage();
        try {
          if (!javaScript) await disableJavaScript(page);
          await page.goto(pageUrl(baseUrl, path));
          await layOutWholeText(page);
          return await page.evaluate(() => ({
            text: (document.querySelector('.plan-text') as HTMLElement | null)?.innerText ?? '',
            toc: [...document.querySelectorAll('.toc a')].map((a) => a.getAttribute('href')),
            ids: document.querySelectorAll('.plan-text [id]').length,
          }));
        } finally {
          await page.close();
        }
      };
      const withJs = await read(true);
      const withoutJs = await read(false);
      expect(withoutJs.text.length, `${path}: no text without JavaScript`).toBeGreaterThan(100);
      expect(withoutJs.toc.length, `${path}: no contents without JavaScript`).toBeGreaterThan(0);
      expect(withoutJs).toEqual(withJs);
    });
  }
});
