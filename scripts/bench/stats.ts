/**
 * The pure arithmetic of the benchmark: medians with their spread, and how a cost grows with the number of plans
 * (log-log exponent, linear fit). Kept free of I/O so that `stats.test.ts` can pin it down.
 */

/** A measured figure: the median of several runs, with the smallest and largest run. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, min and max of the runs of one figure. */
export function summarize(values: readonly number[]): Stat {
  if (values.length === 0) throw new Error('summarize needs at least one run');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** One point of a scaling series: `n` plans cost `y` (ms, bytes, …). */
export interface ScalePoint {
  n: number;
  y: number;
}

/**
 * Slope of the least-squares line through (log n, log y): y ∝ n^k. k ≈ 1 is linear, k ≈ 2 quadratic. A stage
 * with a large fixed cost (process start, Vite's bundling) shows k < 1 over small sizes even when its per-plan
 * part is linear, which is why {@link localExponents} and {@link linearFit} are reported beside it.
 */
export function logLogExponent(points: readonly ScalePoint[]): number {
  const usable = points.filter((p) => p.n > 0 && p.y > 0);
  if (usable.length < 2) return Number.NaN;
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** Exponent between each pair of neighbouring sizes (sorted by n): where the growth bends. */
export function localExponents(points: readonly ScalePoint[]): number[] {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) out.push(logLogExponent([sorted[i - 1]!, sorted[i]!]));
  return out;
}

/** y ≈ fixed + perPlan · n by least squares: the fixed cost of a stage and what each plan adds. */
export function linearFit(points: readonly ScalePoint[]): { fixed: number; perPlan: number } {
  if (points.length === 0) return { fixed: Number.NaN, perPlan: Number.NaN };
  const mx = points.reduce((a, p) => a + p.n, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.n - mx) * (p.y - my);
    sxx += (p.n - mx) ** 2;
  }
  const perPlan = sxx === 0 ? Number.NaN : sxy / sxx;
  return { fixed: my - perPlan * mx, perPlan };
}

/** Cost of each extra plan between neighbouring sizes (sorted by n): Δy / Δn. Constant when growth is linear. */
export function marginalCosts(points: readonly ScalePoint[]): number[] {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const out: number[] = [];
  for (let i = 1; i < sorted.length; i++) out.push((sorted[i]!.y - sorted[i - 1]!.y) / (sorted[i]!.n - sorted[i - 1]!.n));
  return out;
}

/** How a cost grows, in words. */
export type Growth = 'sub-linear' | 'about linear' | 'super-linear' | 'needs 3 sizes';

/**
 * Classifies growth by what each extra plan costs: linear growth, fixed cost or not, costs the same per extra plan
 * at every size. Compares the marginal cost of the last step with the one before: within a factor 1.4 (about
 * ±0.15 on the exponent over a tenfold step) is "about linear". The raw log-log exponent cannot decide this:
 * a fixed cost of seconds pulls it well below 1 even between 100 and 1,000 plans.
 */
export function classifyGrowth(points: readonly ScalePoint[]): Growth {
  const costs = marginalCosts(points);
  if (costs.length < 2) return 'needs 3 sizes';
  const [before, last] = costs.slice(-2) as [number, number];
  if (before <= 0) return last > 0 ? 'super-linear' : 'about linear';
  const ratio = last / before;
  if (ratio > 1.4) return 'super-linear';
  if (ratio < 1 / 1.4) return 'sub-linear';
  return 'about linear';
}
