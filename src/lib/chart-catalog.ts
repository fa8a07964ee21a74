/**
 * Every chart of the site (assembled once per build by src/lib/prepared-charts.ts): its stable id (from the plan
 * slug, indicator id or region id, never from build order), its model, the page it stands on, and the values it
 * draws. The pages place these models, and the same entries give the take-away files: `/charts/<id>.svg`,
 * `/charts/<id>.csv` and the embed page `/embed/<id>/`.
 * Each chart is modelled twice from the same values, in Chinese and in English (`modelEn`: `/en/charts/<id>.svg`,
 * the English pages and `/en/embed/<id>/`), with the words of `chartLabels(locale)`.
 */
import { baselineTarget, pairBaselineTargets } from './charts/baseline-target.ts';
import { comparison, pickAllComparisonValues, pickComparisonValues } from './charts/comparison.ts';
import { peerIndex, peers, type PeerIndex, type PeerPlan } from './charts/peers.ts';
import { spread } from './charts/spread.ts';
import type { AnyChartModel } from './charts/svg.ts';
import { periodGroups, timeline, TIMELINE_ROWS } from './charts/timeline.ts';
import { trajectory, trajectoryCandidates, trajectoryPoints } from './charts/trajectory.ts';
import type { ChartSize, ChartValue, PlanValue } from './charts/types.ts';
import { PHONE_WIDTH } from './charts/layout.ts';
import { CHART_LABELS_EN, CHART_LABELS_ZH, type ChartLabels } from './charts/labels.ts';
import type { ComparedIndicator } from './charts/comparison.ts';
import { comparabilityReasonsEn } from './i18n/english.ts';
import { englishNamesById, noteText } from './indicator-refs.ts';
import { comparability } from './values.ts';
import { blockLabels, indicatorNames, planLabel, timelinePlans } from './chart-inputs.ts';
import { flattenRegions, plansUnder, regionTree } from './crosslinks/regions.ts';
import { planTitle } from './plan-view.ts';
import { targetRecords, toCsv, type TargetRecord } from './targets-view.ts';
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';

/** A chart's place in the site and what it draws. */
export interface ChartEntry {
  /** Stable id: `plan-<slug>-baseline-target`, `plan-<slug>-trajectory-<indicator>`, `plan-<slug>-peers`, `indicator-<id>-comparison`, `regions-timeline`, `region-<id>-timeline`. */
  id: string;
  /** The figure's `id` on its page (the anchor links use). */
  anchor: string;
  model: AnyChartModel;
  /**
   * The same chart in English: the same values and marks' places from the same data, the words from the English
   * label table, names from the registries' English fields (else Chinese).
   */
  modelEn: AnyChartModel;
  /**
   * The same chart drawn {@link PHONE_WIDTH} wide, in both languages: a page shows it on a phone's screen
   * (`PHONE_MEDIA`), where the chart at its own width would scroll sideways; its files are `charts/phone/<id>.svg`.
   */
  phone: { model: AnyChartModel; modelEn: AnyChartModel };
  /** Site-relative path of the Chinese page the chart is on (`plans/<slug>/`). */
  page: string;
  /** Title of that page, for the embed page's link back. */
  pageTitle: string;
  /** The English page's title (a plan's title stays Chinese: plans have no English titles). */
  pageTitleEn: string;
  /** The data file's rows (`/charts/<id>.csv`): the drawn values as `/data/targets.csv` has them, or plan periods. */
  data: ChartData;
}

/**
 * What a chart draws, for its CSV: targets (by plan and target id), or plan periods as the CSV's rows themselves (a
 * timeline's CSV is then made from its entry alone: the regions timeline has every plan with a period, and reading
 * 9,000 plans for three fields each was most of the site-files stage of a rebuild that adds a plan, issue 15).
 */
export type ChartData =
  | { kind: 'targets'; targets: { plan: string; id: string }[] }
  | { kind: 'periods'; plans: PeriodRecord[] };

/**
 * The registry entry as the English charts name it: its English name and comparability note (else the Chinese note),
 * the indicators the note names by their English names (`namesEn`: src/lib/indicator-refs.ts).
 */
