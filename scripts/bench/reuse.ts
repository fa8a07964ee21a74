/**
 * The text-reuse computation (src/lib/reuse/) alone, on synthetic corpora: `npm run bench` runs it at each scaling
 * size, and it runs by itself for sizes a full build cannot reach quickly:
 *
 *   node scripts/bench/reuse.ts --sizes 1000,3000,10000 [--seed 1] [--runs 3]
 *
 * Each size runs in its own Node process (so one size's memory does not count in the next): the corpus is
 * generated and ingested in memory (scripts/generate-corpus.ts, the pipeline), each plan kept only as what the
 * reuse reads, then `findTextReuse` is timed. Reported: time and CPU time (median of runs), the process's peak
 * memory before and after the computation, and what the result keeps on the heap.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildPlanDocument } from '../pipeline/document.ts';
import { generateCorpus, poolsFromSeeds } from '../generate-corpus.ts';
import { loadRegistries } from '../registries.ts';
import { findTextReuse, reuseInput, type ReuseInput } from '../../src/lib/reuse/index.ts';
import { summarize, type Stat } from './stats.ts';

export interface ReuseBench {
  plans: number;
  /** Characters compared (letters and digits in matching form), all plans. */
  chars: number;
  passages: number;
  /** Median share of text also printed in another plan. */
  medianShare: number;
  ms: Stat;
  cpuMs: Stat;
  /** Peak RSS of the process after ingest, before the first computation (bytes). */
  peakRssBefore: number;
  /** Peak RSS after the computations (bytes): the difference is what the computation added at its peak. */
  peakRssAfter: number;
  /** Heap and array buffers the result keeps, after garbage collection (bytes). */
  retainedBytes: number;
}

/** One size, in this process. */
function measureHere(plans: number, seed: number, runs: number): ReuseBench {
  const reg = loadRegistries('seeds', 'content');
  const corpus = generateCorpus(plans, seed, poolsFromSeeds());
  // Each plan kept only as its reuse input: the rest of the document model is not what is measured. Slugs are the
  // file names, unique where generated regions and periods repeat.
  const inputs: ReuseInput[] = corpus.map(({ name, text }) => ({
    ...reuseInput(buildPlanDocument({ name, path: name, bytes: new TextEncoder().encode(text) }, reg)),
    slug: name,
  }));
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const peakRssBefore = process.resourceUsage().maxRSS * 1024;
  const heapBefore = process.memoryUsage();
  const ms: number[] = [];
  const cpu: number[] = [];
  let result = null as ReturnType<typeof findTextReuse> | null;
  for (let i = 0; i < runs; i++) {
    result = null;
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = findTextReuse(inputs);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  gc?.();
  const heapAfter = process.memoryUsage();
  const shares = [...result!.plans.values()].map((p) => p.share).sort((a, b) => a - b);
  return {
    plans,
    chars: [...result!.plans.values()].reduce((n, p) => n + p.chars, 0),
    passages: result!.passages.length,
    medianShare: shares[Math.floor(shares.length / 2)] ?? 0,
    ms: summarize(ms),
    cpuMs: summarize(cpu),
    peakRssBefore,
    peakRssAfter: process.resourceUsage().maxRSS * 1024,
    retainedBytes: heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers,
  };
}

/** One size in a child process (its own heap, its own peak memory). */
export function benchReuse(plans: number, seed = 1, runs = 3): ReuseBench {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', import.meta.filename, '--child', '--sizes', String(plans), '--seed', String(seed), '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`bench/reuse.ts --sizes ${plans} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ReuseBench;
}

const MB = 1024 * 1024;
/** One Markdown row per size: plans, time, time per 1,000 plans, CPU, memory. */
export function reuseRows(results: readonly ReuseBench[]): string[][] {
  return results.map((r) => [
    String(r.plans),
    `${(r.chars / 1e6).toFixed(1)} M`,
    String(r.passages),
    `${(r.medianShare * 100).toFixed(1)}%`,
    `${Math.round(r.ms.median)} ms (${Math.round(r.ms.min)}–${Math.round(r.ms.max)})`,
    `${((r.ms.median / r.plans) * 1000).toFixed(0)} ms`,
    `${Math.round(r.cpuMs.median)} ms`,
    `${Math.round(r.peakRssBefore / MB)} → ${Math.round(r.peakRssAfter / MB)} MB`,
    `${Math.round(r.retainedBytes / MB)} MB`,
  ]);
}
export const REUSE_HEAD = ['plans', 'characters', 'passages', 'median share', 'time (min–max)', 'per 1,000 plans', 'CPU', 'peak RSS before → after', 'result kept'];

if (import.meta.main) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' }, child: { type: 'boolean', default: false } } });
  const sizes = values.sizes.split(',').map(Number);
  if (values.child) {
    console.log(JSON.stringify(measureHere(sizes[0]!, Number(values.seed), Number(values.runs))));
  } else {
    const results = sizes.map((n) => {
      const r = benchReuse(n, Number(values.seed), Number(values.runs));
      console.error(`[reuse] ${n} plans: ${Math.round(r.ms.median)} ms`);
      return r;
    });
    const rows = [REUSE_HEAD, ...reuseRows(results)];
    console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
    console.log(JSON.stringify(results));
  }
}
