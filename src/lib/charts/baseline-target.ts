/**
 * Baseline → target slope charts for one plan, as small multiples: one panel per indicator, each with its own
 * value scale, because the indicators differ in unit (家, %, 亿元) and size (2 vs 750) and must not share an axis.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber, sameUnit } from '../values.ts';
import { sourcesOf } from './format.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
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
  /** The words of the chart (`chartLabels(locale)`); default Chinese. */
  labels?: ChartLabels;
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
        if (!sameUnit(s.unit, e.unit) || s.year! >= e.year!) continue;
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
  const L = data.labels ?? CHART_LABELS_ZH;
  const title = data.title ?? L.baselineTarget.title;
  const W = size.width;
  const nameOf = (p: BaselineTargetPair) => data.names?.[p.indicatorId] ?? p.end.phrase;

  const cols = Math.max(1, Math.min(pairs.length, Math.floor((W + GAP) / (MIN_PANEL + GAP))));
  const pw = (W - (cols - 1) * GAP) / cols;
  const titles = pairs.map((p) => wrapText(L.withUnit(nameOf(p), p.end.unit), pw - 4, L.baselineTarget.titleLines));
  const headerH = (max(titles, (t) => t.length) ?? 1) * LINE + 4;
  const top = headerH + FONT + 8;
  const bottom = top + PLOT;
  // Lines under each end (`2020年基数`; English puts `2020` over `baseline`, which side by side would not fit).
  const endLines = L.baselineTarget.endLines;
  const ph = bottom + FONT + 10 + FONT_SMALL + 4 + (endLines - 1) * (FONT_SMALL + 3);
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
    const la = L.valueLabel(p.start);
    const lb = L.valueLabel(p.end);
    const ya = L.baselineTarget.end(p.start);
    const yb = L.baselineTarget.end(p.end);
    const widest = (lines: string[]) => lines.reduce((a, b) => (textWidth(b, FONT_SMALL) > textWidth(a, FONT_SMALL) ? b : a), '');
    const half = (s: string, size: number) => textWidth(s, size) / 2 + 4;
    const xa = Math.max(axisW + half(la, FONT), half(widest(ya), FONT_SMALL), axisW + R + 8);
    const xb = pw - Math.max(half(lb, FONT), half(widest(yb), FONT_SMALL), R + 8);
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
      years: [pa[0], pb[0]].flatMap((x, end) => (end ? yb : ya).map((t, k) => label(x, bottom + FONT + 10 + FONT_SMALL - 2 + k * (FONT_SMALL + 3), t))),
      path: line()([pa, pb]) ?? '',
      start: { x: pa[0], y: pa[1], r: R, kind: p.start.kind, value: a, label: valueLabel(pa, la, a > b) },
      end: { x: pb[0], y: pb[1], r: R, kind: p.end.kind, value: b, label: valueLabel(pb, lb, b >= a) },
    };
  });

  const units = [...new Set(pairs.map((p) => p.end.unit))];
  const sentences = pairs.map((p) =>
    L.baselineTarget.sentence(nameOf(p), L.yearKind(p.start), L.value(p.start), L.yearKind(p.end), L.value(p.end), L.change(p.start.value!, p.end.value!, p.end.unit)),
  );
  const description = pairs.length ? L.baselineTarget.description(data.planLabel, pairs.length, sentences) : L.baselineTarget.none(data.planLabel);

  return {
    kind: 'baseline-target',
    id: chartId('baseline-target', data.slug, title, description),
    width: W,
    height,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: units.length === 1 ? L.unitCaption(units[0]!) : L.baselineTarget.unitsVary,
    table: {
      columns: L.baselineTarget.columns,
      rows: pairs.map((p) => [
        nameOf(p),
        L.unit(p.end.unit),
        L.yearKind(p.start),
        L.value(p.start, false),
        L.yearKind(p.end),
        L.value(p.end, false),
        L.change(p.start.value!, p.end.value!, p.end.unit),
      ]),
    },
    sources: sourcesOf(pairs.flatMap((p) => [p.start, p.end]).map((v) => ({ ...v, slug: data.slug })), data.blockLabels, L),
    notes: pairs.length > 1 ? [L.baselineTarget.independentScales] : [],
    empty: pairs.length === 0,
    panels,
  };
}
