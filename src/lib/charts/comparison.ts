/**
 * One indicator across plans, as horizontal bars on one scale. Only values that are comparable on that scale are
 * drawn: the same indicator id, the same unit and the same measure (a level is not a growth rate, a 累计 total is
 * not a year-end level). Everything else is returned in `excluded` with the reason, and shown as a note, never
 * drawn: 全社会研发投入强度 (R&D / GDP) and 规模以上企业研发投入占销售收入比例 (R&D / sales) are both `%` but are
 * different indicators.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Indicator } from '../../schemas/indicator.ts';
import { formatLabel, formatNumber, formatValue, KIND_LABEL, MEASURE_LABEL, sourcesOf, yearKind } from './format.ts';
import { chartId, FONT, FONT_SMALL, label, middle, minWidthFor, round, textWidth, valueAxisX, wrapText } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, ChartValue, PlanValue, TextMark } from './types.ts';

/** What may share the scale: the caller's decision, usually made from the registry entry (`decideComparability`). */
export interface ComparabilityDecision {
  /** Indicator id every drawn value must have. */
  indicatorId: string;
  /** Indicator name for the caption (`全社会研发投入强度`). */
  name: string;
  /** Unit every drawn value must have. */
  unit: string;
  /** Measure every drawn value must have. */
  measure: ChartValue['measure'];
  /** Caveat shown under the chart (the registry's `comparability` text), if any. */
  note?: string | null;
}

/** Input of `comparison`. */
export interface ComparisonData {
  decision: ComparabilityDecision;
  /** Candidate values, one or more per plan (`pickComparisonValues` picks one per plan). */
  values: readonly PlanValue[];
  /** Caption; default `<name>：各规划比较`. */
  title?: string;
  /** Row order: by value, largest first (default), or as given. */
  sort?: 'value' | 'input';
}

/** A value that was not drawn, and why. */
export interface ComparisonExcluded {
  value: PlanValue;
  /** One or more reasons, in Chinese (`单位不同：亿元，本图为%`). */
  reasons: string[];
}

/** One bar. */
export interface ComparisonBar {
  slug: string;
  planLabel: string;
  kind: ChartValue['kind'];
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Plan and year above the bar (`北辰区 · 2022年目标`). */
  rowLabel: TextMark;
  /** Value at the end of the bar (`3.2以上`). */
  valueLabel: TextMark;
}

/** The model `ComparisonChart.astro` places. */
export interface ComparisonModel extends ChartFrame {
  kind: 'comparison';
  xAxis: AxisModel;
  bars: ComparisonBar[];
  excluded: ComparisonExcluded[];
}

/** Map a registry indicator's kind to the measure its comparable values have. */
export function decideComparability(indicator: Pick<Indicator, 'id' | 'name' | 'unit' | 'kind' | 'comparability'>): ComparabilityDecision {
  const measure = indicator.kind === 'growth-rate' ? 'growth' : indicator.kind === 'cumulative' ? 'cumulative' : 'level';
  return { indicatorId: indicator.id, name: indicator.name, unit: indicator.unit, measure, note: indicator.comparability };
}

/** Why `v` may not share the decision's scale; an empty list means it may. */
export function incomparability(v: ChartValue, d: ComparabilityDecision): string[] {
  const reasons: string[] = [];
  if (v.indicatorId !== d.indicatorId) reasons.push(`不是同一指标（原文：${v.phrase}）`);
  if (v.value === null) reasons.push(`原文没有数值（${v.valueText || '空'}）`);
  if (v.unit !== d.unit) reasons.push(`单位不同：${v.unit || '无单位'}，本图为${d.unit}`);
  if (v.measure !== d.measure) reasons.push(`口径不同：${MEASURE_LABEL[v.measure]}，本图为${MEASURE_LABEL[d.measure]}`);
  return reasons;
}

/**
 * One value per plan for the comparison: among the plan's values of the indicator whose kind is in `kinds`,
 * a comparable one if there is any, then the latest year, then document order. A plan whose only values are
 * not comparable still yields one, so the chart can say it was left out and why. Plans without the indicator
 * yield nothing. `blockLabels` (block id → table caption) name the source links of table values.
 */
