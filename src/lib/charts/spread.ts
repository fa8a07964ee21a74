/**
 * One indicator across many plans, as its spread: the smallest and largest comparable target, the quartiles and
 * the median, and (on a plan's page) where the plan's own target falls. A bar per plan stops being readable, and
 * stops being small, past a few dozen plans: a library of 10,000 plans has thousands of values for one indicator,
 * and a plan page that drew every peer grew with the library (2 MB at 1,000 plans; issue 15). The spread is the
 * same size at any size of library; every value stays in `/data/targets.csv` and on the indicator's pages.
 *
 * What may share the scale is decided as for the bars (`comparability`, ../values.ts): values it does not admit
 * are counted in a note, not drawn.
 */
import { bisectLeft, bisectRight, quantileSorted } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { comparability, comparableMeasure, formatNumber } from '../values.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import type { ComparedIndicator } from './comparison.ts';
import { sourcesOf } from './format.ts';
import { bySlug } from '../by-slug.ts';
import { chartId, FONT, FONT_SMALL, label, middle, minWidthFor, round, textWidth, valueAxisX } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, LineMark, PlanValue, TextMark } from './types.ts';

/** Input of `spread`. */
export interface SpreadData {
  indicator: ComparedIndicator;
  /** One value per plan (`pickComparisonValues`). */
  values: readonly PlanValue[];
  /** The plan whose own target is marked (a plan page's peer view), if any. */
  highlight?: string;
  /** Caption; default `<name>：各规划目标分布`. */
  title?: string;
  /** The words (default Chinese; `CHART_LABELS_EN` for the English edition). */
  labels?: ChartLabels;
  /**
   * State the figures a new plan moves (count, quartiles, median, the marked plan's rank) rounded (`approximate`), as
   * a plan's peer view does: at 10,000 plans one indicator's spread stands on thousands of analysis pages, and exact
   * figures changed on every one of them with each plan added (a rebuild rendered them all again; issue 15). The
   * ends are exact (a named plan's target, or the value alone where several plans hold it); the indicator's page
   * keeps every figure exact.
   */
  approximate?: boolean;
}

/** The five numbers of a spread, and how many values they summarise. */
export interface SpreadSummary {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The model of a spread chart. */
export interface SpreadModel extends ChartFrame {
  kind: 'spread';
  /** The five numbers and the count; in an approximate spread as it states them (the count and the middle three rounded). */
  summary: SpreadSummary | null;
  /**
   * The values at the two ends (named: they are plans' own targets) and the marked plan's value. In an approximate
   * spread an end value that several plans hold names none of them (`null`): which of them came first would change
   * with each plan added at that value.
   */
  ends: { min: PlanValue | null; max: PlanValue | null } | null;
  own: PlanValue | null;
  /**
   * How many of the other plans' values lie below, at, and above the marked plan's value; in an approximate spread
   * their shares in per cent, each rounded to 5.
   */
  ownRank: { below: number; equal: number; above: number } | null;
  xAxis: AxisModel;
  box: { x: number; y: number; width: number; height: number } | null;
  whisker: LineMark | null;
  medianLine: LineMark | null;
  ownDot: { cx: number; cy: number; r: number } | null;
  labels: TextMark[];
}

/** The five-number summary of sorted values (d3's quantiles: R's type 7, the usual one). */
export function summarize(sorted: number[]): SpreadSummary | null {
  if (sorted.length === 0) return null;
  return {
    count: sorted.length,
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25)!,
    median: quantileSorted(sorted, 0.5)!,
    q3: quantileSorted(sorted, 0.75)!,
    max: sorted[sorted.length - 1]!,
  };
}

const BOX = 18;
const n = (x: number) => formatNumber(Number(x.toPrecision(4)));

/** Two significant figures, what an approximate spread states of the figures each new plan moves. */
const twoFigures = (x: number) => Number(x.toPrecision(2));

/** A count as an approximate spread states it: exact below 100, else rounded. */
const statedCount = (count: number) => (count < 100 ? count : twoFigures(count));
const approximateCount = (count: number, L: ChartLabels) => (count < 100 ? String(count) : L.spread.about(formatNumber(statedCount(count))));

/** The summary as an approximate spread states it: the count and the middle three rounded, the ends exact. */
function approximateSummary(s: SpreadSummary): SpreadSummary {
  return { count: statedCount(s.count), min: s.min, q1: twoFigures(s.q1), median: twoFigures(s.median), q3: twoFigures(s.q3), max: s.max };
}

/** A part of the others in per cent, rounded to 5. */
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 20) * 5);

