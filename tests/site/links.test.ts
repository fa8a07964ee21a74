/**
 * Internal links: in every built HTML page, every `href`, `src` and `srcset` URL that stays on the site
 * resolves to a built file, and every `#fragment` names an `id` on the target page (or on the same page).
 * Pages are parsed by Chromium's own HTML parser (`DOMParser`, which runs no script), so the check sees the
 * markup exactly as a browser does, without a parsing dependency of our own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, launchBrowser, pageUrl } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const base = new URL(baseUrl);
const pages = builtPages(siteDir);

/** A URL-bearing attribute found in a page. */
interface Reference {
  attr: string;
  value: string;
  /** The element's opening tag, to say where the reference is. */
  tag: string;
}

/** What the parser found in one page. */
interface Parsed {
  refs: Reference[];
  ids: string[];
}

let browser: LaunchedBrowser;
let parserPage: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  parserPage = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const parsed = new Map<string, Promise<Parsed>>();

/** Parses a built file once with the browser's HTML parser. */
function parse(file: string): Promise<Parsed> {
  let result = parsed.get(file);
  if (!result) {
    result = parserPage.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const refs: { attr: string; value: string; tag: string }[] = [];
      for (const el of doc.querySelectorAll('[href], [src], [srcset]')) {
        const tag = el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1);
        for (const attr of ['href', 'src']) {
          const value = el.getAttribute(attr);
          if (value !== null) refs.push({ attr, value, tag });
        }
        const srcset = el.getAttribute('srcset');
        if (srcset !== null) {
          // Candidates are "url [descriptor]" separated by commas; the URL is the first token of each.
          for (const candidate of srcset.split(',')) {
            const value = candidate.trim().split(/\s+/u)[0];
            if (value) refs.push({ attr: 'srcset', value, tag });
          }
        }
      }
      const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
      return { refs, ids };
    }, readFileSync(file, 'utf8'));
    parsed.set(file, result);
  }
  return result;
}

/** The built file a site URL is served from, or undefined (a folder URL without its slash counts: it redirects). */
function fileFor(url: URL): string | undefined {
  if (!url.pathname.startsWith(base.pathname)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
  } catch {
    return undefined;
  }
  const path = join(siteDir, rel);
  if (!path.startsWith(siteDir)) return undefined;
  const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();
  if (rel === '' || rel.endsWith('/')) return isFile(join(path, 'index.html')) ? join(path, 'index.html') : undefined;
  if (isFile(path)) return path;
  if (isFile(join(path, 'index.html'))) return join(path, 'index.html');
  return undefined;
}

/** `file:line` of the first occurrence of the attribute in the source, or just the file. */
function locate(file: string, html: string, ref: Reference): string {
  const at = html.indexOf(`${ref.attr === 'srcset' ? 'srcset' : ref.attr}="${ref.value.replace(/&/gu, '&amp;')}`);
  const where = relative(process.cwd(), file);
  return at < 0 ? where : `${where}:${html.slice(0, at).split('\n').length}`;
}

describe.each(pages)('$path', ({ file, path }) => {
  test('every internal href/src resolves to a built file and every #fragment to an id', async () => {
    const html = readFileSync(file, 'utf8');
    const here = new URL(pageUrl(baseUrl, path));
    const { refs, ids } = await parse(file);
    const broken: string[] = [];
    for (const ref of refs) {
      let target: URL;
      try {
        target = new URL(ref.value, here);
      } catch {
        broken.push(`${locate(file, html, ref)} ${ref.attr}="${ref.value}": not a URL — in ${ref.tag}`);
        continue;
      }
      // Other hosts and schemes (mailto:, data:) are not the site's to resolve; requests.test.ts forbids loading them.
      if (target.origin !== base.origin) continue;
      const targetFile = fileFor(target);
      if (!targetFile) {
        broken.push(`${locate(file, html, ref)} ${ref.attr}="${ref.value}": ${target.pathname} is not a built file — in ${ref.tag}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment === '') continue;
      if (!targetFile.endsWith('.html')) {
        broken.push(`${locate(file, html, ref)} ${ref.attr}="${ref.value}": #${fragment} on a non-HTML file — in ${ref.tag}`);
        continue;
      }
      const targetIds = targetFile === file ? ids : (await parse(targetFile)).ids;
      if (!targetIds.includes(fragment)) {
        const on = targetFile === file ? 'this page' : relative(siteDir, targetFile);
        broken.push(`${locate(file, html, ref)} ${ref.attr}="${ref.value}": no id="${fragment}" on ${on} — in ${ref.tag}`);
      }
    }
    expectNone(broken, `${relative(process.cwd(), file)}: broken internal links`);
  });
});

test('the crawl sees internal links at all', async () => {
  // Guards against a vacuous pass: if parsing found nothing, every page above would "have no broken link".
  const home = pages.find((p) => p.path === '/');
  expect(home, `no index.html in ${siteDir}`).toBeDefined();
  const { refs } = await parse(home!.file);
  const internal = refs.filter((r) => URL.canParse(r.value, baseUrl) && new URL(r.value, baseUrl).origin === base.origin);
  expect(internal.length, 'the home page has no internal href/src: the crawl is not looking').toBeGreaterThan(0);
});