export function pickComparisonValues(
  plans: readonly { slug: string; planLabel: string; targets: readonly ChartValue[]; blockLabels?: Readonly<Record<string, string>> }[],
  decision: ComparabilityDecision,
  kinds: readonly ChartValue['kind'][] = ['target'],
): PlanValue[] {
  const picked: PlanValue[] = [];
  for (const plan of plans) {
    const candidates = plan.targets
      .map((v, i) => ({ v, i, ok: incomparability(v, decision).length === 0 }))
      .filter(({ v }) => v.indicatorId === decision.indicatorId && kinds.includes(v.kind))
      .sort((a, b) => Number(b.ok) - Number(a.ok) || (b.v.year ?? -Infinity) - (a.v.year ?? -Infinity) || a.i - b.i);
    const best = candidates[0];
    if (!best) continue;
    const blockLabel = plan.blockLabels?.[best.v.blockId];
    picked.push({ ...best.v, slug: plan.slug, planLabel: plan.planLabel, ...(blockLabel ? { blockLabel } : {}) });
  }
  return picked;
}

const BAR = 16;
const ROW = FONT + 6 + BAR + 12;

/**
 * Horizontal bars of one indicator across plans, on one scale from zero. Values the decision does not admit are
 * not drawn: they are listed in `excluded` with reasons, in `notes` and in the description.
 * @param data the decision and the candidate values
 * @param size viewBox `width`; the height follows from the number of bars
 */
export function comparison(data: ComparisonData, size: ChartSize = { width: 480 }): ComparisonModel {
  const d = data.decision;
  const included: PlanValue[] = [];
  const excluded: ComparisonExcluded[] = [];
  for (const v of data.values) {
    const reasons = incomparability(v, d);
    if (reasons.length) excluded.push({ value: v, reasons });
    else included.push(v);
  }
  const rows = data.sort === 'input' ? included : [...included].sort((a, b) => b.value! - a.value!);
  const title = data.title ?? `${d.name}：各规划比较`;
  const W = size.width;
  const labels = rows.map((v) => formatLabel(v));
  const right = (max(labels, (l) => textWidth(l, FONT)) ?? 0) + 10;
  const lo = Math.min(0, min(rows, (v) => v.value!) ?? 0);
  const x = scaleLinear()
    .domain([lo, max(rows, (v) => v.value!) || 1])
    .nice(4)
    .range([4, W - right]);
  const axisY = rows.length * ROW + 4;

  const bars = rows.map((v, i): ComparisonBar => {
    const top = i * ROW;
    const barY = top + FONT + 6;
    const x0 = x(Math.min(0, v.value!));
    const x1 = x(Math.max(0, v.value!));
    const rowText = wrapText(`${v.planLabel} · ${yearKind(v)}`, W - 8, 1)[0]!;
    return {
      slug: v.slug,
      planLabel: v.planLabel,
      kind: v.kind,
      value: v.value!,
      x: round(x0),
      y: round(barY),
      width: round(x1 - x0),
      height: BAR,
      rowLabel: label(4, top + FONT, rowText, 'start'),
      valueLabel: label(x1 + 6, middle(barY + BAR / 2), labels[i]!, 'start'),
    };
  });

  const measure = MEASURE_LABEL[d.measure];
  const parts = rows.map((v) => `${v.planLabel}${yearKind(v)}${formatValue(v)}`);
  const out = excluded.map((e) => `${e.value.planLabel}${yearKind(e.value)}${formatValue(e.value)}（${e.reasons.join('；')}）`);
  const description = [
    rows.length
      ? `${d.name}（单位：${d.unit}，${measure}）在同一刻度上比较${rows.length}个数值：${parts.join('；')}。`
      : `没有可在同一刻度上比较的${d.name}数值。`,
    out.length ? `另有${out.length}个数值不可比，未画入：${out.join('；')}。` : '',
  ].join('');

  return {
    kind: 'comparison',
    id: chartId('comparison', d.indicatorId, title, description),
    width: W,
    height: rows.length ? round(axisY + FONT_SMALL + 10) : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: `单位：${d.unit}`,
    table: {
      columns: ['规划', '年份', '类型', `数值（${d.unit}）`, '原文写法'],
      rows: rows.map((v) => [v.planLabel, v.year === null ? '未载' : `${v.year}年`, KIND_LABEL[v.kind], formatValue(v, false), v.valueText]),
    },
    sources: sourcesOf([...rows, ...excluded.map((e) => e.value)]),
    notes: [
      ...excluded.map((e) => `未画入：${e.value.planLabel}${yearKind(e.value)}${formatValue(e.value)}——${e.reasons.join('；')}。`),
      ...(rows.length && rows.some((v) => v.kind !== 'target') ? ['实心条为目标值，斜线条为基数或实际值。'] : []),
      ...(d.note ? [d.note] : []),
    ],
    empty: rows.length === 0,
    xAxis: valueAxisX(x, axisY, 0, 4, formatNumber),
    bars,
    excluded,
  };
}
