/**
 * The benchmark's results as data (`bench/results.json`) and as Markdown tables (`bench/results.md`, printed too).
 */
import { LIGHTHOUSE_PACKAGE, lighthouseMarkdown, type LighthousePage } from './lighthouse.ts';
import { traceTable, type LoadSummary } from './page-trace.ts';
import type { BudgetResult } from './budgets.ts';
import type { BuildBench } from './builds.ts';
import { STAGES } from './builds.ts';
import type { Bytes, JsToRead, PageBench } from './pages.ts';
import type { PrintBench, SearchBench } from './search-print.ts';
import { REUSE_HEAD, reuseRows, type ReuseBench } from './reuse.ts';
import { FORMS_HEAD, formRows, type FormBench } from './forms.ts';
import { classifyGrowth, linearFit, localExponents, logLogExponent, marginalCosts } from './stats.ts';
import type { Growth, ScalePoint, Stat } from './stats.ts';

/** How one cost grows over the synthetic corpora. */
export interface GrowthFit {
  /** Slope of the log-log least-squares line over all sizes. */
  exponent: number;
  /** Exponent between neighbouring sizes (10→100, 100→1000). */
  local: number[];
  /** Cost of each extra plan between neighbouring sizes (constant when linear). */
  marginal: number[];
  /** Least-squares line: fixed cost and cost per plan. */
  fit: { fixed: number; perPlan: number };
  growth: Growth;
}

/** Everything one `npm run bench` measured. */
export interface Results {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; chromium: string; loadAvgBefore: number[]; loadAvgAfter: number[] };
  options: { quick: boolean; sizes: number[]; buildRuns: number; browserRuns: number; largeBuildRuns: number };
  build: BuildBench;
  pages: PageBench[];
  jsToRead: JsToRead;
  enhancementJs: Bytes;
  search: SearchBench;
  print: PrintBench;
  /** Lighthouse, mobile preset, the median of three runs per page (one run per page before 2026-12-03; absent in results from before it was measured). */
  lighthouse?: LighthousePage[];
  /** The largest plan's main thread while it loads, each load in a new Chromium and in a warm one (page-trace.ts; absent before 2026-12-04). */
  pageTrace?: { path: string; cold: LoadSummary[]; warm: LoadSummary[] };
  scale: BuildBench[];
  /** Search on the synthetic sites (fewer runs). */
  scaleSearch: { plans: number; search: SearchBench }[];
  /** The text-reuse computation alone at each synthetic size (absent in results from before it was measured). */
  reuse?: ReuseBench[];
  /** The largest seed's ingest as lines and run together on one line (absent in results from before 2026-12-07). */
  forms?: { seed: string; results: FormBench[] };
  growth: Record<string, GrowthFit>;
  budgets: BudgetResult[];
  durationSeconds: number;
}

/** Fits every scaled figure: stage times and peaks, total, sizes. */
export function growthOf(scale: readonly BuildBench[]): Record<string, GrowthFit> {
  const series: Record<string, ScalePoint[]> = {};
  const put = (key: string, n: number, y: number) => (series[key] ??= []).push({ n, y });
  for (const b of scale) {
    // Results written before the prepare stage existed lack it.
    for (const s of STAGES.filter((x) => b.stages[x])) {
      put(`${s} time`, b.plans, b.stages[s]!.ms.median);
      put(`${s} CPU`, b.plans, b.stages[s]!.cpuMs.median);
      put(`${s} peak RSS`, b.plans, b.stages[s]!.peakRss.median);
    }
    put('total time', b.plans, b.total.ms.median);
    put('total CPU', b.plans, b.total.cpuMs.median);
    put('site size', b.plans, b.sizes.totalBytes);
    put('pagefind index size', b.plans, b.sizes.pagefindIndexBytes);
    put('home page size', b.plans, b.sizes.homeBytes);
    // Older results.json files lack it.
    if (b.sizes.largestPageBrotli) put('largest page brotli', b.plans, b.sizes.largestPageBrotli.bytes);
    put('astro content sync', b.plans, b.astroPhases.contentSync.median);
    put('astro bundling', b.plans, b.astroPhases.bundle.median);
    put('astro rendering', b.plans, b.astroPhases.render.median);
  }
  const out: Record<string, GrowthFit> = {};
  for (const [key, points] of Object.entries(series)) {
    out[key] = { exponent: logLogExponent(points), local: localExponents(points), marginal: marginalCosts(points), fit: linearFit(points), growth: classifyGrowth(points) };
  }
  return out;
}

