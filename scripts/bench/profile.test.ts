import { describe, expect, it } from 'vitest';
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
