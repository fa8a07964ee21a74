/**
 * Baseline → target slope charts for one plan, as small multiples: one panel per indicator, each with its own
 * value scale, because the indicators differ in unit (家, %, 亿元) and size (2 vs 750) and must not share an axis.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatLabel, formatNumber, formatValue, KIND_LABELS } from '../values.ts';
import { formatChange, sourcesOf, yearKind } from './format.ts';
import { chartId, FONT, FONT_SMALL, label, LINE, minWidthFor, round, textWidth, valueAxisY, wrapText } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, ChartValue, TextMark } from './types.ts';

/** A starting value and a target of one indicator, in one unit. */
export interface BaselineTargetPair {
  indicatorId: string;
  /** The baseline (or, when `startKinds` allows, the latest reported value) before the target year. */
  start: ChartValue;
  /** The target (kind `target`, measure `level`). */
  end: ChartValue;
}

/** Input of `baselineTarget`. */
export interface BaselineTargetData {
  /** Plan slug, for the source links. */
  slug: string;
  /** Short plan name for the description (`辛集市“十四五”规划`). */
  planLabel: string;
  /** All targets of the plan (`PlanDocument.targets`); pairs are chosen by `pairBaselineTargets`. */
  targets: readonly ChartValue[];
  /** Indicator id → registry name (`content/indicators.yaml`); the phrase as written is used when missing. */
  names?: Readonly<Record<string, string>>;
  /** Block id → link text for the source line (table captions: `表1 …`); see `sourcesOf`. */
  blockLabels?: Readonly<Record<string, string>>;
  /** Caption; default `主要指标：起点与目标`. */
  title?: string;
  /** Which kinds may be a starting point. Default: baselines and reported values (`['baseline', 'achievement']`). */
  startKinds?: readonly ChartValue['kind'][];
}

/** A point at either end of a slope. */
export interface SlopePoint {
  x: number;
  y: number;
  /** Radius of the dot. */
  r: number;
  kind: ChartValue['kind'];
  value: number;
  /** Value label, above the higher point and below the lower one. */
  label: TextMark;
}

/** One small multiple, in its own coordinates (placed by `translate(x, y)`). */
export interface BaselineTargetPanel {
  indicatorId: string;
  /** Indicator name and unit, as in the panel title. */
  name: string;
  unit: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Title lines (`高新技术企业数量（家）`, wrapped). */
  titleLines: TextMark[];
  /** The panel's own value axis (grid lines and tick labels). */
  axis: AxisModel;
  /** Year-and-kind labels under the two ends (`2020年基数`, `2025年目标`). */
  years: TextMark[];
  /** The slope, an SVG path from start to end. */
  path: string;
  start: SlopePoint;
  end: SlopePoint;
}

/** The model `BaselineTargetChart.astro` places. */
export interface BaselineTargetModel extends ChartFrame {
  kind: 'baseline-target';
  panels: BaselineTargetPanel[];
}

const isLevel = (v: ChartValue) => v.measure === 'level' && v.value !== null && v.year !== null;

/**
 * Pair each indicator's target with the value it starts from. Only `level` values with a number and a year; the
 * start must be in the same unit and an earlier year. Preference, in order: both from one block (a table row gives
 * both), the latest start year, a baseline over a reported value, the latest target year, document order.
 * Pairs come in the document order of their targets.
 */
