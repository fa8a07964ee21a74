/**
 * Builds a site several times with the project's one build script (`scripts/build.ts`, the same as
 * `npm run build`) into fresh temporary folders, and measures each stage: time (the build script's own figure)
 * and peak memory (sampled from /proc, see proc.ts). Every run gets new `--plans` and `--out` folders, so Astro's
 * content store starts cold each time (it clears itself when the output folder changes), as on a fresh checkout.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './proc.ts';
import type { StageRun } from './proc.ts';
import { astroPhases, countPlans, routeTimes, routesOf, siteSizes } from './site.ts';
import type { SiteSizes } from './site.ts';
import { summarize } from './stats.ts';
import type { Stat } from './stats.ts';

/**
 * Stage names as `scripts/build.ts` prints them (`build: <name> done in <ms> ms`), in order. A build that prints
 * another set fails the bench (a stage missing is a build that stopped early); the full bench failed so from
 * 2078d61, which added "search index", to 48c50b1.
 */
export const STAGES = ['ingest', 'prepare', 'astro build', 'site files', 'search index', 'pagefind'] as const;

/**
 * A build's stages as the bench reports them, in `STAGES` order, or null when the build did not print each of them
 * once (it stopped early) or printed one the bench does not know. A build in parts (scripts/build.ts, 1,000 plans and
 * more) syncs the content once before its `astro build` processes and prints "astro sync" on its own: it is counted
 * in "astro build", where a build in one process does it. Pure; tested.
 */
export function benchStages(printed: readonly { name: string; ms: number; cpuMs: number; memory: { peak: number } }[]): { name: (typeof STAGES)[number]; ms: number; cpuMs: number; peakRss: number }[] | null {
  const into = (name: string) => (name === 'astro sync' ? 'astro build' : name);
  if (printed.some((s) => !(STAGES as readonly string[]).includes(into(s.name)))) return null;
  const out = [];
  for (const name of STAGES) {
    const parts = printed.filter((s) => into(s.name) === name);
    if (parts.filter((s) => s.name === name).length !== 1 || parts.length > 2) return null;
    out.push({ name, ms: parts.reduce((a, s) => a + s.ms, 0), cpuMs: parts.reduce((a, s) => a + s.cpuMs, 0), peakRss: Math.max(...parts.map((s) => s.memory.peak)) });
  }
  return out;
}

/** Time and memory of one stage over the runs. */
export interface StageStats {
  ms: Stat;
  /** CPU time of the stage's processes (user + system; see proc.ts). */
  cpuMs: Stat;
  /** Peak resident memory of the stage's processes, bytes. */
  peakRss: Stat;
}

/** Everything measured for one corpus. */
export interface BuildBench {
  label: string;
  plans: number;
  runs: number;
  stages: Record<string, StageStats>;
  /** Sum of the three stages' times, and the largest stage peak (the stages run one after another). */
  total: StageStats;
  /** Wall time of the whole `node scripts/build.ts` process, start-up included. */
  wallMs: Stat;
  /** Sizes of the last run's site (the build is deterministic, sizes do not vary between runs). */
  sizes: SiteSizes;
  /** Phases of `astro build` (content sync, bundling, rendering), from its log. */
  astroPhases: { contentSync: Stat; bundle: Stat; render: Stat };
  /** One-minute load average of the machine when each run started (includes the bench's own previous run). */
  loadAtStart: number[];
  /** Other work on the machine during each run, in cores on average (see proc.ts): above ~0.3, times are inflated. */
  otherCores: number[];
  /** Median milliseconds per route of `src/pages` while Astro generated the pages, with the page count. */
  routes: { route: string; pages: number; ms: number }[];
}

/** Options of {@link benchBuilds}. */
export interface BenchBuildOptions {
  label: string;
  seedsDir: string;
  runs: number;
  /** Where to write each run's log (`<label>-<i>.log`). */
  logDir: string;
  /** Scratch parent folder for the runs' `plans/` and `site/` folders. */
  scratchDir: string;
  /** Keep the last run's site and return its folder (for the page measurements). */
  keepSite?: boolean;
  /** Called after each run (progress). */
  onRun?: (i: number, stages: StageRun[], wallMs: number, otherCores: number) => void;
}

