/**
 * The cross-plan stage on the real seeds, ingested into a temporary folder: one file per plan page and a summary,
 * the chart catalog (its own tests: src/lib/prepared-charts.test.ts), nothing rewritten when nothing changed, the files of a plan that is gone removed, and a folder prepare has not
 * seen named with the command that fills it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ingest, writeOutputs } from './ingest.ts';
import { prepare } from './prepare.ts';
import { planReuseFile, readPrepared, readReuseRecord, reuseSummaryFile, validatedPlansFile } from '../src/lib/plan-files.ts';
import type { PreparedPlanReuse, ReuseSummary } from '../src/lib/reuse/prepared.ts';

const work = mkdtempSync(join(tmpdir(), 'prepare-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const plans = join(work, 'plans');

// The five seeds' slugs, in file order (seeds/).
const SLUGS = ['beichen-2020-2022', 'tianjin-2014-work-conference', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year'];

describe('prepare', { timeout: 120_000 }, () => {
  it('writes the reuse page summary and one file per plan page', async () => {
    const result = ingest({ seedsDir: 'seeds', outDir: plans, contentDir: 'content', check: false, strict: true, log: () => {} });
    expect(result.errors).toEqual([]);
    writeOutputs(plans, result.files);
    await expect(readPrepared(reuseSummaryFile(plans))).rejects.toThrow(/_summary\.json is missing: it is written by `node scripts\/prepare\.ts/u);

    const first = await prepare(plans);
    // Every file is new: the six of the text reuse, and the chart catalog's index and groups (src/lib/prepared-charts.ts).
    const chartFiles = readdirSync(join(plans, '_charts'));
    expect(chartFiles).toContain('_index.json');
    // …and its two records: the plans it validated, the keys of the plans' reuse files.
    expect(first).toEqual({ plans: 5, written: 6 + chartFiles.length + 2, unchanged: 0, removed: 0, reusePlans: { computed: 5, kept: 0 }, chartGroups: { computed: chartFiles.length - 1, kept: 0 }, openData: 'made', skipped: false });
    expect(Object.keys(JSON.parse(readFileSync(validatedPlansFile(plans), 'utf8')).files).sort()).toEqual(SLUGS.map((s) => `${s}.json`).sort());
    // Each of the five plans has charts (a baseline chart, else the peer view), each in its plan's group.
    for (const slug of SLUGS) expect(chartFiles).toContain(`plan-${slug}.json`);
    const summary = await readPrepared<ReuseSummary>(reuseSummaryFile(plans));
    expect(summary.plans.map((p) => p.slug)).toEqual(SLUGS);
    // 北辰 (000:67) and 红桥 (002:24) print the same measure (src/lib/reuse/seeds.test.ts): each page links the other.
    const beichen = await readPrepared<PreparedPlanReuse>(planReuseFile(plans, 'beichen-2020-2022'));
    const links = beichen.stretches.filter((s) => s.text.join('').includes('高新技术企业培育库')).flatMap((s) => s.elsewhere);
    expect(links.map((l) => [l.slug, l.name])).toContainEqual(['hongqiao-2020-2022', '红桥区·2020—2022年']);
  });

  it('rewrites nothing when nothing changed, and removes the files of a plan that is gone', async () => {
    const before = statSync(planReuseFile(plans, 'xinji-14th-five-year')).mtimeMs;
    const chartsBefore = statSync(join(plans, '_charts', 'plan-xinji-14th-five-year.json')).mtimeMs;
    const files = 6 + readdirSync(join(plans, '_charts')).length + 2;
    // The five plans' reuse files and chart groups are kept; the site charts, which read every plan, are computed and
    // found unchanged.
    const openData = statSync(join(plans, '_open-data', 'plans.csv')).ino;
    // Without the record of the last run's inputs, every plan is read and everything computed again, and found unchanged.
    rmSync(join(plans, '_prepared', 'inputs.json'));
    expect(await prepare(plans)).toMatchObject({ plans: 5, written: 0, unchanged: files, removed: 0, reusePlans: { computed: 0, kept: 5 }, chartGroups: { kept: 5 }, openData: 'kept' });
    expect(statSync(planReuseFile(plans, 'xinji-14th-five-year')).mtimeMs).toBe(before);
    expect(statSync(join(plans, '_charts', 'plan-xinji-14th-five-year.json')).mtimeMs).toBe(chartsBefore);
    expect(statSync(join(plans, '_open-data', 'plans.csv')).ino).toBe(openData);

    rmSync(join(plans, 'baodi-14th-five-year.json'));
    expect((await prepare(plans)).openData).toBe('made');
    // The open data made again without it, as a new file (the last site still links the old one).
    expect(readFileSync(join(plans, '_open-data', 'plans.csv'), 'utf8')).not.toContain('baodi-14th-five-year');
    expect(statSync(join(plans, '_open-data', 'plans.csv')).ino).not.toBe(openData);
    expect(readdirSync(join(plans, '_reuse')).sort()).toEqual(['_summary.json', ...SLUGS.filter((s) => s !== 'baodi-14th-five-year').map((s) => `${s}.json`)].sort());
    // Its charts go, and the timeline of its district (宝坻区), under which no plan is left.
    const charts = readdirSync(join(plans, '_charts'));
    expect(charts.filter((f) => f.includes('baodi'))).toEqual([]);
    expect(charts).toContain('region-tianjin-timeline.json');
    expect(JSON.parse(readFileSync(reuseSummaryFile(plans), 'utf8')).plans).toHaveLength(4);
  });

  it('does nothing when nothing it reads changed: no plan, code, registry or address; a plan file touched or another base runs it all', async () => {
    const folder = join(work, 'skip');
    cpSync(plans, folder, { recursive: true });
    expect((await prepare(folder)).skipped).toBe(false);
    const reuse = statSync(reuseSummaryFile(folder)).mtimeMs;
    const slug = readdirSync(folder).find((f) => f.endsWith('.json') && !f.startsWith('_'))!;
    expect(await prepare(folder)).toMatchObject({ skipped: true, written: 0, reusePlans: { computed: 0 } });
    expect(statSync(reuseSummaryFile(folder)).mtimeMs).toBe(reuse);
    // The same bytes written again (a new modification time): read and computed again, found unchanged.
    writeFileSync(join(folder, slug), readFileSync(join(folder, slug)));
    expect(await prepare(folder)).toMatchObject({ skipped: false, written: 0, reusePlans: { computed: 0 } });
    expect((await prepare(folder)).skipped).toBe(true);
    // Another base: the open data's URLs change (src/lib/url.ts reads Vite's BASE_URL under Vitest, BASE_PATH in the build).
    vi.stubEnv('BASE_PATH', '/plans/');
    vi.stubEnv('BASE_URL', '/plans/');
    try {
      expect(await prepare(folder)).toMatchObject({ skipped: false, openData: 'made' });
      expect(readFileSync(join(folder, '_open-data', 'plans.csv'), 'utf8')).toContain('/plans/plans/');
    } finally {
      vi.unstubAllEnvs();
    }
    // A plan gone; an output missing.
    rmSync(join(folder, slug));
    expect((await prepare(folder)).skipped).toBe(false);
    rmSync(join(folder, '_open-data', '_key.json'));
    expect(await prepare(folder)).toMatchObject({ skipped: false, openData: 'made' });
    expect((await prepare(folder)).skipped).toBe(true);
  });

  it('keeps only reuse files that a run without its keys writes alike', async () => {
    // 红桥 renamed (a district of another name): 北辰's page links it by name, so 北辰's file is computed again,
    // though nothing of 北辰's text reuse changed. Then the same plans without the record of keys: all afresh.
    const hongqiao = join(plans, 'hongqiao-2020-2022.json');
    writeFileSync(hongqiao, readFileSync(hongqiao, 'utf8').replaceAll('"name":"红桥区"', '"name":"红桥新区"'));
    expect((await prepare(plans)).reusePlans.kept).toBeGreaterThan(0);
    const beichen = await readPrepared<PreparedPlanReuse>(planReuseFile(plans, 'beichen-2020-2022'));
    expect(beichen.stretches.flatMap((s) => s.elsewhere).map((l) => l.name)).toContain('红桥新区·2020—2022年');
    const fresh = join(work, 'fresh');
    cpSync(plans, fresh, { recursive: true });
    rmSync(join(fresh, '_prepared', 'reuse-keys.json'));
    expect((await prepare(fresh)).reusePlans).toEqual({ computed: 4, kept: 0 });
    for (const f of readdirSync(join(plans, '_reuse'))) expect([f, readFileSync(join(plans, '_reuse', f), 'utf8')]).toEqual([f, readFileSync(join(fresh, '_reuse', f), 'utf8')]);
    // The record the page keys read: each plan's digests are those of its file as written, whether this run wrote
    // the file or kept it (then the digests come from the last record), and the same as a run afresh writes.
    const record = readReuseRecord(plans);
    expect(Object.keys(record.plans).sort()).toEqual(SLUGS.filter((s) => s !== 'baodi-14th-five-year').sort());
    for (const [slug, entry] of Object.entries(record.plans)) {
      const text = readFileSync(planReuseFile(plans, slug), 'utf8');
      const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
      expect([slug, entry.file, entry.reusedBlocks]).toEqual([slug, sha1(text), sha1(JSON.stringify((JSON.parse(text) as PreparedPlanReuse).reusedBlocks))]);
    }
    expect(readReuseRecord(fresh)).toEqual(record);
  });

  it('validates a plan again once its file changed, even where the record of the last run names it', async () => {
    const file = join(plans, 'xinji-14th-five-year.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"slug":"xinji-14th-five-year"', '"slug":"Xinji"'));
    await expect(prepare(plans)).rejects.toThrow(new RegExp(`invalid data in ${file}:\n.*slug`, 'u'));
    writeFileSync(file, text);
    expect((await prepare(plans)).plans).toBe(4);
  });

  it('prepares the same chart catalog in a worker thread as in this one, and counts it the same', async () => {
    // A library of 10,000 plans prepares its charts in a worker (CHARTS_WORKER_FROM); here both ways, on copies of
    // the ingested plans without anything prepared.
    const copy = (name: string) => {
      const dir = join(work, name);
      cpSync(plans, dir, { recursive: true });
      for (const f of ['_charts', '_reuse', '_prepared']) rmSync(join(dir, f), { recursive: true, force: true });
      return dir;
    };
    const [here, there] = [copy('charts-here'), copy('charts-worker')];
    const [a, b] = [await prepare(here, { chartsIn: 'this thread' }), await prepare(there, { chartsIn: 'worker' })];
    expect(b).toEqual(a);
    expect(a.chartGroups.computed).toBeGreaterThan(4);
    const files = readdirSync(join(here, '_charts')).sort();
    expect(readdirSync(join(there, '_charts')).sort()).toEqual(files);
    for (const f of files) expect([f, readFileSync(join(there, '_charts', f), 'utf8')]).toEqual([f, readFileSync(join(here, '_charts', f), 'utf8')]);
    // A second run in the worker keeps every plan's group, as in this thread.
    expect((await prepare(there, { chartsIn: 'worker' })).chartGroups).toEqual((await prepare(here, { chartsIn: 'this thread' })).chartGroups);
  });

  it('says why when the worker preparing the charts fails', async () => {
    const broken = join(work, 'charts-broken');
    cpSync(plans, broken, { recursive: true });
    // A file where the catalog's folder goes: the worker cannot write the catalog, and the error says so.
    rmSync(join(broken, '_charts'), { recursive: true, force: true });
    writeFileSync(join(broken, '_charts'), 'a file where the charts folder goes');
    await expect(prepare(broken, { chartsIn: 'worker' })).rejects.toThrow(/^prepare: the chart catalog's worker failed: .*_charts/u);
  });

  it('stops the chart worker when the text reuse fails, instead of waiting for a catalog nothing will use', async () => {
    const broken = join(work, 'reuse-broken');
    cpSync(plans, broken, { recursive: true });
    // A file where the reuse folder goes: the reuse cannot be written.
    rmSync(join(broken, '_reuse'), { recursive: true, force: true });
    writeFileSync(join(broken, '_reuse'), 'a file where the reuse folder goes');
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      await expect(prepare(broken, { chartsIn: 'worker' })).rejects.toThrow(/_reuse/u);
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      terminate.mockRestore();
    }
  });

  it('with the charts in a worker, which reads the plans beside this thread, an invalid plan is said once, by file, and the worker stopped', async () => {
    const broken = join(work, 'plan-broken');
    cpSync(plans, broken, { recursive: true });
    const file = join(broken, 'xinji-14th-five-year.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"slug":"xinji-14th-five-year"', '"slug":"Xinji"'));
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      await expect(prepare(broken, { chartsIn: 'worker' })).rejects.toThrow(new RegExp(`^invalid data in ${file}:\n.*slug`, 'u'));
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      terminate.mockRestore();
    }
  });

  it('says in one line what to fix: a plans folder that is not there, a plan file that is not a plan', () => {
    const cli = (dir: string) => spawnSync(process.execPath, ['scripts/prepare.ts', '--plans', dir], { encoding: 'utf8' });
    const missing = cli(join(work, 'no-plans'));
    expect([missing.status, missing.stderr.trim()]).toEqual([1, `prepare: no plans folder ${join(work, 'no-plans')}: ingest writes it (npm run ingest -- --out ${join(work, 'no-plans')})`]);
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.json'), '{"schemaVersion":1,"slug":"x"}');
    const invalid = cli(bad);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(new RegExp(`^prepare: invalid data in ${join(bad, 'x.json')}:\n`, 'u'));
    expect(invalid.stderr).not.toMatch(/\n\s+at /u);
  });
});
