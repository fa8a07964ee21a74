import { describe, expect, test } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom(seed)', () => {
  test('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seq = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.int(0, 1000));
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });
  test('int stays within bounds', () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 7);
      expect(v >= 3 && v <= 7 && Number.isInteger(v)).toBe(true);
    }
  });
});
