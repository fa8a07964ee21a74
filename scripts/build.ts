/**
 * `npm run build [-- --out DIR] [--base /sub/path/] [--seeds DIR] [--plans DIR]`: the one build pipeline, used by `npm start`, the tests
 * and the benchmark. Stages: ingest (seeds → content/plans), `astro build`, Pagefind index. Each stage's time
 * is printed; a failing stage stops the build with its own message.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

export interface BuildOptions {
  /** Output folder of the site (default `dist`). */
  outDir: string;
  /** Base path the site is served under (default `/`). */
  base: string;
  /** Seeds folder (default `seeds`). */
  seedsDir: string;
  /** Where ingest writes the plans for Astro to read (default `content/plans`). */
  plansDir: string;
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0) {
    console.error(`build: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} done in ${ms} ms`);
  return ms;
}

export function build(opts: BuildOptions): void {
  // process.execPath is the pinned Node 24 when run through npm; astro and pagefind come from node_modules.
  run('ingest', process.execPath, ['scripts/ingest.ts', '--seeds', opts.seedsDir, '--out', opts.plansDir]);
  run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', opts.outDir], { BASE_PATH: opts.base, PLANS_DIR: opts.plansDir });
  run('pagefind', process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', opts.outDir, '--quiet']);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
      seeds: { type: 'string', default: 'seeds' },
      plans: { type: 'string', default: 'content/plans' },
    },
  });
  build({ outDir: values.out, base: values.base, seedsDir: values.seeds, plansDir: values.plans });
}
