import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'site-files-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The seeds as the build has them before this stage: ingested and prepared (the chart catalog is prepare's). */
function ingestAndPrepare(plans: string): void {
  const ingest = spawnSync(process.execPath, ['scripts/ingest.ts', '--seeds', 'seeds', '--out', plans], { encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);
  prepareAgain(plans);
}

function prepareAgain(plans: string): void {
  const prepare = spawnSync(process.execPath, ['scripts/prepare.ts', '--plans', plans], { encoding: 'utf8' });
  expect(prepare.status, prepare.stderr).toBe(0);
}

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/site-files.ts', ...args], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '/' } });

test('a plans folder that is not there is said in one line naming it (exit 1)', () => {
  const r = run('--plans', join(scratch, 'missing'), '--out', join(scratch, 'out'));
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(join(scratch, 'missing'));
});

test('writes the files beside the pages: one source text per plan ingest wrote, as ingest wrote it; in parts, the same files', { timeout: 60_000 }, () => {
  const plans = join(scratch, 'plans');
  ingestAndPrepare(plans);
  const out = join(scratch, 'site');
  const r = run('--plans', plans, '--out', out);
  expect(r.status, r.stderr).toBe(0);
  const slugs = readdirSync(plans).filter((f) => f.endsWith('.json') && !f.startsWith('_')).map((f) => f.slice(0, -'.json'.length));
  expect(slugs.length).toBe(5);
  expect(readdirSync(join(out, 'sources')).sort()).toEqual(slugs.map((s) => `${s}.txt`).sort());
  for (const s of slugs) expect(readFileSync(join(out, 'sources', `${s}.txt`), 'utf8')).toBe(readFileSync(join(plans, `${s}.txt`), 'utf8'));

  // In parts (BUILD_PART=i/k, as the build runs it on a large library): together the same files, none written twice.
  const inParts = [0, 1].map((i) => {
    const dir = join(scratch, `part-${i}`);
    const p = spawnSync(process.execPath, ['scripts/site-files.ts', '--plans', plans, '--out', dir], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '/', BUILD_PART: `${i}/2` } });
    expect(p.status, p.stderr).toBe(0);
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  });
  const whole = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name)));
  expect(inParts[0]!.length).toBeGreaterThan(0);
  expect(inParts[1]!.length).toBeGreaterThan(0);
  expect([...inParts[0]!, ...inParts[1]!].sort()).toEqual(whole.sort());
  for (const [i, files] of inParts.entries()) for (const f of files) expect(readFileSync(join(scratch, `part-${i}`, f)).equals(readFileSync(join(out, f))), f).toBe(true);
});

