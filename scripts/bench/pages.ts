/**
 * Page weight: what a page makes the reader download, by kind (HTML, CSS, JS, other), raw and compressed.
 * Measured twice: from the built files (the HTML and the styles, scripts and icons it references, following
 * static `import`s in scripts) and from a real Chromium load (every response the page received). And whether a
 * plan needs JavaScript to be read: its text with JavaScript off against its text with JavaScript on.
 *
 * Compression is what a static host serving precompressed files would send: gzip level 9 and brotli quality 11,
 * each file compressed on its own (as HTTP does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, layOutWholeText } from '../../tests/support/browser.ts';
import { summarize } from './stats.ts';
import type { Stat } from './stats.ts';

/** Bytes of one kind of resource. */
export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Kinds of resource a page loads. */
export const KINDS = ['html', 'css', 'js', 'other'] as const;
/** One of {@link KINDS}. */
export type Kind = (typeof KINDS)[number];

/** A page's weight by kind and in total, with the URLs counted. */
export interface Weight {
  byKind: Record<Kind, Bytes>;
  total: Bytes;
  /** Paths of what was counted (site-relative). */
  resources: string[];
}

const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });

/** Raw, gzip -9 and brotli q11 sizes of one body. */
export function compressedSizes(body: Buffer): Bytes {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
}

function add(weight: Weight, kind: Kind, path: string, body: Buffer): void {
  const s = compressedSizes(body);
  for (const key of ['raw', 'gzip', 'brotli'] as const) {
    weight.byKind[kind][key] += s[key];
    weight.total[key] += s[key];
  }
  weight.resources.push(path);
}

function emptyWeight(): Weight {
  return { byKind: { html: zero(), css: zero(), js: zero(), other: zero() }, total: zero(), resources: [] };
}

