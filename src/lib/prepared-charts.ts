/**
 * The chart catalog (src/lib/chart-catalog.ts) computed once per build, before rendering (`scripts/prepare.ts`), and
 * written beside the plans: `_charts/_index.json` lists every chart in catalog order with what routes, page keys and
 * file keys need (id, page, whether it draws anything, the digest of its entry, the plans its CSV reads), and each
 * group of charts has its own file of entries: a plan's charts in `_charts/plan-<slug>.json`, each site chart (an
 * indicator's comparison, a timeline) in `_charts/<id>.json`. A page reads the entries it shows; no process holds the
 * whole catalog. Before, each rendering process and each site-files process built the catalog itself (≈ 10 s and
 * 245 MB of models at 10,000 synthetic plans, four times a build; issue 15).
 *
 * A rebuild computes again only the groups whose inputs changed (`ChartIndex.inputs`): a plan's baseline and
 * trajectory charts read that plan alone; its peer view also every plan's comparable values of the indicators it
 * has, of which it draws only what it states (`peerStatement`: a new plan that moves none of the rounded figures of a
 * spread changes no peer view drawing it). The site charts read every plan and are computed
 * each time (≈ 2 s at 10,000 plans). Pure, apart from the reader given and the two readers of the files.
 */
import { join } from 'node:path';
import { digestOf } from './digest.ts';
import { indicatorChart, peerContextOf, planCharts, timelineCharts, type ChartEntry } from './chart-catalog.ts';
import { comparedPlans } from './crosslinks/plans-cited.ts';
import { englishRegionNames } from './i18n/english.ts';
import { englishNamesById } from './indicator-refs.ts';
import { pairBaselineTargets } from './charts/baseline-target.ts';
import { peerStatement } from './charts/peers.ts';
import { planFileDigest, readPreparedSync } from './plan-files.ts';
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { RegionOverlayEntry } from '../schemas/registry.ts';

/** A chart as the index lists it. */
export interface ChartRef {
  id: string;
  /** Site-relative path of the Chinese page it is on. */
  page: string;
  /** The file holding its entry: `_charts/<group>.json`. */
  group: string;
  /** Nothing to draw: no SVG, CSV or embed page. */
  empty: boolean;
  /** `digestOf(entry)`: the chart's part of the keys of the pages and files that show it. */
  digest: string;
  /** The plans its CSV reads rows of (the drawn values' plans; none for a timeline, whose entry holds its rows), for the CSV's key. */
  tablePlans: string[];
}

/** `_charts/_index.json`. */
export interface ChartIndex {
  /** What every group depends on besides its own inputs (the code and the indicator registry, from prepare). */
  shared: string;
  /** Each plan group's input digest, to keep it when a rebuild finds it unchanged. */
  inputs: Record<string, string>;
  /** Every chart, in catalog order. */
  charts: ChartRef[];
}

export const chartsFolder = (plansDir: string): string => join(plansDir, '_charts');
export const chartIndexFile = (plansDir: string): string => join(chartsFolder(plansDir), '_index.json');
export const chartGroupFile = (plansDir: string, group: string): string => join(chartsFolder(plansDir), `${group}.json`);

/** Every chart's ref, in catalog order, as prepare wrote the index (a missing index names the command that writes it). */
export const readChartRefs = (plansDir: string): ChartRef[] => readPreparedSync<ChartIndex>(chartIndexFile(plansDir)).charts;

/** A group's entries, as prepare wrote them. */
export const readChartGroup = (plansDir: string, group: string): ChartEntry[] => readPreparedSync<ChartEntry[]>(chartGroupFile(plansDir, group));

const planGroup = (slug: string) => `plan-${slug}`;

function refOf(entry: ChartEntry, group: string): ChartRef {
  const tablePlans = entry.data.kind === 'periods' ? [] : [...new Set(entry.data.targets.map((t) => t.plan))];
  return { id: entry.id, page: entry.page, group, empty: entry.model.empty, digest: digestOf(entry), tablePlans };
}

/** What `prepareCharts` makes: the index, and the entries of the groups it computed (the others are kept as they are; a group without charts has no file). */
export interface PreparedCharts {
  index: ChartIndex;
  groups: Map<string, ChartEntry[]>;
}

/**
 * The catalog of `plans` as index and groups, computing again only the plan groups whose inputs differ from
 * `previous` (null: all) and whose file is still there (`kept`). `shared` is what all of them depend on besides the
 * plans and indicators (the code's digest).
 */
export function prepareCharts(plans: PlanDocument[], indicators: Indicator[], overlay: readonly RegionOverlayEntry[], shared: string, previous: ChartIndex | null, kept: (group: string) => boolean = () => true, restated: ReadonlyMap<string, string> = new Map()): PreparedCharts {
  const sharedKey = digestOf({ shared, indicators });
  const reusable = Map.groupBy(previous?.charts ?? [], (r) => r.group);
  // The peer views and the indicators' charts compare the plans, not the documents that restate one (an interpretation).
  const compared = comparedPlans(plans, restated);
  const context = peerContextOf(compared, indicators);
  const inputs: Record<string, string> = {};
  const groups = new Map<string, ChartEntry[]>();
  const refs: ChartRef[] = [];
  for (const doc of plans) {
    const group = planGroup(doc.slug);
    // A document that restates a plan is no peer of the others (`planCharts`' peerView).
    const peerView = !restated.has(doc.slug);
    // A plan without baselines draws the peer view: it reads the comparable values of its indicators in every plan,
    // and draws what it states of them (`peerStatement`).
    const peers = peerView && doc.targets.length > 0 && pairBaselineTargets(doc.targets).length === 0;
    const input = digestOf({ plan: planFileDigest(doc), peers: peers ? peerStatement({ slug: doc.slug, plans: context.plans, indicators, index: context.index }) : null });
    inputs[group] = input;
    // A group whose inputs are as they were is kept, if its file is still there (a plan without charts has none).
    const old = previous?.shared === sharedKey && previous.inputs[group] === input ? (reusable.get(group) ?? []) : undefined;
    if (old && (old.length === 0 || kept(group))) {
      refs.push(...old);
      continue;
    }
    const entries = planCharts(doc, compared, indicators, context, { peerView });
    if (entries.length > 0) groups.set(group, entries);
    refs.push(...entries.map((e) => refOf(e, group)));
  }
  const namesEn = englishNamesById(indicators);
  const site = [...indicators.flatMap((i) => indicatorChart(i, compared, namesEn, context.picked) ?? []), ...timelineCharts(plans, englishRegionNames(overlay))];
  for (const entry of site) {
    groups.set(entry.id, [entry]);
    refs.push(refOf(entry, entry.id));
  }
  const seen = new Set<string>();
  for (const r of refs) {
    if (seen.has(r.id)) throw new Error(`two charts have the id ${r.id}`);
    seen.add(r.id);
  }
  return { index: { shared: sharedKey, inputs, charts: refs }, groups };
}

/** A group's entries by chart id, as a page reads them. */
export type ReadGroup = (group: string) => ChartEntry[];

/** The entry a ref names, from its group; one the group lacks is a build error (index and groups disagree). */
export function chartOfRef(ref: ChartRef, readGroup: ReadGroup): ChartEntry {
  const found = readGroup(ref.group).find((c) => c.id === ref.id);
  if (!found) throw new Error(`chart ${ref.id} is not in its group ${ref.group} (_charts/): run scripts/prepare.ts again`);
  return found;
}
