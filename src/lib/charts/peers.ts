/**
 * The peer view of a plan that has targets and no baselines (nothing to draw a baseline → target slope from): per
 * indicator, the plan's target beside other plans' targets for the same indicator, one panel per indicator, each on
 * its own scale. What may stand together is decided as on the comparison page and the indicator pages: one value per
 * plan (`pickComparisonValues`), drawn only when `comparability` admits it (same indicator, unit and measure).
 */
import { comparability, type ComparableIndicator } from '../values.ts';
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import { comparison, pickAllComparisonValues, type ComparedIndicator, type ComparisonModel } from './comparison.ts';
import { FONT, LINE, chartId, label, round, wrapText } from './layout.ts';
import { spread, spreadStatement, type SpreadModel, type SpreadStatement } from './spread.ts';
import { bySlug } from '../by-slug.ts';
import type { ChartFrame, ChartSize, ChartValue, PlanValue, TextMark } from './types.ts';

/** A plan as the peer view reads it. */
export interface PeerPlan {
  slug: string;
  planLabel: string;
  targets: readonly ChartValue[];
  blockLabels?: Readonly<Record<string, string>>;
}

/** Input of `peers`. */
export interface PeersData {
  /** The plan the view is for. */
  slug: string;
  /** Every plan, the plan itself included (its place in the list does not matter). */
  plans: readonly PeerPlan[];
  /** The indicator registry, in its order (the panels' order). */
  indicators: readonly ComparedIndicator[];
  /** `peerIndex(plans, indicators)`, computed once when the views of many plans are drawn. */
  index?: PeerIndex;
  /** The words (default Chinese; `CHART_LABELS_EN` for the English edition). */
  labels?: ChartLabels;
  /** `comparability`'s reasons in the labels' language, for values a bar panel leaves out. */
  reasonsOf?: (v: PlanValue, indicator: ComparedIndicator) => string[];
}

/** Per indicator id, every plan's comparable value (one per plan). */
export type PeerIndex = Map<string, PlanValue[]>;

/**
 * Up to this many plans (the plan itself included) a panel draws a bar per plan; beyond, the spread of their
 * targets (./spread.ts), so that a plan page does not grow with the library.
 */
export const PEER_BARS = 12;

/** Each indicator's comparable values across all plans, once for all plans' peer views (linear in the plans). */
export function peerIndex(plans: readonly PeerPlan[], indicators: readonly ComparedIndicator[], picked = pickAllComparisonValues(plans, indicators)): PeerIndex {
  return new Map(indicators.map((indicator) => [indicator.id, picked.get(indicator.id)!.filter((v) => comparability(v, indicator as ComparableIndicator).comparable)]));
}

/** One indicator's panel: its name above a comparison of the plan's target with its peers'. */
export interface PeersPanel {
  indicatorId: string;
  /** Offset of the panel from the top. */
  y: number;
  /** Offset of the comparison's marks from the panel's top (below the title). */
  chartY: number;
  /** The indicator's name and unit, wrapped to the width (English names run long: 60 characters and more). */
  titleLines: TextMark[];
  chart: ComparisonModel | SpreadModel;
}

/** The model of a peer view. */
export interface PeersModel extends ChartFrame {
  kind: 'peers';
  panels: PeersPanel[];
}

/** Per indicator: the plan's own comparable value, and every plan's (its own included) in index order. */
interface PeerSet {
  indicator: ComparedIndicator;
  own: PlanValue;
  all: readonly PlanValue[];
}

function peerSets(data: PeersData): PeerSet[] {
  const out: PeerSet[] = [];
  const index = data.index ?? peerIndex(data.plans, data.indicators);
  for (const indicator of data.indicators) {
    const all = index.get(indicator.id) ?? [];
    // One value per plan: another plan has one when the array holds more than the plan's own.
    const own = all.length > 1 ? bySlug(all).get(data.slug) : undefined;
    if (own) out.push({ indicator, own, all });
  }
  return out;
}

/** The plan's own value first, then the other plans' in index order. */
const ownFirst = ({ own, all }: PeerSet): PlanValue[] => [own, ...all.filter((v) => v !== own)];

/**
 * Per indicator of the registry, the plan's own target and the other plans' comparable targets, when the plan's own
 * is comparable and at least one other plan's is. Indicators where the plan stands alone are left out.
 */
export function peerValues(data: PeersData): { indicator: ComparedIndicator; values: PlanValue[] }[] {
  return peerSets(data).map((set) => ({ indicator: set.indicator, values: ownFirst(set) }));
}