/** Attribute values of `attr` on tags named `tag` that satisfy `where` (regex over the built HTML: Astro's output is regular). */
function tagAttrs(html: string, tag: string, attr: string, where: (tagText: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'giu'))) {
    if (!where(m[0])) continue;
    const value = new RegExp(`\\s${attr}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(m[0]);
    const v = value?.[1] ?? value?.[2] ?? value?.[3];
    if (v) out.push(v);
  }
  return out;
}

/**
 * Weight of a page from the built files: the HTML, its stylesheets, scripts (with their static imports) and
 * module preloads. Dynamic `import()` is not followed: it loads on use (search loads Pagefind so). The icon is
 * left out: headless Chromium does not fetch it, and a browser fetches it once per site, not per page.
 */
export function staticWeight(siteDir: string, pagePath: string): Weight {
  const weight = emptyWeight();
  const fileOf = (path: string) => join(siteDir, path.replace(/^\//u, ''), path.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(fileOf(pagePath));
  add(weight, 'html', pagePath, html);
  const text = html.toString('utf8');
  const resolveUrl = (href: string, from: string) => new URL(href, `http://site${from}`).pathname;
  const seen = new Set<string>();
  const visit = (path: string, kind: Kind) => {
    if (seen.has(path)) return;
    seen.add(path);
    const body = readFileSync(fileOf(path));
    add(weight, kind, path, body);
    if (kind !== 'js') return;
    // Static imports of bundled modules: `import"./x.js"`, `from"./x.js"` (minified or not).
    for (const m of body.toString('utf8').matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.m?js)["']/gu)) {
      visit(resolveUrl(m[1]!, path), 'js');
    }
  };
  // A stylesheet for print only (`media="print"`) is not needed to read the page: a screen neither applies it nor
  // waits for it (browsers fetch it at the lowest priority). It counts as `other`, not as the page's CSS.
  const isStylesheet = (t: string) => /rel=["']?stylesheet/iu.test(t);
  const isPrintOnly = (t: string) => /\smedia=["']?print["'\s>]/iu.test(t);
  for (const href of tagAttrs(text, 'link', 'href', (t) => isStylesheet(t) && !isPrintOnly(t))) visit(resolveUrl(href, pagePath), 'css');
  for (const href of tagAttrs(text, 'link', 'href', (t) => isStylesheet(t) && isPrintOnly(t))) visit(resolveUrl(href, pagePath), 'other');
  for (const src of tagAttrs(text, 'script', 'src')) visit(resolveUrl(src, pagePath), 'js');
  for (const href of tagAttrs(text, 'link', 'href', (t) => /rel=["']?modulepreload/iu.test(t))) visit(resolveUrl(href, pagePath), 'js');
  return weight;
}

function kindOf(resourceType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  return 'other';
}

/** One Chromium load of a page: its weight (every response body) and the time to the load event. */
export async function chromiumLoad(context: BrowserContext, url: string): Promise<{ weight: Weight; loadMs: number }> {
  const page = await context.newPage();
  // The machine may be busy (2 cores, other builds): allow slow loads rather than fail the whole bench.
  page.setDefaultTimeout(120_000);
  const bodies: Promise<{ kind: Kind; path: string; body: Buffer } | null>[] = [];
  const weight = emptyWeight();
  let inFlight = 0;
  page.on('request', () => void inFlight++);
  page.on('requestfinished', () => void inFlight--);
  page.on('requestfailed', () => void inFlight--);
  page.on('response', (response) => {
    // The icon is left out, as in staticWeight (fetched once per site, and not always by headless Chromium).
    if (/\/favicon\.(svg|ico|png)$/u.test(new URL(response.url()).pathname)) return;
    const kind = kindOf(response.request().resourceType());
    const path = new URL(response.url()).pathname;
    bodies.push(
      response.body().then(
        (body) => ({ kind, path, body }),
        () => null, // redirects have no body
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Whatever the page requests after `load` (deferred scripts are before it; this is a safety net): wait until
    // nothing has been in flight for 300 ms, at most 10 s. Not Playwright's `networkidle`, which waited forever
    // once on a busy machine.
    for (let quiet = 0, waited = 0; quiet < 300 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quiet = inFlight <= 0 ? quiet + 50 : 0;
    }
    // Print-only stylesheets are not needed to read the page (see staticWeight): counted as `other`.
    const printOnly = new Set(await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][media="print"]')].map((l) => new URL(l.href).pathname)));
    for (const r of await Promise.all(bodies)) if (r) add(weight, printOnly.has(r.path) ? 'other' : r.kind, r.path, r.body);
    // loadEventEnd is set once the load handlers have returned, which can be just after `load` resolved here.
    await page.waitForFunction(() => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) > 0);
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    weight.resources.sort();
    return { weight, loadMs };
  } finally {
    await page.close();
  }
}

/** A page measured: weights from files and Chromium, and the load time over the runs. */
export interface PageBench {
  name: string;
  path: string;
  files: Weight;
  chromium: Weight;
  /** Milliseconds from navigation to the load event, over the runs. */
  loadMs: Stat;
  /** Resources Chromium loaded that the file analysis did not find, or the reverse. */
  mismatch: string[];
}

/** Measures one page `runs` times in fresh pages of `context`. */
export async function benchPage(context: BrowserContext, baseUrl: string, siteDir: string, name: string, path: string, runs: number): Promise<PageBench> {
  const files = staticWeight(siteDir, path);
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await chromiumLoad(context, new URL(path.replace(/^\//u, ''), baseUrl).href));
  const chromium = loads.at(-1)!.weight;
  const fromFiles = new Set(files.resources);
  const fromChromium = new Set(chromium.resources);
  const mismatch = [
    ...chromium.resources.filter((r) => !fromFiles.has(r)).map((r) => `only in Chromium: ${r}`),
    ...files.resources.filter((r) => !fromChromium.has(r)).map((r) => `only in files: ${r}`),
  ];
  return { name, path, files, chromium, loadMs: summarize(loads.map((l) => l.loadMs)), mismatch };
}

/** Does a plan page need JavaScript to be read? */
export interface JsToRead {
  /** JS bytes the page needs for its content to appear: 0 when the text is the same without JavaScript. */
  bytes: number;
  /** Lines of text present with JavaScript on and missing with it off (buttons excluded, see below). */
  missingWithoutJs: string[];
  /** Lines the page has without JavaScript (to show the comparison was not of two empty pages). */
  linesWithoutJs: number;
  /** Raw and compressed size of the JS the page loads with JavaScript on (the enhancement script). */
  enhancementJs: Bytes;
  /** Paths of those scripts. */
  scripts: string[];
}

/**
 * Loads `path` with JavaScript off and on and compares the visible text of `<main>` line by line. Buttons are
 * hidden in both before reading: the enhancement reveals controls (a print button), which are not content. The
 * whole text is laid out first (`layOutWholeText`): `innerText` leaves out the blocks the browser skips off screen.
 */
export async function jsNeededToRead(baseUrl: string, path: string): Promise<JsToRead> {
  const url = new URL(path.replace(/^\//u, ''), baseUrl).href;
  const texts: string[][] = [];
  let enhancement: Weight | null = null;
  for (const javaScriptEnabled of [false, true]) {
    const browser = await launchBrowser({ javaScriptEnabled });
    try {
      if (javaScriptEnabled) enhancement = (await chromiumLoad(browser.context, url)).weight;
      const page = await browser.context.newPage();
      page.setDefaultTimeout(120_000);
      await page.goto(url, { waitUntil: 'load' });
      await layOutWholeText(page);
      const text = await page.evaluate(() => {
        for (const b of document.querySelectorAll('button')) b.hidden = true;
        return document.querySelector('main')?.innerText ?? document.body.innerText;
      });
      texts.push(text.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
    } finally {
      await browser.close();
    }
  }
  const [off, on] = texts as [string[], string[]];
  const offSet = new Set(off);
  const missing = on.filter((l) => !offSet.has(l));
  const js = enhancement!.byKind.js;
  return {
    bytes: missing.length === 0 ? 0 : js.raw,
    missingWithoutJs: missing,
    linesWithoutJs: off.length,
    enhancementJs: js,
    scripts: enhancement!.resources.filter((r) => /\.m?js$/u.test(r)),
  };
}

/** Raw and compressed size of a file of the built site (e.g. `/enhance.js`). */
export function fileWeight(siteDir: string, path: string): Bytes {
  return compressedSizes(readFileSync(join(siteDir, path.replace(/^\//u, ''))));
}
