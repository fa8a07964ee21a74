/**
 * `npm test`: the one gate. Runs the type check (`astro check`), then Vitest (the `unit` project, and the `site`
 * project, which builds the site and checks it in Chromium: lossless page text, axe, html-validate, links,
 * print, search quality, variant build …), and prints one summary. Exits non-zero if anything failed.
 * Extra arguments go to Vitest (`npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { engineCrashes } from './lib/engine-crash.ts';

interface Step {
  name: string;
  ok: boolean;
  detail: string;
  seconds: number;
}

function timed(name: string, command: string, args: string[], timeoutMinutes: number): { status: number; output: string; seconds: number } {
  const started = performance.now();
  console.log(`\n▶ ${name}: ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  // INGEST_STRICT=1: every build the tests make fails on a text that cannot be read (a user's `npm start` skips it).
  // A step that hangs is stopped (CI has 90 minutes for everything) and reported with the end of its output.
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', INGEST_STRICT: '1' },
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMinutes * 60_000,
    killSignal: 'SIGKILL',
  });
  let output = `${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}`;
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') output += `\n✘ ${name} did not finish in ${timeoutMinutes} minutes and was stopped (the end of its output is above)\n`;
  process.stdout.write(output);
  return { status: r.status ?? 1, output, seconds: (performance.now() - started) / 1000 };
}

const steps: Step[] = [];
const vitestArgs = process.argv.slice(2);

if (!vitestArgs.some((a) => a.startsWith('--project'))) {
  // The check reads the content collections: ingest first, so that it types today's content/plans, not what an
  // older checkout left there (a clean clone has none, which hides the data from the check).
  const ingest = timed('ingest for the type check', process.execPath, ['scripts/ingest.ts'], 5);
  if (ingest.status !== 0) steps.push({ name: 'ingest (for the type check)', ok: false, detail: 'failed', seconds: ingest.seconds });
  const check = timed('type check', process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], 10);
  const m = /(\d+) errors?/u.exec(check.output);
  steps.push({ name: 'type check (astro check)', ok: check.status === 0, detail: m ? `${m[1]} errors` : check.status === 0 ? 'ok' : 'failed', seconds: check.seconds });
}

mkdirSync('tests/.artifacts', { recursive: true });
const report = 'tests/.artifacts/vitest-report.json';
const vitest = timed('tests', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs], 60);

interface JsonReport {
  testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
}
function readReport(file: string): JsonReport | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  } catch {
    return null;
  }
}
let parsed = readReport(report);
let vitestOk = vitest.status === 0;
let vitestDetail = vitestOk ? 'ok' : `exit ${vitest.status}`;

// A worker that V8 itself aborted (scripts/lib/engine-crash.ts) takes its file's remaining tests with it; when that
// is the run's only error and no test failed, those files run once more and their second results count. The summary
// says so, naming the check V8 printed.
const crashed = vitestOk ? null : engineCrashes(vitest.output);
const failedElsewhere = parsed?.testResults.some((f) => f.assertionResults.some((t) => t.status === 'failed')) ?? true;
if (crashed && !failedElsewhere) {
  const files = [...new Set(crashed.crashes.map((c) => relative(process.cwd(), c.file)))];
  const rerunReport = 'tests/.artifacts/vitest-rerun-report.json';
  const rerun = timed(`tests again in ${files.join(', ')} (V8 aborted its worker: Check failed: ${crashed.checks.join('; ')})`, process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${rerunReport}`, ...files], 20);
  const again = readReport(rerunReport);
  if (parsed && again) {
    const rerunNames = new Set(again.testResults.map((f) => f.name));
    parsed = { testResults: [...parsed.testResults.filter((f) => !rerunNames.has(f.name)), ...again.testResults] };
  }
  vitestOk = rerun.status === 0 && again !== null && files.every((f) => again.testResults.some((r) => r.name.endsWith(f)));
  vitestDetail = `exit ${vitest.status}: V8 aborted the worker of ${files.join(', ')} (Check failed: ${crashed.checks.join('; ')}); ${vitestOk ? 'passed' : `failed (exit ${rerun.status})`} when run again`;
}
if (parsed) {
  // One line per area: pipeline units, site logic, and each site check file.
  const areas = new Map<string, { passed: number; failed: number; other: number }>();
  for (const file of parsed.testResults) {
    const rel = file.name.replace(`${process.cwd()}/`, '');
    const area = rel.startsWith('tests/') ? rel.replace(/\.test\.ts$/u, '') : rel.startsWith('scripts/') ? 'unit: scripts (pipeline, tools)' : 'unit: src (site logic, charts)';
    const a = areas.get(area) ?? { passed: 0, failed: 0, other: 0 };
    for (const t of file.assertionResults) {
      if (t.status === 'passed') a.passed++;
      else if (t.status === 'failed') a.failed++;
      else a.other++;
    }
    areas.set(area, a);
  }
  for (const [name, a] of [...areas].sort()) {
    steps.push({ name, ok: a.failed === 0 && a.other === 0, detail: `${a.passed} passed${a.failed ? `, ${a.failed} failed` : ''}${a.other ? `, ${a.other} skipped/todo` : ''}`, seconds: NaN });
  }
}
steps.push({ name: 'vitest (all projects)', ok: vitestOk, detail: vitestDetail, seconds: vitest.seconds });

const width = Math.max(...steps.map((s) => s.name.length));
console.log('\n── npm test summary ──────────────────────────────────────────');
for (const s of steps) console.log(`${s.ok ? '✔' : '✘'} ${s.name.padEnd(width)}  ${s.detail}${Number.isNaN(s.seconds) ? '' : `  (${s.seconds.toFixed(0)} s)`}`);
const failed = steps.filter((s) => !s.ok);
console.log(failed.length === 0 ? 'all checks passed' : `${failed.length} check(s) failed: ${failed.map((s) => s.name).join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