/**
 * All a plan's peer view reads of the other plans, per panel: the values it draws as bars, or the statement of its
 * spread (`spreadStatement`: the figures as it states them). A plan's peer view whose statement is unchanged draws
 * the same (`peers` draws from nothing else of the other plans), so a rebuild keeps it (src/lib/prepared-charts.ts):
 * at 10,000 plans a plan added moved the values of indicators that 7,000 peer views show, and none of what they state.
 */
export function peerStatement(data: PeersData): { indicatorId: string; bars?: PlanValue[]; spread?: SpreadStatement }[] {
  return peerSets(data).map((set) =>
    drawsBars(set) ? { indicatorId: set.indicator.id, bars: ownFirst(set) } : { indicatorId: set.indicator.id, spread: spreadStatement(spreadOf(set, data.slug)) },
  );
}

/** A panel draws a bar per plan up to PEER_BARS plans, else the spread `spreadOf` gives (both `peers` and `peerStatement` ask). */
const drawsBars = (set: PeerSet) => set.all.length <= PEER_BARS;
const spreadOf = (set: PeerSet, slug: string) => ({ indicator: set.indicator, values: set.all, highlight: slug, approximate: true });

const GAP = 20;
/** Lines a panel's title may take before it is cut with …. */
const TITLE_LINES = 3;

/**
 * Stacked comparison panels, the plan's own bar marked 本规划 (and filled; its peers' bars are light), so the peer
 * view says what it is on the chart itself. `empty` when the plan shares no comparable indicator with another plan.
 */
export function peers(data: PeersData, size: ChartSize = { width: 480 }): PeersModel {
  const L = data.labels ?? CHART_LABELS_ZH;
  const own = bySlug(data.plans).get(data.slug);
  const ownLabel = own?.planLabel ?? data.slug;
  let y = 0;
  const rows: string[][] = [];
  const panels: PeersPanel[] = peerSets(data).map((set) => {
    const indicator = set.indicator;
    // The spread is given the index's own array (its sorted values are computed once for every plan's view).
    const chart = drawsBars(set)
      ? comparison({ indicator, values: ownFirst(set), title: indicator.name, highlight: data.slug, labels: L, ...(data.reasonsOf ? { reasonsOf: data.reasonsOf } : {}) }, size)
      : spread({ ...spreadOf(set, data.slug), title: indicator.name, labels: L }, size);
    const unit = L.unit(indicator.unit);
    rows.push(...(chart.kind === 'spread' ? spreadRows(chart, unit, L) : chart.table.rows.map((r) => [chart.title, r[0]!, r[1]!, r[3]!, unit, r[4]!])));
    const lines = wrapText(L.withUnit(indicator.name, indicator.unit), size.width - 8, TITLE_LINES);
    const chartY = FONT + LINE * (lines.length - 1) + 10;
    const panel = { indicatorId: indicator.id, y: round(y), chartY, titleLines: lines.map((t, k) => label(4, FONT + LINE * k, t, 'start')), chart };
    y += chartY + chart.height + GAP;
    return panel;
  });
  // Not 其他规划的: that phrase names the screen-only reuse section, which print checks keep off paper.
  const title = L.peers.title(ownLabel);
  const description = panels.length ? L.peers.description(panels.map((p) => p.chart.description)) : L.peers.none(ownLabel);
  return {
    kind: 'peers',
    id: chartId('peers', data.slug, title, description),
    width: size.width,
    height: panels.length ? round(y - GAP) : 0,
    minWidth: panels[0]?.chart.minWidth ?? 0,
    title,
    description,
    unit: L.peers.unit,
    table: { columns: L.peers.columns, rows },
    sources: panels.flatMap((p) => p.chart.sources),
    notes: panels.length
      ? [
          ...(panels.some((p) => p.chart.kind === 'comparison') ? [L.peers.barsNote] : []),
          ...(panels.some((p) => p.chart.kind === 'spread') ? [L.peers.spreadNote(PEER_BARS), L.spread.approximateNote] : []),
        ]
      : [],
    empty: panels.length === 0,
    panels,
  };
}

/** A spread panel's rows in the peer table: the plan's own value, then the summary of all, as the spread states them. */
function spreadRows(m: SpreadModel, unit: string, L: ChartLabels): string[][] {
  const own = m.own!;
  // The spread's own table: the count, the five numbers, then the plan's value (left out here: it is the first row).
  const [count, ...five] = m.table.rows.slice(0, 6).map((r) => r[1]!);
  const stats = L.spread.rows;
  return [
    [m.title, own.planLabel, own.year === null ? L.comparison.noYear : L.year(own.year), L.value(own, false), unit, own.valueText],
    ...five.map((v, i) => [m.title, L.peers.statOf(count!, stats[i + 1]!), L.peers.anyYear, v, unit, '—']),
  ];
}
