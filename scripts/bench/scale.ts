/**
 * `npm run bench -- --scale N [--sizes 1000,3000] [--seed 1]`: the scale builds of issue 15 alone. For each size
 * (1,000, 3,000 and N by default, those up to N) it generates a synthetic corpus, builds it once with the project's
 * build script, then adds one plan and builds again into the same folders (incremental ingest, Astro's content
 * store kept), builds once more with nothing changed (the cost of any rebuild, under the added plan's), and runs
 * the cross-plan computations alone (cross-plan.ts). Per build it records, per stage (ingest;
 * `astro build` split into content sync, bundling and rendering at the lines Astro prints; Pagefind), the wall
 * time, the CPU time and the peak memory of the stage's processes, and the machine's load average before and after
 * with the other work on the machine (proc.ts). A figure taken while other work ran is still a figure: the load
 * says how much to trust its wall time; CPU time and memory depend on it much less.
 *
 * Results go into `bench/results.json` under `scaleRun` (the rest of the file is left as it is) and into the
 * README between the `scale-figures` markers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './proc.ts';
import type { CrossPlanBench } from './cross-plan.ts';
import { siteSizes } from './site.ts';
import type { SiteSizes } from './site.ts';
import { benchSearch } from './search-print.ts';
import type { SearchBench } from './search-print.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { pairCandidates, type PairCandidates } from './pair-candidates.ts';

/** One stage of one build. */
export interface ScaleStage {
  name: string;
  ms: number;
  cpuMs: number;
  peakRss: number;
}

export interface ScaleBuild {
  stages: ScaleStage[];
  wallMs: number;
  loadBefore: number[];
  loadAfter: number[];
  /** Other work on the machine during the build, in cores on average (proc.ts). */
  otherCores: number;
}

export interface ScaleSize {
  plans: number;
  full: ScaleBuild;
  /** The same library with one plan added, built again into the same folders (null: not measured at this size). */
  addOne: ScaleBuild | null;
  /**
   * Then built once more with nothing changed: what every rebuild costs whatever it adds (each stage still reads the
   * whole library), the floor under `addOne`; absent in older runs, null where not measured.
   */
  unchanged?: ScaleBuild | null;
  /** The built site of the full build: pages, bytes, the largest HTML page brotli (issue 15: ≤ 150 KB). */
  site: SiteSizes | null;
  /** Search on the built site in Chromium (issue 15: first query ≤ 300 KB and ≤ 1 s). */
  search: SearchBench | null;
  /** The pair index on the project's queries: literal matches it names (issue 15: search quality at scale); absent in older runs. */
  searchIndex?: PairCandidates | null;
  crossPlan: CrossPlanBench | null;
}

export interface ScaleRun {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  sizes: ScaleSize[];
}

/**
 * Closes a stage at each line that ends one: Astro's own phase lines split `astro build` into content sync
 * (start-up and `[content] Synced content`), bundling (up to `Rearranging server assets`) and rendering (up to the
 * build script's `build: astro build done`). Times of Astro's phases are taken here, between those lines.
 */
export function scaleStageLine(): (line: string) => { name: string; ms: number } | null {
  let last = performance.now();
  const close = (name: string, ms?: number) => {
    const now = performance.now();
    const out = { name, ms: ms ?? Math.round(now - last) };
    last = now;
    return out;
  };
  return (raw) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/gu, '').trim();
    // The other parts of a build rendered in parallel (scripts/build.ts): their log follows part 0's; part 0 times the phases.
    if (line.startsWith('[part ')) return null;
    const own = /^build: (.+) done in (\d+) ms$/u.exec(line);
    // A build in parts runs `astro sync` on its own (scripts/build.ts), whose "Synced content" line has just closed
    // the content sync: its own line would count the sync twice (its type generation falls in bundling).
    if (own?.[1] === 'astro sync') return null;
    if (own) return own[1] === 'astro build' ? close('astro: rendering') : close(own[1]!, Number(own[2]));
    if (/\[content\] Synced content$/u.test(line)) return close('astro: content sync');
    if (/\[build\] Rearranging server assets/u.test(line)) return close('astro: bundling');
    return null;
  };
}

