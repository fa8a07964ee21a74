/**
 * A timeline of plan periods: one bar per plan from its first to its last year, the outlook year (`展望到2035年`)
 * as a dashed extension, on a shared year axis. Years are intervals: a bar for 2020—2022 covers three whole years,
 * a one-year plan (2014) still gets a visible bar.
 */
import { max, min, ticks } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Period } from '../../schemas/plan.ts';
import { excerpt } from '../values.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import { chartId, FONT, FONT_SMALL, label, minWidthFor, round, textWidth, wrapText } from './layout.ts';
import type { AxisModel, ChartFrame, ChartSize, ChartSource, LineMark, TextMark } from './types.ts';

/** One plan on the timeline. */
export interface TimelinePlan {
  slug: string;
  /** Short plan name for the row label. */
  planLabel: string;
  /** `PlanDocument.meta.period.value`; `null` leaves the plan out with a note. */
  period: Period | null;
  /**
   * Where the period was read, for the source line: a line of the text (`meta.period.raw` and `.line`; `title` when
   * that line is the plan's title, which the label then quotes whole), or the editors' catalog (no line).
   */
  source?: { quote: string | null; line: number | null; where: 'text' | 'title' | 'catalog' } | null;
}

/** Input of `timeline`. */
export interface TimelineData {
  plans: readonly TimelinePlan[];
  /** Caption; default `规划期`. */
  title?: string;
  /** The words of the chart (`chartLabels(locale)`); default Chinese. */
  labels?: ChartLabels;
  /** Rows are `periodGroups` (one a distinct period), not plans; how many plans had no period. */
  grouped?: { plans: number; undated: number };
}

/** Past this many plans a timeline draws one bar per distinct period (`periodGroups`), not one per plan. */
export const TIMELINE_ROWS = 40;

/**
 * Plans with the same period as one row, labelled with how many plans it stands for (`812个规划`, `812 plans`), in
 * the order the periods first occur. Plans without a period are counted, not drawn. A region of thousands of plans
 * has a few dozen distinct periods, so the chart and its table stay the same size as the library grows (issue 15).
 */