const KB = 1024;
/** `12.3 KB`, `4.5 MB`, `850 B`. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${Math.round(bytes)} B`;
  if (bytes < KB * KB) return `${(bytes / KB).toFixed(1)} KB`;
  if (bytes < KB * KB * KB) return `${(bytes / KB / KB).toFixed(1)} MB`;
  return `${(bytes / KB / KB / KB).toFixed(2)} GB`;
}

/** `850 ms` below 10 s, else `12.3 s`. */
export function formatMs(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `median (min–max)`, or just the value when all runs agree. */
export function formatStat(stat: Stat, fmt: (v: number) => string): string {
  const [m, lo, hi] = [fmt(stat.median), fmt(stat.min), fmt(stat.max)];
  return lo === hi ? m : `${m} (${lo}–${hi})`;
}

const k = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const bytesTriple = (b: Bytes) => `${formatBytes(b.raw)} / ${formatBytes(b.gzip)} / ${formatBytes(b.brotli)}`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function growthText(g: GrowthFit | undefined, unit: (v: number) => string): string {
  if (!g) return '';
  return `k = ${k(g.exponent)} (steps ${g.local.map(k).join(', ')}) · per extra plan ${g.marginal.map(unit).join(' → ')} · **${g.growth}**`;
}

/** Most other work seen on the machine during any build run, in cores (0 when not recorded). */
export function maxOtherCores(r: Results): number {
  return Math.max(0, ...(r.build.otherCores ?? []), ...r.scale.flatMap((x) => x.otherCores ?? []));
}

/** The text reuse alone over the synthetic sizes: a table and how its CPU time grows. */
export function reuseMarkdown(results: readonly ReuseBench[]): string[] {
  const points = results.map((x) => ({ n: x.plans, y: x.cpuMs.median }));
  const fit = { exponent: logLogExponent(points), local: localExponents(points), marginal: marginalCosts(points), fit: linearFit(points), growth: classifyGrowth(points) };
  return [
    `### Text reuse (src/lib/reuse/, computed once per build; alone, ${results[0]!.ms.runs} runs per size)`,
    '',
    table(REUSE_HEAD, reuseRows(results)),
    '',
    `CPU-time growth: ${growthText(fit, formatMs)}. The synthetic plans recombine the seeds' paragraphs, so nearly all their text is shared: the worst case for the number of passages. Peak RSS is the whole process (the corpus ingested in memory first); "result kept" is what the passages and shares hold on the heap.`,
  ];
}

/** The Markdown report. */
export function renderMarkdown(r: Results): string {
  const out: string[] = [];
  const b = r.build;
  out.push(
    `## Benchmark (\`npm run bench\`${r.options.quick ? ' -- --quick' : ''})`,
    '',
    `Measured ${r.generatedAt.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.chromium}; ` +
      `load average before/after ${r.machine.loadAvgBefore.map((x) => x.toFixed(1)).join(' ')} / ${r.machine.loadAvgAfter.map((x) => x.toFixed(1)).join(' ')}. ` +
      `Figures are medians with (min–max) over the runs given. Whole run: ${Math.round(r.durationSeconds / 60)} min.` +
      ` Other work on the machine during the builds: at most ${maxOtherCores(r).toFixed(2)} cores on average over a run` +
      (maxOtherCores(r) > 0.3 ? ' — **busy: times are inflated, sizes are not.**' : ' (quiet).'),
    '',
    `### Build of the real seeds (${b.plans} plans, ${b.runs} runs)`,
    '',
    table(
      ['stage', 'time', 'CPU time', 'peak memory (RSS)'],
      [
        ...STAGES.filter((s) => b.stages[s]).map((s) => [s, formatStat(b.stages[s]!.ms, formatMs), formatStat(b.stages[s]!.cpuMs, formatMs), formatStat(b.stages[s]!.peakRss, formatBytes)]),
        ['**total**', formatStat(b.total.ms, formatMs), formatStat(b.total.cpuMs, formatMs), formatStat(b.total.peakRss, formatBytes)],
      ],
    ),
    '',
    `Other work on the machine per run: ${(b.otherCores ?? []).map((c) => c.toFixed(2)).join(', ')} cores. ` +
      `Time is the build script's own per stage (wall clock); \`node scripts/build.ts\` as a whole took ${formatStat(b.wallMs, formatMs)}. ` +
      'CPU time: user + system of the stage\'s processes, summed (more than the wall time when they use both cores; less sensitive than wall time to other work on the machine). ' +
      `Peak memory: sampled sum of the stage's processes (Pagefind's runner and its native binary together), or the largest single process's high-water mark if higher. ` +
      `Site: ${formatBytes(b.sizes.totalBytes)} in ${b.sizes.files} files (${b.sizes.htmlPages} HTML pages), of which pagefind/ ${formatBytes(b.sizes.pagefindBytes)} (index ${formatBytes(b.sizes.pagefindIndexBytes)}).`,
    '',
    `### Pages (raw / gzip / brotli, as loaded by Chromium; ${r.options.browserRuns} loads each)`,
    '',
    table(
      ['page', 'HTML', 'CSS', 'JS', 'total', 'files agree', 'load event'],
      r.pages.map((p) => [
        `${p.name} \`${p.path}\``,
        bytesTriple(p.chromium.byKind.html),
        bytesTriple(p.chromium.byKind.css),
        bytesTriple(p.chromium.byKind.js),
        `**${bytesTriple(p.chromium.total)}**`,
        p.mismatch.length === 0 && p.chromium.total.raw === p.files.total.raw ? 'yes' : `no: ${p.mismatch.join('; ') || `files ${formatBytes(p.files.total.raw)}`}`,
        formatStat(p.loadMs, formatMs),
      ]),
    ),
    '',
    `- **JS needed to read a plan: ${r.jsToRead.bytes} B.** The largest plan's visible text is the same with JavaScript off (${r.jsToRead.linesWithoutJs} lines of \`<main>\`; buttons, which only the enhancement reveals, left out)` +
      (r.jsToRead.missingWithoutJs.length > 0 ? `, except: ${r.jsToRead.missingWithoutJs.slice(0, 5).join(' / ')}` : '') +
      '.',
    `- **Enhancement JS** (\`enhance.js\`, deferred, plan pages only): ${bytesTriple(r.enhancementJs)}.`,
    '- Astro inlines small stylesheets into the page: CSS 0 B means the page\'s styles are counted in its HTML.',
    '- Gzip level 9 and brotli quality 11, each file on its own (what a host serving precompressed files sends). The favicon is not counted: a browser fetches it once per site, not per page.',
    '',
    `### Search (Chromium, real search page, fresh browser per run, ${r.search.runs} runs)`,
    '',
    table(
      ['', 'bytes downloaded', 'ms to results'],
      [
        [`search page load (Pagefind requests: ${r.search.pageLoadPagefindRequests})`, formatStat(r.search.pageLoadBytes, formatBytes), '–'],
        [`first query (${r.search.queries[0]}, ${r.search.first.results} plans)`, formatStat(r.search.first.bytes, formatBytes), formatStat(r.search.first.ms, formatMs)],
        [`later queries (${r.search.queries.slice(1).join('、')}; ${r.search.later.ms.runs} samples)`, formatStat(r.search.later.bytes, formatBytes), formatStat(r.search.later.ms, formatMs)],
      ],
    ),
    '',
    `### Print (largest plan \`${r.print.path}\`, \`page.pdf({ preferCSSPageSize: true })\`, ${r.print.runs} runs)`,
    '',
    table(['seconds', 'PDF pages', 'PDF size'], [[formatStat(r.print.seconds, (s) => s.toFixed(2)), String(r.print.pages), formatBytes(r.print.pdfBytes)]]),
  );
  if (r.lighthouse && r.lighthouse.length > 0) {
    out.push('', `### Lighthouse (${LIGHTHOUSE_PACKAGE}, mobile preset: simulated slow 4G and 4× CPU slow-down; each page the median of its runs)`, '', lighthouseMarkdown(r.lighthouse));
  }
  if (r.pageTrace) {
    const rows = new Map([
      ['a new Chromium per load (as Lighthouse runs)', r.pageTrace.cold],
      ['a warm Chromium (loaded the page before)', r.pageTrace.warm],
    ]);
    out.push('', `### The largest plan's main thread while it loads (\`${r.pageTrace.path}\`, scripts/bench/page-trace.ts; ms, median (min–max))`, '', traceTable(rows, 'Chromium'));
  }
  if (r.scale.length > 0) {
    const g = r.growth;
    const cell = (x: BuildBench, s: string) => {
      const st = s === 'total' ? x.total : x.stages[s];
      if (!st) return '—';
      return `${formatStat(st.ms, formatMs)} · CPU ${formatMs(st.cpuMs.median)} · ${formatMs(st.ms.median / x.plans)}/plan · ${formatBytes(st.peakRss.median)}`;
    };
    out.push(
      '',
      `### Scaling (synthetic corpora; runs: ${r.scale.map((x) => `${x.plans} plans × ${x.runs}`).join(', ')})`,
      '',
      'Each cell: wall time (min–max) · CPU time · wall time per plan · peak memory.',
      '',
      table(
        ['plans', ...STAGES, 'total'],
        [
          ...r.scale.map((x) => [String(x.plans), ...STAGES.map((s) => cell(x, s)), cell(x, 'total')]),
          ['wall-time growth', ...STAGES.map((s) => growthText(g[`${s} time`], formatMs)), growthText(g['total time'], formatMs)],
          ['CPU-time growth', ...STAGES.map((s) => growthText(g[`${s} CPU`], formatMs)), growthText(g['total CPU'], formatMs)],
          ['memory growth', ...STAGES.map((s) => growthText(g[`${s} peak RSS`], formatBytes)), ''],
        ],
      ),
      '',
      table(
        ['plans', 'site', 'site per plan', 'pagefind/', 'index (per plan)', 'home page HTML', 'largest page', 'largest page, brotli 11 (≤ 150 KB)'],
        [
          ...r.scale.map((x) => [
            String(x.plans),
            formatBytes(x.sizes.totalBytes),
            formatBytes(x.sizes.totalBytes / x.plans),
            formatBytes(x.sizes.pagefindBytes),
            `${formatBytes(x.sizes.pagefindIndexBytes)} (${formatBytes(x.sizes.pagefindIndexBytes / x.plans)})`,
            formatBytes(x.sizes.homeBytes),
            `${formatBytes(x.sizes.largestPage.bytes)} \`${x.sizes.largestPage.path}\``,
            x.sizes.largestPageBrotli ? `${formatBytes(x.sizes.largestPageBrotli.bytes)} \`${x.sizes.largestPageBrotli.path}\`` : '—',
          ]),
          ['growth', growthText(g['site size'], formatBytes), '', '', growthText(g['pagefind index size'], formatBytes), `k = ${k(g['home page size']?.exponent ?? Number.NaN)}`, '', `k = ${k(g['largest page brotli']?.exponent ?? Number.NaN)}`],
        ],
      ),
      '',
      'k: slope of log(cost) against log(plans) over all sizes (1 = linear, 2 = quadratic), then between neighbouring sizes. A fixed cost (process start, Vite bundling) pulls k below 1, so growth is judged by the cost of each extra plan between neighbouring sizes: the same at each step is linear, rising (by more than 1.4×) is super-linear.',
      '',
      `Search on the synthetic sites (first query ${r.search.queries[0]}, then ${r.search.queries.length - 1} more; fresh browser per run):`,
      '',
      table(
        ['plans', 'first query: bytes', 'first query: ms', 'later: bytes', 'later: ms'],
        r.scaleSearch.map(({ plans, search: s }) => [
          `${plans} (${s.runs} runs)`,
          formatStat(s.first.bytes, formatBytes),
          formatStat(s.first.ms, formatMs),
          formatStat(s.later.bytes, formatBytes),
          formatStat(s.later.ms, formatMs),
        ]),
      ),
      '',
      'Phases of `astro build` (from its log; content sync includes type generation, bundling is Vite/Rolldown compiling pages, components and every plan\'s MDX, rendering is writing the pages):',
      '',
      table(
        ['plans', 'content sync', 'bundling', 'rendering', 'other work on the machine (cores, per run)'],
        [
          ...r.scale.map((x) => [
            String(x.plans),
            formatStat(x.astroPhases.contentSync, formatMs),
            formatStat(x.astroPhases.bundle, formatMs),
            formatStat(x.astroPhases.render, formatMs),
            (x.otherCores ?? []).map((c) => c.toFixed(2)).join(', '),
          ]),
          ['growth', ...['astro content sync', 'astro bundling', 'astro rendering'].map((key) => growthText(g[key], formatMs)), ''],
        ],
      ),
      '',
      `Where \`astro build\` spends its page-rendering time (sum of Astro's per-page times, median of runs), by route:`,
      '',
      table(
        ['route (src/pages)', ...r.scale.map((x) => `${x.plans} plans`), 'k'],
        routeRows(r.scale),
      ),
    );
  }
  if (r.reuse && r.reuse.length > 0) out.push('', ...reuseMarkdown(r.reuse));
  if (r.forms) {
    out.push(
      '',
      `### One text in two forms (${r.forms.seed}: the pipeline alone, median of ${r.forms.results[0]!.ms.runs} runs)`,
      '',
      table(FORMS_HEAD, formRows(r.forms.results)),
      '',
      'Run together: the text of every paragraph joined with a space onto one line, as a scrape that lost the line breaks gives it (scripts/pipeline/run-in.ts cuts it into paragraphs again). Its time should grow as the text does, as the lines\' does.',
    );
  }
  out.push(
    '',
    '### Budgets (`bench/budgets.json`)',
    '',
    table(
      ['budget', 'limit', 'measured', ''],
      r.budgets.map((x) => [x.id, `${x.max} ${x.unit}`, x.value === null ? '–' : `${Number.isInteger(x.value) ? x.value : x.value.toFixed(2)} ${x.unit}`, x.status === 'ok' ? 'ok' : x.status === 'over' ? '**OVER**' : 'not measured']),
    ),
    '',
  );
  return out.join('\n');
}

function routeRows(scale: readonly BuildBench[]): string[][] {
  const names = [...new Set(scale.flatMap((x) => x.routes.map((rt) => rt.route)))];
  const last = scale.at(-1)!;
  const msAt = (x: BuildBench, name: string) => x.routes.find((rt) => rt.route === name);
  names.sort((a, b) => (msAt(last, b)?.ms ?? 0) - (msAt(last, a)?.ms ?? 0));
  return names.slice(0, 12).map((name) => {
    const points = scale.map((x) => ({ n: x.plans, y: msAt(x, name)?.ms ?? 0 }));
    return [
      `\`${name}\``,
      ...scale.map((x) => {
        const rt = msAt(x, name);
        return rt ? `${formatMs(rt.ms)} (${rt.pages} p.)` : '–';
      }),
      k(logLogExponent(points)),
    ];
  });
}
