/**
 * The prepared chart catalog on the five real seeds, ingested into a temporary folder: the entries pages read are
 * the catalog computed afresh, and a rebuild computes again exactly the groups whose inputs changed, ending where a
 * fresh preparation would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { realSeeds } from './crosslinks/test-fixtures.ts';
import { indicatorChart, peerContextOf, planCharts, timelineCharts, type ChartEntry } from './chart-catalog.ts';
import { englishRegionNames } from './i18n/english.ts';
import { digestOf } from './digest.ts';
import { englishNamesById } from './indicator-refs.ts';
import { PHONE_WIDTH } from './charts/layout.ts';
import { readPlans } from './plan-files.ts';
import { chartOfRef, prepareCharts, type PreparedCharts } from './prepared-charts.ts';
import { readRegistry } from './registry-files.ts';
import { writeOutputs } from '../../scripts/ingest.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { RegionOverlayEntry } from '../schemas/registry.ts';
import type { PlanDocument } from '../schemas/plan.ts';

let dir: string;
let plans: PlanDocument[];
let indicators: Indicator[];
let overlay: RegionOverlayEntry[];
let first: PreparedCharts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prepared-charts-'));
  writeOutputs(dir, realSeeds().run.files);
  [plans, indicators, overlay] = await Promise.all([readPlans(dir), readRegistry('indicators'), readRegistry('regions')]);
  first = prepareCharts(plans, indicators, overlay, 'code-1', null);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The groups as prepare writes and a page reads them: through JSON. */
const readerOf = (...runs: PreparedCharts[]) => (group: string): ChartEntry[] => {
  const entries = runs.map((r) => r.groups.get(group)).find((g) => g !== undefined);
  if (!entries) throw new Error(`no group ${group}`);
  return JSON.parse(JSON.stringify(entries)) as ChartEntry[];
};

describe('prepareCharts', () => {
  test('every chart has its phone drawing in both languages: PHONE_WIDTH wide, the same kind, title and values', () => {
    const read = readerOf(first);
    const entries = first.index.charts.map((r) => chartOfRef(r, read));
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      for (const [wide, phone] of [[e.model, e.phone.model], [e.modelEn, e.phone.modelEn]] as const) {
        expect(phone, e.id).not.toBeNull();
        expect(phone!.width, e.id).toBe(PHONE_WIDTH);
        expect(wide!.width, e.id).toBeGreaterThan(PHONE_WIDTH);
        // What it says is the same: only where the marks are differs.
        expect([phone!.kind, phone!.title, phone!.description, phone!.table, phone!.empty], e.id).toEqual([wide!.kind, wide!.title, wide!.description, wide!.table, wide!.empty]);
      }
    }
  });
  test('the entries a page reads are the catalog computed afresh, in catalog order: plans, indicators, timelines', () => {
    const context = peerContextOf(plans, indicators);
    const fresh = [
      ...plans.flatMap((doc) => planCharts(doc, plans, indicators, context)),
      ...indicators.flatMap((i) => indicatorChart(i, plans, englishNamesById(indicators)) ?? []),
      ...timelineCharts(plans, englishRegionNames(overlay)),
    ];
    const read = readerOf(first);
    expect(first.index.charts.map((r) => r.id)).toEqual(fresh.map((c) => c.id));
    expect(first.index.charts.map((r) => chartOfRef(r, read))).toEqual(JSON.parse(JSON.stringify(fresh)));
    // What the keys and files use without reading an entry.
    for (const [i, ref] of first.index.charts.entries()) {
      expect(ref.digest).toBe(digestOf(fresh[i]));
      expect([ref.page, ref.empty]).toEqual([fresh[i]!.page, fresh[i]!.model.empty]);
    }
    // Each plan's charts are one group named after it; each site chart is a group of its own.
    expect(first.index.charts.find((r) => r.id === 'plan-xinji-14th-five-year-baseline-target')?.group).toBe('plan-xinji-14th-five-year');
    expect(first.index.charts.find((r) => r.id === 'regions-timeline')?.group).toBe('regions-timeline');
    // A timeline's CSV reads no plan: its entry holds the rows, every plan under it with its title and period (so a
    // title changed changes its digest); the 辛集 baseline chart's CSV reads 辛集 alone.
    const timeline = fresh.find((e) => e.id === 'regions-timeline')!;
    expect(first.index.charts.find((r) => r.id === 'regions-timeline')!.tablePlans).toEqual([]);
    expect(timeline.data.kind === 'periods' && [...timeline.data.plans].map((r) => r.plan).sort()).toEqual(plans.filter((p) => p.meta.period).map((p) => p.slug).sort());
    const xinji = plans.find((p) => p.slug === 'xinji-14th-five-year')!;
    expect(timeline.data.kind === 'periods' && timeline.data.plans.find((r) => r.plan === xinji.slug)).toMatchObject({ start: xinji.meta.period!.value.start, end: xinji.meta.period!.value.end });
    expect(first.index.charts.find((r) => r.id === 'plan-xinji-14th-five-year-baseline-target')?.tablePlans).toEqual(['xinji-14th-five-year']);
  });

  test('nothing changed: every plan group is kept, only the site charts (which read every plan) are computed', () => {
    const again = prepareCharts(plans, indicators, overlay, 'code-1', first.index);
    expect([...again.groups.keys()].filter((g) => g.startsWith('plan-'))).toEqual([]);
    expect(again.index).toEqual(first.index);
  });

  test('other code, or a group file gone: computed again', () => {
    const code = prepareCharts(plans, indicators, overlay, 'code-2', first.index);
    expect([...code.groups.keys()].filter((g) => g.startsWith('plan-')).sort()).toEqual([...first.groups.keys()].filter((g) => g.startsWith('plan-')).sort());
    const gone = prepareCharts(plans, indicators, overlay, 'code-1', first.index, (group) => group !== 'plan-baodi-14th-five-year');
    expect([...gone.groups.keys()].filter((g) => g.startsWith('plan-'))).toEqual(['plan-baodi-14th-five-year']);
  });

  test("a changed target: its plan's group and the peer views that stand beside it are computed again, the rest kept, as a fresh run has them", async () => {
    // 北辰 (2020–2022) aims at 530 high-tech enterprises (高新技术企业总量突破530家); 红桥 draws the peer view and has a
    // high-tech-enterprises target too; 天津 2014 draws the peer view without one; 宝坻 and 辛集 draw baselines.
    const file = join(dir, 'beichen-2020-2022.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
    const target = doc.targets.find((t) => t.indicatorId === 'high-tech-enterprises' && t.value === 530);
    expect(target).toBeDefined();
    target!.value = 560;
    writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
    const changed = await readPlans(dir);
    const next = prepareCharts(changed, indicators, overlay, 'code-1', first.index);
    const computed = [...next.groups.keys()].filter((g) => g.startsWith('plan-')).sort();
    expect(computed).toEqual(['plan-beichen-2020-2022', 'plan-hongqiao-2020-2022']);
    const digest = (run: PreparedCharts, id: string) => run.index.charts.find((r) => r.id === id)?.digest;
    expect(digest(next, 'plan-hongqiao-2020-2022-peers')).not.toBe(digest(first, 'plan-hongqiao-2020-2022-peers'));
    const fresh = prepareCharts(changed, indicators, overlay, 'code-1', null);
    expect(next.index).toEqual(fresh.index);
    const read = readerOf(next, first);
    expect(next.index.charts.map((r) => chartOfRef(r, read))).toEqual(fresh.index.charts.map((r) => chartOfRef(r, readerOf(fresh))));
  });
});

