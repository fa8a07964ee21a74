/**
 * `npm run build [-- --out DIR] [--base /sub/path/] [--seeds DIR] [--plans DIR] [--strict]`: the one build pipeline, used by `npm start`, the tests
 * and the benchmark. Stages: ingest (seeds → content/plans), `astro build`, Pagefind index. Each stage's time
 * is printed; a failing stage stops the build with its own message.
 *
 * Ingest is lenient by default: a text that cannot be read is skipped (and listed on the home page under 未能收录).
 * `--strict` (or `INGEST_STRICT=1` in the environment; `npm test` sets it) passes `--strict` to ingest, so any
 * unreadable text fails the build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writePagefindIds } from './pagefind-ids.ts';

export interface BuildOptions {
  /** Output folder of the site (default `dist`). */
  outDir: string;
  /** Base path the site is served under (default `/`). */
  base: string;
  /** Seeds folder (default `seeds`). */
  seedsDir: string;
  /** Where ingest writes the plans for Astro to read (default `content/plans`). */
  plansDir: string;
  /** Any text that cannot be read fails the build (`ingest --strict`); default: such texts are skipped. */
  strict?: boolean;
}

/** Variables a Vite process sets for its own `import.meta.env`; never passed on to a build. */
const VITE_ENV_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']);

/** A stage failed; its own output has already said why. */
class BuildError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  // Vite reads import.meta.env values (BASE_URL, MODE …) from the environment if they are there, and a parent
  // Vite process (Vitest) leaves them there: an inherited BASE_URL=/ silently overrode `--base /plans/`.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_ENV_KEYS.has(k)));
  // A stage that hangs is stopped after 2 hours (beyond a 10,000-plan build on 2 cores) rather than holding CI forever.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env }, timeout: 120 * 60_000, killSignal: 'SIGKILL' });
  const ms = Math.round(performance.now() - started);
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new BuildError(`build: ${label} did not finish in 2 hours and was stopped`, 1);
  if (result.status !== 0) throw new BuildError(`build: ${label} failed (exit ${result.status ?? result.signal})`, result.status ?? 1);
  console.log(`build: ${label} done in ${ms} ms`);
  return ms;
}

/** Is process `pid` running (on this machine)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Astro keeps build state in the project (`.astro/content-modules.mjs`) and in its cache dir, so two builds in
 * one checkout must not overlap (a test build and a benchmark build, say). A lock directory serialises them. It
 * records its owner's pid (`owner`): a lock whose owner is gone (a killed build) is taken over at once; one
 * without an owner file (being created, or left by an older version) after a minute.
 */
export function withBuildLock<T>(fn: () => T, { lock = resolve('.astro-build.lock'), maxWaitMs = 20 * 60_000 } = {}): T {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner'), String(process.pid));
      break;
    } catch {
      let stale = false;
      try {
        const owner = Number(readFileSync(join(lock, 'owner'), 'utf8'));
        stale = Number.isInteger(owner) && owner > 0 && !alive(owner);
      } catch {
        try {
          stale = Date.now() - statSync(lock).mtimeMs > 60_000;
        } catch {
          continue; // gone in between: try again
        }
      }
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > maxWaitMs) throw new Error(`build: waited ${Math.round(maxWaitMs / 60_000)} minutes for ${lock}; remove it if no build is running`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function build(opts: BuildOptions): void {
  // process.execPath is the pinned Node 24 when run through npm; astro and pagefind come from node_modules.
  run('ingest', process.execPath, ['scripts/ingest.ts', '--seeds', opts.seedsDir, '--out', opts.plansDir, ...(opts.strict ? ['--strict'] : [])]);
  // Builds of other content get their own content-layer cache beside their plans, so they never read this one's.
  const cacheDir = resolve(opts.plansDir) === resolve('content/plans') ? 'node_modules/.astro' : join(dirname(resolve(opts.plansDir)), '.astro-cache');
  withBuildLock(() =>
    run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', opts.outDir], {
      BASE_PATH: opts.base,
      PLANS_DIR: opts.plansDir,
      ASTRO_CACHE_DIR: cacheDir,
    }),
  );
  // `[data-ui]` marks editorial UI in a plan's text (anchors, readings, notes, note numbers): not source text, so
  // not indexed. One selector here instead of a `data-pagefind-ignore` on each of hundreds of marks per page.
  // Only the Chinese plan pages carry `data-pagefind-body`, so only they are indexed; `--glob` keeps Pagefind from
  // reading the other pages at all (at 1,000 plans, 19,000 pages: peak 3.0 GB and 85 s CPU → 1.65 GB and 21 s,
  // the same index). A new kind of indexed page must be added to this glob (tests/site/search-index.test.ts).
  run('pagefind', process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', opts.outDir, '--glob', 'plans/*/index.html', '--exclude-selectors', '[data-ui]', '--quiet']);
  // The search page maps Pagefind's page ids to plans with this (scripts/pagefind-ids.ts).
  writePagefindIds(opts.outDir);
  reportSkipped(opts.plansDir);
}

/** After a lenient build, the texts ingest skipped, again at the very end where they are seen (not under Astro's log). */
function reportSkipped(plansDir: string): void {
  let failures: { message: string }[] = [];
  try {
    failures = (JSON.parse(readFileSync(join(plansDir, '_failures.json'), 'utf8')) as { failures: { message: string }[] }).failures;
  } catch {
    return;
  }
  if (failures.length === 0) return;
  console.error(`\nbuild: ${failures.length} text(s) could not be read and were skipped; the site was built without them (its home page lists them under 未能收录):`);
  for (const f of failures) console.error(`  ${f.message.replace(/\n/gu, '\n  ')}`);
  console.error('build: fix them and build again (`--strict` or INGEST_STRICT=1 makes such a text fail the build)');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
      seeds: { type: 'string', default: 'seeds' },
      plans: { type: 'string', default: 'content/plans' },
      strict: { type: 'boolean', default: process.env.INGEST_STRICT === '1' },
    },
  });
  try {
    build({ outDir: values.out, base: values.base, seedsDir: values.seeds, plansDir: values.plans, strict: values.strict });
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    process.exitCode = e.exitCode;
  }
}
