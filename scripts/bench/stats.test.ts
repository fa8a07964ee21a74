import { describe, expect, it } from 'vitest';
import { classifyGrowth, linearFit, localExponents, logLogExponent, marginalCosts, median, summarize } from './stats.ts';

describe('median, min, max', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(summarize([9, 2, 4, 7, 5])).toEqual({ median: 5, min: 2, max: 9, runs: 5 });
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('handles one run and refuses none', () => {
    expect(summarize([42])).toEqual({ median: 42, min: 42, max: 42, runs: 1 });
    expect(() => median([])).toThrow();
    expect(() => summarize([])).toThrow();
  });
  it('does not reorder the caller’s array', () => {
    const runs = [3, 1, 2];
    median(runs);
    expect(runs).toEqual([3, 1, 2]);
  });
});

describe('log-log exponent', () => {
  const power = (k: number, c = 3) => [10, 100, 1000].map((n) => ({ n, y: c * n ** k }));
  it('recovers the exponent of a power law', () => {
    expect(logLogExponent(power(1))).toBeCloseTo(1, 10);
    expect(logLogExponent(power(2))).toBeCloseTo(2, 10);
    expect(logLogExponent(power(0.5, 7))).toBeCloseTo(0.5, 10);
  });
  it('shows a fixed cost as k < 1, yet classifies the growth as linear from the cost per extra plan', () => {
    const points = [10, 100, 1000].map((n) => ({ n, y: 5000 + 20 * n }));
    expect(logLogExponent(points)).toBeLessThan(0.7);
    const [first, last] = localExponents(points);
    expect(last).toBeGreaterThan(first!);
    expect(marginalCosts(points)).toEqual([20, 20]);
    expect(classifyGrowth(points)).toBe('about linear');
  });
  it('classifies quadratic growth as super-linear and a square root as sub-linear', () => {
    expect(classifyGrowth(power(2))).toBe('super-linear');
    expect(classifyGrowth(power(1.3))).toBe('super-linear');
    expect(classifyGrowth(power(0.3))).toBe('sub-linear');
    expect(classifyGrowth([10, 100, 1000].map((n) => ({ n, y: 100 + n * n })))).toBe('super-linear');
  });
  it('cannot judge from two sizes', () => {
    expect(classifyGrowth(power(2).slice(0, 2))).toBe('needs 3 sizes');
  });
  it('is NaN without two usable points', () => {
    expect(logLogExponent([{ n: 10, y: 1 }])).toBeNaN();
    expect(logLogExponent([{ n: 10, y: 0 }, { n: 100, y: 5 }])).toBeNaN();
  });
});

describe('linear fit', () => {
  it('finds the fixed cost and the cost per plan', () => {
    const fit = linearFit([10, 100, 1000].map((n) => ({ n, y: 4000 + 25 * n })));
    expect(fit.fixed).toBeCloseTo(4000, 6);
    expect(fit.perPlan).toBeCloseTo(25, 6);
  });
});
