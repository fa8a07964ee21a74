/** Failure reporting for the site tests: one readable list instead of a diff against `[]`. */
import { expect } from 'vitest';

/**
 * Fails the test when `problems` is not empty, with `heading`, the count and one problem per line (each
 * should say what is wrong and where: file and line, page and selector, or URL).
 */
export function expectNone(problems: readonly string[], heading: string): void {
  if (problems.length === 0) return;
  expect.fail(`${heading}: ${problems.length} problem(s)\n  ${problems.map((p) => p.replace(/\n/gu, '\n  ')).join('\n  ')}`);
}