async function buildOnce(seeds: string, plans: string, site: string, log: string): Promise<ScaleBuild> {
  const loadBefore = loadavg();
  const run = await runMeasured(process.execPath, ['scripts/build.ts', '--seeds', seeds, '--plans', plans, '--out', site, '--base', '/'], {
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    intervalMs: 200,
    stageLine: scaleStageLine(),
  });
  writeFileSync(log, run.log);
  if (run.status !== 0) throw new Error(`build of ${seeds} failed (exit ${run.status}); log: ${log}\n${run.log.slice(-2000)}`);
  return {
    stages: run.stages.map((s) => ({ name: s.name, ms: s.ms, cpuMs: s.cpuMs, peakRss: s.memory.peak })),
    wallMs: run.wallMs,
    loadBefore,
    loadAfter: loadavg(),
    otherCores: run.otherCores,
  };
}

function generate(count: number, seed: string, out: string): void {
  const gen = spawnSync(process.execPath, ['scripts/generate-corpus.ts', '--count', String(count), '--seed', seed, '--out', out], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`generate-corpus --count ${count} failed:\n${gen.stderr}`);
}

/** The cross-plan computations alone on a built library, in their own process (cross-plan.ts); null if it failed. */
function crossPlanOf(plans: string): CrossPlanBench | null {
  const cross = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', 'scripts/bench/cross-plan.ts', '--plans', plans], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return cross.status === 0 ? (JSON.parse(cross.stdout.trim().split('\n').at(-1)!) as CrossPlanBench) : null;
}

