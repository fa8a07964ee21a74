/**
 * The internal-link checker used by tests/site/links.test.ts and by the variant builds (sub-path, extra seeds):
 * every `href`, `src` and `srcset` URL that stays on the site must resolve to a built file, and every `#fragment`
 * must name an `id` on the target page (or, on a chart's SVG file, in that file). Pages are parsed by Chromium's own `DOMParser` (which runs no script).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { pageUrl } from './browser.ts';

/** A URL-bearing attribute found in a page. */
export interface Reference {
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

/** Parses a built file once with the browser's HTML parser. */
function parseWith(parserPage: Page, parsed: Map<string, Promise<Parsed>>, file: string): Promise<Parsed> {
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

/** A link checker over one built site served at `baseUrl`. */
export interface LinkChecker {
  /** Broken references of one built page (`file`, served at `path`), each saying where and why. */
  check(file: string, path: string): Promise<string[]>;
  /** The references found in a page (to prove the crawl sees links at all). */
  references(file: string): Promise<Reference[]>;
}

export function createLinkChecker(parserPage: Page, siteDir: string, baseUrl: string): LinkChecker {
  const base = new URL(baseUrl);
  const parsed = new Map<string, Promise<Parsed>>();
  const parse = (file: string) => parseWith(parserPage, parsed, file);
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

  /** The ids an SVG file defines (its own markup, not HTML: read with a pattern, as it is written by svg.ts). */
  const svgIdCache = new Map<string, Set<string>>();
  function svgIds(file: string): Set<string> {
    let ids = svgIdCache.get(file);
    if (!ids) {
      ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/gu)].map((m) => m[1]!));
      svgIdCache.set(file, ids);
    }
    return ids;
  }

  /** `file:line` of the first occurrence of the attribute in the source, or just the file. */
  function locate(file: string, html: string, ref: Reference): string {
    const at = html.indexOf(`${ref.attr === 'srcset' ? 'srcset' : ref.attr}="${ref.value.replace(/&/gu, '&amp;')}`);
    const where = relative(process.cwd(), file);
    return at < 0 ? where : `${where}:${html.slice(0, at).split('\n').length}`;
  }

  return {
    references: async (file) => (await parse(file)).refs,
    async check(file, path) {
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
        // A chart's file names the strips it prints in (`<view id="band-N">`, src/lib/charts/svg.ts printBands).
        if (targetFile.endsWith('.svg')) {
          if (!svgIds(targetFile).has(fragment)) broken.push(`${locate(file, html, ref)} ${ref.attr}="${ref.value}": no id="${fragment}" in ${relative(siteDir, targetFile)} — in ${ref.tag}`);
          continue;
        }
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
      return broken;
    },
  };
}
