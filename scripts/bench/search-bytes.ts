/**
 * `node scripts/bench/search-bytes.ts --site DIR [--site DIR …] [--query 瞪羚企业 …] [--json FILE]`: what the
 * first search of a reader downloads, by kind of file (issue 15: ≤ 300 KB at 10,000 plans). Each site is served
 * compressed (scripts/lib/static-server.ts, `compress: true`, as a real host serves it) and each query runs as the
 * first search of a fresh Chromium (empty cache); every request from submitting the form until the results are on
 * the page is counted as the bench counts it (tests/search/measure.ts: encoded body plus headers). Prints one
 * Markdown table per site (bytes and requests per kind, per query) and the plans each query ranked, so that two
 * builds of the same corpus can be compared for bytes and for results.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { ask } from '../../tests/search/quality.ts';
import { startStaticServer } from '../lib/static-server.ts';

/** Kinds of file a search fetches, in the order the table lists them. */
export const KINDS = ['pair index', 'Pagefind script', 'WebAssembly', 'Pagefind entry', 'page list', 'index chunks', 'filters', 'fragments', 'plan records', 'id map', 'bundle list', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** The kind of a request by its path (Pagefind's bundle folders are `pagefind/`, `pagefind-1/`, … scripts/pagefind-shards.ts). */
export function kindOf(pathname: string): Kind {
  // The search page's own files first: a record named by Pagefind's page id is under `search/blocks/pagefind/`.
  if (/\/search\/blocks\//u.test(pathname)) return 'plan records';
  if (/\/search\/pairs\/\d+\.gz$/u.test(pathname)) return 'pair index';
  if (/\/search\/pagefind-ids\.json(\.gz)?$/u.test(pathname)) return 'id map';
  if (/\/search\/pagefind-bundles\.json$/u.test(pathname)) return 'bundle list';
  const bundle = /\/pagefind(?:-\d+)?\/(.*)$/u.exec(pathname)?.[1];
  if (bundle !== undefined) {
    if (bundle === 'pagefind.js') return 'Pagefind script';
    if (bundle.startsWith('wasm.')) return 'WebAssembly';
    if (bundle === 'pagefind-entry.json') return 'Pagefind entry';
    if (bundle.endsWith('.pf_meta')) return 'page list';
    if (bundle.startsWith('index/')) return 'index chunks';
    if (bundle.startsWith('filter/')) return 'filters';
    if (bundle.startsWith('fragment/')) return 'fragments';
    return 'other';
  }
  return 'other';
}

/** One query's first search. */
export interface FirstSearch {
  query: string;
  ms: number;
  bytes: number;
  kinds: Partial<Record<Kind, { bytes: number; requests: number }>>;
  /** Slugs of the plans shown, in order. */
  ranked: string[];
}

async function sizeOf(r: Request): Promise<number> {
  const s = await r.sizes();
  return s.responseBodySize + s.responseHeadersSize;
}

/** Runs `query` as the first search of a fresh browser on the search page at `baseUrl`. */
export async function firstSearch(baseUrl: string, query: string): Promise<FirstSearch> {
  const browser = await launchBrowser();
  try {
    const page: Page = await browser.context.newPage();
    await page.goto(new URL('search/', baseUrl).href, { waitUntil: 'networkidle' });
    const counted: Promise<{ kind: Kind; bytes: number }>[] = [];
    page.on('requestfinished', (r) => counted.push(sizeOf(r).then((bytes) => ({ kind: kindOf(new URL(r.url()).pathname), bytes }))));
    const started = performance.now();
    const shown = await ask(page, query);
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    if (shown.state !== 'done') throw new Error(`${query}: the search ended in state ${shown.state} (${shown.status})`);
    const kinds: FirstSearch['kinds'] = {};
    let bytes = 0;
    for (const { kind, bytes: n } of await Promise.all(counted)) {
      const k = (kinds[kind] ??= { bytes: 0, requests: 0 });
      k.bytes += n;
      k.requests++;
      bytes += n;
    }
    return { query, ms, bytes, kinds, ranked: shown.plans.map((p) => p.slug) };
  } finally {
    await browser.close();
  }
}

const kb = (b: number) => (b / 1024).toFixed(1);

/** The searches of one site as a Markdown table: KB (requests) per kind and query. */
export function renderTable(searches: FirstSearch[]): string {
  const kinds = KINDS.filter((k) => searches.some((s) => s.kinds[k]));
  const lines = [`| kind | ${searches.map((s) => s.query).join(' | ')} |`, `|---|${searches.map(() => '---:|').join('')}`];
  for (const k of kinds) lines.push(`| ${k} | ${searches.map((s) => (s.kinds[k] ? `${kb(s.kinds[k].bytes)} KB (${s.kinds[k].requests})` : '–')).join(' | ')} |`);
  lines.push(`| **total** | ${searches.map((s) => `**${kb(s.bytes)} KB** · ${Math.round(s.ms)} ms`).join(' | ')} |`);
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', multiple: true, default: [] },
      query: { type: 'string', multiple: true, default: ['瞪羚企业', '科技特派员', '研发投入强度'] },
      json: { type: 'string' },
    },
  });
  if (values.site.length === 0) throw new Error('give at least one --site DIR (a built site)');
  const out: Record<string, FirstSearch[]> = {};
  for (const site of values.site) {
    const server = await startStaticServer({ root: site, compress: true });
    try {
      const searches: FirstSearch[] = [];
      for (const q of values.query) searches.push(await firstSearch(server.url, q));
      out[site] = searches;
      console.log(`\n### ${site}\n\n${renderTable(searches)}\n`);
      for (const s of searches) console.log(`${s.query}: ${s.ranked.join(' ')}`);
    } finally {
      await server.close();
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
}
