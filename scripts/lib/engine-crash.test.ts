import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineCrashes } from './engine-crash.ts';

// What Vitest printed in the clean-clone CI run of 2026-12-04 (stop 39), colours and all.
const ciOutput = readFileSync(new URL('../../tests/fixtures/vitest/engine-crash.txt', import.meta.url), 'utf8');

describe('engineCrashes(output)', () => {
  it('names the file whose worker V8 aborted, and the check that failed', () => {
    expect(engineCrashes(ciOutput)).toEqual({
      crashes: [{ file: '/check/work/main/scripts/prepare.test.ts', signal: 'SIGTRAP' }],
      checks: ['jit_page.has_value().'],
    });
  });

  it('reruns nothing when a worker died without V8 saying why (killed, out of memory, our own abort)', () => {
    expect(engineCrashes(ciOutput.replace(/^# Check failed: .*$/mu, '#'))).toBeNull();
    expect(engineCrashes(ciOutput.replace('signal SIGTRAP', 'signal SIGKILL').replace(/^# Fatal error in .*$/mu, ''))).toBeNull();
  });

  it('reruns nothing when the run had another unhandled error besides the crash', () => {
    expect(engineCrashes(ciOutput.replace('Vitest caught 1 unhandled error', 'Vitest caught 2 unhandled errors'))).toBeNull();
  });

  it('finds nothing in a run without a crash', () => {
    expect(engineCrashes(' Test Files  1 failed | 144 passed (145)\n      Tests  1 failed | 4514 passed (4515)\n')).toBeNull();
  });
});
