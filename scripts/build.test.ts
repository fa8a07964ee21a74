import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { withBuildLock } from './build.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('withBuildLock(fn)', () => {
  test('holds the lock with its pid while fn runs, and removes it after', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const lock = join(dir, 'lock');
    const seen = withBuildLock(() => readFileSync(join(lock, 'owner'), 'utf8'), { lock, maxWaitMs: 2_000 });
    expect(seen).toBe(String(process.pid));
    expect(existsSync(lock)).toBe(false);
  });

  test('waits for a lock whose owner runs, and says so when it gives up', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const lock = join(dir, 'lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), String(process.pid));
    expect(() => withBuildLock(() => 'ran', { lock, maxWaitMs: 600 })).toThrow(/waited .* remove it if no build is running/u);
    expect(existsSync(lock)).toBe(true);
  });

  test('takes over at once a lock whose owner is gone (a killed build)', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const lock = join(dir, 'lock');
    // A pid that was running and is not any more.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), gone);
    // With a live owner this would wait (here at most 2 s, then throw); a gone owner's lock is taken over.
    expect(withBuildLock(() => 'ran', { lock, maxWaitMs: 2_000 })).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });
});
