/**
 * Internal links: in every built HTML page, every `href`, `src` and `srcset` URL that stays on the site
 * resolves to a built file, and every `#fragment` names an `id` on the target page (or on the same page).
 * Pages are parsed by Chromium's own HTML parser (`DOMParser`, which runs no script), so the check sees the
 * markup exactly as a browser does, without a parsing dependency of our own.
 */
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { builtPages, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { createLinkChecker, type LinkChecker } from '../support/links.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const base = new URL(baseUrl);
const pages = builtPages(siteDir);

const browser = browserForFile();
let checker: LinkChecker;
beforeAll(() => {
  checker = createLinkChecker(browser.page, siteDir, baseUrl);
});

describe.each(pages)('$path', ({ file, path }) => {
  test('every internal href/src resolves to a built file and every #fragment to an id', async () => {
    expectNone(await checker.check(file, path), `${relative(process.cwd(), file)}: broken internal links`);
  });
});

test('the crawl sees internal links at all', async () => {
  // Guards against a vacuous pass: if parsing found nothing, every page above would "have no broken link".
  expect(planPages(siteDir), 'plan pages among the pages checked').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
  const home = pages.find((p) => p.path === '/');
  expect(home, `no index.html in ${siteDir}`).toBeDefined();
  const refs = await checker.references(home!.file);
  const internal = refs.filter((r) => URL.canParse(r.value, baseUrl) && new URL(r.value, baseUrl).origin === base.origin);
  expect(internal.length, 'the home page has no internal href/src: the crawl is not looking').toBeGreaterThan(0);
});