const indicatorEn = (i: Indicator, namesEn: ReadonlyMap<string, string>): ComparedIndicator => ({
  ...i,
  name: i.nameEn,
  comparability: i.comparabilityEn ? noteText(i.comparabilityEn, namesEn) : i.comparability,
});

/** `comparability`'s reasons in English (the same tests; `comparabilityReasonsEn` words them). */
const reasonsEn = (v: PlanValue, indicator: ComparedIndicator) => comparabilityReasonsEn(v, indicator).map((w) => w.map((p) => p.text).join(''));

/** A model with the editors'-translation note when an English indicator name it shows is the editors' own. */
function withEditorsNote<M extends AnyChartModel>(m: M, L: ChartLabels, named: readonly (Indicator | undefined)[]): M {
  return named.some((i) => i?.nameEnSource === 'editors') ? { ...m, notes: [...m.notes, L.editorsNames] } : m;
}

/** A chart drawn at its own width and at the phone's, in Chinese and in English, from one function of size each. */
function drawings<M extends AnyChartModel>(zh: (size?: ChartSize) => M, en: (size?: ChartSize) => AnyChartModel): { model: M; modelEn: AnyChartModel; phone: ChartEntry['phone'] } {
  const phone = { width: PHONE_WIDTH };
  return { model: zh(), modelEn: en(), phone: { model: zh(phone), modelEn: en(phone) } };
}

const targetRefs = (slug: string, values: readonly ChartValue[]) =>
  values.flatMap((v) => (v.id ? [{ plan: (v as ChartValue & { slug?: string }).slug ?? slug, id: v.id }] : []));

/**
 * The plan's charts, in page order: baseline → target, or the peer view when there is no baseline; trajectories.
 * `peerView: false` for a document that restates a plan on the site (an interpretation): it is no peer of the others.
 */
export function planCharts(doc: PlanDocument, plans: readonly PlanDocument[], indicators: readonly Indicator[], peerContext?: PeerContext, { peerView = true } = {}): ChartEntry[] {
  if (doc.targets.length === 0) return [];
  const names = indicatorNames([...indicators]);
  const notesEn = englishNamesById(indicators);
  const namesEn = Object.fromEntries(notesEn);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const L = CHART_LABELS_EN;
  const labels = blockLabels(doc);
  const label = planLabel(doc);
  // A plan's charts are on its figures-and-analysis page (issue 12: the text's page stays light).
  const page = `plans/${doc.slug}/analysis/`;
  const pageTitle = planTitle(doc);
  const pageTitleEn = pageTitle;
  const out: ChartEntry[] = [];
  const pairs = pairBaselineTargets(doc.targets);
  if (pairs.length > 0) {
    out.push({
      id: `plan-${doc.slug}-baseline-target`,
      anchor: 'chart-baseline-target',
      ...drawings(
        (size) => baselineTarget({ slug: doc.slug, planLabel: label, targets: doc.targets, names, blockLabels: labels }, size),
        (size) => withEditorsNote(baselineTarget({ slug: doc.slug, planLabel: label, targets: doc.targets, names: namesEn, blockLabels: labels, labels: L }, size), L, pairs.map((p) => byId.get(p.indicatorId))),
      ),
      page,
      pageTitle,
      pageTitleEn,
      data: { kind: 'targets', targets: targetRefs(doc.slug, pairs.flatMap((p) => [p.start, p.end])) },
    });
  } else if (peerView) {
    const context = peerContext ?? peerContextOf(plans, indicators);
    const drawn = drawings(
      (size) => peers({ slug: doc.slug, plans: context.plans, indicators, index: context.index }, size),
      (size) => {
        const modelEn = peers({ slug: doc.slug, plans: context.plans, indicators: indicators.map((i) => indicatorEn(i, notesEn)), index: context.index, labels: L, reasonsOf: reasonsEn }, size);
        return withEditorsNote(modelEn, L, modelEn.panels.map((p) => byId.get(p.indicatorId)));
      },
    );
    const { model } = drawn;
    out.push({
      id: `plan-${doc.slug}-peers`,
      anchor: 'chart-peers',
      ...drawn,
      page,
      pageTitle,
      pageTitleEn,
      data: {
        kind: 'targets',
        targets: model.panels.flatMap((p) =>
          p.chart.kind === 'comparison'
            ? p.chart.bars.flatMap((b) => (b.targetId ? [{ plan: b.slug, id: b.targetId }] : []))
            : targetRefs(doc.slug, [p.chart.own!, ...[p.chart.ends!.min, p.chart.ends!.max].filter((v) => v !== null)]),
        ),
      },
    });
  }
  for (const indicatorId of trajectoryCandidates(doc.targets)) {
    out.push({
      id: `plan-${doc.slug}-trajectory-${indicatorId}`,
      anchor: `chart-trajectory-${indicatorId}`,
      ...drawings(
        (size) => trajectory({ slug: doc.slug, planLabel: label, indicatorId, name: names[indicatorId], targets: doc.targets, blockLabels: labels }, size),
        (size) => withEditorsNote(trajectory({ slug: doc.slug, planLabel: label, indicatorId, name: namesEn[indicatorId], targets: doc.targets, blockLabels: labels, labels: L }, size), L, [byId.get(indicatorId)]),
      ),
      page,
      pageTitle,
      pageTitleEn,
      data: { kind: 'targets', targets: targetRefs(doc.slug, trajectoryPoints(doc.targets, indicatorId).points) },
    });
  }
  return out;
}