/** Runs the scale builds; `onSize` after each size (progress, partial results). */
export async function benchScale(options: {
  sizes: number[];
  /** Sizes that also get the one-plan-added build (default: every size). */
  addOneSizes?: number[];
  seed: string;
  logDir: string;
  /** After each size, with the run so far (written out, a failure at a larger size keeps the smaller ones). */
  onSize?: (s: ScaleSize, sofar: ScaleRun) => void;
}): Promise<ScaleRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const out: ScaleSize[] = [];
  try {
    for (const n of options.sizes) {
      const seeds = join(scratch, `corpus-${n}`);
      const work = join(scratch, `n${n}`);
      generate(n, options.seed, seeds);
      const full = await buildOnce(seeds, join(work, 'plans'), join(work, 'site'), join(options.logDir, `scale-${n}.log`));
      const site = siteSizes(join(work, 'site'));
      const server = await startStaticServer({ root: join(work, 'site') });
      let search: SearchBench | null = null;
      try {
        search = await benchSearch(server.url, 3);
      } finally {
        await server.close();
      }
      const searchIndex = await pairCandidates(join(work, 'site'));
      if (options.addOneSizes && !options.addOneSizes.includes(n)) {
        out.push({ plans: n, full, addOne: null, site, search, searchIndex, crossPlan: crossPlanOf(join(work, 'plans')) });
        options.onSize?.(out.at(-1)!, runOf(out));
        rmSync(work, { recursive: true, force: true });
        rmSync(seeds, { recursive: true, force: true });
        continue;
      }
      // One more plan: the generator is deterministic, so the corpus of n + 1 is this one and one more text.
      const more = join(scratch, `corpus-${n + 1}`);
      generate(n + 1, options.seed, more);
      const added = readdirSync(more).filter((f) => !existsSync(join(seeds, f)));
      for (const f of added) copyFileSync(join(more, f), join(seeds, f));
      rmSync(more, { recursive: true, force: true });
      const addOne = await buildOnce(seeds, join(work, 'plans'), join(work, 'site'), join(options.logDir, `scale-${n}-add-one.log`));
      const unchanged = await buildOnce(seeds, join(work, 'plans'), join(work, 'site'), join(options.logDir, `scale-${n}-unchanged.log`));
      const size = { plans: n, full, addOne, unchanged, site, search, searchIndex, crossPlan: crossPlanOf(join(work, 'plans')) };
      out.push(size);
      options.onSize?.(size, runOf(out));
      rmSync(work, { recursive: true, force: true });
      rmSync(seeds, { recursive: true, force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return runOf(out);
}

function runOf(sizes: ScaleSize[]): ScaleRun {
  return {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version },
    sizes: [...sizes],
  };
}

const GB = 1024 ** 3;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mem = (b: number) => (b >= GB ? `${(b / GB).toFixed(2)} GB` : `${Math.round(b / 1024 ** 2)} MB`);
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');

/** The figures as Markdown (README section and console). */
export function renderScale(run: ScaleRun): string {
  const lines = [
    `Measured ${run.generatedAt.slice(0, 10)} with \`npm run bench -- --scale ${Math.max(...run.sizes.map((s) => s.plans))}\` on ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memoryGiB} GiB, Node ${run.machine.node}. Each cell: wall time · CPU time · peak memory of the stage's processes. Load average (1, 5, 15 min) before → after each build, and the other work on the machine in cores: where it is high, wall times are inflated and CPU time is the figure to compare.`,
    '',
  ];
  const names = [...new Set(run.sizes.flatMap((s) => s.full.stages.map((x) => x.name)))];
  const cell = (b: ScaleBuild, name: string) => {
    const s = b.stages.find((x) => x.name === name);
    return s ? `${sec(s.ms)} · CPU ${sec(s.cpuMs)} · ${mem(s.peakRss)}` : '–';
  };
  const row = (label: string, b: ScaleBuild) => {
    const total = b.stages.reduce((a, s) => a + s.ms, 0);
    const peak = Math.max(...b.stages.map((s) => s.peakRss));
    return `| ${label} | ${names.map((n) => cell(b, n)).join(' | ')} | ${sec(total)} · ${mem(peak)} | ${load(b.loadBefore)} → ${load(b.loadAfter)} · ${b.otherCores.toFixed(2)} |`;
  };
  lines.push(`| plans | ${names.join(' | ')} | total · peak | load · other cores |`, `|---|${names.map(() => '---|').join('')}---|---|`);
  for (const s of run.sizes) {
    lines.push(row(String(s.plans), s.full));
    if (s.addOne) lines.push(row(`${s.plans} + 1 (incremental)`, s.addOne));
    if (s.unchanged) lines.push(row(`${s.plans + 1}, nothing changed`, s.unchanged));
  }
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  lines.push('', '| plans | HTML pages | site on disk | Pagefind index | largest HTML page (brotli 11) | first search: bytes · ms (median of 3) |', '|---|---|---|---|---|---|');
  for (const s of run.sizes) {
    if (!s.site) continue;
    const q = s.search ? `${kb(s.search.first.bytes.median)} · ${Math.round(s.search.first.ms.median)} ms` : '–';
    lines.push(`| ${s.plans} | ${s.site.htmlPages.toLocaleString('en')} | ${mem(s.site.totalBytes)} | ${mem(s.site.pagefindIndexBytes)} | ${kb(s.site.largestPageBrotli.bytes)} \`${s.site.largestPageBrotli.path}\` | ${q} |`);
  }
  const indexed = run.sizes.filter((s) => s.searchIndex);
  if (indexed.length > 0) {
    const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
    lines.push('', '| plans | pair index: literal matches of the 78 queries it names (recall) | plans it names | of which match (candidate precision) |', '|---|---|---|---|');
    for (const s of indexed) {
      const x = s.searchIndex!;
      lines.push(`| ${s.plans} | ${x.named.toLocaleString('en')} of ${x.literal.toLocaleString('en')} (${pct(x.named, x.literal)}) | ${x.candidates.toLocaleString('en')} | ${pct(x.literal, x.candidates)} |`);
    }
  }
  lines.push('', '| plans | plans parsed (heap) | ' + ['text reuse', 'related sections', 'instruments'].join(' | ') + ' |', '|---|---|---|---|---|');
  for (const s of run.sizes) {
    if (!s.crossPlan) continue;
    const c = s.crossPlan;
    lines.push(`| ${s.plans} | ${mem(c.plansBytes)} | ${c.stages.map((x) => `${sec(x.ms)} · CPU ${sec(x.cpuMs)} · keeps ${mem(x.keptBytes)}`).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Writes the run into results.json (`scaleRun`) and the README between the markers. */
export function writeScale(run: ScaleRun, resultsFile = 'bench/results.json', readme = 'README.md'): void {
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
  results.scaleRun = run;
  mkdirSync('bench', { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- scale-figures:start -->';
  const end = '<!-- scale-figures:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1) throw new Error(`${readme}: no ${start} … ${end} section to write the figures into`);
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${renderScale(run)}\n${text.slice(b)}`);
}
