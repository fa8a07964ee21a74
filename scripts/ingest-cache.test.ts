/**
 * Incremental ingest: a seed whose bytes, pipeline code and registries are unchanged since the last run is not read
 * again; its plan files stay as they were. Each test works on copies of the real seeds in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FILE, ingest, writeOutputs, type IngestCache, type IngestOptions } from './ingest.ts';

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

function library(): { seeds: string; out: string; content: string } {
  work = mkdtempSync(join(tmpdir(), 'ingest-cache-test-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  for (const f of readdirSync('seeds')) if (f.endsWith('.txt') || f === 'catalog.yaml') copyFileSync(join('seeds', f), join(seeds, f));
  const content = join(work, 'content');
  cpSync('content', content, { recursive: true });
  return { seeds, out: join(work, 'plans'), content };
}

/** One `npm run ingest` as the command does it: ingest, then write. */
function run(lib: { seeds: string; out: string; content: string }, incremental = true) {
  const opts: IngestOptions = { seedsDir: lib.seeds, outDir: lib.out, contentDir: lib.content, check: false, strict: true, incremental, log: () => {} };
  const result = ingest(opts);
  expect(result.errors).toEqual([]);
  writeOutputs(lib.out, result.files, result.kept);
  return result;
}

// The five seeds, in file order (seeds/).
const ALL = ['000_df8e3af4caff0a08.txt', '001_b19521e93b2b759c.txt', '002_3b22102abfde4f0c.txt', '003_9c4896c03185b26c.txt', '004_d6d163db2a424736.txt'];

describe('incremental ingest', { timeout: 120_000 }, () => {
  it('reads only the seed that changed, and leaves the other plans’ files untouched', () => {
    const lib = library();
    expect(run(lib).ran).toEqual(ALL);
    const mtimes = new Map(readdirSync(lib.out).map((f) => [f, statSync(join(lib.out, f)).mtimeMs]));
    const before = readFileSync(join(lib.out, 'hongqiao-2020-2022.json'), 'utf8');

    // 红桥 (002) gains a paragraph at its end.
    appendFileSync(join(lib.seeds, ALL[2]!), '\n本计划由区科技局负责解释。\n');
    const second = run(lib);
    expect(second.ran).toEqual([ALL[2]]);
    expect(second.reused).toEqual([ALL[0], ALL[1], ALL[3], ALL[4]]);
    // The plan list is whole, in file order, and the changed plan carries its new text.
    expect(second.plans.map((p) => p.source.file)).toEqual(ALL);
    const after = readFileSync(join(lib.out, 'hongqiao-2020-2022.json'), 'utf8');
    expect(after).not.toEqual(before);
    expect(after).toContain('本计划由区科技局负责解释。');
    // The reused plans' files were not rewritten.
    for (const slug of ['beichen-2020-2022', 'tianjin-2014-work-conference', 'baodi-14th-five-year', 'xinji-14th-five-year']) {
      for (const ext of ['.json', '.mdx', '.txt']) expect(statSync(join(lib.out, slug + ext)).mtimeMs, slug + ext).toBe(mtimes.get(slug + ext));
    }
    // Nothing changed: nothing is read.
    expect(run(lib).ran).toEqual([]);
  });

  it('reads no reused plan unless its plans are asked for: the stats of the run come from the cache', () => {
    const lib = library();
    const first = run(lib);
    const stats = first.plans.map((p) => p.stats);
    expect(first.stats).toEqual(stats);
    // 北辰's plan file broken behind ingest's back (prepare, which validates every plan file, would say so).
    const beichen = join(lib.out, 'beichen-2020-2022.json');
    writeFileSync(beichen, 'not a plan');
    const second = run(lib);
    expect([second.ran, second.stats]).toEqual([[], stats]);
    expect(() => second.plans).toThrow(new RegExp(`^${beichen}: `, 'u'));
  });

  it('reads every seed again when a registry changes, or when asked to', () => {
    const lib = library();
    run(lib);
    appendFileSync(join(lib.content, 'synonyms.yaml'), '\n# a comment changes the file\n');
    expect(run(lib).ran).toEqual(ALL);
    expect(run(lib, false).ran).toEqual(ALL);
  });

  it('reads a seed again when its plan files are gone or its slug changes, and drops a removed seed', () => {
    const lib = library();
    // Two more printings of 红桥 without catalog entries (one line added each: a copy byte for byte is a duplicate,
    // made once): the same region and period, so the second in file order takes the slug with its file name's hash
    // (scripts/ingest.ts).
    copyFileSync(join(lib.seeds, ALL[2]!), join(lib.seeds, '005_copy.txt'));
    appendFileSync(join(lib.seeds, '005_copy.txt'), '\n（转载一）\n');
    copyFileSync(join(lib.seeds, ALL[2]!), join(lib.seeds, '006_copy.txt'));
    appendFileSync(join(lib.seeds, '006_copy.txt'), '\n（转载二）\n');
    expect(run(lib).ran).toEqual([...ALL, '005_copy.txt', '006_copy.txt']);
    const cache = () => (JSON.parse(readFileSync(join(lib.out, CACHE_FILE), 'utf8')) as IngestCache).seeds;
    const first = cache()['005_copy.txt']!.slug;
    expect(cache()['006_copy.txt']!.slug).toBe(`${first}-${createHash('sha256').update('006_copy.txt').digest('hex').slice(0, 6)}`);
    // Unchanged, the renamed copy is reused under its slug.
    expect(run(lib).ran).toEqual([]);
    // 宝坻 loses a file; the first copy goes, so the second takes the plain slug: both are read again.
    rmSync(join(lib.out, 'baodi-14th-five-year.mdx'));
    rmSync(join(lib.seeds, '005_copy.txt'));
    const r = run(lib);
    expect(r.ran).toEqual([ALL[3], '006_copy.txt']);
    expect(cache()['006_copy.txt']!.slug).toBe(first);
    expect(Object.keys(cache())).toEqual([...ALL, '006_copy.txt']);
    expect(readdirSync(lib.out).filter((f) => f.startsWith(`${first}-`))).toEqual([]);
  });
});
