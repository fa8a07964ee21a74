/**
 * What a search costs a reader, measured in Chromium on the real search page: bytes downloaded and time until
 * the results are on the page, for the first query (which loads Pagefind's script, worker, WebAssembly, index
 * chunks and the matching pages' fragments) and for later queries in the same page (only new chunks and
 * fragments). For the benchmark (`npm run bench`) and tests/search/RESULTS.md.
 *
 *   const m = await measureSearch(baseUrl, ['瞪羚企业', '高企', '3.2%']);
 *   m.firstQuery.bytes, m.firstQuery.ms, m.later.map((s) => s.ms)
 *
 * Bytes are what the server sent (headers and bodies, as Chromium received them; the test server does not
 * compress, Pagefind's index files are gzip-compressed already). Time runs from submitting the form to the
 * moment the page has rendered the results (or said there are none).
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

/** Cost of one query. */
export interface QuerySample {
  query: string;
  /** Bytes received while the query ran. */
  bytes: number;
  /** Requests made while the query ran. */
  requests: number;
  /** Milliseconds from submit to rendered results. */
  ms: number;
  /** Plans shown. */
  results: number;
}

/** Cost of a sequence of queries in one page. */
export interface SearchMeasurement {
  /** Loading the search page itself, before any search (must request nothing of Pagefind). */
  pageLoad: { bytes: number; requests: number; pagefindRequests: number };
  firstQuery: QuerySample;
  later: QuerySample[];
}

/** Options of {@link measureSearch}. */
export interface MeasureOptions {
  /** Use this browser context instead of launching Chromium (the caller closes it). */
  context?: BrowserContext;
  /** Search page path under `baseUrl` (default `search/`). */
  path?: string;
  /** Give up on a query after this many ms (default 60 s). */
  timeout?: number;
}

/** Byte and request counter over a page's network traffic, including its workers'. */
function traffic(page: Page) {
  let bytes = 0;
  let requests = 0;
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  const size = async (r: Request): Promise<number> => {
    const s = await r.sizes();
    // Chromium reports a Worker's own script with body size 0; count its body then.
    const body = s.responseBodySize > 0 ? s.responseBodySize : ((await (await r.response())?.body().catch(() => null))?.length ?? 0);
    return body + s.responseHeadersSize;
  };
  const done = (r: Request) => {
    inFlight--;
    pending.push(size(r).then((n) => void (bytes += n), () => undefined));
  };
  page.on('request', () => {
    requests++;
    inFlight++;
  });
  page.on('requestfinished', done);
  page.on('requestfailed', () => void inFlight--);
  return {
    /** Wait until nothing is in flight and all sizes are counted, then read the totals. */
    async settle(): Promise<{ bytes: number; requests: number }> {
      for (let i = 0; i < 200 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
      await Promise.all(pending);
      return { bytes, requests };
    },
  };
}

/** Submit `query` in the page and time it until the results are rendered (measured inside the page). */
async function timeQuery(page: Page, query: string, timeout: number): Promise<{ ms: number; results: number }> {
  return page.evaluate(
    ({ q, limit }) =>
      new Promise<{ ms: number; results: number }>((resolve, reject) => {
        const form = document.querySelector<HTMLFormElement>('#search-form')!;
        const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
        const region = document.querySelector<HTMLElement>('#search-results')!;
        const finished = () => region.dataset.query === q.trim() && (region.dataset.state === 'done' || region.dataset.state === 'error');
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ ms: performance.now() - started, results: region.querySelectorAll('.search-result').length });
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`search for ${q} did not finish in ${limit} ms`));
        }, limit);
        observer.observe(region, { attributes: true, attributeFilter: ['data-state', 'data-query'] });
        input.value = q;
        form.requestSubmit();
      }),
    { q: query, limit: timeout },
  );
}

/**
 * Measure `queries` in order in one fresh page of the search page at `baseUrl` (the site's root URL, ending
 * in `/`): the first is the cold query, the rest are `later`.
 */
export async function measureSearch(baseUrl: string, queries: readonly string[], options: MeasureOptions = {}): Promise<SearchMeasurement> {
  if (queries.length === 0) throw new Error('measureSearch needs at least one query');
  const launched = options.context ? null : await launchBrowser();
  const context = options.context ?? launched!.context;
  const page = await context.newPage();
  try {
    const pagefindUrls: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind(-\d+)?\//u.test(r.url())) pagefindUrls.push(r.url());
    });
    const net = traffic(page);
    await page.goto(new URL(options.path ?? 'search/', baseUrl).href, { waitUntil: 'networkidle' });
    const load = await net.settle();
    const pageLoad = { ...load, pagefindRequests: pagefindUrls.length };
    const samples: QuerySample[] = [];
    let before = load;
    for (const query of queries) {
      const { ms, results } = await timeQuery(page, query, options.timeout ?? 60_000);
      const after = await net.settle();
      samples.push({ query, bytes: after.bytes - before.bytes, requests: after.requests - before.requests, ms, results });
      before = after;
    }
    return { pageLoad, firstQuery: samples[0]!, later: samples.slice(1) };
  } finally {
    await page.close();
    await launched?.close();
  }
}