/**
 * The plans as the peer views read them, each indicator's values as a comparison picks them (`picked`, the indicator
 * charts read them too) and its comparable ones (`index`): once for every plan's chart.
 */
export interface PeerContext {
  plans: PeerPlan[];
  picked: Map<string, PlanValue[]>;
  index: PeerIndex;
}

export function peerContextOf(plans: readonly PlanDocument[], indicators: readonly Indicator[]): PeerContext {
  const peerPlans = plans.map((p) => ({ slug: p.slug, planLabel: planLabel(p), targets: p.targets, blockLabels: blockLabels(p) }));
  const picked = pickAllComparisonValues(peerPlans, indicators);
  return { plans: peerPlans, picked, index: peerIndex(peerPlans, indicators, picked) };
}

/**
 * The chart of an indicator page, or `null` when no plan has a value for it: a bar per plan, or past
 * `INDICATOR_BARS` comparable values the spread of them (a bar per plan of thousands is neither readable nor small).
 * `namesEn`: every indicator's English name by id (`englishNamesById`), for the indicators its English note names.
 * `picked`: the values of every indicator as `pickAllComparisonValues` picks them, if already at hand.
 */
export function indicatorChart(indicator: Indicator, plans: readonly PlanDocument[], namesEn: ReadonlyMap<string, string>, picked?: ReadonlyMap<string, readonly PlanValue[]>): ChartEntry | null {
  const values =
    picked?.get(indicator.id) ??
    pickComparisonValues(
      plans.filter((doc) => doc.targets.some((t) => t.indicatorId === indicator.id)).map((doc) => ({ slug: doc.slug, planLabel: planLabel(doc), targets: doc.targets, blockLabels: blockLabels(doc) })),
      indicator,
    );
  if (values.length === 0) return null;
  return {
    id: `indicator-${indicator.id}-comparison`,
    anchor: 'chart-comparison',
    ...(comparableCount(values, indicator) <= INDICATOR_BARS
      ? drawings(
          (size) => comparison({ indicator, values }, size),
          (size) => withEditorsNote(comparison({ indicator: indicatorEn(indicator, namesEn), values, labels: CHART_LABELS_EN, reasonsOf: reasonsEn }, size), CHART_LABELS_EN, [indicator]),
        )
      : drawings(
          (size) => spread({ indicator, values }, size),
          (size) => withEditorsNote(spread({ indicator: indicatorEn(indicator, namesEn), values, labels: CHART_LABELS_EN }, size), CHART_LABELS_EN, [indicator]),
        )),
    page: `indicators/${indicator.id}/`,
    pageTitle: `指标：${indicator.name}`,
    pageTitleEn: `Indicator: ${indicator.nameEn}`,
    data: { kind: 'targets', targets: drawnValues(values, indicator).flatMap((v) => (v.id ? [{ plan: v.slug, id: v.id }] : [])) },
  };
}

