/**
 * Targets as the site shows them: normalised readings, a plan's targets table, baseline → target pairs with the
 * figures they imply (labelled as derived), and the indicators × plans comparison with its comparability marks.
 * Pure functions over the document model and the indicator registry (tested in targets-view.test.ts).
 */
import { planTitle } from './plan-view.ts';
import type { PlanDocument, Target } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { pairBaselineTargets } from './charts/baseline-target.ts';
import { KIND_LABEL } from './charts/format.ts';

/** `kind` in Chinese: the charts' words, so that a value is called the same in a chart and in a table. */
export const KIND_LABELS = KIND_LABEL;
export const MEASURE_LABELS: Record<Target['measure'], string> = { level: '达到', growth: '增长率', cumulative: '累计', increase: '新增' };

/** `2022年`, `2021—2025年`, or `—`. */
export function targetTime(t: Pick<Target, 'year' | 'period'>): string {
  if (t.period && t.period.start !== t.period.end) return `${t.period.start}—${t.period.end}年`;
  if (t.year !== null) return `${t.year}年`;
  return '—';
}

/** The value with its unit as a reader expects it: `530家`, `3.2%`, `年均增长10%`. */
export function formatValue(t: Pick<Target, 'value' | 'unit' | 'valueText' | 'measure'>): string {
  if (t.value === null) return t.valueText;
  const n = Number.isInteger(t.value) ? String(t.value) : String(Number(t.value.toFixed(4)));
  const prefix = t.measure === 'growth' ? '年均增长' : t.measure === 'increase' ? '新增' : t.measure === 'cumulative' ? '累计' : '';
  return `${prefix}${n}${t.unit}`;
}

/** `全社会研发投入强度 · 目标 · 3.2% · 2022年 · 力争、以上`. */
export function normalizedReading(t: Target, indicator: Indicator | undefined): string {
  return [indicator?.name ?? `未归类：${t.phrase}`, KIND_LABELS[t.kind], formatValue(t), targetTime(t), t.qualifiers.join('、')].filter((x) => x && x !== '—').join(' · ');
}

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

/** `+7.1%/年`. */
export function formatRate(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '—';
  return `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%/年`;
}

// ── Comparison ─────────────────────────────────────────────────────────────────────────────────────────────

/** One plan's values for one indicator. */
export interface ComparisonCell {
  slug: string;
  baseline: Target | null;
  target: Target | null;
  /** Reported results (实际) when there is no baseline. */
  achievement: Target | null;
  /** Why this cell is not comparable with the others in its row (another unit, measure or period). */
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

/** The latest target and the baseline of each indicator in each plan; caveats where comparisons would mislead. */
export function comparisonRows(plans: PlanDocument[], indicators: Indicator[]): ComparisonRow[] {
  const rows = indicators.map((indicator) => {
    const cells = plans.map((doc): ComparisonCell | null => {
      const mine = doc.targets.filter((t) => t.indicatorId === indicator.id);
      if (mine.length === 0) return null;
      const latest = (kind: Target['kind']) => mine.filter((t) => t.kind === kind).sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0] ?? null;
      return { slug: doc.slug, baseline: latest('baseline'), target: latest('target'), achievement: latest('achievement'), caveats: [] };
    });
    // Caveats: units and measures differing from the row's most common ones, and plan periods that differ.
    const shown = cells.flatMap((c) => (c ? [c.target ?? c.achievement ?? c.baseline].filter((t): t is Target => t !== null) : []));
    const common = <K extends keyof Target>(key: K) => {
      const counts = new Map<Target[K], number>();
      for (const t of shown) counts.set(t[key], (counts.get(t[key]) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    const unit = common('unit');
    const measure = common('measure');
    const years = new Set(cells.map((c) => c?.target?.year).filter((y) => y !== undefined && y !== null));
    for (const c of cells) {
      if (!c) continue;
      const t = c.target ?? c.achievement ?? c.baseline;
      if (!t) continue;
      if (t.unit !== unit) c.caveats.push(`单位不同（${t.unit}）`);
      if (t.measure !== measure) c.caveats.push(`口径不同（${MEASURE_LABELS[t.measure]}）`);
      if (!c.target && c.achievement) c.caveats.push(`仅有${KIND_LABEL.achievement}值，无目标`);
    }
    const notes = years.size > 1 ? [`各规划目标年份不同（${[...years].sort().join('、')}年）`] : [];
    return { indicator, cells, coverage: cells.filter((c) => c !== null).length, notes };
  });
  return rows.filter((r) => r.coverage > 0).sort((a, b) => b.coverage - a.coverage || a.indicator.name.localeCompare(b.indicator.name, 'zh'));
}

// ── Open data ──────────────────────────────────────────────────────────────────────────────────────────────

/** One row of `/data/targets.csv` and `/data/targets.json`. */
export interface TargetRecord {
  plan: string;
  planTitle: string;
  region: string | null;
  id: string;
  indicatorId: string | null;
  indicatorName: string | null;
  phrase: string;
  kind: Target['kind'];
  measure: Target['measure'];
  value: number | null;
  valueText: string;
  unit: string;
  year: number | null;
  periodStart: number | null;
  periodEnd: number | null;
  qualifiers: string;
  quote: string;
  /** URL of the paragraph the value comes from. */
  url: string;
  line: number;
}

export function targetRecords(plans: PlanDocument[], indicators: Indicator[], urlOf: (slug: string, blockId: string) => string): TargetRecord[] {
  return plans.flatMap((doc) =>
    doc.targets.map((t) => ({
      plan: doc.slug,
      planTitle: planTitle(doc),
      region: doc.meta.region?.value.id ?? null,
      id: t.id,
      indicatorId: t.indicatorId,
      indicatorName: indicators.find((i) => i.id === t.indicatorId)?.name ?? null,
      phrase: t.phrase,
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
    })),
  );
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese correctly). */
export function toCsv(records: TargetRecord[]): string {
  const keys = Object.keys(records[0] ?? { plan: '' }) as (keyof TargetRecord)[];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return `\ufeff${[keys.join(','), ...records.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\r\n')}\r\n`;
}