/** An array's comparable values, sorted: computed once per array and indicator (see `sortedComparable`). */
interface SortedValues {
  /** The comparable values, ascending; equal values in the given order. */
  included: PlanValue[];
  numbers: number[];
  /** Values `comparability` does not admit. */
  excluded: number;
}

const sortedCache = new WeakMap<readonly PlanValue[], Map<string, SortedValues>>();

/**
 * The comparable values of `values`, sorted, once per array and indicator id: every plan's peer view passes its
 * indicator's one array of all plans' values (./peers.ts), so that 10,000 plan pages do not each filter and sort
 * thousands of values again (quadratic in the library; issue 15).
 */
function sortedComparable(values: readonly PlanValue[], d: ComparedIndicator): SortedValues {
  let byIndicator = sortedCache.get(values);
  if (!byIndicator) sortedCache.set(values, (byIndicator = new Map()));
  let sorted = byIndicator.get(d.id);
  if (!sorted) {
    const included = values.filter((v) => comparability(v, d).comparable).sort((a, b) => a.value! - b.value!);
    sorted = { included, numbers: included.map((v) => v.value!), excluded: values.length - included.length };
    byIndicator.set(d.id, sorted);
  }
  return sorted;
}

/**
 * The values named at the two ends. Where several plans share an end value the marked plan counts as first among
 * them: it is named at the low end, and at the high end only when no other plan has the largest value.
 */
function endsOf(included: readonly PlanValue[], own: PlanValue | null): { min: PlanValue; max: PlanValue } {
  const first = included[0]!;
  const last = included[included.length - 1]!;
  const before = included[included.length - 2];
  return {
    min: own && own.value === first.value ? own : first,
    max: last === own && before && before.value === last.value ? before : last,
  };
}

/**
 * What a spread states of its values: the model (`spread`) is made from this, the indicator and the words alone.
 * So a plan's peer view whose statement is the same draws the same, however many plans were added (a rebuild keeps
 * it: src/lib/prepared-charts.ts; issue 15).
 */
export interface SpreadStatement {
  /** How many comparable values, and how many besides the marked plan's, as stated (an approximate spread rounds both). */
  count: number;
  others: number;
  /** As in {@link SpreadModel}. */
  summary: SpreadSummary | null;
  ends: SpreadModel['ends'];
  own: PlanValue | null;
  ownRank: SpreadModel['ownRank'];
  /** Values `comparability` does not admit. */
  excluded: number;
}

/** The statement of a spread (`spread` draws it). */
export function spreadStatement(data: Pick<SpreadData, 'indicator' | 'values' | 'highlight' | 'approximate'>): SpreadStatement {
  const { included, numbers, excluded } = sortedComparable(data.values, data.indicator);
  const approximate = data.approximate === true;
  const exact = summarize(numbers);
  const summary = exact && approximate ? approximateSummary(exact) : exact;
  const own = data.highlight === undefined ? null : (bySlug(included).get(data.highlight) ?? null);
  const others = own ? included.length - 1 : included.length;
  // Counted on the sorted numbers: a library's peer views draw one indicator's thousands of values once per plan.
  const ownCounts = own
    ? (() => {
        const below = bisectLeft(numbers, own.value!);
        const upTo = bisectRight(numbers, own.value!);
        return { below, equal: upTo - below - 1, above: numbers.length - upTo };
      })()
    : null;
  const ownRank = ownCounts && approximate ? { below: share(ownCounts.below, others), equal: share(ownCounts.equal, others), above: share(ownCounts.above, others) } : ownCounts;
  const named = summary ? endsOf(included, own) : null;
  // An end value several plans hold: in an approximate spread, the value alone (10,000 plans: a plan added at a
  // maximum 201 plans held became the named one on ~940 peer pages, 2026-12-04).
  const tied = (i: number, j: number) => approximate && numbers.length > 1 && numbers[i] === numbers[j];
  const ends = named && { min: tied(0, 1) ? null : named.min, max: tied(numbers.length - 1, numbers.length - 2) ? null : named.max };
  const stated = (c: number) => (approximate ? statedCount(c) : c);
  return { count: stated(included.length), others: stated(others), summary, ends, own, ownRank, excluded };
}

/**
 * The spread of an indicator's comparable targets across plans, on one scale, with the plan `highlight` marked.
 * @param data the indicator, one value per plan, and the plan to mark
 * @param size viewBox `width`; the height is fixed
 */