describe('prepareCharts at a library size where peer views draw spreads', () => {
  // 红桥 draws the peer view. 103 copies of it, each with one target, 高新技术企业 1000, 1010, … 2020 in 2022, make that
  // indicator a spread in each copy's peer view, of 107 values with the seeds': stated rounded (the count 110, the
  // quartiles and median to two figures: 1200, 1500, 1800), the ends exact (红桥's own 102 and the largest copy).
  let lib: string;
  let hongqiao: PlanDocument;
  const copy = (n: number, value: number) => {
    const target = hongqiao.targets.find((t) => t.indicatorId === 'high-tech-enterprises' && t.year === 2022)!;
    const doc = { ...hongqiao, slug: `hongqiao-copy-${n}`, source: { ...hongqiao.source, file: `9${n}.txt` }, targets: [{ ...target, value }] };
    writeFileSync(join(lib, `hongqiao-copy-${n}.json`), JSON.stringify(doc));
  };
  const copies = (run: PreparedCharts) => [...run.groups.keys()].filter((g) => g.startsWith('plan-hongqiao-copy-'));
  const readAll = (run: PreparedCharts, ...more: PreparedCharts[]) => run.index.charts.map((r) => chartOfRef(r, readerOf(run, ...more)));
  // Every run so far, the last first: a kept group's entries are where the run that computed it left them.
  const runs: PreparedCharts[] = [];
  const before = () => runs[0]!.index;

  beforeAll(async () => {
    lib = mkdtempSync(join(tmpdir(), 'prepared-charts-spread-'));
    writeOutputs(lib, realSeeds().run.files);
    hongqiao = JSON.parse(readFileSync(join(lib, 'hongqiao-2020-2022.json'), 'utf8')) as PlanDocument;
    for (let n = 0; n < 103; n++) copy(n, 1000 + 10 * n);
    runs.unshift(prepareCharts(await readPlans(lib), indicators, overlay, 'code-1', null));
    const view = runs[0]!.groups.get('plan-hongqiao-copy-7')![0]!.model;
    expect(view.kind === 'peers' && view.panels.map((p) => [p.indicatorId, p.chart.kind])).toEqual([['high-tech-enterprises', 'spread']]);
    expect(copies(runs[0]!)).toHaveLength(103);
  });
  afterAll(() => rmSync(lib, { recursive: true, force: true }));

  /** Adds a copy and prepares again from the last run: what it leaves is what a fresh run makes, index and entries. */
  async function addCopy(n: number, value: number): Promise<PreparedCharts> {
    copy(n, value);
    const plans = await readPlans(lib);
    const next = prepareCharts(plans, indicators, overlay, 'code-1', before());
    const fresh = prepareCharts(plans, indicators, overlay, 'code-1', null);
    expect(next.index).toEqual(fresh.index);
    expect(readAll(next, ...runs)).toEqual(readAll(fresh));
    return next;
  }

  test('a plan added in the middle: the peer views whose statement it leaves as it was are kept, the others as a fresh run has them', async () => {
    const next = await addCopy(500, 1545);
    // It moves no count, quartile, median or end as stated; a copy's own place, stated in shares rounded to 5 %,
    // moves by less than 1 % (one value in 107): only the copies near a rounding step are computed again.
    expect(copies(next)).toContain('plan-hongqiao-copy-500');
    expect(copies(next).length).toBeLessThan(104 / 2);
    runs.unshift(next);
  });

  test('a plan added beyond the largest value: every peer view names the new end, so every one is computed again', async () => {
    const next = await addCopy(501, 5000);
    expect(copies(next)).toHaveLength(105);
  });
});
