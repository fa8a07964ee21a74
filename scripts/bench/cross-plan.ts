/**
 * `node --expose-gc scripts/bench/cross-plan.ts --plans DIR`: the build's cross-plan computations alone, over the
 * document models ingest wrote (`<slug>.json`): text reuse (src/lib/reuse/), related sections
 * (src/lib/crosslinks/related-sections.ts) and the instrument matrix and passages (src/lib/instruments-view.ts), as
 * the pages call them once per build. Prints one JSON line: per stage wall time, CPU time and the heap its result
 * keeps (after garbage collection), and the heap of the parsed plans themselves. `--scale` runs it per size.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import type { Theme } from '../../src/schemas/themes.ts';
import type { Instrument } from '../../src/schemas/instruments.ts';
import { findTextReuse, reuseInput } from '../../src/lib/reuse/index.ts';
import { relatedSections } from '../../src/lib/crosslinks/related-sections.ts';
import { instrumentMatrix, instrumentPassages } from '../../src/lib/instruments-view.ts';

export interface CrossPlanStage {
  name: string;
  ms: number;
  cpuMs: number;
  /** Heap (and array buffers) the stage's result keeps, bytes. */
  keptBytes: number;
}

export interface CrossPlanBench {
  plans: number;
  /** Heap of the parsed document models, bytes (what the build holds for every plan anyway). */
  plansBytes: number;
  stages: CrossPlanStage[];
}

export function measureCrossPlan(plansDir: string): CrossPlanBench {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const heap = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = heap();
  const plans = readdirSync(plansDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(plansDir, f), 'utf8')) as PlanDocument);
  const plansBytes = heap() - base;
  const themes = parse(readFileSync('content/themes.yaml', 'utf8')) as Theme[];
  const instruments = parse(readFileSync('content/instruments.yaml', 'utf8')) as Instrument[];
  const stages: CrossPlanStage[] = [];
  const keep: unknown[] = [];
  const time = (name: string, fn: () => unknown) => {
    const before = heap();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    keep.push(fn());
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    stages.push({ name, ms, cpuMs: (c.user + c.system) / 1000, keptBytes: heap() - before });
  };
  time('text reuse', () => findTextReuse(plans.map(reuseInput)));
  time('related sections', () => relatedSections(plans, themes));
  time('instruments', () => [instrumentMatrix(plans, instruments), instruments.map((i) => instrumentPassages(plans, i.id))]);
  return { plans: plans.length, plansBytes, stages };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { plans: { type: 'string' } } });
  if (!values.plans) throw new Error('usage: node --expose-gc scripts/bench/cross-plan.ts --plans DIR');
  console.log(JSON.stringify(measureCrossPlan(values.plans)));
}
