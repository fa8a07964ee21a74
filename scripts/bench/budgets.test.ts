import { describe, expect, it } from 'vitest';
import { brokenBudgets, checkBudgets, parseBudgets } from './budgets.ts';

const file = parseBudgets({
  comment: 'test',
  budgets: {
    'page, gzip bytes': { max: 1000, unit: 'bytes', why: 'w' },
    'js, bytes': { max: 0, unit: 'bytes', why: 'w' },
    'build, ms': { max: 5000, unit: 'ms', why: 'w' },
  },
});

describe('budgets', () => {
  it('passes figures at or under the limit and fails those above, naming them', () => {
    const results = checkBudgets(file, { 'page, gzip bytes': 1000, 'js, bytes': 1, 'build, ms': 4000 });
    expect(results.map((r) => r.status)).toEqual(['ok', 'over', 'ok']);
    expect(brokenBudgets(results)).toEqual(['js, bytes: 1 bytes > budget 0 bytes']);
    expect(brokenBudgets(checkBudgets(file, { 'build, ms': 5000.123456 }))).toEqual(['build, ms: 5000.12 ms > budget 5000 ms']);
  });
  it('reports a figure this run did not measure without failing', () => {
    const results = checkBudgets(file, { 'page, gzip bytes': 10, 'js, bytes': 0, 'build, ms': null });
    expect(results[2]).toMatchObject({ id: 'build, ms', status: 'not measured', value: null });
    expect(brokenBudgets(results)).toEqual([]);
    // Non-empty guard: `every` is true of an empty list.
    expect(checkBudgets(file, {})).toHaveLength(3);
    expect(checkBudgets(file, {}).every((r) => r.status === 'not measured')).toBe(true);
  });
  it('rejects a malformed budgets file', () => {
    expect(() => parseBudgets({})).toThrow(/budgets/);
    expect(() => parseBudgets({ budgets: { x: { max: 'ten', unit: 'ms' } } })).toThrow(/x\.max/);
    expect(() => parseBudgets({ budgets: { x: { max: 1 } } })).toThrow(/x\.unit/);
  });
});
