/**
 * Seeds read in worker threads give the same plans and files as seeds read in one thread, clashes included, and a
 * worker that cannot start leaves the reading to the main thread. Real worker threads on copies of the real seeds.
 */
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ingest, seedsToRead, type IngestOptions } from './ingest.ts';
import { ingestWorkers, PARALLEL_FROM, readSeedsInParallel } from './ingest-workers.ts';

const work = mkdtempSync(join(tmpdir(), 'ingest-workers-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The five seeds, and 北辰 (000) twice more under later names: the catalog names 000's slug, the copies derive theirs
 * from the text (same region and period), so the second copy's clashes with the first's.
 */
function library(): IngestOptions {
  const seeds = join(work, 'seeds');
  mkdirSync(seeds, { recursive: true });
  for (const f of readdirSync('seeds')) if (f.endsWith('.txt') || f === 'catalog.yaml') copyFileSync(join('seeds', f), join(seeds, f));
  // Each with one line more: a copy byte for byte is a duplicate, made once (scripts/ingest.ts).
  copyFileSync(join('seeds', '000_df8e3af4caff0a08.txt'), join(seeds, '005_copy_of_beichen.txt'));
  appendFileSync(join(seeds, '005_copy_of_beichen.txt'), '\n（转载一）\n');
  copyFileSync(join('seeds', '000_df8e3af4caff0a08.txt'), join(seeds, '006_copy_of_beichen.txt'));
  appendFileSync(join(seeds, '006_copy_of_beichen.txt'), '\n（转载二）\n');
  const content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  return { seedsDir: seeds, outDir: join(work, 'plans'), contentDir: content, check: false, strict: true, log: () => {} };
}

describe('reading seeds in worker threads', { timeout: 120_000 }, () => {
  const opts = library();

  it('gives the same plans, files and log as reading them in this thread, the clash renamed alike', async () => {
    const names = seedsToRead(opts);
    expect(names).toHaveLength(7);
    const read = await readSeedsInParallel(names, opts, 2);
    expect([...read.keys()].sort()).toEqual(names);
    const lines: string[][] = [[], []];
    const parallel = ingest({ ...opts, log: (l) => lines[0]!.push(l) }, read);
    const serial = ingest({ ...opts, log: (l) => lines[1]!.push(l) });
    expect(parallel.errors).toEqual([]);
    // The second copy comes last in file order: the clash gives it a short hash of its own name.
    expect(parallel.plans.slice(-2).map((p) => p.slug.replace(/[0-9a-f]{6}$/u, 'HASH'))).toEqual(['tianjin-beichen-2020-2022', 'tianjin-beichen-2020-2022-HASH']);
    // Its files carry the slug it was renamed to.
    const renamed = parallel.plans.at(-1)!.slug;
    expect(parallel.files.get(`${renamed}.mdx`)).toContain(`slug: "${renamed}"\n`);
    expect(JSON.parse(parallel.files.get(`${renamed}.json`)!).slug).toBe(renamed);
    expect([...parallel.files.keys()].sort()).toEqual([...serial.files.keys()].sort());
    for (const [name, text] of serial.files) expect(parallel.files.get(name), name).toBe(text);
    expect(lines[0]).toEqual(lines[1]);
  });

  it('leaves the reading to this thread when the workers cannot load the registries', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const read = await readSeedsInParallel(seedsToRead(opts), { ...opts, contentDir: join(work, 'no-such-folder') }, 2);
    expect(read.size).toBe(0);
    expect(error.mock.calls.flat().join('\n')).toMatch(/reading in 2 worker threads failed .*; reading in this thread/su);
    error.mockRestore();
  });

  it.each([
    ['a small library', PARALLEL_FROM - 1, {}, 2, 1],
    ['a large one, one thread per core', PARALLEL_FROM, {}, 2, 2],
    ['at most four', 10_000, {}, 16, 4],
    ['INGEST_WORKERS overrides', 10_000, { INGEST_WORKERS: '0' }, 2, 0],
  ] as const)('workers for %s', (_, seeds, env, cores, expected) => {
    expect(ingestWorkers(seeds, env, cores)).toBe(expected);
  });

  it('refuses an INGEST_WORKERS that is not a whole number', () => {
    expect(() => ingestWorkers(10, { INGEST_WORKERS: 'two' }, 2)).toThrow(/INGEST_WORKERS must be a whole number/u);
  });
});
