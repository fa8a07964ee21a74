import { describe, expect, test } from 'vitest';
import { renderScale, scaleStageLine, type ScaleBuild, type ScaleRun } from './scale.ts';

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

describe('scaleStageLine', () => {
  /** The stages a log splits into: names, and the times of the stages that print their own. */
  const stagesOf = (log: string[]) => log.map(scaleStageLine()).filter((s) => s !== null);

  test('a build in parts: each stage once, the content sync not counted twice, the other parts not at all', () => {
    // A build's log as scripts/build.ts prints it (written by hand, shortened; colour codes as Astro prints them).
    const stages = stagesOf([
      'build: ingest done in 2377 ms',
      'build: prepare done in 26107 ms',
      '05:41:43 [content] Syncing content',
      '05:41:43 \x1b[32m[content] Synced content\x1b[39m',
      '05:41:43 [types] Generated 928ms',
      'build: astro sync done in 2269 ms',
      'astro-build-part: linked 61884 page(s) of the last build from the cache in 4468 ms',
      '05:41:52 [build] Rearranging server assets...',
      '[part 1] 05:41:52 [build] Rearranging server assets...',
      '[part 1] 05:43:00 [content] Synced content',
      'build: astro build done in 50577 ms',
      'build: site files done in 18554 ms',
      'build: search index done in 4686 ms',
      'build: pagefind done in 4726 ms',
    ]);
    expect(stages.map((s) => s.name)).toEqual(['ingest', 'prepare', 'astro: content sync', 'astro: bundling', 'astro: rendering', 'site files', 'search index', 'pagefind']);
    expect(stages.filter((s) => ['ingest', 'prepare', 'site files'].includes(s.name)).map((s) => s.ms)).toEqual([2377, 26107, 18554]);
  });

  test('a build in one process: its content sync is a phase of astro build', () => {
    const stages = stagesOf(['build: ingest done in 10 ms', 'build: prepare done in 20 ms', '10:00:00 [content] Synced content', '10:00:01 [build] Rearranging server assets...', 'build: astro build done in 30 ms']);
    expect(stages.map((s) => s.name)).toEqual(['ingest', 'prepare', 'astro: content sync', 'astro: bundling', 'astro: rendering']);
  });
});
