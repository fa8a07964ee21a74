/**
 * Test files whose Vitest worker process V8 itself aborted. On 2026-12-04 a clean-clone CI run lost
 * scripts/prepare.test.ts to `# Check failed: jit_page.has_value().` (V8's map of JIT code pages, a race between
 * isolates that other projects see in Node 18–24 too, e.g. archestra-ai/archestra#6177) after 4 of its 8 tests had
 * passed; 80 runs of the file alone did not repeat it. Such an abort is the engine's own assertion, not one of ours:
 * `npm test` runs those files once more and says so in its summary (scripts/test.ts).
 */

export interface EngineCrash {
  /** The test file the worker was running, as Vitest printed it. */
  file: string;
  /** The signal the worker died of (SIGTRAP for V8's `CHECK`). */
  signal: string;
}

export interface EngineCrashes {
  crashes: EngineCrash[];
  /** The failed checks V8 printed, e.g. `jit_page.has_value().` */
  checks: string[];
}

// Vitest colours its report; the patterns read the plain text.
const ANSI = /\u001b\[[0-9;]*m/gu;

/**
 * The worker crashes in a Vitest run's output when every unhandled error of the run is a worker that exited on a
 * signal and V8 printed its fatal-error banner with a failed check; otherwise null (something else went wrong, and a
 * second run must not hide it).
 */
export function engineCrashes(output: string): EngineCrashes | null {
  const text = output.replace(ANSI, '');
  const crashes = [...text.matchAll(/Worker exited unexpectedly with signal (SIG[A-Z]+) during \w+ state while running test file (\S+)/gu)].map((m) => ({ signal: m[1]!, file: m[2]! }));
  const checks = [...text.matchAll(/^# Fatal error in [^\n]*\n# Check failed: ([^\n]+)$/gmu)].map((m) => m[1]!);
  const caught = /Vitest caught (\d+) unhandled errors? during the test run/u.exec(text);
  if (crashes.length === 0 || checks.length < crashes.length || !caught || Number(caught[1]) !== crashes.length) return null;
  return { crashes, checks };
}
