/**
 * One indicator across plans, as horizontal bars on one scale. Only values that `comparability` admits for the
 * indicator are drawn (the same indicator, unit and measure; see `../values.ts`). Everything else is returned in
 * `excluded` with the reasons, and shown as a note, never drawn.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { comparability, comparableMeasure, formatLabel, formatNumber, formatValue, KIND_LABELS, MEASURE_LABELS, preferredValue, type ComparableIndicator } from '../values.ts';
import { sourcesOf, yearKind } from './format.ts';
import { chartId, FONT, FONT_SMALL, label, middle, minWidthFor, round, textWidth, valueAxisX, wrapText } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, ChartValue, PlanValue, TextMark } from './types.ts';

/** The registry entry a comparison is of (`content/indicators.yaml`): it decides what may share the scale. */
export interface ComparedIndicator extends ComparableIndicator {
  /** Indicator name for the caption (`全社会研发投入强度`). */
  name: string;
  /** Caveat shown under the chart (the registry's Chinese `comparability` text), if any. */
  comparability?: string | null;
}

/** Input of `comparison`. */
export interface ComparisonData {
  indicator: ComparedIndicator;
  /** Candidate values, one or more per plan (`pickComparisonValues` picks one per plan). */
  values: readonly PlanValue[];
  /** Caption; default `<name>：各规划比较`. */
  title?: string;
  /** Row order: by value, largest first (default), or as given. */
  sort?: 'value' | 'input';
  /** The plan whose bar is its own and the others its peers (the peer view of a plan page), if any. */
  highlight?: string;
}

/** A value that was not drawn, and why. */
export interface ComparisonExcluded {
  value: PlanValue;
  /** One or more reasons, in Chinese (`单位不同：亿元，本指标为%`). */
  reasons: string[];
}

/** One bar. */
export interface ComparisonBar {
  slug: string;
  planLabel: string;
  kind: ChartValue['kind'];
  value: number;
  /** Whether this is the bar of `ComparisonData.highlight`; `null` when no plan is highlighted. */
  own: boolean | null;
  /** The drawn value's target id in its plan, when known. */
  targetId: string | null;
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

/**
 * One value per plan for the comparison: among the plan's values of the indicator whose kind is in `kinds`, the
 * one `preferredValue` prefers (a comparable one, then the latest year). A plan whose only values are not
 * comparable still yields one, so the chart can say it was left out and why. Plans without the indicator yield
 * nothing. `blockLabels` (block id → table caption) name the source links of table values.
 */
export function pickComparisonValues(
  plans: readonly { slug: string; planLabel: string; targets: readonly ChartValue[]; blockLabels?: Readonly<Record<string, string>> }[],
  indicator: ComparableIndicator,
  kinds: readonly ChartValue['kind'][] = ['target'],
): PlanValue[] {
  const picked: PlanValue[] = [];
  for (const plan of plans) {
    const best = preferredValue(plan.targets.filter((v) => v.indicatorId === indicator.id && kinds.includes(v.kind)), indicator);
    if (!best) continue;
    const blockLabel = plan.blockLabels?.[best.blockId];
    picked.push({ ...best, slug: plan.slug, planLabel: plan.planLabel, ...(blockLabel ? { blockLabel } : {}) });
  }
  return picked;
}

const BAR = 16;
const ROW = FONT + 6 + BAR + 12;

/**
 * Horizontal bars of one indicator across plans, on one scale from zero. Values `comparability` does not admit
 * are not drawn: they are listed in `excluded` with reasons, in `notes` and in the description.
 * @param data the indicator and the candidate values
 * @param size viewBox `width`; the height follows from the number of bars
 */
export function comparison(data: ComparisonData, size: ChartSize = { width: 480 }): ComparisonModel {
  const d = data.indicator;
  const included: PlanValue[] = [];
  const excluded: ComparisonExcluded[] = [];
  for (const v of data.values) {
    const { comparable, reasons } = comparability(v, d);
    if (comparable) included.push(v);
    else excluded.push({ value: v, reasons });
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
    const own = data.highlight === undefined ? null : v.slug === data.highlight;
    const rowText = wrapText(`${v.planLabel}${own ? '（本规划）' : ''} · ${yearKind(v)}`, W - 8, 1)[0]!;
    return {
      slug: v.slug,
      planLabel: v.planLabel,
      kind: v.kind,
      value: v.value!,
      own,
      targetId: v.id ?? null,
      x: round(x0),
      y: round(barY),
      width: round(x1 - x0),
      height: BAR,
      rowLabel: label(4, top + FONT, rowText, 'start'),
      valueLabel: label(x1 + 6, middle(barY + BAR / 2), labels[i]!, 'start'),
    };
  });

  const measure = MEASURE_LABELS[comparableMeasure(d.kind)];
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
    id: chartId('comparison', d.id, title, description),
    width: W,
    height: rows.length ? round(axisY + FONT_SMALL + 10) : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: `单位：${d.unit}`,
    table: {
      columns: ['规划', '年份', '类型', `数值（${d.unit}）`, '原文写法'],
      rows: rows.map((v) => [v.planLabel, v.year === null ? '未载' : `${v.year}年`, KIND_LABELS[v.kind], formatValue(v, false), v.valueText]),
    },
    sources: sourcesOf([...rows, ...excluded.map((e) => e.value)]),
    notes: [
      ...excluded.map((e) => `未画入：${e.value.planLabel}${yearKind(e.value)}${formatValue(e.value)}——${e.reasons.join('；')}。`),
      ...(rows.length && rows.some((v) => v.kind !== 'target') ? ['实心条为目标值，斜线条为基数或实际值。'] : []),
      ...(d.comparability ? [d.comparability] : []),
    ],
    empty: rows.length === 0,
    xAxis: valueAxisX(x, axisY, 0, 4, formatNumber),
    bars,
    excluded,
  };
}
