/**
 * Performance budgets (`bench/budgets.json`): the limits the project holds itself to, and the check that makes
 * `npm run bench` fail when one is broken. Pure, so `budgets.test.ts` can test it.
 */

/** One limit as written in budgets.json. */
export interface Budget {
  /** Upper bound, inclusive. */
  max: number;
  /** Unit, for messages (`bytes`, `ms`, `s`). */
  unit: string;
  /** Why this limit: what was measured, and the headroom. */
  why: string;
}

/** budgets.json: a comment for people, and the limits by the id of the figure they bound. */
export interface BudgetFile {
  comment?: string;
  budgets: Record<string, Budget>;
}

/** The outcome for one budget. */
export interface BudgetResult {
  id: string;
  max: number;
  unit: string;
  /** The measured figure (a median), or null when this run did not measure it (e.g. `--sizes 10`). */
  value: number | null;
  /** `ok`, `over` (broken) or `not measured`. */
  status: 'ok' | 'over' | 'not measured';
}

/** Reads and checks the shape of a parsed budgets.json; throws with the offending key. */
export function parseBudgets(data: unknown): BudgetFile {
  if (typeof data !== 'object' || data === null || !('budgets' in data)) throw new Error('budgets.json: no "budgets" object');
  const budgets = (data as { budgets: unknown }).budgets;
  if (typeof budgets !== 'object' || budgets === null) throw new Error('budgets.json: "budgets" is not an object');
  for (const [id, b] of Object.entries(budgets)) {
    const max = (b as { max?: unknown }).max;
    if (typeof max !== 'number' || !Number.isFinite(max) || max < 0) throw new Error(`budgets.json: ${id}.max must be a number ≥ 0`);
    if (typeof (b as { unit?: unknown }).unit !== 'string') throw new Error(`budgets.json: ${id}.unit must be a string`);
  }
  return data as BudgetFile;
}

/**
 * Compares measured figures with the budgets. A figure that was not measured is reported, not failed: a quick
 * run (`--sizes 10`) must not break the budget for 100 plans it never built.
 */
export function checkBudgets(file: BudgetFile, measured: Readonly<Record<string, number | null | undefined>>): BudgetResult[] {
  return Object.entries(file.budgets).map(([id, b]) => {
    const value = measured[id];
    if (value === undefined || value === null || Number.isNaN(value)) return { id, max: b.max, unit: b.unit, value: null, status: 'not measured' };
    return { id, max: b.max, unit: b.unit, value, status: value <= b.max ? 'ok' : 'over' };
  });
}

/** The broken budgets, as one line each (empty when all hold). */
export function brokenBudgets(results: readonly BudgetResult[]): string[] {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  return results.filter((r) => r.status === 'over').map((r) => `${r.id}: ${fmt(r.value!)} ${r.unit} > budget ${fmt(r.max)} ${r.unit}`);
}
