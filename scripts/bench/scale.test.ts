import { describe, expect, test } from 'vitest';
import { renderScale, type ScaleBuild, type ScaleRun } from './scale.ts';

/** A build of two stages (ms, CPU ms, peak bytes each), written by hand. */
const build = (ingest: number, astro: number): ScaleBuild => ({
  stages: [
    { name: 'ingest', ms: ingest, cpuMs: ingest, peakRss: 200 * 1024 ** 2 },
    { name: 'astro: rendering', ms: astro, cpuMs: 2 * astro, peakRss: 3 * 1024 ** 3 },
  ],
  wallMs: ingest + astro,
  loadBefore: [1, 1, 1],
  loadAfter: [2, 1, 1],
  otherCores: 0,
});

const run = (unchanged: ScaleBuild | null | undefined): ScaleRun => ({
  generatedAt: '2026-12-05T00:00:00.000Z',
  machine: { cpus: 2, cpuModel: 'test CPU', memoryGiB: 23, node: 'v24.21.0' },
  sizes: [{ plans: 1000, full: build(60_000, 600_000), addOne: build(3_000, 100_000), ...(unchanged === undefined ? {} : { unchanged }), site: null, search: null, crossPlan: null }],
});

describe('renderScale', () => {
  test('a size measured three ways has a row each: the full build, one plan added, nothing changed', () => {
    const rows = renderScale(run(build(2_000, 80_000))).split('\n').filter((l) => l.startsWith('| 10'));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| 1000', '| 1000 + 1 (incremental)', '| 1001, nothing changed']);
    // Total and peak of the unchanged build: 2.0 + 80.0 s, the larger stage's 3 GB.
    expect(rows[2]).toContain('| 2.0 s · CPU 2.0 s · 200 MB | 80.0 s · CPU 160.0 s · 3.00 GB | 82.0 s · 3.00 GB |');
  });

  test('runs without the unchanged build (older results, or a size not measured) have no such row', () => {
    for (const r of [run(undefined), run(null)]) expect(renderScale(r)).not.toContain('nothing changed');
  });
});
