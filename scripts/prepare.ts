/**
 * `node scripts/prepare.ts [--plans DIR]`: the build's cross-plan stage, between ingest and `astro build`. It reads
 * every plan ingest wrote and computes, once, what needs all of them, writing it beside the plans for the pages:
 * the text reuse (`_reuse/_summary.json` for the reuse page, `_reuse/<slug>.json` per plan page;
 * src/lib/reuse/prepared.ts) and the chart catalog (`_charts/`: an index, and each plan's charts and each site chart;
 * src/lib/prepared-charts.ts), the open data of every plan for the site (`_open-data/`, src/lib/open-data-files.ts);
 * last, the record of the plan files it validated (`_prepared/validated.json`), so that
 * the stages after it read them without validating each again. Before this stage each rendering process computed
 * the text reuse itself and held it whole (≈ 1.5 GB per process at 10,000 synthetic plans; issue 15).
 *
 * A file whose content is unchanged is not written again (its date stays), and the files of plans that are gone
 * are removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataError } from '../src/schemas/friendly-errors.ts';
import { planFileDigest, planFiles, planReuseFile, readPlans, readReuseRecord, reuseRecordFile, reuseSummaryFile, validatedPlans, validatedPlansFile, validatedRecord, type PlanReuseRecord, type ReuseRecord } from '../src/lib/plan-files.ts';
import { findPassages, reuseInput } from '../src/lib/reuse/index.ts';
import { prepareReuse } from '../src/lib/reuse/prepared.ts';
import { chartGroupFile, chartIndexFile, chartsFolder, prepareCharts, type ChartIndex } from '../src/lib/prepared-charts.ts';
import { restatedPlans } from '../src/lib/crosslinks/plans-cited.ts';
import { REGISTRIES, readRegistry } from '../src/lib/registry-files.ts';
import type { PlanDocument } from '../src/schemas/plan.ts';
import { openDataFiles, openDataFolder, openDataKey, openDataKeyFile, preparedOpenDataFile, preparedOpenDataKey, readSiteRegistries } from '../src/lib/open-data-files.ts';
import { siteUrl } from '../src/lib/site-config.ts';
import { codeDigest } from './lib/code-digest.ts';
import { fileStamp } from './lib/file-stamp.ts';
import { digestOf } from '../src/lib/digest.ts';
import { url } from '../src/lib/url.ts';
import { writeChunks } from './lib/write-chunks.ts';
import { parseCommandLine } from './lib/command-line.ts';

export interface PrepareResult {
  plans: number;
  /** Files written because they are new or changed. */
  written: number;
  /** Files left as they were. */
  unchanged: number;
  /** Files of plans no longer in the folder, removed. */
  removed: number;
  /** Of the plans' text reuse files, how many were computed again; the others were kept. */
  reusePlans: { computed: number; kept: number };
  /** Of the chart groups (a plan's charts, a site chart), how many were computed again; the others were kept. */
  chartGroups: { computed: number; kept: number };
  /** The open data of every plan (`_open-data/`): made again, or kept (no plan, registry, code or address changed). */
  openData: 'made' | 'kept';
  /**
   * Nothing prepare reads changed since its last run (`preparedInputs`): no plan was read, every file is as that run
   * wrote it (the counts above then say nothing was computed).
   */
  skipped: boolean;
}

/**
 * From this many plans, the chart catalog is prepared in a worker thread while this thread finds the text reuse: the
 * two share nothing but the plans (each reads them), and prepare ran alone on one of the machine's cores (at 10,000
 * plans 49 s in a rebuild: the passages ≈ 15 s, the charts ≈ 9 s, reading the plans ≈ 5 s). Below it, starting the
 * worker (reading the plans again, loading the chart code) costs more than it saves.
 */
export const CHARTS_WORKER_FROM = 500;

export interface PrepareOptions {
  /** Where the chart catalog is prepared: a worker thread, or this one (default: the worker from {@link CHARTS_WORKER_FROM} plans on a machine of more than one core). */
  chartsIn?: 'worker' | 'this thread';
}

/**
 * What prepare reads, as a key it can compute without reading a plan: the code, the registries, the site's address and
 * base (the open data's URLs), and each plan file's name and stamp (inode, size, modification time: ingest leaves a
 * plan it did not parse again untouched, scripts/ingest.ts `writeOutputs`). A run whose key is the last complete run's
 * has nothing to do (at 10,000 plans ≈ 24 s of every rebuild that changes nothing: reading the plans, finding the
 * passages, the site-wide charts); a file rewritten with the same bytes only costs a run.
 */