/** Up to this many comparable values an indicator's chart draws a bar each. */
export const INDICATOR_BARS = 40;

const comparableCount = (values: readonly PlanValue[], indicator: Indicator) => values.filter((v) => comparability(v, indicator).comparable).length;

/** The values an indicator chart names: every comparable one as a bar, or the ends of the spread. */
function drawnValues(values: readonly PlanValue[], indicator: Indicator): PlanValue[] {
  const comparable = values.filter((v) => comparability(v, indicator).comparable);
  if (comparable.length <= INDICATOR_BARS) return comparable;
  const sorted = [...comparable].sort((a, b) => a.value! - b.value!);
  return [sorted[0]!, sorted[sorted.length - 1]!];
}

/** A timeline of plans: a bar per plan, or past `TIMELINE_ROWS` plans a bar per distinct period. */
function timelineOf(plans: PlanDocument[], labels: ChartLabels, size?: ChartSize) {
  const all = timelinePlans(plans);
  if (all.length <= TIMELINE_ROWS) return timeline({ plans: all, labels }, size);
  const { rows, undated } = periodGroups(all, labels);
  return timeline({ plans: rows, title: labels.timeline.groupedTitle, grouped: { plans: all.length, undated }, labels }, size);
}

/** The timeline of the regions page (every plan) and of each region page (the plans under it). */
export function timelineCharts(plans: PlanDocument[], regionNamesEn: Readonly<Record<string, string>> = {}): ChartEntry[] {
  const entry = (id: string, page: string, pageTitle: string, under: PlanDocument[], pageTitleEn = pageTitle): ChartEntry => ({
    id,
    anchor: 'chart-timeline',
    ...drawings(
      (size) => timelineOf(under, CHART_LABELS_ZH, size),
      (size) => timelineOf(under, CHART_LABELS_EN, size),
    ),
    page,
    pageTitle,
    pageTitleEn,
    data: { kind: 'periods', plans: under.flatMap((p) => (p.meta.period ? [periodRecord(p, p.meta.period.value)] : [])) },
  });
  return [
    entry('regions-timeline', 'regions/', '地区', plans, 'Regions'),
    ...flattenRegions(regionTree(plans)).map((node) =>
      entry(`region-${node.region.id}-timeline`, `regions/${node.region.id}/`, node.region.fullName, plansUnder(node), regionNamesEn[node.region.id] ?? node.region.fullName),
    ),
  ];
}


/** The columns of a chart's CSV of periods (the timeline). */
export interface PeriodRecord {
  plan: string;
  planTitle: string;
  start: number;
  end: number;
  outlook: number | null;
}

type Period = NonNullable<PlanDocument['meta']['period']>['value'];

const periodRecord = (p: PlanDocument, period: Period): PeriodRecord => ({ plan: p.slug, planTitle: planTitle(p), start: period.start, end: period.end, outlook: period.outlook ?? null });

/**
 * A chart's data file: for charts of values, the drawn values as rows of `/data/targets.csv` (same columns, same
 * cells), in the chart's order, their plans looked up with `planOf`; for the timeline, each plan's period, from the
 * entry. `urlOf` makes the sentence URL absolute.
 */
export function chartCsv(entry: ChartEntry, planOf: (slug: string) => PlanDocument, indicators: Indicator[], urlOf: (slug: string, blockId: string) => string): string {
  if (entry.data.kind === 'periods') return toCsv(entry.data.plans, ['plan', 'planTitle', 'start', 'end', 'outlook']);
  const refs = entry.data.targets;
  const wanted = new Set(refs.map((r) => `${r.plan}#${r.id}`));
  const records = new Map(
    targetRecords([...new Set(refs.map((r) => r.plan))].map(planOf), indicators, urlOf)
      .filter((r) => wanted.has(`${r.plan}#${r.id}`))
      .map((r) => [`${r.plan}#${r.id}`, r]),
  );
  const rows = [...new Set(refs.map((r) => `${r.plan}#${r.id}`))].map((k) => records.get(k)!);
  const columns = Object.keys(rows[0] ?? {}) as (keyof TargetRecord)[];
  return toCsv(rows, columns.length ? columns : undefined);
}
