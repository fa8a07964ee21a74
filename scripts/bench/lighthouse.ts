/**
 * Lighthouse in the benchmark: the mobile preset (Lighthouse's default: a phone screen, simulated slow 4G and
 * CPU slow-down) on the pages readers open, with the four categories scored 0–100 and, for each score under
 * 100, the audits that cost points — so a regression names its cause.
 *
 * Lighthouse is pinned (`lighthouse@12.2.3`; later versions did not install cleanly on this machine) and fetched
 * into npm's cache by `npm exec` on first use (~1 min, registry only), not installed with the project: readers and
 * CI do not need it. It drives Debian's Chromium (`CHROME_PATH`).
 *
 * Each page is run three times and the median run reported (`medianRun`): one run on this 2-core machine varies by
 * several points of performance.
 *
 * Alone: `node scripts/bench/lighthouse.ts --site DIR [--path /plans/x/ …] [--runs N]` serves a built site and prints
 * the table.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './stats.ts';

export const LIGHTHOUSE_PACKAGE = 'lighthouse@12.2.3';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What one Lighthouse run found on one page. */
export interface LighthousePage {
  name: string;
  path: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Core figures of the performance category, and the time to interactive (which picks the median run). */
  metrics: { lcpMs: number; cls: number; tbtMs: number; fcpMs: number; ttiMs: number };
  /** The performance score of every run on the page, in run order, when it is the median of several (`medianRun`). */
  performanceRuns?: number[];
  /** Audits that lost points in a category scored under 100: `category: id (title) score`. */
  losses: string[];
}

interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
}
interface LhrJson {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhrAudit>;
  runtimeError?: { code: string; message: string };
}

/** Reads Lighthouse's JSON report (the `lhr`) into the figures the benchmark keeps. Pure; tested. */
export function summarizeLhr(name: string, path: string, lhr: LhrJson): LighthousePage {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const losses: string[] = [];
  for (const c of CATEGORIES) {
    const cat = lhr.categories[c];
    if (!cat || cat.score === null) throw new Error(`Lighthouse on ${path}: no score for ${c}`);
    scores[c] = Math.round(cat.score * 100);
    if (scores[c] === 100) continue;
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      // Only audits that cost points (weight > 0): bf-cache and the like are advice, weighted 0.
      if (!a || a.score === null || a.score >= 1 || ref.weight === 0) continue;
      if (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual') continue;
      losses.push(`${c}: ${a.id} (${a.title}) ${a.score.toFixed(2)}`);
    }
  }
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    name,
    path,
    scores,
    metrics: {
      lcpMs: Math.round(num('largest-contentful-paint')),
      cls: Number(num('cumulative-layout-shift').toFixed(3)),
      tbtMs: Math.round(num('total-blocking-time')),
      fcpMs: Math.round(num('first-contentful-paint')),
      ttiMs: Math.round(num('interactive')),
    },
    losses,
  };
}

/**
 * The representative of several runs on one page, as Lighthouse chooses it (docs/variability.md, "Run Lighthouse
 * multiple times"; core/lib/median-run.js `computeMedianRun`): the run nearest to the median first paint and the
 * median time to interactive together, not the median score, which a single outlying metric can swing. The first
 * such run on a tie. Pure; tested.
 */
export function medianRun(runs: readonly LighthousePage[]): LighthousePage {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const fcp = median(runs.map((r) => r.metrics.fcpMs));
  const tti = median(runs.map((r) => r.metrics.ttiMs));
  const distance = (r: LighthousePage) => (r.metrics.fcpMs - fcp) ** 2 + (r.metrics.ttiMs - tti) ** 2;
  const chosen = runs.reduce((best, r) => (distance(r) < distance(best) ? r : best));
  return { ...chosen, performanceRuns: runs.map((r) => r.scores.performance) };
}

/** How many times the benchmark runs Lighthouse on a page (Lighthouse's docs: 3–5 halve the spread of one). */
export const LIGHTHOUSE_RUNS = 3;

/** Lighthouse `runs` times on one page, one after the other; the median run (`medianRun`). */
export async function runLighthouseMedian(baseUrl: string, name: string, path: string, chromePath: string, runs = LIGHTHOUSE_RUNS): Promise<LighthousePage> {
  const all: LighthousePage[] = [];
  for (let i = 0; i < runs; i++) all.push(await runLighthouse(baseUrl, name, path, chromePath));
  return medianRun(all);
}

