/**
 * One indicator across plans, as horizontal bars on one scale. Only values that `comparability` admits for the
 * indicator are drawn (the same indicator, unit and measure; see `../values.ts`). Everything else is returned in
 * `excluded` with the reasons, and shown as a note, never drawn.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { comparability, comparableMeasure, formatNumber, preferredValue, type ComparableIndicator } from '../values.ts';
import { sourcesOf } from './format.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
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
  /** The words of the chart (`chartLabels(locale)`); default Chinese. */
  labels?: ChartLabels;
  /**
   * Why a value is not comparable, in the chart's language; default `comparability`'s Chinese reasons. The same
   * test decides what is drawn whatever the language (`comparability`); this only words its reasons.
   */
  reasonsOf?: (v: PlanValue, indicator: ComparedIndicator) => string[];
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
  return pickAllComparisonValues(plans, [indicator], kinds).get(indicator.id)!;
}

/**
 * `pickComparisonValues` of every indicator of `indicators` at once, by indicator id: one walk over the plans and
 * their targets instead of one per indicator (at 10,000 plans and the registry's indicators, ≈ 1.5 s of prepare for
 * each of the two uses, the peer views and the indicator pages' charts). The same values, in the same order.
 */
export function pickAllComparisonValues(
  plans: readonly { slug: string; planLabel: string; targets: readonly ChartValue[]; blockLabels?: Readonly<Record<string, string>> }[],
  indicators: readonly ComparableIndicator[],
  kinds: readonly ChartValue['kind'][] = ['target'],
): Map<string, PlanValue[]> {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const picked = new Map(indicators.map((i): [string, PlanValue[]] => [i.id, []]));
  for (const plan of plans) {
    const candidates = Map.groupBy(
      plan.targets.filter((v) => v.indicatorId && byId.has(v.indicatorId) && kinds.includes(v.kind)),
      (v) => v.indicatorId!,
    );
    for (const [id, values] of candidates) {
      const best = preferredValue(values, byId.get(id)!);
      if (!best) continue;
      const blockLabel = plan.blockLabels?.[best.blockId];
      picked.get(id)!.push({ ...best, slug: plan.slug, planLabel: plan.planLabel, ...(blockLabel ? { blockLabel } : {}) });
    }
  }
  return picked;
}

const BAR = 16;
const ROW = FONT + 6 + BAR + 12;

/**
 * The line above a bar, at most `room` wide: the plan's name, 本规划 for the plan's own bar, year and kind. A name too
 * long is cut with …, never the year and kind after it, which tell the bars of one plan apart (on a phone's drawing
 * most names are too long).
 */
function rowLabelText(L: ChartLabels, v: PlanValue, own: boolean | null, room: number): string {
  const whole = L.comparison.row(v.planLabel, own, L.yearKind(v));
  if (textWidth(whole) <= room) return whole;
  const nameRoom = room - textWidth(L.comparison.row('', own, L.yearKind(v)));
  if (nameRoom < FONT * 4) return wrapText(whole, room, 1)[0]!;
  return L.comparison.row(wrapText(v.planLabel, nameRoom, 1)[0]!, own, L.yearKind(v));
}

/**
 * Horizontal bars of one indicator across plans, on one scale from zero. Values `comparability` does not admit
 * are not drawn: they are listed in `excluded` with reasons, in `notes` and in the description.
 * @param data the indicator and the candidate values
 * @param size viewBox `width`; the height follows from the number of bars
 */
export function comparison(data: ComparisonData, size: ChartSize = { width: 480 }): ComparisonModel {
  const d = data.indicator;
  const L = data.labels ?? CHART_LABELS_ZH;
  const included: PlanValue[] = [];
  const excluded: ComparisonExcluded[] = [];
  for (const v of data.values) {
    const { comparable, reasons } = comparability(v, d);
    if (comparable) included.push(v);
    else excluded.push({ value: v, reasons: data.reasonsOf ? data.reasonsOf(v, d) : reasons });
  }
  const rows = data.sort === 'input' ? included : [...included].sort((a, b) => b.value! - a.value!);
  const title = data.title ?? L.comparison.title(d.name);
  const W = size.width;
  const labels = rows.map((v) => L.valueLabel(v));
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
    const rowText = rowLabelText(L, v, own, W - 8);
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

  const C = L.comparison;
  const measure = L.measure[comparableMeasure(d.kind)];
  const parts = rows.map((v) => C.part(v.planLabel, L.yearKind(v), L.value(v)));
  const out = excluded.map((e) => `${C.part(e.value.planLabel, L.yearKind(e.value), L.value(e.value))}${C.reasons(e.reasons)}`);
  const description = [
    rows.length ? C.description(d.name, d.unit, measure, rows.length, parts) : C.none(d.name),
    out.length ? C.leftOut(out.length, out) : '',
  ].join('');

  return {
    kind: 'comparison',
    id: chartId('comparison', d.id, title, description),
    width: W,
    height: rows.length ? round(axisY + FONT_SMALL + 10) : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: L.unitCaption(d.unit),
    table: {
      columns: C.columns(d.unit),
      rows: rows.map((v) => [v.planLabel, v.year === null ? C.noYear : L.year(v.year), L.kind[v.kind], L.value(v, false), v.valueText]),
    },
    sources: sourcesOf([...rows, ...excluded.map((e) => e.value)], {}, L),
    notes: [
      ...excluded.map((e) => C.note(e.value.planLabel, L.yearKind(e.value), L.value(e.value), e.reasons)),
      ...(rows.length && rows.some((v) => v.kind !== 'target') ? [C.hatched] : []),
      ...(d.comparability ? [d.comparability] : []),
    ],
    empty: rows.length === 0,
    xAxis: valueAxisX(x, axisY, 0, 4, formatNumber),
    bars,
    excluded,
  };
}