export function periodGroups(plans: readonly TimelinePlan[], L: ChartLabels = CHART_LABELS_ZH): { rows: TimelinePlan[]; undated: number } {
  const groups = new Map<string, { period: Period; count: number }>();
  let undated = 0;
  for (const p of plans) {
    if (!p.period) {
      undated += 1;
      continue;
    }
    const key = `${p.period.start}-${p.period.end}-${p.period.outlook ?? ''}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { period: p.period, count: 1 });
  }
  const rows = [...groups].map(([key, g]) => ({ slug: `period-${key}`, planLabel: L.timeline.plans(g.count), period: g.period, source: null }));
  return { rows, undated };
}

/** One row: a plan's bar and labels. */
export interface TimelineRow {
  slug: string;
  planLabel: string;
  start: number;
  end: number;
  outlook: number | null;
  /** The period, from the start of `start` to the end of `end`. */
  bar: { x: number; y: number; width: number; height: number };
  /** Dashed line from the end of the period to the end of the outlook year, or `null`. */
  outlookLine: LineMark | null;
  /** Short vertical cap at the outlook year, or `null`. */
  outlookCap: LineMark | null;
  rowLabel: TextMark;
  /** `2020—2022年`, `2021—2025年，展望2035年`. */
  periodLabel: TextMark;
}

/** The model `TimelineChart.astro` places. */
export interface TimelineModel extends ChartFrame {
  kind: 'timeline';
  xAxis: AxisModel;
  rows: TimelineRow[];
}

/** `2020—2022年`, `2014年`, with `，展望2035年` when there is an outlook. */
export function periodText(p: Period): string {
  return CHART_LABELS_ZH.timeline.period(p);
}

const BAR = 14;
const ROW = FONT + 6 + BAR + 12;

/**
 * Plan periods on a shared year axis.
 * @param data plans with their periods
 * @param size viewBox `width`; the height follows from the number of plans
 */
export function timeline(data: TimelineData, size: ChartSize = { width: 560 }): TimelineModel {
  const dated = data.plans
    .map((p, i) => ({ p, i }))
    .filter((r): r is { p: TimelinePlan & { period: Period }; i: number } => r.p.period !== null)
    .sort((a, b) => a.p.period.start - b.p.period.start || a.p.period.end - b.p.period.end || a.i - b.i)
    .map((r) => r.p);
  const undated = data.plans.filter((p) => p.period === null);
  const L = data.labels ?? CHART_LABELS_ZH;
  const T = L.timeline;
  const title = data.title ?? T.title;
  const W = size.width;
  const last = (p: Period) => Math.max(p.end, p.outlook ?? p.end);
  const y0 = min(dated, (p) => p.period.start) ?? 0;
  const y1 = (max(dated, (p) => last(p.period)) ?? 0) + 1;
  const x = scaleLinear().domain([y0, y1]).range([6, W - 6]);
  const axisY = dated.length * ROW + 2;

  const rows = dated.map((p, i): TimelineRow => {
    const { start, end, outlook } = p.period;
    const top = i * ROW;
    const barY = top + FONT + 6;
    const mid = barY + BAR / 2;
    const xEnd = x(end + 1);
    const xLast = outlook ? x(outlook + 1) : xEnd;
    const text = T.period(p.period);
    // The period goes right of the bar when it fits, else at the right end of the label line above it.
    const fits = xLast + 6 + textWidth(text, FONT) <= W;
    const labelRoom = fits ? W - 8 : W - textWidth(text, FONT) - 16;
    return {
      slug: p.slug,
      planLabel: p.planLabel,
      start,
      end,
      outlook,
      bar: { x: round(x(start)), y: round(barY), width: round(xEnd - x(start)), height: BAR },
      outlookLine: outlook ? { x1: round(xEnd), y1: round(mid), x2: round(xLast), y2: round(mid) } : null,
      outlookCap: outlook ? { x1: round(xLast), y1: round(barY), x2: round(xLast), y2: round(barY + BAR) } : null,
      rowLabel: label(6, top + FONT, wrapText(p.planLabel, labelRoom, 1)[0] ?? '', 'start'),
      periodLabel: fits ? label(xLast + 6, mid + FONT * 0.35, text, 'start') : label(W - 6, top + FONT, text, 'end'),
    };
  });

  // Year labels sit in the middle of their year's interval; about one label per 64 units of width.
  const years = dated.length ? ticks(y0, y1 - 1, Math.max(2, Math.floor(W / 64))).filter(Number.isInteger) : [];
  const xAxis: AxisModel = {
    orientation: 'x',
    ticks: years.map((yr) => {
      const cx = round(x(yr + 0.5));
      return { value: yr, line: { x1: cx, y1: 0, x2: cx, y2: round(axisY + 4) }, label: label(cx, axisY + 4 + FONT_SMALL, String(yr)) };
    }),
    domain: dated.length ? { x1: round(x(y0)), y1: round(axisY), x2: round(x(y1)), y2: round(axisY) } : null,
  };

  const grouped = data.grouped;
  const description = !dated.length
    ? T.none
    : grouped
      ? T.groupedDescription(grouped.plans - grouped.undated, dated.map((p) => T.groupPart(T.period(p.period), p.planLabel)))
      : T.description(dated.length, dated.map((p) => L.then(p.planLabel, T.period(p.period))));
  const sources: ChartSource[] = dated.flatMap((p) => {
    const s = p.source;
    if (!s || (s.where !== 'catalog' && !s.quote)) return [];
    const quote = s.quote ?? '';
    const label = s.where === 'catalog' ? T.fromCatalog(p.planLabel) : s.where === 'title' ? T.fromTitle(quote) : `${L.sourceLead(p.planLabel)}${L.quoted(excerpt(quote))}`;
    // A catalog value leads to the plan's metadata card, which gives it as 编目补充 / added by the editors.
    return [{ slug: p.slug, blockId: s.where === 'catalog' ? 'meta-card' : null, line: s.where === 'catalog' ? null : s.line, quote, label }];
  });

  return {
    kind: 'timeline',
    id: chartId('timeline', title, description),
    width: W,
    height: dated.length ? round(axisY + FONT_SMALL + 10) : 0,
    minWidth: minWidthFor(W),
    title,
    description,
    unit: T.unit,
    table: {
      columns: T.columns,
      rows: dated.map((p) => [p.planLabel, L.year(p.period.start), L.year(p.period.end), p.period.outlook ? L.year(p.period.outlook) : T.noOutlook]),
    },
    sources,
    notes: [
      ...(grouped ? [T.groupedNote(TIMELINE_ROWS)] : []),
      ...(dated.some((p) => p.period.outlook) ? [T.outlookNote] : []),
      ...(grouped ? (grouped.undated > 0 ? [T.undatedCount(grouped.undated)] : []) : undated.map((p) => T.undated(p.planLabel))),
    ],
    empty: dated.length === 0,
    xAxis,
    rows,
  };
}
