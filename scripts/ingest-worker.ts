/**
 * A worker thread of `readSeedsInParallel` (scripts/ingest-workers.ts): loads the registries once, then reads the
 * seeds it is sent, a batch at a time, and sends back what each gave (`readSeed`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSeed } from './ingest.ts';
import { loadRegistries } from './registries.ts';

const { seedsDir, contentDir } = workerData as { seedsDir: string; contentDir: string };
const registries = loadRegistries(seedsDir, contentDir);
parentPort!.on('message', (names: string[]) => {
  parentPort!.postMessage(names.map((name) => [name, readSeed(name, seedsDir, registries)]));
});
