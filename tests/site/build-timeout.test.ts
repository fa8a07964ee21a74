/**
 * A build that does not finish fails the tests with the end of its log instead of hanging CI (the builds the
 * tests start have a time limit; here one far too short for any build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../support/global-setup.ts';

test('a site build over its time limit is stopped and fails with the end of its log', async () => {
  const work = mkdtempSync(join(tmpdir(), 'build-timeout-'));
  try {
    await expect(buildSite(join(work, 'dist'), '/', ['--plans', join(work, 'plans')], 300)).rejects.toThrow(/did not finish in 0 s and was stopped; the end of its log:/u);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
