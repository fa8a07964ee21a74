/**
 * The worker thread of `prepare` (scripts/prepare.ts) that prepares the chart catalog and the open data while the main
 * thread finds the text reuse: it reads the plans (those an earlier run of this code validated without the schema,
 * the others with it) and posts back what `prepareBesideReuse` did. An error is thrown to the main thread as the
 * worker's `error` event.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPlans } from '../src/lib/plan-files.ts';
import { prepareBesideReuse } from './prepare.ts';

const { plansDir, validated, code } = workerData as { plansDir: string; validated: Record<string, string>; code: string };
parentPort!.postMessage(await prepareBesideReuse(plansDir, await readPlans(plansDir, validated), code));
