/**
 * What a built site weighs on disk, and where `astro build` spends its page-rendering time, read from its log.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { readSeedFolder } from '../lib/seed-folder.ts';

/** Sizes of a built site folder, in bytes. */
export interface SiteSizes {
  /** Every file of the site. */
  totalBytes: number;
  files: number;
  htmlPages: number;
  /** Every Pagefind bundle folder (`pagefind/`, and `pagefind-1/` … on a site indexed in shards). */
  pagefindBytes: number;
  /** The index proper (`index/`, `fragment/`, `filter/`, `*.pf_meta`, `pagefind-entry.json`): grows with the plans. */
  pagefindIndexBytes: number;
  /** Pagefind's scripts, styles and WebAssembly: the same in each bundle whatever the plans. */
  pagefindBundleBytes: number;
  /** `index.html` at the root (it lists every plan). */
  homeBytes: number;
  /** The largest HTML page, by URL path. */
  largestPage: { path: string; bytes: number };
  /**
   * The largest HTML page as a host serving precompressed files sends it (brotli quality 11), by URL path (issue 15:
   * ≤ 150 KB at 10,000 plans). Compressed are the BROTLI_CANDIDATES largest pages by raw size, not every page
   * (quality 11 of 20,000 pages would take minutes): compression ratios vary little between pages of one site.
   */
  largestPageBrotli: { path: string; bytes: number };
}

/** How many of the largest raw HTML pages `siteSizes` compresses to find the largest brotli page. */
export const BROTLI_CANDIDATES = 40;

function brotliBytes(file: string): number {
  const body = readFileSync(file);
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
}

function walk(dir: string): { rel: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => ({ rel: rel.split(sep).join('/'), full: join(dir, rel) }))
    .map(({ rel, full }) => ({ rel, stat: statSync(full) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ rel, stat }) => ({ rel, bytes: stat.size }));
}

