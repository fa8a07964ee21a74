/**
 * `npm run bench [-- --quick] [--sizes 10,100,1000] [--runs N] [--large-runs N] [--browser-runs N]`
 *
 * Measures the site on this machine and writes `bench/results.json` and `bench/results.md` (printed too):
 * - build of the real seeds: time and peak memory of ingest, `astro build` and Pagefind (scripts/bench/builds.ts);
 * - pages (home, largest plan, /compare/, /search/): bytes by kind, raw and compressed, from the files and from
 *   Chromium; JS needed to read a plan; the enhancement script (scripts/bench/pages.ts);
 * - search (bytes and ms, first and later queries) and print (seconds and pages) in Chromium
 *   (scripts/bench/search-print.ts);
 * - Lighthouse on those four pages (scripts/bench/lighthouse.ts), and the largest plan's main thread while it loads,
 *   in a new Chromium and in a warm one (scripts/bench/page-trace.ts);
 * - scaling over synthetic corpora of 10, 100 and 1,000 plans, with log-log exponents (scripts/bench/stats.ts);
 * - at each of those sizes, the text-reuse computation alone (scripts/bench/reuse.ts, which also runs by itself for
 *   sizes a full build cannot reach quickly: `node scripts/bench/reuse.ts --sizes 1000,3000,10000`).
 * Then checks `bench/budgets.json` and exits 1 naming every broken budget. Every build goes into fresh temporary
 * folders (never `dist/` or `content/plans/`); build logs go to `bench/runs/` (git-ignored).
 * `--quick`: sizes 10 and 100 only, one build per corpus, three browser runs (a few minutes, for a quick check);
 * it writes its results into `bench/runs/` so as not to replace the full ones (`--out DIR` to choose).
 * `--report-only`: re-check the budgets and rewrite results.md from the last results.json, measuring nothing.
 * The full run takes about a quarter of an hour on 2 cores. CI does not run it.
 * `--scale N`: only the scale builds of issue 15 (scripts/bench/scale.ts): sizes 1,000, 3,000 and N (those up to N;
 * `--sizes` to choose), each built once, then again with one plan added and once more with nothing changed (what every
 * rebuild costs), per-stage time, CPU and peak memory with the load average, written to `bench/results.json`
 * (`scaleRun`) and the README's scale figures. `--add-one-sizes 1000,3000`: only those sizes get the one-plan-added
 * and unchanged builds (a 10,000-plan build is half an hour).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureSystem, CHROMIUM_PATH } from '../tests/support/system.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { startStaticServer } from './lib/static-server.ts';
import { brokenBudgets, checkBudgets, parseBudgets } from './bench/budgets.ts';
import { benchBuilds } from './bench/builds.ts';
import type { BuildBench } from './bench/builds.ts';
import { benchPage, fileWeight, jsNeededToRead } from './bench/pages.ts';
import { growthOf, renderMarkdown } from './bench/report.ts';
import type { Results } from './bench/report.ts';
import { benchPrint, benchSearch } from './bench/search-print.ts';
import type { SearchBench } from './bench/search-print.ts';
import { largestPlanPage } from './bench/site.ts';
import { benchReuse, type ReuseBench } from './bench/reuse.ts';
import { benchForms } from './bench/forms.ts';
import { pointsBelowFull, runLighthouseMedian } from './bench/lighthouse.ts';
import type { LighthousePage } from './bench/lighthouse.ts';
import { tracePages, TRACE_LOADS } from './bench/page-trace.ts';
import { parseCommandLine } from './lib/command-line.ts';

const BENCH_DIR = 'bench';
const LOG_DIR = join(BENCH_DIR, 'runs');

const { values } = parseCommandLine('bench', {
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'large-runs': { type: 'string' },
    'browser-runs': { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    scale: { type: 'string' },
    'add-one-sizes': { type: 'string' },
  },
});

if (values.scale !== undefined) {
  const { benchScale, renderScale, writeScale } = await import('./bench/scale.ts');
  const n = Number(values.scale);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--scale: a positive number of plans, got ${values.scale}`);
  const scaleSizes = values.sizes ? values.sizes.split(',').map(Number) : [...new Set([1000, 3000, n])].filter((x) => x <= n);
  mkdirSync(LOG_DIR, { recursive: true });
  ensureSystem();
  const run = await benchScale({
    sizes: scaleSizes,
    addOneSizes: values['add-one-sizes']?.split(',').map(Number),
    seed: values.seed,
    logDir: LOG_DIR,
    onSize: (s, sofar) => {
      log(`${s.plans} plans: full build ${Math.round(s.full.wallMs / 1000)} s${s.addOne ? `, one plan added ${Math.round(s.addOne.wallMs / 1000)} s` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
      writeScale(sofar);
    },
  });
  writeScale(run);
  console.log(renderScale(run));
  process.exit(0);
}
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? '10,100' : '10,100,1000'))
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: positive integers separated by commas, got ${values.sizes}`);
const buildRuns = Number(values.runs ?? (quick ? 1 : 3));
// Sizes of 1,000 plans and more take minutes per build; they get their own run count to keep the bench in time.
const largeBuildRuns = Number(values['large-runs'] ?? (quick ? 1 : 3));
const browserRuns = Number(values['browser-runs'] ?? (quick ? 3 : 5));
// A quick run must not overwrite the full results the README quotes: it writes into the scratch folder.
const outDir = values.out ?? (quick ? LOG_DIR : BENCH_DIR);

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return /Chromium [\d.]+/u.exec(out.stdout ?? '')?.[0] ?? 'Chromium (version unknown)';
}

const progress = (label: string) => (i: number, stages: { name: string; ms: number }[], wallMs: number, otherCores: number) =>
  log(`${label} run ${i}: ${stages.map((s) => `${s.name} ${s.ms} ms`).join(', ')} (whole ${Math.round(wallMs)} ms; other work on the machine ${otherCores.toFixed(2)} cores)`);

/**
 * A scratch folder whose path does not start with the project's. Astro's build took a site built in `/tmp/bench-x1`
 * for part of a project cloned at `/tmp/bench` (a prefix of the path, not a parent folder), and its prerender step
 * then could not find the project's packages (`Cannot find package '@oslojs/encoding'`; 2026-12-06).
 */
