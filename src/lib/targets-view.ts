/**
 * Targets as the site shows them, beyond one value (which `values.ts` writes and judges): baseline → target pairs
 * with the figures they imply (labelled as derived), the indicators × plans comparison with its comparability marks
 * and its filter, and the open data. Pure functions over the document model and the indicator registry (tested in
 * targets-view.test.ts).
 */
import { planTitle } from './plan-view.ts';
import type { PlanDocument, Target } from '../schemas/plan.ts';
import type { TargetRecordRow } from '../schemas/open-data.ts';
import { IndicatorKindSchema, type Indicator, type IndicatorKind } from '../schemas/indicator.ts';
import { pairBaselineTargets } from './charts/baseline-target.ts';
import { comparability, INDICATOR_KIND_LABELS, KIND_LABELS, preferredValue } from './values.ts';
import { csvCell as cell } from './csv.ts';
import { zhOrder } from './collate.ts';

/** A baseline (or reported start) and a target of one indicator in one plan, with what they imply. */
export interface TargetPair {
  indicatorId: string;
  baseline: Target;
  target: Target;
  /** Implied compound annual growth rate, as a fraction (0.07 = 7 %), or `null` when it is not meaningful. */
  cagr: number | null;
  /** Yearly increment needed, in the unit (percentage points for `%`). */
  yearlyIncrement: number;
}

/**
 * What each baseline → target pair implies (pairs chosen as the chart chooses them: `pairBaselineTargets`).
 * For a ratio (`%`) the yearly change is in percentage points and no compound rate is given: a growth rate of a
 * share means little. No rate from a zero or negative start either.
 */
export function targetPairs(doc: PlanDocument): TargetPair[] {
  return pairBaselineTargets(doc.targets).map(({ indicatorId, start, end }) => {
    const baseline = start as Target;
    const target = end as Target;
    const years = target.year! - baseline.year!;
    const cagr = target.unit !== '%' && baseline.value! > 0 && target.value! > 0 ? (target.value! / baseline.value!) ** (1 / years) - 1 : null;
    return { indicatorId, baseline, target, cagr, yearlyIncrement: (target.value! - baseline.value!) / years };
  });
}

/** `+7.1%/年`; `perYear` in the page's language (`+7.1% a year`). */
export function formatRate(r: number | null, perYear = '/年'): string {
  if (r === null || !Number.isFinite(r)) return '—';
  return `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%${perYear}`;
}

// ── Comparison ─────────────────────────────────────────────────────────────────────────────────────────────

/** One plan's values for one indicator. */
export interface ComparisonCell {
  slug: string;
  baseline: Target | null;
  target: Target | null;
  /** Reported results (实际) when there is no baseline. */
  achievement: Target | null;
  /** Why this cell is not comparable with the other plans' values of its indicator (`comparability`), or has no target. */
  caveats: string[];
}

export interface ComparisonRow {
  indicator: Indicator;
  cells: (ComparisonCell | null)[];
  /** Plans with values for this indicator. */
  coverage: number;
  /** Row-level caveats: target years that differ between plans. */
  notes: string[];
}

/**
 * Each plan's target, baseline and result of each indicator, as `preferredValue` picks them (the chart picks alike),
 * with caveats where comparisons would mislead: the shown value's `comparability` reasons, a result without a
 * target, and target years that differ between plans.
 */
export function comparisonRows(plans: PlanDocument[], indicators: Indicator[]): ComparisonRow[] {
  const rows = indicators.map((indicator) => {
    const cells = plans.map((doc): ComparisonCell | null => {
      const mine = doc.targets.filter((t) => t.indicatorId === indicator.id);
      if (mine.length === 0) return null;
      const pick = (kind: Target['kind']) => preferredValue(mine.filter((t) => t.kind === kind), indicator);
      const [target, baseline, achievement] = [pick('target'), pick('baseline'), pick('achievement')];
      const shown = target ?? achievement ?? baseline;
      const caveats = shown ? comparability(shown, indicator).reasons : [];
      if (!target && achievement) caveats.push(`仅有${KIND_LABELS.achievement}值，无目标`);
      return { slug: doc.slug, baseline, target, achievement, caveats };
    });
    const years = new Set(cells.map((c) => c?.target?.year).filter((y) => y !== undefined && y !== null));
    const notes = years.size > 1 ? [`各规划目标年份不同（${[...years].sort().join('、')}年）`] : [];
    return { indicator, cells, coverage: cells.filter((c) => c !== null).length, notes };
  });
  return rows.filter((r) => r.coverage > 0).sort((a, b) => b.coverage - a.coverage || zhOrder(a.indicator.name, b.indicator.name));
}

/** One choice of the `/compare/` filter: all rows, or one indicator kind. */
export interface KindFilterOption {
  id: 'all' | IndicatorKind;
  label: string;
  /** Rows the choice shows. */
  rows: number;
}

/** The `/compare/` filter: all rows, then every indicator kind of the schema, in its order, with the rows of each. */
export function kindFilterOptions(rows: readonly ComparisonRow[]): KindFilterOption[] {
  return [
    { id: 'all', label: '全部', rows: rows.length },
    ...IndicatorKindSchema.options.map((kind) => ({ id: kind, label: INDICATOR_KIND_LABELS[kind], rows: rows.filter((r) => r.indicator.kind === kind).length })),
  ];
}

// ── Open data ──────────────────────────────────────────────────────────────────────────────────────────────

/** One row of `/data/targets.csv` and record of `/data/targets.json`: the open data's own schema (`src/schemas/open-data.ts`). */
export type TargetRecord = TargetRecordRow;

export function targetRecords(plans: PlanDocument[], indicators: Indicator[], urlOf: (slug: string, blockId: string) => string): TargetRecord[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return plans.flatMap((doc) =>
    doc.targets.map((t) => {
      const indicator = t.indicatorId === null ? undefined : byId.get(t.indicatorId);
      return {
        plan: doc.slug,
        planTitle: planTitle(doc),
        region: doc.meta.region?.value.id ?? null,
        id: t.id,
        indicatorId: t.indicatorId,
        indicatorName: indicator?.name ?? null,
        indicatorNameEn: indicator?.nameEn ?? null,
        indicatorNameEnSource: indicator?.nameEnSource ?? null,
        phrase: t.phrase,
        level: t.level ?? null,
        kind: t.kind,
        measure: t.measure,
        value: t.value,
        valueText: t.valueText,
        unit: t.unit,
        year: t.year,
        periodStart: t.period?.start ?? null,
        periodEnd: t.period?.end ?? null,
        qualifiers: t.qualifiers.join(';'),
        quote: t.quote,
        url: urlOf(doc.slug, t.blockId),
        line: t.line,
      };
    }),
  );
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese correctly). */
export function toCsv<T extends object = TargetRecord>(records: T[], columns?: (keyof T)[]): string {
  const keys = columns ?? (Object.keys(records[0] ?? { plan: '' }) as (keyof T)[]);
  return `\ufeff${[keys.join(','), ...records.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\r\n')}\r\n`;
}