/** URL path of a built file: `plans/x/index.html` → `/plans/x/`. */
export function urlPathOf(rel: string): string {
  return `/${rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
}

/** Measures a built site folder. */
export function siteSizes(siteDir: string): SiteSizes {
  const files = walk(siteDir);
  const sum = (list: { bytes: number }[]) => list.reduce((a, f) => a + f.bytes, 0);
  const pagefind = files.filter((f) => /^pagefind(-\d+)?\//u.test(f.rel));
  const isIndex = (rel: string) => /^pagefind(-\d+)?\/(index|fragment|filter)\//u.test(rel) || rel.endsWith('.pf_meta') || /^pagefind(-\d+)?\/pagefind-entry\.json$/u.test(rel);
  const html = files.filter((f) => f.rel.endsWith('.html'));
  const largest = html.reduce((a, f) => (f.bytes > a.bytes ? f : a), { rel: '', bytes: 0 });
  // The largest raw pages of each kind (route family: the first path segment, `en/` apart), so that a big but
  // repetitive page of one kind does not crowd out a denser page of another.
  const family = (rel: string) => /^(en\/)?[^/]*/u.exec(rel)![0];
  const bySize = [...html].sort((a, b) => b.bytes - a.bytes);
  const candidates = [...new Map(bySize.map((f) => [family(f.rel), f])).values()].concat(bySize.slice(0, BROTLI_CANDIDATES));
  const brotli = [...new Set(candidates)].map((f) => ({ rel: f.rel, bytes: brotliBytes(join(siteDir, f.rel)) })).reduce((a, f) => (f.bytes > a.bytes ? f : a), { rel: '', bytes: 0 });
  return {
    totalBytes: sum(files),
    files: files.length,
    htmlPages: html.length,
    pagefindBytes: sum(pagefind),
    pagefindIndexBytes: sum(pagefind.filter((f) => isIndex(f.rel))),
    pagefindBundleBytes: sum(pagefind.filter((f) => !isIndex(f.rel))),
    homeBytes: files.find((f) => f.rel === 'index.html')?.bytes ?? 0,
    largestPage: { path: urlPathOf(largest.rel), bytes: largest.bytes },
    largestPageBrotli: { path: urlPathOf(brotli.rel), bytes: brotli.bytes },
  };
}

/** The largest plan page (`/plans/<slug>/`) of a built site, by HTML bytes. */
export function largestPlanPage(siteDir: string): { path: string; bytes: number } {
  const plansDir = join(siteDir, 'plans');
  let best = { path: '', bytes: -1 };
  for (const slug of readdirSync(plansDir)) {
    const file = join(plansDir, slug, 'index.html');
    let bytes: number;
    try {
      bytes = statSync(file).size;
    } catch {
      continue;
    }
    if (bytes > best.bytes) best = { path: `/plans/${slug}/`, bytes };
  }
  if (best.bytes < 0) throw new Error(`no plan pages under ${plansDir}`);
  return best;
}

/** A route of the site as a pattern over built URL paths, named by its file under `src/pages`. */
export interface Route {
  /** `plans/[slug]/index.astro`. */
  file: string;
  pattern: RegExp;
}

/** The routes of `src/pages` (tests and non-page files left out), most specific first. */
export function routesOf(pagesDir: string): Route[] {
  const files = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => /\.(astro|ts|js|md|mdx)$/u.test(f) && !f.endsWith('.test.ts') && !f.includes('/_') && !f.startsWith('_'));
  const routes = files.map((file) => {
    let path = file.replace(/\.(astro|md|mdx)$/u, '/').replace(/\.(ts|js)$/u, '');
    path = path.replace(/(^|\/)index\/$/u, '$1');
    if (path === '404/') path = '404.html';
    // A rest parameter as a whole segment (`[...page]/`, paginated lists) may be empty: `/compare/`, `/compare/2/`.
    const escaped = path
      .split(/(\[\.\.\.[^\]]+\]\/|\[[^\]]+\])/u)
      .map((part) => (/^\[\.\.\.[^\]]+\]\/$/u.test(part) ? '(?:.+/)?' : /^\[\.\.\.[^\]]+\]$/u.test(part) ? '.*' : /^\[[^\]]+\]$/u.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/gu, '\\$&')))
      .join('');
    return { file, pattern: new RegExp(`^/${escaped}$`, 'u') };
  });
  // Static routes before dynamic ones, so /data/targets.json is not taken by /data/[x].json.
  return routes.sort((a, b) => Number(a.file.includes('[')) - Number(b.file.includes('[')));
}

/** Milliseconds and page count per route, from `astro build`'s `├─ /path (+12ms)` lines. */
export function routeTimes(log: string, routes: readonly Route[]): Map<string, { pages: number; ms: number }> {
  const out = new Map<string, { pages: number; ms: number }>();
  // Astro colours its output; strip ANSI escapes before matching.
  for (const line of log.replace(/\x1b\[[0-9;]*m/gu, '').split('\n')) {
    const m = /[├└]─ (\/\S*) \(\+(\d+)ms\)/u.exec(line);
    if (!m) continue;
    const path = urlPathOf(m[1]!.slice(1));
    const route = routes.find((r) => r.pattern.test(path))?.file ?? 'other';
    const entry = out.get(route) ?? { pages: 0, ms: 0 };
    entry.pages++;
    entry.ms += Number(m[2]);
    out.set(route, entry);
  }
  return out;
}

/** `1m 41s`, `10.40s`, `68ms` → milliseconds (NaN when unreadable). */
export function parseAstroDuration(text: string): number {
  const m = /^(?:(\d+)m\s*)?(?:(\d+(?:\.\d+)?)(ms|s))?$/u.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return Number.NaN;
  const minutes = Number(m[1] ?? 0) * 60_000;
  const rest = m[2] === undefined ? 0 : Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
  return minutes + rest;
}

/** Phases of `astro build`, from its log (ms). */
export interface AstroPhases {
  /** Content layer sync and type generation (`[types] Generated …`). */
  contentSync: number;
  /** Vite/Rolldown bundling of pages, components and every MDX module (`[vite] ✓ built in …`, summed). */
  bundle: number;
  /** Rendering the pages (`generating static routes` … `✓ Completed in …`). */
  render: number;
}

/** Reads the phases of `astro build` from its log; a phase it does not find is NaN. */
export function astroPhases(log: string): AstroPhases {
  const lines = log.replace(/\x1b\[[0-9;]*m/gu, '').split('\n');
  const phases: AstroPhases = { contentSync: Number.NaN, bundle: Number.NaN, render: Number.NaN };
  let rendering = false;
  for (const line of lines) {
    const types = /\[types\] Generated (.+)$/u.exec(line);
    if (types) phases.contentSync = parseAstroDuration(types[1]!);
    const vite = /\[vite\] ✓ built in (.+)$/u.exec(line);
    if (vite) phases.bundle = (Number.isNaN(phases.bundle) ? 0 : phases.bundle) + parseAstroDuration(vite[1]!);
    if (/generating static routes/u.test(line)) rendering = true;
    const done = /^\S+ ✓ Completed in (.+?)\.?\s*$/u.exec(line);
    if (rendering && done) {
      phases.render = parseAstroDuration(done[1]!);
      rendering = false;
    }
  }
  return phases;
}

/** Number of plan texts in a seeds folder, as ingest reads them (scripts/lib/seed-folder.ts). */
export function countPlans(seedsDir: string): number {
  return readSeedFolder(seedsDir).texts.length;
}

/** Reads a file's bytes (for compressing what a page loads). */
export function fileBytes(siteDir: string, urlPath: string): Buffer | null {
  const rel = urlPath.replace(/^\//u, '');
  const candidates = rel === '' || rel.endsWith('/') ? [join(siteDir, rel, 'index.html')] : [join(siteDir, rel)];
  for (const file of candidates) {
    if (!relative(siteDir, file).startsWith('..')) {
      try {
        return readFileSync(file);
      } catch {
        // try the next
      }
    }
  }
  return null;
}
