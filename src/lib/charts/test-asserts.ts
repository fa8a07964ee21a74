/**
 * Path comparison for chart tests, after d3-shape's `test/asserts.js`: every number in an SVG path is rounded to
 * 3 decimals (integers written without decimals) before comparing, so float noise does not fail a test.
 */
import { expect } from 'vitest';

const NUMBER = /[-+]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][-+]?\d+)?/g;

function normalizeNumber(s: string): string {
  const n = Number(s);
  return Math.abs(n - Math.round(n)) < 1e-6 ? String(Math.round(n)) : n.toFixed(3);
}

/** `path` with its numbers rounded to 3 decimals. */
export function normalizePath(path: string): string {
  return path.replace(NUMBER, normalizeNumber);
}

/** Expect two SVG paths to be equal once their numbers are rounded to 3 decimals. */
export function assertPathEqual(actual: string, expected: string): void {
  expect(normalizePath(actual)).toBe(normalizePath(expected));
}

/** Every number of `values`, as a chart writes it, must appear in `text`. */
export function assertMentions(text: string, values: readonly string[]): void {
  for (const value of values) expect(text, `missing ${value}`).toContain(value);
}
