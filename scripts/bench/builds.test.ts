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
  test('a stage with its time, CPU and peak as printed', () => {
    expect(benchStages([...oneProcess.slice(0, 2), stage('astro build', 42074, 80000, 700), ...oneProcess.slice(3)])?.[2]).toEqual({ name: 'astro build', ms: 42074, cpuMs: 80000, peakRss: 700 });
  });
  test('a build that stopped early, printed a stage twice or one the bench does not know: null', () => {
    expect(benchStages(oneProcess.filter((s) => s.name !== 'search index'))).toBeNull();
    expect(benchStages([...oneProcess, stage('pagefind', 1)])).toBeNull();
    expect(benchStages([...oneProcess, stage('sitemap', 1)])).toBeNull();
    // The content sync of a build in parts is not a stage of its own (it runs beside prepare, and says so).
    expect(benchStages([...oneProcess, stage('astro sync', 1)])).toBeNull();
  });
});
