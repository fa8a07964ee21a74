import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionTimes } from './profile.ts';
import type { CpuProfile } from './profile.ts';

const frame = (functionName: string, lineNumber = 0) => ({ functionName, url: 'file:///x/a.mjs', lineNumber });

describe('functionTimes', () => {
  it('gives inclusive and self time, counting a recursive function once per sample', () => {
    // root → page → related → related (recursion); page → render
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2] },
        { id: 2, callFrame: frame('page', 1), children: [3, 5] },
        { id: 3, callFrame: frame('related', 2), children: [4] },
        { id: 4, callFrame: frame('related', 2) },
        { id: 5, callFrame: frame('render', 3) },
      ],
      // timeDeltas[i + 1] is the time spent in samples[i] (µs).
      samples: [4, 4, 5, 2],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    };
    const byName = new Map(functionTimes(profile).map((t) => [t.name.split(' ')[0], t]));
    expect(byName.get('related')).toMatchObject({ inclusiveMs: 2, selfMs: 2 });
    expect(byName.get('page')).toMatchObject({ inclusiveMs: 4, selfMs: 1 });
    expect(byName.get('render')).toMatchObject({ inclusiveMs: 1, selfMs: 1 });
  });
});

describe('profile-hook.cjs', () => {
  it('profiles the processes whose command line matches, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-hook-'));
    try {
      const env = { ...process.env, NODE_OPTIONS: '--require ./scripts/bench/profile-hook.cjs', PROF_DIR: dir, PROF_MATCH: 'busy-marker', BUILD_PART: '1/2' };
      // The command line is the script's path: a busy one that matches, an idle one that does not.
      const busy = join(dir, 'busy-marker.mjs');
      const idle = join(dir, 'idle.mjs');
      // Busy for a fixed time, not a fixed count: a loop of 3e7 steps ran in a few ms on a fast or loaded machine and
      // gave the profiler 5 samples (a CI run failed so while other builds ran).
      writeFileSync(busy, 'const end = performance.now() + 300; let x = 0; while (performance.now() < end) x += Math.sqrt(x + 1); if (x < 0) console.log(x);');
      writeFileSync(idle, 'void 0;');
      for (const script of [busy, idle]) expect(spawnSync(process.execPath, [script], { env }).status).toBe(0);
      const written = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
      expect(written).toEqual([expect.stringMatching(/^node-1of2-\d+\.cpuprofile$/u)]);
      const profile = JSON.parse(readFileSync(join(dir, written[0]!), 'utf8')) as CpuProfile;
      expect(profile.samples.length).toBeGreaterThan(10);
      expect(functionTimes(profile).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
