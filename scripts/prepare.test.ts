/**
 * The cross-plan stage on the real seeds, ingested into a temporary folder: one file per plan page and a summary,
 * nothing rewritten when nothing changed, the files of a plan that is gone removed, and a folder prepare has not
 * seen named with the command that fills it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, writeOutputs } from './ingest.ts';
import { prepare } from './prepare.ts';
import { planReuseFile, readPrepared, reuseSummaryFile } from '../src/lib/plan-files.ts';
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

    expect(await prepare(plans)).toEqual({ plans: 5, written: 6, unchanged: 0, removed: 0 });
    const summary = await readPrepared<ReuseSummary>(reuseSummaryFile(plans));
    expect(summary.plans.map((p) => p.slug)).toEqual(SLUGS);
    // 北辰 (000:67) and 红桥 (002:24) print the same measure (src/lib/reuse/seeds.test.ts): each page links the other.
    const beichen = await readPrepared<PreparedPlanReuse>(planReuseFile(plans, 'beichen-2020-2022'));
    const links = beichen.stretches.filter((s) => s.text.join('').includes('高新技术企业培育库')).flatMap((s) => s.elsewhere);
    expect(links.map((l) => [l.slug, l.name])).toContainEqual(['hongqiao-2020-2022', '红桥区·2020—2022年']);
  });

  it('rewrites nothing when nothing changed, and removes the files of a plan that is gone', async () => {
    const before = statSync(planReuseFile(plans, 'xinji-14th-five-year')).mtimeMs;
    expect(await prepare(plans)).toEqual({ plans: 5, written: 0, unchanged: 6, removed: 0 });
    expect(statSync(planReuseFile(plans, 'xinji-14th-five-year')).mtimeMs).toBe(before);

    rmSync(join(plans, 'baodi-14th-five-year.json'));
    const after = await prepare(plans);
    expect(after.removed).toBe(1);
    expect(readdirSync(join(plans, '_reuse')).sort()).toEqual(['_summary.json', ...SLUGS.filter((s) => s !== 'baodi-14th-five-year').map((s) => `${s}.json`)].sort());
    expect(JSON.parse(readFileSync(reuseSummaryFile(plans), 'utf8')).plans).toHaveLength(4);
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
