/**
 * An annual trajectory: the yearly values a plan sets for one indicator (红桥区 annex 年度分解表: 2020/2021/2022),
 * as a line with labelled points. Qualifiers stay in the labels (`2.1以上`): a floor is not a point estimate.
 */
import { group, max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber, sameUnit } from '../values.ts';
import { sourcesOf } from './format.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import { chartId, FONT, FONT_SMALL, label, minWidthFor, round, textWidth, valueAxisY } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, ChartValue, TextMark } from './types.ts';

/** Input of `trajectory`. */
export interface TrajectoryData {
  /** Plan slug, for the source links. */
  slug: string;
  /** Short plan name for the description. */
  planLabel: string;
  /** Indicator to draw. */
  indicatorId: string;
  /** Registry name of the indicator; the phrase as written is used when missing. */
  name?: string;
  /** All targets of the plan (`PlanDocument.targets`); points are chosen by `trajectoryPoints`. */
  targets: readonly ChartValue[];
  /** Block id → link text for the source line (table captions: `表1 …`); see `sourcesOf`. */
  blockLabels?: Readonly<Record<string, string>>;
  /** Caption; default `<name>：逐年目标`. */
  title?: string;
  /** The words of the chart (`chartLabels(locale)`); default Chinese. */
  labels?: ChartLabels;
}

/** A point of the line. */
export interface TrajectoryPoint {
  x: number;
  y: number;
  /** Radius of the dot. */
  r: number;
  year: number;
  value: number;
  kind: ChartValue['kind'];
  /** Value label above the point (`2.1以上`; `99（基数）` for a non-target). */
  label: TextMark;
}

/** The model `TrajectoryChart.astro` places. */
export interface TrajectoryModel extends ChartFrame {
  kind: 'trajectory';
  /** Value axis: grid lines and labels. */
  yAxis: AxisModel;
  /** Year axis: one tick per year with a point. */
  xAxis: AxisModel;
  /** The line through the points (SVG path). */
  path: string;
  points: TrajectoryPoint[];
}

/** What `trajectoryPoints` keeps and what it leaves out. */
export interface TrajectorySelection {
  points: ChartValue[];
  /** Values of the chosen block in another unit than the first point, with the reason. */
  excluded: { value: ChartValue; reason: string }[];
}

const usable = (v: ChartValue, id: string) => v.indicatorId === id && v.measure === 'level' && v.value !== null && v.year !== null;

/**
 * The points of one indicator's trajectory: `level` values with a number and a year, all from the one block that
 * covers the most years (a yearly breakdown table states a trajectory; the same number repeated in prose does not
 * add one), one value per year (the first), in the unit of the first, sorted by year.
 */
export function trajectoryPoints(targets: readonly ChartValue[], indicatorId: string, L: ChartLabels = CHART_LABELS_ZH): TrajectorySelection {
  const blocks = group(
    targets.filter((v) => usable(v, indicatorId)),
    (v) => v.blockId,
  );
  let chosen: ChartValue[] = [];
  for (const values of blocks.values()) {
    if (new Set(values.map((v) => v.year)).size > new Set(chosen.map((v) => v.year)).size) chosen = values;
  }
  const unit = chosen[0]?.unit;
  const excluded: TrajectorySelection['excluded'] = [];
  const byYear = new Map<number, ChartValue>();
  for (const v of chosen) {
    if (!sameUnit(v.unit, unit ?? '')) excluded.push({ value: v, reason: L.trajectory.otherUnit(v.unit, unit ?? '') });
    else if (!byYear.has(v.year!)) byYear.set(v.year!, v);
  }
  return { points: [...byYear.values()].sort((a, b) => a.year! - b.year!), excluded };
}

/**
 * Indicators of a plan that have a trajectory worth drawing: values for `minYears` or more years in one block.
 * The default, 3, leaves two-point rows (a 基数 and a 目标) to `baselineTarget`, which draws them side by side.
 */
