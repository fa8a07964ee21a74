import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { inPlacePartOptions, mergeInto, PARALLEL_FROM, partsFor, reportNotRead, syncInputs, withBuildLock } from './build.ts';

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

describe('partsFor(plans)', () => {
  test('one process below PARALLEL_FROM plans, one per core (at most 2) from there, BUILD_PARTS overriding', () => {
    expect(partsFor(PARALLEL_FROM - 1, {}, 8)).toBe(1);
    expect(partsFor(PARALLEL_FROM, {}, 8)).toBe(2);
    expect(partsFor(10_000, {}, 1)).toBe(1);
    expect(partsFor(5, { BUILD_PARTS: '2' }, 8)).toBe(2);
    expect(() => partsFor(5, { BUILD_PARTS: 'many' }, 8)).toThrow(/BUILD_PARTS/u);
  });
});

describe('mergeInto(from, into)', () => {
  test('moves the files of a part into the site; a file both wrote alike is kept once', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-merge-'));
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    for (const d of [a, b]) mkdirSync(join(d, 'plans', 'x'), { recursive: true });
    writeFileSync(join(a, 'index.html'), 'home');
    writeFileSync(join(b, 'index.html'), 'home');
    writeFileSync(join(b, 'plans', 'x', 'index.html'), 'x');
    mergeInto(b, a);
    expect(readFileSync(join(a, 'plans', 'x', 'index.html'), 'utf8')).toBe('x');
    expect(readFileSync(join(a, 'index.html'), 'utf8')).toBe('home');
  });

  test('a folder the site does not have yet moves whole, nested ones included; the rest merges file by file', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-merge-'));
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(join(a, 'plans', 'x'), { recursive: true });
    writeFileSync(join(a, 'plans', 'x', 'index.html'), 'x');
    mkdirSync(join(b, 'plans', 'y', 'analysis'), { recursive: true });
    writeFileSync(join(b, 'plans', 'y', 'index.html'), 'y');
    writeFileSync(join(b, 'plans', 'y', 'analysis', 'index.html'), 'y analysis');
    mkdirSync(join(b, 'en', 'plans', 'y'), { recursive: true });
    writeFileSync(join(b, 'en', 'plans', 'y', 'index.html'), 'y en');
    mergeInto(b, a);
    expect(readFileSync(join(a, 'plans', 'x', 'index.html'), 'utf8')).toBe('x');
    expect(readFileSync(join(a, 'plans', 'y', 'index.html'), 'utf8')).toBe('y');
    expect(readFileSync(join(a, 'plans', 'y', 'analysis', 'index.html'), 'utf8')).toBe('y analysis');
    expect(readFileSync(join(a, 'en', 'plans', 'y', 'index.html'), 'utf8')).toBe('y en');
    // Moved, not copied: the part keeps only what it shared with the site.
    expect(existsSync(join(b, 'plans', 'y'))).toBe(false);
    expect(existsSync(join(b, 'en'))).toBe(false);
  });

  test('a file two parts wrote differently is an error naming it', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-merge-'));
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    for (const d of [a, b]) mkdirSync(d, { recursive: true });
    writeFileSync(join(a, 'feed.xml'), '<updated>1</updated>');
    writeFileSync(join(b, 'feed.xml'), '<updated>2</updated>');
    expect(() => mergeInto(b, a)).toThrow(/feed\.xml differs between the parts/u);
    // Named from the part's root in a folder both have, too.
    mkdirSync(join(a, 'en'));
    mkdirSync(join(b, 'en'));
    writeFileSync(join(a, 'en', 'index.html'), 'a');
    writeFileSync(join(b, 'en', 'index.html'), 'b');
    rmSync(join(b, 'feed.xml'));
    expect(() => mergeInto(b, a)).toThrow(/^build: en\/index\.html differs between the parts/u);
  });
});

describe('syncInputs(root)', () => {
  test('changes with the code, the Astro config and any file of content/, not with the plans', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-sync-'));
    const root = dir;
    const put = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put('src/content.config.ts', 'export const collections = {};');
    put('scripts/build.ts', '');
    put('package-lock.json', '{}');
    put('astro.config.mjs', 'export default {};');
    put('content/regions.yaml', '- id: a');
    put('content/synonyms.yaml', '- [a, b]');
    put('content/plans/a.json', '{}');
    const first = syncInputs(root);
    expect(syncInputs(root)).toBe(first);
    put('content/plans/a.json', '{"slug":"a"}');
    put('content/plans/b.json', '{}');
    expect(syncInputs(root)).toBe(first);
    const changes: [string, string][] = [
      ['content/regions.yaml', '- id: b'],
      ['content/synonyms.yaml', '- [a, c]'],
      ['content/new-registry.yaml', '[]'],
      ['astro.config.mjs', 'export default { site: "x" };'],
      ['src/content.config.ts', 'export const collections = { a: 1 };'],
      ['package-lock.json', '{"v":2}'],
    ];
    const seen = new Set([first]);
    for (const [path, text] of changes) {
      put(path, text);
      const now = syncInputs(root);
      expect(seen.has(now), path).toBe(false);
      seen.add(now);
    }
  });
});

describe('reportNotRead(seedsDir)', () => {
  test('says at the end of a build what the seeds folder holds and ingest did not read; nothing when all is read', () => {
    dir = mkdtempSync(join(tmpdir(), 'build-seeds-'));
    writeFileSync(join(dir, 'a.txt'), '某县科技规划\n');
    writeFileSync(join(dir, 'catalog.yaml'), '');
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    try {
      reportNotRead(dir);
      expect(lines).toEqual([]);
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'b.txt'), '某县科技规划\n');
      reportNotRead(dir);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([
      `\nbuild: 1 entry of ${dir} not read (no page was made from them):`,
      `  ${join(dir, 'sub')}/: a folder with 1 .txt file(s) in it: only the files directly in ${dir} are read; move them up into it to have them read`,
    ]);
  });
});

describe('inPlacePartOptions(plans, env)', () => {
  test('an old generation of 0.2 MB a plan, at most 2 GB, none for a small library; PART_INITIAL_HEAP_MB overrides', () => {
    expect(inPlacePartOptions(10_000, {})).toEqual(['--initial-old-space-size=2000']);
    expect(inPlacePartOptions(30_000, {})).toEqual(['--initial-old-space-size=2048']);
    expect(inPlacePartOptions(1_000, {})).toEqual(['--initial-old-space-size=200']);
    expect(inPlacePartOptions(100, {})).toEqual([]);
    expect(inPlacePartOptions(10_000, { PART_INITIAL_HEAP_MB: '0' })).toEqual([]);
    expect(inPlacePartOptions(10, { PART_INITIAL_HEAP_MB: '512' })).toEqual(['--initial-old-space-size=512']);
    expect(() => inPlacePartOptions(10, { PART_INITIAL_HEAP_MB: 'lots' })).toThrow(/PART_INITIAL_HEAP_MB must be a whole number/u);
  });
});
