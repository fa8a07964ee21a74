/**
 * `node scripts/prepare.ts [--plans DIR]`: the build's cross-plan stage, between ingest and `astro build`. It reads
 * every plan ingest wrote and computes, once, what needs all of them, writing it beside the plans for the pages:
 * today the text reuse (`_reuse/_summary.json` for the reuse page, `_reuse/<slug>.json` per plan page;
 * src/lib/reuse/prepared.ts). Before this stage each rendering process computed the text reuse itself and held
 * it whole (≈ 1.5 GB per process at 10,000 synthetic plans; issue 15).
 *
 * A file whose content is unchanged is not written again (its date stays), and the files of plans that are gone
 * are removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../src/schemas/friendly-errors.ts';
import { planReuseFile, readPlans, reuseSummaryFile } from '../src/lib/plan-files.ts';
import { findTextReuse, reuseInput } from '../src/lib/reuse/index.ts';
import { prepareReuse } from '../src/lib/reuse/prepared.ts';

export interface PrepareResult {
  plans: number;
  /** Files written because they are new or changed. */
  written: number;
  /** Files left as they were. */
  unchanged: number;
  /** Files of plans no longer in the folder, removed. */
  removed: number;
}

/** Compute the cross-plan data of the plans in `plansDir` and write it there. */
export async function prepare(plansDir: string): Promise<PrepareResult> {
  const plans = await readPlans(plansDir);
  const { summary, perPlan } = prepareReuse(plans, findTextReuse(plans.map(reuseInput)));
  const files = new Map<string, string>([[reuseSummaryFile(plansDir), JSON.stringify(summary)]]);
  for (const p of perPlan) files.set(planReuseFile(plansDir, p.slug), JSON.stringify(p));
  const result: PrepareResult = { plans: plans.length, written: 0, unchanged: 0, removed: 0 };
  const folder = dirname(reuseSummaryFile(plansDir));
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) {
    if (!files.has(join(folder, f))) {
      rmSync(join(folder, f));
      result.removed++;
    }
  }
  for (const [file, text] of files) {
    if (existsSync(file) && readFileSync(file, 'utf8') === text) result.unchanged++;
    else {
      writeFileSync(file, text);
      result.written++;
    }
  }
  return result;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { plans: { type: 'string', default: 'content/plans' } } });
  const started = performance.now();
  try {
    const r = await prepare(values.plans);
    console.log(`prepared the text reuse of ${r.plans} plan(s) in ${Math.round(performance.now() - started)} ms: ${r.written} file(s) written, ${r.unchanged} unchanged, ${r.removed} removed → ${join(values.plans, '_reuse')}`);
  } catch (e) {
    // What a user can fix is said in one line (the file and what is wrong with it); anything else is a bug, with its stack.
    if (!existsSync(values.plans)) console.error(`prepare: no plans folder ${values.plans}: ingest writes it (npm run ingest -- --out ${values.plans})`);
    else if (e instanceof DataError) console.error(`prepare: ${e.message}`);
    else throw e;
    process.exitCode = 1;
  }
}
