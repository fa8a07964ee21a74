/**
 * Search and print, measured in real Chromium. Search uses the search team's measurement
 * (`tests/search/measure.ts`: bytes received and ms from submit to rendered results, in the real search page);
 * each run is a fresh browser, so the first query is a cold one (Pagefind's script, WebAssembly and index
 * chunks not yet loaded). Print times `page.pdf({ preferCSSPageSize: true })` of a loaded page and counts the
 * PDF's pages with poppler's `pdfinfo`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { measureSearch } from '../../tests/search/measure.ts';
import type { SearchMeasurement } from '../../tests/search/measure.ts';
import { summarize } from './stats.ts';
import type { Stat } from './stats.ts';

/**
 * Queries, from tests/search/queries.yaml: a policy term first (the cold query), then a term, a name, a term, a number
 * and a department, so that later queries need index chunks the first did not load.
 */
export const SEARCH_QUERIES = ['瞪羚企业', '研发投入强度', '河北工业大学', '科技特派员', '3.2%', '区科技局'] as const;

/** Search costs over the runs. */
export interface SearchBench {
  queries: readonly string[];
  runs: number;
  /** The search page itself, before any query. */
  pageLoadBytes: Stat;
  pageLoadPagefindRequests: number;
  first: { bytes: Stat; ms: Stat; results: number };
  /** Every later query of every run, pooled. */
  later: { bytes: Stat; ms: Stat };
}

/** One measurement; once more if it fails (a timeout on a busy machine must not lose the whole bench). */
async function measureWithRetry(baseUrl: string): Promise<SearchMeasurement> {
  try {
    return await measureSearch(baseUrl, SEARCH_QUERIES);
  } catch (error) {
    console.warn(`[bench] search measurement failed, retrying once: ${String(error).split('\n')[0]}`);
    return measureSearch(baseUrl, SEARCH_QUERIES);
  }
}

/** Measures search `runs` times, each in a fresh Chromium. */
export async function benchSearch(baseUrl: string, runs: number): Promise<SearchBench> {
  const firstBytes: number[] = [];
  const firstMs: number[] = [];
  const laterBytes: number[] = [];
  const laterMs: number[] = [];
  const loadBytes: number[] = [];
  let pagefindRequests = 0;
  let results = 0;
  for (let i = 0; i < runs; i++) {
    const m = await measureWithRetry(baseUrl);
    loadBytes.push(m.pageLoad.bytes);
    pagefindRequests = Math.max(pagefindRequests, m.pageLoad.pagefindRequests);
    firstBytes.push(m.firstQuery.bytes);
    firstMs.push(m.firstQuery.ms);
    results = m.firstQuery.results;
    for (const s of m.later) {
      laterBytes.push(s.bytes);
      laterMs.push(s.ms);
    }
  }
  return {
    queries: SEARCH_QUERIES,
    runs,
    pageLoadBytes: summarize(loadBytes),
    pageLoadPagefindRequests: pagefindRequests,
    first: { bytes: summarize(firstBytes), ms: summarize(firstMs), results },
    later: { bytes: summarize(laterBytes), ms: summarize(laterMs) },
  };
}

/** Printing one page to PDF over the runs. */
export interface PrintBench {
  path: string;
  runs: number;
  seconds: Stat;
  pages: number;
  pdfBytes: number;
}

/** Number of pages of a PDF (`pdfinfo`). */
export function pdfPages(file: string): number {
  const out = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/mu.exec(out.stdout ?? '');
  if (out.status !== 0 || !m) throw new Error(`pdfinfo ${file} failed: ${out.stderr || out.error}`);
  return Number(m[1]);
}

/** Loads `path` in a fresh page `runs` times and times `page.pdf()` of it (the load itself is not counted). */
export async function benchPrint(context: BrowserContext, baseUrl: string, path: string, runs: number): Promise<PrintBench> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-print-'));
  const seconds: number[] = [];
  let pages = 0;
  let pdfBytes = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      try {
        await page.goto(new URL(path.replace(/^\//u, ''), baseUrl).href, { waitUntil: 'load' });
        const file = join(dir, `print-${i}.pdf`);
        const started = performance.now();
        await page.pdf({ path: file, preferCSSPageSize: true });
        seconds.push((performance.now() - started) / 1000);
        pages = pdfPages(file);
        pdfBytes = statSync(file).size;
      } finally {
        await page.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { path, runs, seconds: summarize(seconds), pages, pdfBytes };
}