test('a rebuild keeps the files whose inputs did not change, makes the others again, and drops those of a plan that is gone', { timeout: 60_000 }, async () => {
  const { writeSiteFiles, filesCacheOf } = await import('./site-files.ts');
  const plans = join(scratch, 'plans-kept');
  ingestAndPrepare(plans);
  const out = join(scratch, 'kept-site');
  // Not the address prepare made the open data for: here site files make it themselves, kept while no plan changes.
  const site = new URL('https://example.org/');
  const contents = () => new Map(readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [relative(out, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]));
  const first = await writeSiteFiles(plans, out, site, null);
  expect(first.made).toBe(first.files);
  const firstFiles = contents();
  // The build empties the site folder each time; the cache beside it stays.
  rmSync(out, { recursive: true });
  const second = await writeSiteFiles(plans, out, site, null);
  // Nothing is made again, the open data of every plan included (keyed by every plan's file), and no plan is read.
  expect(first.plansRead).toBe(5);
  expect(second).toEqual({ files: first.files, made: 0, plansRead: 0, prepared: 0 });
  expect(contents()).toEqual(firstFiles);
  // A cached file that is gone, its record still there, is made again; a site folder not emptied gets its files
  // replaced (its kept ones are links to the cache: a copy over one would change the cached file).
  const source = [...firstFiles.keys()].find((f) => f.startsWith('sources/'))!;
  rmSync(join(filesCacheOf(out), source));
  // A source text is made without reading its plan.
  expect(await writeSiteFiles(plans, out, site, null)).toEqual({ files: first.files, made: 1, plansRead: 0, prepared: 0 });
  expect(contents()).toEqual(firstFiles);
  expect(readFileSync(join(filesCacheOf(out), source))).toEqual(firstFiles.get(source));

  const slugs = readdirSync(plans).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)).sort();
  const edited = slugs[0]!;
  writeFileSync(join(plans, `${edited}.txt`), `${readFileSync(join(plans, `${edited}.txt`), 'utf8')}\n附：修改。\n`);
  rmSync(out, { recursive: true });
  const third = await writeSiteFiles(plans, out, site, null);
  // The source text alone: the plan's document model, and so the open data, are as they were.
  expect(third.made).toBe(1);
  expect(third.plansRead).toBe(0);
  expect(readFileSync(join(out, 'sources', `${edited}.txt`), 'utf8')).toContain('附：修改。');

  // A build stopped halfway (here: a source text missing) leaves no record: the next one makes every file again.
  const moved = readFileSync(join(plans, `${slugs[2]}.txt`));
  rmSync(join(plans, `${slugs[2]}.txt`));
  rmSync(out, { recursive: true });
  await expect(writeSiteFiles(plans, out, site, null)).rejects.toThrow(/ENOENT/u);
  writeFileSync(join(plans, `${slugs[2]}.txt`), moved);
  rmSync(out, { recursive: true });
  expect((await writeSiteFiles(plans, out, site, null)).made).toBe(third.files);

  const gone = slugs[1]!;
  rmSync(join(plans, `${gone}.json`));
  rmSync(join(plans, `${gone}.txt`));
  prepareAgain(plans);
  rmSync(out, { recursive: true });
  const fourth = await writeSiteFiles(plans, out, site, null);
  expect(fourth.files).toBeLessThan(third.files);
  // Every plan left read, for the open data.
  expect(fourth.plansRead).toBe(4);
  // The open data of every plan is made again without it.
  expect(readFileSync(join(out, 'data', 'plans.csv'), 'utf8')).not.toContain(gone);
  expect(firstFiles.get('data/plans.csv')!.toString()).toContain(gone);
  expect(existsSync(join(filesCacheOf(out), 'sources', `${gone}.txt`))).toBe(false);
  expect(existsSync(join(filesCacheOf(out), 'data', 'plans', `${gone}.json`))).toBe(false);
  // Each of the five plans has charts (prepare.test.ts); the gone plan's go with it.
  expect(readdirSync(join(filesCacheOf(out), 'charts')).filter((f) => f.includes(gone))).toEqual([]);
  expect(readdirSync(join(filesCacheOf(out), 'charts')).filter((f) => f.includes(slugs[2]!)).length).toBeGreaterThan(0);
  expect(existsSync(join(filesCacheOf(out), 'sources', `${slugs[2]}.txt`))).toBe(true);
});

test("the open data is prepare's files, linked, when prepare made it for this site; else made here from every plan", { timeout: 60_000 }, async () => {
  const { writeSiteFiles } = await import('./site-files.ts');
  const { siteUrl } = await import('../src/lib/site-config.ts');
  const plans = join(scratch, 'plans-open');
  // prepare (spawned without SITE_URL or BASE_PATH) made it for the default address and base, the ones used here.
  ingestAndPrepare(plans);
  const out = join(scratch, 'open-site');
  const linked = await writeSiteFiles(plans, out, new URL(siteUrl()), null);
  expect(linked.prepared).toBe(6);
  for (const f of ['targets.json', 'targets.csv', 'plans.csv', 'instruments.csv', 'incentives.csv', 'alignment.json']) expect(statSync(join(out, 'data', f)).ino, f).toBe(statSync(join(plans, '_open-data', f)).ino);
  expect(readFileSync(join(out, 'data', 'plans.csv'), 'utf8')).toContain(`${siteUrl().replace(/\/$/u, '')}/plans/`);

  // For another address the files are made here, from every plan, with that address.
  const other = join(scratch, 'open-site-other');
  const made = await writeSiteFiles(plans, other, new URL('https://elsewhere.example/'), null);
  expect(made.prepared).toBe(0);
  expect(readFileSync(join(other, 'data', 'plans.csv'), 'utf8')).toContain('https://elsewhere.example/plans/');
  expect(statSync(join(other, 'data', 'plans.csv')).ino).not.toBe(statSync(join(plans, '_open-data', 'plans.csv')).ino);
});