export function spread(data: SpreadData, size: ChartSize = { width: 480 }): SpreadModel {
  const d = data.indicator;
  const L = data.labels ?? CHART_LABELS_ZH;
  const approximate = data.approximate === true;
  const { count: total, others, summary, ends, own, ownRank, excluded } = spreadStatement(data);
  // A stated count is its own statement again (rounding a rounded count changes nothing).
  const count = (c: number) => (approximate ? approximateCount(c, L) : String(c));
  const middle3 = (x: number) => (approximate ? L.spread.about(n(x)) : n(x));
  const title = data.title ?? L.spread.title(d.name);
  const W = size.width;
  const unit = d.unit;
  const measure = L.measure[comparableMeasure(d.kind)];

  const x = scaleLinear()
    .domain([Math.min(0, summary?.min ?? 0), summary?.max || 1])
    .nice(4)
    .range([8, W - 8]);
  // Rows: the marked plan's label; the box with the two end values under it; the axis.
  const ownRow = own ? FONT + 8 : 0;
  const boxY = ownRow + 4;
  const endY = boxY + BOX + 6 + FONT;
  const axisY = endY + 10;
  const mid = boxY + BOX / 2;
  const clampX = (px: number, text: string, size = FONT) => {
    const half = textWidth(text, size) / 2;
    return Math.min(W - half - 2, Math.max(half + 2, px));
  };
  const labels: TextMark[] = [];
  if (summary && ends) {
    const lo = ends.min ? L.valueLabel(ends.min) : n(summary.min);
    const hi = ends.max ? L.valueLabel(ends.max) : n(summary.max);
    labels.push(label(x(summary.min), endY, lo, 'start'));
    if (summary.max !== summary.min) labels.push(label(x(summary.max), endY, hi, 'end'));
  }
  if (own) {
    const text = L.spread.own(L.valueLabel(own));
    labels.push(label(clampX(x(own.value!), text), middle(ownRow / 2), text, 'middle'));
  }

  const five = summary ? [n(summary.min), middle3(summary.q1), middle3(summary.median), middle3(summary.q3), n(summary.max)] : [];
  const stats = summary ? L.spread.summary(count(total), five, unit) : '';
  const ownValue = own ? L.then(L.yearKind(own), L.value(own)) : '';
  const ownText = own && ownRank ? (approximate ? L.spread.rankShares(ownValue, count(others), ownRank.above, ownRank.equal, ownRank.below) : L.spread.rank(ownValue, others, ownRank.above, ownRank.equal, ownRank.below)) : '';
  const part = (v: PlanValue) => L.comparison.part(v.planLabel, L.yearKind(v), L.value(v));
  const endPart = (v: PlanValue | null, value: number) => (v ? part(v) : L.spread.severalPlans(n(value)));
  const description = summary && ends ? L.spread.description(d.name, measure, stats, endPart(ends.min, summary.min), endPart(ends.max, summary.max), ownText, excluded) : L.comparison.none(d.name);

  const names = L.spread.rows;
  const rows: string[][] = summary
    ? [
        [names[0]!, count(total)],
        ...five.map((f, i) => [names[i + 1]!, f]),
        ...(own ? [[names[6]!, L.value(own, false)]] : []),
      ]
    : [];

  return {
    kind: 'spread',
    id: chartId('spread', d.id, title, description),
    width: W,
    height: summary ? round(axisY + FONT_SMALL + 10) : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: L.unitCaption(unit),
    table: { columns: L.spread.columns(unit), rows },
    // The named values only: the two ends and the plan's own (a sentence per value of thousands would not help).
    sources: sourcesOf([...(own ? [own] : []), ...(ends ? [ends.min, ends.max].filter((v) => v !== null) : [])], {}, L),
    notes: summary
      ? [
          L.spread.boxNote,
          ...(approximate ? [L.spread.approximateNote] : []),
          ...(excluded ? [L.spread.excludedNote(excluded)] : []),
          ...(d.comparability ? [d.comparability] : []),
        ]
      : [],
    empty: summary === null,
    summary,
    ends,
    own,
    ownRank,
    xAxis: valueAxisX(x, axisY, boxY - 2, 4, formatNumber),
    box: summary ? { x: round(x(summary.q1)), y: round(boxY), width: round(Math.max(1, x(summary.q3) - x(summary.q1))), height: BOX } : null,
    whisker: summary ? { x1: round(x(summary.min)), y1: round(mid), x2: round(x(summary.max)), y2: round(mid) } : null,
    medianLine: summary ? { x1: round(x(summary.median)), y1: round(boxY), x2: round(x(summary.median)), y2: round(boxY + BOX) } : null,
    ownDot: own ? { cx: round(x(own.value!)), cy: round(mid), r: 6 } : null,
    labels,
  };
}