export async function preparedInputs(plansDir: string, code: string): Promise<string> {
  const registries = await Promise.all(Object.values(REGISTRIES).map(async (r) => [r.file, await readFile(r.file, 'utf8')]));
  const plans = readdirSync(plansDir)
    .filter((f) => !f.startsWith('_'))
    .sort()
    .map((f) => [f, fileStamp(join(plansDir, f))]);
  return digestOf({ code, registries, site: siteUrl(), base: url(''), plans });
}

/** The record of the last complete run's inputs (`preparedInputs`), written last and removed first. */
const preparedInputsFile = (plansDir: string): string => join(dirname(validatedPlansFile(plansDir)), 'inputs.json');

/** Compute the cross-plan data of the plans in `plansDir` and write it there. */
export async function prepare(plansDir: string, options: PrepareOptions = {}): Promise<PrepareResult> {
  const code = codeDigest();
  const inputs = await preparedInputs(plansDir, code);
  const outputs = [reuseSummaryFile(plansDir), chartIndexFile(plansDir), openDataKeyFile(plansDir), validatedPlansFile(plansDir), reuseRecordFile(plansDir)];
  if (readInputs(preparedInputsFile(plansDir)) === inputs && outputs.every((f) => existsSync(f))) {
    const plans = Object.keys(validatedPlans(plansDir, code)).length;
    return { plans, written: 0, unchanged: 0, removed: 0, reusePlans: { computed: 0, kept: plans }, chartGroups: { computed: 0, kept: 0 }, openData: 'kept', skipped: true };
  }
  // No record while this run writes: one stopped halfway is not taken for complete by the next.
  rmSync(preparedInputsFile(plansDir), { force: true });
  // A plan file validated by this code in an earlier build is not validated again (src/lib/plan-files.ts).
  const known = validatedPlans(plansDir, code);
  const inWorker = (options.chartsIn ?? (planFiles(plansDir).length >= CHARTS_WORKER_FROM && availableParallelism() > 1 ? 'worker' : 'this thread')) === 'worker';
  // The worker starts first and reads the plans itself, beside this thread (it used to wait for this thread's reading,
  // ≈ 4 s of every run at 10,000 plans, and then ended last); a plan neither run of this code validated, each
  // thread validates.
  const worker = inWorker ? prepareChartsInWorker(plansDir, known, code) : null;
  let plans: PlanDocument[];
  try {
    plans = await readPlans(plansDir, known);
  } catch (e) {
    await worker?.stop();
    throw e;
  }
  const validated = validatedRecord(plans, code);
  const charts = worker ?? { result: prepareBesideReuse(plansDir, plans, code), stop: async () => {} };
  // Settled at once, so that a failure of the reuse below does not leave this rejection unhandled.
  charts.result.catch(() => {});
  const result: PrepareResult = { plans: plans.length, written: 0, unchanged: 0, removed: 0, reusePlans: { computed: 0, kept: 0 }, chartGroups: { computed: 0, kept: 0 }, openData: 'kept', skipped: false };
  const count = (r: FolderResult) => {
    result.written += r.written;
    result.unchanged += r.unchanged;
    result.removed += r.removed;
  };

  let reuse: ReturnType<typeof prepareReuseFiles>;
  try {
    reuse = prepareReuseFiles(plansDir, plans, code);
  } catch (e) {
    // The worker would hold the process until it finished the whole catalog, which nothing would then use.
    await charts.stop();
    throw e;
  }
  result.reusePlans = reuse.reusePlans;
  count(reuse.folder);
  const chartFiles = await charts.result;
  result.chartGroups = chartFiles.chartGroups;
  result.openData = chartFiles.openData;
  count(chartFiles.folder);

  // Last: every plan read above is valid; the stages after this one read them without the schema. And the records
  // of the reuse files written above (after them, so that a record never names a file not yet written).
  const records = new Map([
    [validatedPlansFile(plansDir), JSON.stringify(validated)],
    [reuseRecordFile(plansDir), JSON.stringify({ code, plans: reuse.records } satisfies ReuseRecord)],
  ]);
  count(writeFolder(dirname(validatedPlansFile(plansDir)), records));
  // Last of all (not counted): this run's inputs, so that the next run with the same ones has nothing to do.
  writeFileSync(preparedInputsFile(plansDir), JSON.stringify({ inputs }));
  return result;
}

function readInputs(file: string): string | null {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { inputs?: string }).inputs ?? null;
  } catch {
    return null;
  }
}