function scratchFolder(): string {
  const root = process.cwd();
  for (const prefix of ['bench-', 'plans-bench-']) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    if (!dir.startsWith(root)) return dir;
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`bench: every scratch folder in ${tmpdir()} starts with the project's path (${root}): clone the project to a folder of another name`);
}

/** Runs every measurement; budgets are checked afterwards by {@link finish}. */
async function measure(): Promise<Results> {
  const started = performance.now();
  const loadAvgBefore = loadavg();
  ensureSystem();
  mkdirSync(LOG_DIR, { recursive: true });
  const scratch = scratchFolder();
  try {
    // 1. The real seeds: build, and keep the last site for the browser measurements.
    log(`building the real seeds ${buildRuns}× (scratch ${scratch}, logs ${LOG_DIR}/)`);
    const real = await benchBuilds({ label: 'seeds', seedsDir: 'seeds', runs: buildRuns, logDir: LOG_DIR, scratchDir: scratch, keepSite: true, onRun: progress('seeds') });
    const siteDir = real.siteDir!;

    // 2. Pages, search and print in Chromium, over the static test server.
    const server = await startStaticServer({ root: siteDir });
    const largest = largestPlanPage(siteDir);
    let pages, jsToRead, search, print;
    const lighthouse: LighthousePage[] = [];
    let pageTrace: Results['pageTrace'];
    const readerPages = [
      ['home', '/'],
      ['largest plan', largest.path],
      ['comparison', '/compare/'],
      ['search', '/search/'],
    ] as const;
    try {
      // Lighthouse over a compressing server: it scores what a reader downloads from a real host.
      const compressing = await startStaticServer({ root: siteDir, compress: true });
      try {
        for (const [name, path] of readerPages) {
          log(`Lighthouse ${path}`);
          lighthouse.push(await runLighthouseMedian(compressing.url, name, path, CHROMIUM_PATH));
        }
        // What Lighthouse's blocking time on the largest plan is made of: its main thread in a new and a warm Chromium.
        log(`trace ${largest.path} ×${TRACE_LOADS}, each in a new Chromium, then in a warm one`);
        const cold = await tracePages(compressing.url, [largest.path], TRACE_LOADS, false, CHROMIUM_PATH);
        const warm = await tracePages(compressing.url, [largest.path], TRACE_LOADS, true, CHROMIUM_PATH);
        pageTrace = { path: largest.path, cold: cold.get(largest.path)!, warm: warm.get(largest.path)! };
      } finally {
        await compressing.close();
      }
      const browser = await launchBrowser();
      try {
        pages = [];
        for (const [name, path] of readerPages) {
          log(`page ${path} ×${browserRuns}`);
          pages.push(await benchPage(browser.context, server.url, siteDir, name, path, browserRuns));
        }
        log(`print ${largest.path} ×${browserRuns}`);
        print = await benchPrint(browser.context, server.url, largest.path, browserRuns);
      } finally {
        await browser.close();
      }
      log(`JS needed to read ${largest.path}`);
      jsToRead = await jsNeededToRead(server.url, largest.path);
      log(`search ×${browserRuns}`);
      search = await benchSearch(server.url, browserRuns);
    } finally {
      await server.close();
    }
    const enhancementJs = fileWeight(siteDir, '/enhance.js');
    rmSync(siteDir, { recursive: true, force: true });

    // 2b. One text in the forms portals give it: as lines, run together on one line, joined (the pipeline alone).
    const largestSeed = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort((a, b) => statSync(join('seeds', b)).size - statSync(join('seeds', a)).size)[0]!;
    log(`ingest of ${largestSeed} as lines, run together and joined ×${buildRuns}`);
    const forms = { seed: largestSeed, results: benchForms('seeds', largestSeed, buildRuns) };

    // 3. Scaling over synthetic corpora.
    const scale: BuildBench[] = [];
    const scaleSearch: { plans: number; search: SearchBench }[] = [];
    const reuse: ReuseBench[] = [];
    for (const n of sizes) {
      // The text reuse alone, on the same generated corpus (same count and seed), in its own process.
      log(`text reuse on ${n} synthetic plans ×${buildRuns}`);
      reuse.push(benchReuse(n, Number(values.seed), buildRuns));
      log(`text reuse on ${n} plans: ${Math.round(reuse.at(-1)!.ms.median)} ms (CPU ${Math.round(reuse.at(-1)!.cpuMs.median)} ms)`);
      const seedsDir = join(scratch, `corpus-${n}`);
      const gen = spawnSync(process.execPath, ['scripts/generate-corpus.ts', '--count', String(n), '--seed', values.seed, '--out', seedsDir], { encoding: 'utf8' });
      if (gen.status !== 0) throw new Error(`generate-corpus --count ${n} failed:\n${gen.stderr}`);
      const runs = n >= 1000 ? largeBuildRuns : buildRuns;
      log(`building ${n} synthetic plans ${runs}×`);
      const built = await benchBuilds({ label: `n${n}`, seedsDir, runs, logDir: LOG_DIR, scratchDir: scratch, keepSite: true, onRun: progress(`${n} plans`) });
      scale.push(built.bench);
      rmSync(seedsDir, { recursive: true, force: true });
      // Search cost as the corpus grows (the pair index's files and the named plans' records).
      const scaleServer = await startStaticServer({ root: built.siteDir! });
      try {
        const searchRuns = Math.min(browserRuns, 3);
        log(`search on ${n} plans ×${searchRuns}`);
        scaleSearch.push({ plans: n, search: await benchSearch(scaleServer.url, searchRuns) });
      } finally {
        await scaleServer.close();
      }
      rmSync(built.siteDir!, { recursive: true, force: true });
    }

    return {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        chromium: chromiumVersion(),
        loadAvgBefore,
        loadAvgAfter: loadavg(),
      },
      options: { quick, sizes, buildRuns, browserRuns, largeBuildRuns },
      build: real.bench,
      pages,
      jsToRead,
      enhancementJs,
      search,
      print,
      lighthouse,
      pageTrace,
      scale,
      scaleSearch,
      reuse,
      forms,
      growth: growthOf(scale),
      budgets: [],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The largest HTML page (brotli 11) of the largest corpus built (issue 15), or null without a scale run. */
function largestBrotli(r: Results): number | null {
  const biggest = [...r.scale].sort((a, b) => b.plans - a.plans)[0];
  return biggest?.sizes.largestPageBrotli?.bytes ?? null;
}

/** The figures the budgets bound, by budget id (null when this run did not measure it). */
function budgetFigures(r: Results): Record<string, number | null> {
  const largestPage = r.pages.find((p) => p.name === 'largest plan');
  const at100 = r.scale.find((x) => x.plans === 100);
  return {
    'largest plan page, gzip bytes': largestPage ? largestPage.chromium.total.gzip : null,
    // Issue 12: what a reader downloads to read the largest plan, the HTML and its screen styles (the print stylesheet and scripts not counted).
    'largest plan page to read (HTML + screen CSS), brotli bytes': largestPage ? largestPage.files.byKind.html.brotli + largestPage.files.byKind.css.brotli : null,
    'largest HTML page at the largest size, brotli bytes': largestBrotli(r),
    'JS needed to read a plan, bytes': r.jsToRead.bytes,
    'enhancement JS, raw bytes': r.enhancementJs.raw,
    'first search, bytes': r.search.first.bytes.median,
    'first search, ms': r.search.first.ms.median,
    'build of 100 plans, ms': at100 ? at100.total.ms.median : null,
    'print largest plan, seconds': r.print.seconds.median,
    'Lighthouse points below 100': r.lighthouse ? pointsBelowFull(r.lighthouse) : null,
  };
}

/** Checks the budgets, writes results.json and results.md, prints the table; exit code 1 if a budget broke. */
function finish(results: Results): void {
  const budgetsFile = join(BENCH_DIR, 'budgets.json');
  results.budgets = existsSync(budgetsFile) ? checkBudgets(parseBudgets(JSON.parse(readFileSync(budgetsFile, 'utf8'))), budgetFigures(results)) : [];
  if (results.budgets.length === 0) log(`no ${budgetsFile}: budgets not checked`);
  const markdown = renderMarkdown(results);
  mkdirSync(outDir, { recursive: true });
  // The scale figures (`--scale`, half an hour and more at 10,000 plans) are a run of their own, kept in the same
  // file: a full run leaves them as they are (it dropped them before 2026-12-03).
  const resultsFile = join(outDir, 'results.json');
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { scaleRun?: unknown }) : {};
  const kept = previous.scaleRun !== undefined && !('scaleRun' in results) ? { scaleRun: previous.scaleRun } : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...results, ...kept }, null, 2)}\n`);
  writeFileSync(join(outDir, 'results.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${outDir}/results.json and ${outDir}/results.md (measuring took ${Math.round(results.durationSeconds)} s)`);
  const broken = brokenBudgets(results.budgets);
  if (broken.length > 0) {
    console.error(`[bench] budget broken:\n${broken.map((b) => `  - ${b}`).join('\n')}`);
    process.exitCode = 1;
  }
}

// --report-only: re-check budgets and re-render the tables from the last results.json, without measuring.
finish(values['report-only'] ? (JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as Results) : await measure());
