/**
 * Seeds read in parallel: each seed goes through the pipeline on its own (`readSeed`), so a large library is read
 * by one worker thread per core, and `ingest` then decides slugs and writes in file order exactly as it does for
 * seeds it reads itself (the output is the same either way; scripts/ingest-workers.test.ts). At 10,000 plans ingest
 * was 7.8 minutes on one thread (issue 15).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestOptions, SeedOutcome } from './ingest.ts';

/** Seeds per message: large enough that messaging costs nothing, small enough that the workers finish together. */
const BATCH = 16;

/** Below this many seeds to read, one thread: starting a worker (loading the pipeline and registries) costs more. */
export const PARALLEL_FROM = 200;

/**
 * Worker threads for reading `seeds` seeds: one per core (at most 4), 1 (no workers) below PARALLEL_FROM.
 * `INGEST_WORKERS` in the environment overrides it (0 or 1: read in the main thread).
 */
export function ingestWorkers(seeds: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const raw = env.INGEST_WORKERS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`INGEST_WORKERS must be a whole number ≥ 0, got "${raw}"`);
    return n;
  }
  return seeds >= PARALLEL_FROM ? Math.min(4, cores) : 1;
}

/**
 * Read `names` through the pipeline in `workers` worker threads. Should a worker fail (the registries do not load,
 * or a bug outside `readSeed`'s own error handling), the seeds are left to `ingest` to read in this thread, which
 * reports any registry error as usual: said on stderr, never silent.
 */
export async function readSeedsInParallel(names: readonly string[], opts: Pick<IngestOptions, 'seedsDir' | 'contentDir'>, workers: number): Promise<Map<string, SeedOutcome>> {
  const out = new Map<string, SeedOutcome>();
  let next = 0;
  const pool: Worker[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./ingest-worker.ts', import.meta.url), { workerData: { seedsDir: opts.seedsDir, contentDir: opts.contentDir } });
      pool.push(worker);
      const send = () => {
        if (next >= names.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(names.slice(next, (next += BATCH)));
      };
      worker.on('message', (outcomes: [string, SeedOutcome][]) => {
        for (const [name, outcome] of outcomes) out.set(name, outcome);
        send();
      });
      worker.on('error', reject);
      send();
    });
  try {
    await Promise.all(Array.from({ length: Math.min(workers, Math.ceil(names.length / BATCH)) }, one));
    return out;
  } catch (e) {
    await Promise.all(pool.map((w) => w.terminate()));
    console.error(`ingest: reading in ${workers} worker threads failed (${e instanceof Error ? e.message : String(e)}); reading in this thread`);
    return new Map();
  }
}