export function pairBaselineTargets(
  targets: readonly ChartValue[],
  startKinds: readonly ChartValue['kind'][] = ['baseline', 'achievement'],
): BaselineTargetPair[] {
  const byIndicator = new Map<string, { ends: [ChartValue, number][]; starts: [ChartValue, number][] }>();
  targets.forEach((v, i) => {
    if (v.indicatorId === null || !isLevel(v)) return;
    const slot = byIndicator.get(v.indicatorId) ?? { ends: [], starts: [] };
    byIndicator.set(v.indicatorId, slot);
    if (v.kind === 'target') slot.ends.push([v, i]);
    else if (startKinds.includes(v.kind)) slot.starts.push([v, i]);
  });
  const pairs: (BaselineTargetPair & { order: number })[] = [];
  for (const [indicatorId, { ends, starts }] of byIndicator) {
    let best: { s: ChartValue; e: ChartValue; key: number[]; order: number } | null = null;
    for (const [e, ei] of ends) {
      for (const [s, si] of starts) {
        if (s.unit !== e.unit || s.year! >= e.year!) continue;
        // Lexicographic preference key, larger is better.
        const key = [s.blockId === e.blockId ? 1 : 0, s.year!, s.kind === 'baseline' ? 1 : 0, e.year!, -ei, -si];
        if (!best || compareKeys(key, best.key) > 0) best = { s, e, key, order: ei };
      }
    }
    if (best) pairs.push({ indicatorId, start: best.s, end: best.e, order: best.order });
  }
  return pairs.sort((a, b) => a.order - b.order).map(({ order: _, ...p }) => p);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const GAP = 16;
const MIN_PANEL = 168;
const PLOT = 84;
const R = 5;

/**
 * Small multiples of baseline → target slopes for one plan.
 * @param data the plan's targets and labels
 * @param size `width` of the whole grid; the height follows from the number of panels
 */
export function baselineTarget(data: BaselineTargetData, size: ChartSize = { width: 560 }): BaselineTargetModel {
  const pairs = pairBaselineTargets(data.targets, data.startKinds);
  const title = data.title ?? '主要指标：起点与目标';
  const W = size.width;
  const nameOf = (p: BaselineTargetPair) => data.names?.[p.indicatorId] ?? p.end.phrase;

  const cols = Math.max(1, Math.min(pairs.length, Math.floor((W + GAP) / (MIN_PANEL + GAP))));
  const pw = (W - (cols - 1) * GAP) / cols;
  const titles = pairs.map((p) => wrapText(`${nameOf(p)}（${p.end.unit}）`, pw - 4, 3));
  const headerH = (max(titles, (t) => t.length) ?? 1) * LINE + 4;
  const top = headerH + FONT + 8;
  const bottom = top + PLOT;
  const ph = bottom + FONT + 10 + FONT_SMALL + 4;
  const rows = Math.ceil(pairs.length / cols);
  const height = pairs.length ? rows * ph + (rows - 1) * GAP : 0;
  // All panels share one year range, so slopes are comparable in time even though values are not.
  const y0 = min(pairs, (p) => p.start.year!) ?? 0;
  const y1 = max(pairs, (p) => p.end.year!) ?? 1;

  const panels = pairs.map((p, i): BaselineTargetPanel => {
    const a = p.start.value!;
    const b = p.end.value!;
    const y = scaleLinear()
      .domain([Math.min(0, a, b), Math.max(a, b) || 1])
      .nice(3)
      .range([bottom, top]);
    const axisW = (max(y.ticks(3), (t) => textWidth(formatNumber(t), FONT_SMALL)) ?? 0) + 8;
    const la = formatLabel(p.start);
    const lb = formatLabel(p.end);
    const ya = `${p.start.year}年${KIND_LABELS[p.start.kind]}`;
    const yb = `${p.end.year}年${KIND_LABELS[p.end.kind]}`;
    const half = (s: string, size: number) => textWidth(s, size) / 2 + 4;
    const xa = Math.max(axisW + half(la, FONT), half(ya, FONT_SMALL), axisW + R + 8);
    const xb = pw - Math.max(half(lb, FONT), half(yb, FONT_SMALL), R + 8);
    // Time runs left to right on the shared year range; the ends never cross the label room.
    const x = scaleLinear().domain(y0 === y1 ? [y0 - 1, y1] : [y0, y1]).range([xa, xb]);
    const pa: [number, number] = [round(x(p.start.year!)), round(y(a))];
    const pb: [number, number] = [round(x(p.end.year!)), round(y(b))];
    // The higher end's label goes above its dot, the lower end's below, so neither sits on the slope.
    const valueLabel = (pt: [number, number], text: string, up: boolean) =>
      label(pt[0], up ? pt[1] - R - 5 : pt[1] + R + 4 + FONT * 0.8, text);
    return {
      indicatorId: p.indicatorId,
      name: nameOf(p),
      unit: p.end.unit,
      x: round((i % cols) * (pw + GAP)),
      y: round(Math.floor(i / cols) * (ph + GAP)),
      width: round(pw),
      height: round(ph),
      titleLines: titles[i]!.map((t, k) => label(0, LINE * (k + 1) - 4, t, 'start')),
      axis: valueAxisY(y, axisW, pw, 3, formatNumber),
      years: [label(pa[0], bottom + FONT + 10 + FONT_SMALL - 2, ya), label(pb[0], bottom + FONT + 10 + FONT_SMALL - 2, yb)],
      path: line()([pa, pb]) ?? '',
      start: { x: pa[0], y: pa[1], r: R, kind: p.start.kind, value: a, label: valueLabel(pa, la, a > b) },
      end: { x: pb[0], y: pb[1], r: R, kind: p.end.kind, value: b, label: valueLabel(pb, lb, b >= a) },
    };
  });

  const units = [...new Set(pairs.map((p) => p.end.unit))];
  const sentences = pairs.map(
    (p) =>
      `${nameOf(p)}：${yearKind(p.start)}${formatValue(p.start)}，${yearKind(p.end)}${formatValue(p.end)}，${formatChange(p.start.value!, p.end.value!, p.end.unit)}`,
  );
  const description = pairs.length
    ? `${data.planLabel}${pairs.length}项指标的起点与目标，每项指标一个小图、刻度各自独立。${sentences.join('；')}。`
    : `${data.planLabel}没有同时给出起点（基数或现状值）和目标值的指标。`;

  return {
    kind: 'baseline-target',
    id: chartId('baseline-target', data.slug, title, description),
    width: W,
    height,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: units.length === 1 ? `单位：${units[0]}` : '单位见各小图标题',
    table: {
      columns: ['指标', '单位', '起点', '起点值', '目标', '目标值', '变化'],
      rows: pairs.map((p) => [
        nameOf(p),
        p.end.unit,
        yearKind(p.start),
        formatValue(p.start, false),
        yearKind(p.end),
        formatValue(p.end, false),
        formatChange(p.start.value!, p.end.value!, p.end.unit),
      ]),
    },
    sources: sourcesOf(pairs.flatMap((p) => [p.start, p.end]).map((v) => ({ ...v, slug: data.slug })), data.blockLabels),
    notes: pairs.length > 1 ? ['每个小图的纵轴刻度各自独立：请比较各图中线段的走向和数值标签，不要比较不同小图中点的高低。'] : [],
    empty: pairs.length === 0,
    panels,
  };
}