/**
 * The text reuse files (`_reuse/`): a plan's file is computed again only when its key or its document changed
 * (src/lib/reuse/prepared.ts). Returns each plan's record (`ReuseRecord`): its key, the digests of its file and of its
 * reused blocks, for the page keys; a kept file's come from the last record.
 */
function prepareReuseFiles(plansDir: string, plans: readonly PlanDocument[], code: string): { folder: FolderResult; reusePlans: PrepareResult['reusePlans']; records: Record<string, PlanReuseRecord> } {
  const { summary, perPlan } = prepareReuse(plans, findPassages(plans.map(reuseInput)));
  const previous = readReuseRecords(plansDir, code);
  const records: Record<string, PlanReuseRecord> = {};
  const reuse = new Map<string, string>([[reuseSummaryFile(plansDir), JSON.stringify(summary)]]);
  const keepReuse = new Set<string>();
  perPlan.forEach((p, i) => {
    const file = planReuseFile(plansDir, p.slug);
    const key = sha1(planFileDigest(plans[i]!), '\0', p.key);
    const last = previous[p.slug];
    if (last?.key === key && existsSync(file)) {
      keepReuse.add(file);
      records[p.slug] = last;
      return;
    }
    const prepared = p.prepare();
    const text = JSON.stringify(prepared);
    reuse.set(file, text);
    records[p.slug] = { key, file: sha1(text), reusedBlocks: sha1(JSON.stringify(prepared.reusedBlocks)) };
  });
  const folder = writeFolder(dirname(reuseSummaryFile(plansDir)), reuse, keepReuse);
  return { folder, reusePlans: { computed: perPlan.length - keepReuse.size, kept: keepReuse.size }, records };
}

const sha1 = (...parts: string[]): string => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/** What preparing the chart catalog did (`prepareChartFiles`). */
export interface ChartFilesResult {
  folder: FolderResult;
  chartGroups: PrepareResult['chartGroups'];
}

/** What is prepared beside the text reuse (`prepareBesideReuse`); a worker posts it back as it is. */
export interface BesideReuseResult extends ChartFilesResult {
  openData: PrepareResult['openData'];
}

/**
 * The work that runs beside the text reuse (in the worker from {@link CHARTS_WORKER_FROM} plans): the chart catalog,
 * then the open data of every plan. Both need every plan and nothing the reuse computes.
 */
export async function prepareBesideReuse(plansDir: string, plans: PlanDocument[], code: string): Promise<BesideReuseResult> {
  const charts = await prepareChartFiles(plansDir, plans, code);
  return { ...charts, openData: await prepareOpenData(plansDir, plans, code) };
}

/**
 * The open data of every plan (src/lib/open-data-files.ts) under `_open-data/`, for the site's address and base as
 * the environment gives them (scripts/build.ts passes the build's), kept when its key is as recorded. Site files link
 * these files into the site when the key is theirs too.
 */
export async function prepareOpenData(plansDir: string, plans: readonly PlanDocument[], code: string): Promise<PrepareResult['openData']> {
  const registries = await readSiteRegistries();
  const site = new URL(siteUrl());
  const key = openDataKey(code, plans.map(planFileDigest), registries, site);
  const files = openDataFiles(() => [...plans], registries, site);
  if (preparedOpenDataKey(plansDir) === key && files.every((f) => existsSync(preparedOpenDataFile(plansDir, f.path)))) return 'kept';
  mkdirSync(openDataFolder(plansDir), { recursive: true });
  // No record while the files are written: a stop halfway leaves none, and the next build makes them all again.
  rmSync(openDataKeyFile(plansDir), { force: true });
  for (const f of files) {
    const target = preparedOpenDataFile(plansDir, f.path);
    const body = f.body();
    // A new file renamed into place, not the old one rewritten: the last site, still being deleted, links to it.
    writeChunks(`${target}.tmp`, typeof body === 'string' ? [body] : body);
    renameSync(`${target}.tmp`, target);
  }
  writeFileSync(openDataKeyFile(plansDir), JSON.stringify({ key }));
  return 'made';
}

