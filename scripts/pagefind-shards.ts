/**
 * The Pagefind stage of the build, in bounded pieces. Pagefind holds a whole index in memory while it builds it:
 * about 1.5 MB per plan page (1,000 plans: 1.54 GB peak), so one index of 10,000
 * plans would need about 16 GB. Above `SHARD_PLANS` plans the plan pages are indexed in shards of at most that many,
 * one Pagefind process after another, each writing its own bundle (`pagefind/`, `pagefind-1/`, …); the search page
 * loads the first and merges the others into it with Pagefind's own `mergeIndex` (src/scripts/search.ts), so a
 * query still searches every plan. A site of up to `SHARD_PLANS` plans gets the one `pagefind/` bundle it always had.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { linkOrCopy } from './lib/link-or-copy.ts';

/**
 * Plans per index shard: 4,000 plans are ≈ 6 GB of Pagefind memory (1.5 MB a plan page, measured: 172 pages
 * 288 MB, 1,000 pages 1.54 GB), under the 8 GB a build may use. Not smaller: every shard adds its own index
 * chunks to a query's download (each query word is looked up in each shard).
 */
export const SHARD_PLANS = 4000;

/** The bundle folder of shard `i` under the site root. */
export function bundleDir(i: number): string {
  return i === 0 ? 'pagefind' : `pagefind-${i}`;
}

/** Slugs in shards of at most `size`, in slug order (a rebuild with the same plans gives the same shards). */
export function shardSlugs(slugs: readonly string[], size: number): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`index shard size must be a positive whole number, got ${size}`);
  const sorted = [...slugs].sort();
  const shards: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) shards.push(sorted.slice(i, i + size));
  return shards.length > 0 ? shards : [[]];
}

/** The shard size a build uses: `SEARCH_SHARD_PLANS` in the environment (tests use small shards), else SHARD_PLANS. */
export function shardSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_SHARD_PLANS;
  if (raw === undefined || raw === '') return SHARD_PLANS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_SHARD_PLANS must be a positive whole number, got "${raw}"`);
  return n;
}

/** Arguments every Pagefind run shares: only plan pages are indexed, without the editorial UI (see build.ts). */
const PAGEFIND_ARGS = ['--glob', 'plans/*/index.html', '--exclude-selectors', '[data-ui]', '--quiet'];

function runPagefind(args: string[]): void {
  const result = spawnSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', ...args, ...PAGEFIND_ARGS], { stdio: 'inherit', timeout: 120 * 60_000, killSignal: 'SIGKILL' });
  if (result.status !== 0) throw new Error(`pagefind ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Indexes the plan pages of a built site; returns the bundle folders written, first the one the search page loads.
 * A shard is indexed from a scratch folder beside the site holding links to its plan pages (same paths, so the
 * same URLs), because Pagefind selects files only by glob.
 */
export function indexPlanPages(siteDir: string, shardSize = shardSizeFromEnv()): string[] {
  const plansDir = join(siteDir, 'plans');
  const slugs = readdirSync(plansDir).filter((s) => existsSync(join(plansDir, s, 'index.html')));
  const shards = shardSlugs(slugs, shardSize);
  for (let i = 0; existsSync(join(siteDir, bundleDir(i))); i++) rmSync(join(siteDir, bundleDir(i)), { recursive: true, force: true });
  if (shards.length === 1) {
    runPagefind(['--site', siteDir]);
    return [bundleDir(0)];
  }
  const scratch = mkdtempSync(join(dirname(resolve(siteDir)), '.pagefind-shard-'));
  try {
    shards.forEach((shard, i) => {
      const root = join(scratch, String(i));
      for (const slug of shard) {
        mkdirSync(join(root, 'plans', slug), { recursive: true });
        const from = join(plansDir, slug, 'index.html');
        const to = join(root, 'plans', slug, 'index.html');
        linkOrCopy(from, to);
      }
      runPagefind(['--site', root, '--output-path', join(siteDir, bundleDir(i))]);
      rmSync(root, { recursive: true, force: true });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return shards.map((_, i) => bundleDir(i));
}
