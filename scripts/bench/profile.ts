/**
 * `npx node scripts/bench/profile.ts [--count 100] [--seed 1] [--top 25]`: where `astro build` spends its time
 * on a synthetic corpus. Generates the corpus and ingests it into a temporary folder, runs the same
 * `astro build` command as scripts/build.ts under `node --cpu-prof`, and prints the functions with the most
 * time, inclusive (the function and what it calls) and self. Used to find work repeated per page.
 *
 * `npx node scripts/bench/profile.ts --profiles DIR [--top 25]`: the same tables for each `.cpuprofile` already in
 * DIR, such as those `profile-hook.cjs` writes for the stages of a real build (the rendering parts, prepare, …).
 */
import { spawnSync } from 'node:child_process';
import { withBuildLock } from '../build.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** The parts of a V8 `.cpuprofile` used here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Time of one function (ms), inclusive and self. */
export interface FunctionTime {
  name: string;
  inclusiveMs: number;
  selfMs: number;
}

/**
 * Inclusive and self time per function (name + file + line) of a CPU profile. Inclusive time counts each sample
 * once per function on its stack, so recursion is not counted twice.
 */
export function functionTimes(profile: CpuProfile): FunctionTime[] {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.replace(/^file:\/\//u, '').replace(/^.*\/(node_modules\/)/u, '$1');
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const own = keyOf(id);
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(at);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  return [...inclusive].map(([name, inclusiveMs]) => ({ name, inclusiveMs, selfMs: self.get(name) ?? 0 }));
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status})`);
}

/** The two tables of `times`: the project's functions by inclusive time, then every function by self time. */
export function printTimes(times: FunctionTime[], top: number): void {
  const fmt = (t: FunctionTime) => `${t.inclusiveMs.toFixed(0).padStart(8)} ${t.selfMs.toFixed(0).padStart(8)}  ${t.name}`;
  console.log('\nInclusive ms, self ms: functions of the project (src/, scripts/ and their bundled chunks)');
  const ours = times.filter((t) => !t.name.includes('node_modules/') && !t.name.includes('node:') && /\.(ts|mjs|js|astro)/u.test(t.name));
  for (const t of ours.sort((a, b) => b.inclusiveMs - a.inclusiveMs).slice(0, top)) console.log(fmt(t));
  console.log('\nSelf ms: every function');
  for (const t of times.sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(fmt(t));
}

const profilesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
const readProfile = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, top: { type: 'string', default: '25' }, profiles: { type: 'string' } } });
  if (values.profiles) {
    for (const file of profilesIn(values.profiles)) {
      console.log(`\n== ${file}`);
      printTimes(functionTimes(readProfile(file)), Number(values.top));
    }
    process.exit(0);
  }
  const work = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  try {
    run(['scripts/generate-corpus.ts', '--count', values.count, '--seed', values.seed, '--out', join(work, 'seeds')]);
    run(['scripts/ingest.ts', '--seeds', join(work, 'seeds'), '--out', join(work, 'plans')]);
    run(['scripts/prepare.ts', '--plans', join(work, 'plans')]);
    const started = performance.now();
    // Same isolation as scripts/build.ts: its own content-layer cache, and no other build at the same time.
    withBuildLock(() =>
      run(['--cpu-prof', '--cpu-prof-dir', join(work, 'prof'), 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'site')], {
        PLANS_DIR: join(work, 'plans'),
        BASE_PATH: '/',
        ASTRO_CACHE_DIR: join(work, '.astro-cache'),
      }),
    );
    console.log(`astro build of ${values.count} plans under --cpu-prof: ${Math.round(performance.now() - started)} ms`);
    printTimes(profilesIn(join(work, 'prof')).flatMap((f) => functionTimes(readProfile(f))), Number(values.top));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