/** The chart catalog (`_charts/`): the groups whose inputs did not change are kept (src/lib/prepared-charts.ts). */
export async function prepareChartFiles(plansDir: string, plans: PlanDocument[], code: string): Promise<ChartFilesResult> {
  const [indicators, overlay, documents] = await Promise.all([readRegistry('indicators'), readRegistry('regions'), readRegistry('documents')]);
  const previous = readIndex(chartIndexFile(plansDir));
  const restated = restatedPlans(plans, documents);
  const { index, groups } = prepareCharts(plans, indicators, overlay, code, previous, (group) => existsSync(chartGroupFile(plansDir, group)), restated);
  const charts = new Map<string, string>([[chartIndexFile(plansDir), JSON.stringify(index)]]);
  const keep = new Set<string>();
  for (const ref of index.charts) if (!groups.has(ref.group)) keep.add(chartGroupFile(plansDir, ref.group));
  for (const [group, entries] of groups) charts.set(chartGroupFile(plansDir, group), JSON.stringify(entries));
  return { folder: writeFolder(chartsFolder(plansDir), charts, keep), chartGroups: { computed: groups.size, kept: keep.size } };
}

/**
 * `prepareBesideReuse` in a worker thread (scripts/prepare-charts-worker.ts), which reads the plans itself (those
 * `validated` names without the schema); `stop` ends the worker (its result then rejects).
 */
function prepareChartsInWorker(plansDir: string, validated: Readonly<Record<string, string>>, code: string): { result: Promise<BesideReuseResult>; stop: () => Promise<void> } {
  const worker = new Worker(new URL('./prepare-charts-worker.ts', import.meta.url), { workerData: { plansDir, validated, code } });
  const result = new Promise<BesideReuseResult>((resolve, reject) => {
    let posted: BesideReuseResult | undefined;
    worker.on('message', (r: BesideReuseResult) => (posted = r));
    worker.on('error', (e) => reject(new Error(`prepare: the chart catalog's worker failed: ${e.message}`, { cause: e })));
    worker.on('exit', (exitCode) => (posted ? resolve(posted) : reject(new Error(`prepare: the chart catalog's worker stopped (exit ${exitCode}) without a result`))));
  });
  // Settled at once: the caller may stop the worker (its own reading failed) before it awaits the result.
  result.catch(() => {});
  return { result, stop: async () => void (await worker.terminate()) };
}

export interface FolderResult {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Writes `files` (path → text) into `folder`, leaving a file whose text is already that as it is (its date stays),
 * keeping the files of `keep` untouched and removing any other file of the folder.
 */
function writeFolder(folder: string, files: ReadonlyMap<string, string>, keep: ReadonlySet<string> = new Set()): FolderResult {
  const out: FolderResult = { written: 0, unchanged: keep.size, removed: 0 };
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) {
    const path = join(folder, f);
    if (!files.has(path) && !keep.has(path)) {
      rmSync(path);
      out.removed++;
    }
  }
  for (const [file, text] of files) {
    if (existsSync(file) && readFileSync(file, 'utf8') === text) out.unchanged++;
    else {
      writeFileSync(file, text);
      out.written++;
    }
  }
  return out;
}

/** The plans' reuse records the last run of the code `code` wrote (none for other code, or no or a broken record: all computed). */
function readReuseRecords(plansDir: string, code: string): Record<string, PlanReuseRecord> {
  try {
    const record = readReuseRecord(plansDir) as Partial<ReuseRecord>;
    return record.code === code && record.plans ? record.plans : {};
  } catch {
    return {};
  }
}

function readIndex(file: string): ChartIndex | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ChartIndex;
  } catch {
    return null; // none yet, or a broken one: every group is computed
  }
}

if (import.meta.main) {
  const { values } = parseCommandLine('prepare', { options: { plans: { type: 'string', default: 'content/plans' } } });
  const started = performance.now();
  try {
    const r = await prepare(values.plans);
    if (r.skipped) console.log(`prepare: nothing it reads changed since its last run (${r.plans} plan(s), code, registries, address): kept everything in ${Math.round(performance.now() - started)} ms`);
    else console.log(
      `prepared the text reuse, charts and open data of ${r.plans} plan(s) in ${Math.round(performance.now() - started)} ms: ${r.reusePlans.computed} plan reuse file(s) computed, ${r.reusePlans.kept} kept; ${r.chartGroups.computed} chart group(s) computed, ${r.chartGroups.kept} kept; open data ${r.openData}; ${r.written} file(s) written, ${r.unchanged} unchanged, ${r.removed} removed → ${join(values.plans, '_reuse')}, ${join(values.plans, '_charts')}, ${join(values.plans, '_open-data')}`,
    );
  } catch (e) {
    // What a user can fix is said in one line (the file and what is wrong with it); anything else is a bug, with its stack.
    if (!existsSync(values.plans)) console.error(`prepare: no plans folder ${values.plans}: ingest writes it (npm run ingest -- --out ${values.plans})`);
    else if (e instanceof DataError) console.error(`prepare: ${e.message}`);
    else throw e;
    process.exitCode = 1;
  }
}