/** Builds `seedsDir` `runs` times; returns the statistics and, with `keepSite`, the last site's folder. */
export async function benchBuilds(options: BenchBuildOptions): Promise<{ bench: BuildBench; siteDir: string | null }> {
  const routes = routesOf('src/pages');
  const perStage = new Map<string, { ms: number[]; cpu: number[]; rss: number[] }>(STAGES.map((s) => [s, { ms: [], cpu: [], rss: [] }]));
  const totalMs: number[] = [];
  const totalCpu: number[] = [];
  const totalRss: number[] = [];
  const wall: number[] = [];
  const routeMs = new Map<string, { pages: number; ms: number[] }>();
  const phases = { contentSync: [] as number[], bundle: [] as number[], render: [] as number[] };
  const loadAtStart: number[] = [];
  const otherCores: number[] = [];
  let sizes: SiteSizes | null = null;
  let keptSite: string | null = null;
  mkdirSync(options.logDir, { recursive: true });
  for (let i = 1; i <= options.runs; i++) {
    const work = mkdtempSync(join(options.scratchDir, `${options.label}-`));
    loadAtStart.push(loadavg()[0]!);
    const siteDir = join(work, 'site');
    const run = await runMeasured(
      process.execPath,
      ['scripts/build.ts', '--seeds', options.seedsDir, '--plans', join(work, 'plans'), '--out', siteDir, '--base', '/'],
      {
        env: { ASTRO_TELEMETRY_DISABLED: '1' },
        intervalMs: 100,
        stageLine: (line) => {
          const m = /^build: (.+) done in (\d+) ms$/u.exec(line.trim());
          return m ? { name: m[1]!, ms: Number(m[2]) } : null;
        },
      },
    );
    writeFileSync(join(options.logDir, `${options.label}-${i}.log`), run.log);
    const stages = benchStages(run.stages);
    if (run.status !== 0 || stages === null) {
      throw new Error(`build of ${options.label} (run ${i}) failed with exit ${run.status}; log: ${join(options.logDir, `${options.label}-${i}.log`)}\n${run.log.slice(-2000)}`);
    }
    for (const s of stages) {
      perStage.get(s.name)!.ms.push(s.ms);
      perStage.get(s.name)!.cpu.push(s.cpuMs);
      perStage.get(s.name)!.rss.push(s.peakRss);
    }
    totalMs.push(run.stages.reduce((a, s) => a + s.ms, 0));
    totalCpu.push(run.stages.reduce((a, s) => a + s.cpuMs, 0));
    totalRss.push(Math.max(...run.stages.map((s) => s.memory.peak)));
    wall.push(run.wallMs);
    otherCores.push(run.otherCores);
    const p = astroPhases(run.log);
    phases.contentSync.push(p.contentSync);
    phases.bundle.push(p.bundle);
    phases.render.push(p.render);
    for (const [route, t] of routeTimes(run.log, routes)) {
      const entry = routeMs.get(route) ?? { pages: t.pages, ms: [] };
      entry.ms.push(t.ms);
      routeMs.set(route, entry);
    }
    sizes = siteSizes(siteDir);
    options.onRun?.(i, run.stages, run.wallMs, run.otherCores);
    if (options.keepSite && i === options.runs) {
      keptSite = siteDir;
      rmSync(join(work, 'plans'), { recursive: true, force: true });
    } else {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const stages: Record<string, StageStats> = {};
  for (const [name, v] of perStage) stages[name] = { ms: summarize(v.ms), cpuMs: summarize(v.cpu), peakRss: summarize(v.rss) };
  const medianOf = (xs: number[]) => summarize(xs).median;
  return {
    bench: {
      label: options.label,
      plans: countPlans(options.seedsDir),
      runs: options.runs,
      stages,
      total: { ms: summarize(totalMs), cpuMs: summarize(totalCpu), peakRss: summarize(totalRss) },
      wallMs: summarize(wall),
      sizes: sizes!,
      astroPhases: { contentSync: summarize(phases.contentSync), bundle: summarize(phases.bundle), render: summarize(phases.render) },
      loadAtStart,
      otherCores,
      routes: [...routeMs].map(([route, v]) => ({ route, pages: v.pages, ms: medianOf(v.ms) })).sort((a, b) => b.ms - a.ms),
    },
    siteDir: keptSite,
  };
}
