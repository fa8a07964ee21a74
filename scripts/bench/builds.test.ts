import { describe, expect, test } from 'vitest';
import { benchStages } from './builds.ts';

// Stage lines as scripts/build.ts prints them, with hand-picked figures.
const stage = (name: string, ms: number, cpuMs = ms, peak = 100) => ({ name, ms, cpuMs, memory: { peak } });
const oneProcess = [stage('ingest', 1400), stage('prepare', 550), stage('astro build', 6200), stage('site files', 850), stage('search index', 400), stage('pagefind', 350)];

describe('benchStages(printed)', () => {
  test('a build in one process: its six stages, in order', () => {
    expect(benchStages(oneProcess)?.map((s) => [s.name, s.ms])).toEqual([
      ['ingest', 1400],
      ['prepare', 550],
      ['astro build', 6200],
      ['site files', 850],
      ['search index', 400],
      ['pagefind', 350],
    ]);
  });
  test('a build in parts: its "astro sync" counted in "astro build" (time and CPU added, the larger peak)', () => {
    const parts = [stage('ingest', 12340), stage('prepare', 6355), stage('astro sync', 2918, 3100, 900), stage('astro build', 42074, 80000, 700), stage('site files', 7621), stage('search index', 3887), stage('pagefind', 13768)];
    expect(benchStages(parts)?.find((s) => s.name === 'astro build')).toEqual({ name: 'astro build', ms: 44992, cpuMs: 83100, peakRss: 900 });
    expect(benchStages(parts)).toHaveLength(6);
  });
  test('a build that stopped early, printed a stage twice or one the bench does not know: null', () => {
    expect(benchStages(oneProcess.filter((s) => s.name !== 'search index'))).toBeNull();
    expect(benchStages([...oneProcess, stage('pagefind', 1)])).toBeNull();
    expect(benchStages([...oneProcess, stage('sitemap', 1)])).toBeNull();
    expect(benchStages([stage('astro sync', 1), ...oneProcess.filter((s) => s.name !== 'astro build')])).toBeNull();
  });
});
