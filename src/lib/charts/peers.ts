/**
 * The peer view of a plan that has targets and no baselines (nothing to draw a baseline → target slope from): per
 * indicator, the plan's target beside other plans' targets for the same indicator, one panel per indicator, each on
 * its own scale. What may stand together is decided as on the comparison page and the indicator pages: one value per
 * plan (`pickComparisonValues`), drawn only when `comparability` admits it (same indicator, unit and measure).
 */
import { comparability, formatNumber, formatValue, type ComparableIndicator } from '../values.ts';
import { comparison, pickComparisonValues, type ComparedIndicator, type ComparisonModel } from './comparison.ts';
import { FONT, chartId, label, round } from './layout.ts';
import { spread, type SpreadModel } from './spread.ts';
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
}

/** Per indicator id, every plan's comparable value (one per plan). */
export type PeerIndex = Map<string, PlanValue[]>;

/**
 * Up to this many plans (the plan itself included) a panel draws a bar per plan; beyond, the spread of their
 * targets (./spread.ts), so that a plan page does not grow with the library.
 */
export const PEER_BARS = 12;

/** Each indicator's comparable values across all plans, once for all plans' peer views (linear in the plans). */
export function peerIndex(plans: readonly PeerPlan[], indicators: readonly ComparedIndicator[]): PeerIndex {
  return new Map(indicators.map((indicator) => [indicator.id, pickComparisonValues(plans, indicator).filter((v) => comparability(v, indicator as ComparableIndicator).comparable)]));
}

/** One indicator's panel: its name above a comparison of the plan's target with its peers'. */
export interface PeersPanel {
  indicatorId: string;
  /** Offset of the panel from the top. */
  y: number;
  /** Offset of the comparison's marks from the panel's top (below the title). */
  chartY: number;
  title: TextMark;
  chart: ComparisonModel | SpreadModel;
}

/** The model of a peer view. */
export interface PeersModel extends ChartFrame {
  kind: 'peers';
  panels: PeersPanel[];
}

/**
 * Per indicator of the registry, the plan's own target and the other plans' comparable targets, when the plan's own
 * is comparable and at least one other plan's is. Indicators where the plan stands alone are left out.
 */
export function peerValues(data: PeersData): { indicator: ComparedIndicator; values: PlanValue[] }[] {
  const out: { indicator: ComparedIndicator; values: PlanValue[] }[] = [];
  const index = data.index ?? peerIndex(data.plans, data.indicators);
  for (const indicator of data.indicators) {
    const picked = index.get(indicator.id) ?? [];
    const own = picked.find((v) => v.slug === data.slug);
    const others = picked.filter((v) => v.slug !== data.slug);
    if (own && others.length > 0) out.push({ indicator, values: [own, ...others] });
  }
  return out;
}

const GAP = 20;

/**
 * Stacked comparison panels, the plan's own bar marked 本规划 (and filled; its peers' bars are light), so the peer
 * view says what it is on the chart itself. `empty` when the plan shares no comparable indicator with another plan.
 */
export function peers(data: PeersData, size: ChartSize = { width: 480 }): PeersModel {
  const own = data.plans.find((p) => p.slug === data.slug);
  const ownLabel = own?.planLabel ?? data.slug;
  let y = 0;
  const panels: PeersPanel[] = peerValues(data).map(({ indicator, values }) => {
    const chart =
      values.length <= PEER_BARS
        ? comparison({ indicator, values, title: indicator.name, highlight: data.slug }, size)
        : spread({ indicator, values, title: indicator.name, highlight: data.slug }, size);
    const panel = { indicatorId: indicator.id, y: round(y), chartY: FONT + 10, title: label(4, FONT, `${indicator.name}（${indicator.unit}）`, 'start'), chart };
    y += FONT + 10 + chart.height + GAP;
    return panel;
  });
  // Not 其他规划的: that phrase names the screen-only reuse section, which print checks keep off paper.
  const title = `${ownLabel}与其他规划目标对照`;
  const description = panels.length
    ? `同类目标对照（本规划没有基数，故与其他规划同一指标、同一单位和口径的目标并列）：${panels.map((p) => p.chart.description).join('')}`
    : `${ownLabel}的目标与其他规划没有同一指标、同一单位和口径的可比目标，故无对照图。`;
  return {
    kind: 'peers',
    id: chartId('peers', data.slug, title, description),
    width: size.width,
    height: panels.length ? round(y - GAP) : 0,
    minWidth: panels[0]?.chart.minWidth ?? 0,
    title,
    description,
    unit: '各指标单位见分图',
    table: {
      columns: ['指标', '规划', '年份', '数值', '单位', '原文写法'],
      rows: panels.flatMap((p) => (p.chart.kind === 'spread' ? spreadRows(p.chart) : p.chart.table.rows.map((r) => [p.chart.title, r[0]!, r[1]!, r[3]!, unitOf(p), r[4]!]))),
    },
    sources: panels.flatMap((p) => p.chart.sources),
    notes: panels.length
      ? [
          ...(panels.some((p) => p.chart.kind === 'comparison')
            ? ['同类目标对照：本规划没有基数，图中把本规划的目标（实心条，标“本规划”）与其他规划同一指标的目标（浅色条）并列；只画入单位和口径相同的目标，年份不同的目标各注年份。']
            : []),
          ...(panels.some((p) => p.chart.kind === 'spread')
            ? [`规划多于${PEER_BARS}个的指标画分布：箱体为居中一半规划的目标（下四分位数至上四分位数），箱中竖线为中位数，横线两端为最小值和最大值，圆点为本规划；各规划的目标年份不尽相同。`]
            : []),
        ]
      : [],
    empty: panels.length === 0,
    panels,
  };
}

/** A spread panel's rows in the peer table: the plan's own value, then the summary of all. */
function spreadRows(m: SpreadModel): string[][] {
  const s = m.summary!;
  const unit = m.unit.replace(/^单位：/u, '');
  const all = `${s.count}个规划`;
  const own = m.own!;
  return [
    [m.title, own.planLabel, own.year === null ? '未载' : `${own.year}年`, formatValue(own, false), unit, own.valueText],
    ...(
      [
        ['最小值', s.min],
        ['下四分位数', s.q1],
        ['中位数', s.median],
        ['上四分位数', s.q3],
        ['最大值', s.max],
      ] as const
    ).map(([name, v]) => [m.title, `${all}的${name}`, '各年', formatNumber(Number(v.toPrecision(4))), unit, '—']),
  ];
}

const unitOf = (p: PeersPanel) => p.chart.unit.replace(/^单位：/u, '');