export function trajectoryCandidates(targets: readonly ChartValue[], minYears = 3): string[] {
  const ids = [...new Set(targets.map((v) => v.indicatorId).filter((id): id is string => id !== null))];
  return ids.filter((id) => trajectoryPoints(targets, id).points.length >= minYears);
}

const R = 4.5;

/**
 * A line through the yearly values of one indicator.
 * @param data the plan's targets and the indicator
 * @param size viewBox `width` and `height` (default 480 × 260)
 */
export function trajectory(data: TrajectoryData, size: ChartSize = { width: 480 }): TrajectoryModel {
  const L = data.labels ?? CHART_LABELS_ZH;
  const { points: values, excluded } = trajectoryPoints(data.targets, data.indicatorId, L);
  const name = data.name ?? values[0]?.phrase ?? data.indicatorId;
  const unit = values[0]?.unit ?? '';
  const title = data.title ?? L.trajectory.title(name);
  const W = size.width;
  const H = size.height ?? 260;
  const pointLabel = (v: ChartValue) => (v.kind === 'target' ? L.valueLabel(v) : L.trajectory.otherKind(L.valueLabel(v), v.kind));
  const labels = values.map(pointLabel);

  const top = FONT + 14;
  const bottom = H - (FONT_SMALL + 12);
  const y = scaleLinear()
    .domain([Math.min(0, min(values, (v) => v.value!) ?? 0), max(values, (v) => v.value!) || 1])
    .nice(4)
    .range([bottom, top]);
  const left = (max(y.ticks(4), (t) => textWidth(formatNumber(t), FONT_SMALL)) ?? 0) + 10;
  // Room so the first and last labels (value above, year below) stay inside the viewBox.
  const halfOf = (i: number) =>
    Math.max(textWidth(labels[i] ?? '', FONT), textWidth(values[i] ? L.year(values[i].year!) : '', FONT_SMALL)) / 2 + 6;
  const y0 = values[0]?.year ?? 0;
  const y1 = values.at(-1)?.year ?? 1;
  const x = scaleLinear()
    .domain(y0 === y1 ? [y0 - 1, y1 + 1] : [y0, y1])
    .range([left + Math.max(halfOf(0) - 10, 16), W - Math.max(halfOf(values.length - 1), 16)]);

  const points = values.map((v, i): TrajectoryPoint => {
    const px = round(x(v.year!));
    const py = round(y(v.value!));
    return { x: px, y: py, r: R, year: v.year!, value: v.value!, kind: v.kind, label: label(px, py - R - 6, labels[i]!) };
  });
  const xAxis: AxisModel = {
    orientation: 'x',
    ticks: points.map((p) => ({
      value: p.year,
      line: { x1: p.x, y1: round(bottom), x2: p.x, y2: round(bottom + 4) },
      label: label(p.x, bottom + 4 + FONT_SMALL, L.year(p.year)),
    })),
    domain: { x1: round(left), y1: round(bottom), x2: round(W), y2: round(bottom) },
  };

  const description = values.length
    ? L.trajectory.description(data.planLabel, name, unit, values.map((v) => L.then(L.yearKind(v), L.value(v))))
    : L.trajectory.none(data.planLabel, name);
  return {
    kind: 'trajectory',
    id: chartId('trajectory', data.slug, title, description),
    width: W,
    height: values.length ? H : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: unit ? L.unitCaption(unit) : '',
    table: {
      columns: L.trajectory.columns(unit),
      rows: values.map((v) => [L.year(v.year!), L.kind[v.kind], L.value(v, false), v.valueText]),
    },
    sources: sourcesOf(values.map((v) => ({ ...v, slug: data.slug })), data.blockLabels, L),
    notes: excluded.map((e) => L.trajectory.left(e.value.year!, L.value(e.value), e.reason)),
    empty: values.length === 0,
    yAxis: valueAxisY(y, left, W, 4, formatNumber),
    xAxis,
    path: line()(points.map((p): [number, number] => [p.x, p.y])) ?? '',
    points,
  };
}
