import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'site-files-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/site-files.ts', ...args], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '/' } });

test('a plans folder that is not there is said in one line naming it (exit 1)', () => {
  const r = run('--plans', join(scratch, 'missing'), '--out', join(scratch, 'out'));
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(join(scratch, 'missing'));
});

test('writes the files beside the pages: one source text per plan ingest wrote, as ingest wrote it; in parts, the same files', { timeout: 60_000 }, () => {
  const plans = join(scratch, 'plans');
  const ingest = spawnSync(process.execPath, ['scripts/ingest.ts', '--seeds', 'seeds', '--out', plans], { encoding: 'utf8' });
  expect(ingest.status, ingest.stderr).toBe(0);
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