/**
 * Runs Lighthouse once on `baseUrl + path` with Debian's Chromium. Asynchronous on purpose: the static server
 * usually runs in this same process and must keep answering while Lighthouse loads the page.
 */
export async function runLighthouse(baseUrl: string, name: string, path: string, chromePath: string): Promise<LighthousePage> {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  try {
    const out = join(dir, 'report.json');
    const url = new URL(path, baseUrl).href;
    await warmCompressed(url);
    const args = [
      'exec', '--yes', `--package=${LIGHTHOUSE_PACKAGE}`, '--', 'lighthouse', url,
      '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`, '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn('npm', args, { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        done({ code: c, stderr: err });
      });
    });
    if (code !== 0) throw new Error(`Lighthouse on ${url} exited ${code}:\n${stderr.slice(-2000)}`);
    return summarizeLhr(name, path, JSON.parse(readFileSync(out, 'utf8')) as LhrJson);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Requests the page and what its head links (styles, scripts) once, compressed, before Lighthouse does. A real host
 * serves files compressed in advance; the benchmark's server compresses a file on its first request and keeps the
 * result, and brotli at quality 11 of the largest plan took 0.86 s on a busy machine, which Lighthouse counted as
 * the server's response time (and so in the first paint).
 */
async function warmCompressed(url: string): Promise<void> {
  const get = async (target: string) => {
    const response = await fetch(target, { headers: { 'accept-encoding': 'br, gzip' } });
    return response.text();
  };
  const html = await get(url);
  const linked = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+\.(?:css|js))"/gu)].map((m) => new URL(m[1]!, url).href);
  await Promise.all(linked.filter((l) => new URL(l).origin === new URL(url).origin).map(get));
}

/** Markdown table of the runs, with the audits that cost points under it. */
export function lighthouseMarkdown(pages: readonly LighthousePage[]): string {
  const rows = pages.map(
    (p) => `| ${p.name} (\`${p.path}\`) | ${CATEGORIES.map((c) => p.scores[c]).join(' | ')} | ${p.metrics.fcpMs} | ${p.metrics.lcpMs} | ${p.metrics.tbtMs} | ${p.metrics.cls} |`,
  );
  const losses = pages.flatMap((p) => p.losses.map((l) => `- ${p.name}: ${l}`));
  const spread = pages.filter((p) => p.performanceRuns).map((p) => `${p.name} ${p.performanceRuns!.join(', ')}`);
  return [
    `| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...rows,
    '',
    ...(spread.length > 0 ? [`Each page's median of ${pages[0]!.performanceRuns!.length} runs; performance in each run: ${spread.join('; ')}.`, ''] : []),
    losses.length > 0 ? `Points lost (in the median run):\n${losses.join('\n')}` : 'No audit lost points.',
  ].join('\n');
}

/** Points under 100 over every page and category (0 when all are 100): the budget's figure. */
export function pointsBelowFull(pages: readonly LighthousePage[]): number {
  return pages.reduce((n, p) => n + CATEGORIES.reduce((m, c) => m + (100 - p.scores[c]), 0), 0);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string' }, path: { type: 'string', multiple: true }, runs: { type: 'string', default: String(LIGHTHOUSE_RUNS) } } });
  if (!values.site) throw new Error('usage: node scripts/bench/lighthouse.ts --site DIR [--path /x/ …] [--runs N]');
  const { startStaticServer } = await import('../lib/static-server.ts');
  const { CHROMIUM_PATH } = await import('../../tests/support/system.ts');
  const { largestPlanPage } = await import('./site.ts');
  const server = await startStaticServer({ root: values.site, compress: true });
  try {
    const paths: [string, string][] = values.path?.map((p) => [p, p]) ?? [
      ['home', '/'],
      ['largest plan', largestPlanPage(values.site).path],
      ['comparison', '/compare/'],
      ['search', '/search/'],
    ];
    const pages: LighthousePage[] = [];
    for (const [name, path] of paths) pages.push(await runLighthouseMedian(server.url, name, path, CHROMIUM_PATH, Number(values.runs)));
    console.log(lighthouseMarkdown(pages));
  } finally {
    await server.close();
  }
}
