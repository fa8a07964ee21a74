import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { temporaryFolders } from '../../tests/support/temporary-folders.ts';
import { mergeInto } from '../build.ts';
import { canUpdateInPlace, forgetAssembly, readSiteOutputs, recordSiteOutputs, removeStale, siteShape, takeApart, writeAssembly, type SiteAssembly } from './site-in-place.ts';

const folder = temporaryFolders('site-in-place-');

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

/** Every file under `dir` with its text, and every folder that holds nothing (as `name/`). */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(e.parentPath, e.name));
    if (e.isFile()) out[path] = readFileSync(join(dir, path), 'utf8');
    else if (readdirSync(join(dir, path)).length === 0) out[`${path}/`] = '';
  }
  return out;
}

describe('removeStale(dir, before, after)', () => {
  test('deletes the files of before that after lacks, and the folders that leaves empty, nothing else', () => {
    const dir = folder();
    write(dir, { 'plans/a/index.html': 'a', 'plans/a/analysis/index.html': 'a2', 'plans/b/index.html': 'b', 'plans/b/cite.ris': 'rb', 'index.html': 'home' });
    const removed = removeStale(dir, ['plans/a/index.html', 'plans/a/analysis/index.html', 'plans/b/index.html', 'index.html'], ['index.html']);
    expect(removed.sort()).toEqual(['plans/a/analysis/index.html', 'plans/a/index.html', 'plans/b/index.html']);
    // plans/b/ still holds a file no part made (a later stage's): it stays.
    expect(contents(dir)).toEqual({ 'index.html': 'home', 'plans/b/cite.ris': 'rb' });
  });

  test('a name that leaves the folder is not followed', () => {
    const root = folder();
    write(root, { 'outside.txt': 'x', 'site/index.html': 'home' });
    expect(removeStale(join(root, 'site'), ['../outside.txt'], [])).toEqual([]);
    expect(existsSync(join(root, 'outside.txt'))).toBe(true);
  });
});

describe('takeApart(site, assembly, partDirs) and mergeInto', () => {
  test('taking the merged site apart gives each part its files again, with what later stages added inside them; merging again gives the site back', () => {
    const root = folder();
    const [p0, p1] = [join(root, 'p0'), join(root, 'p1')];
    // Part 0 and part 1 as Astro leaves them: pages of their own, a page without parameters in both, folders shared.
    write(p0, { 'index.html': 'home', 'plans/a/index.html': 'a', 'sitemaps/2.xml': 's2', 'departments/x/index.html': 'x1' });
    write(p1, { 'index.html': 'home', 'plans/b/index.html': 'b', 'sitemaps/1.xml': 's1', 'departments/x/2/index.html': 'x2' });
    const site = join(root, 'site');
    mkdirSync(site);
    mergeInto(p0, site);
    const moved = mergeInto(p1, site);
    expect(moved.sort()).toEqual(['departments/x/2', 'plans/b', 'sitemaps/1.xml']);
    // A later stage adds files to the site, into part 0's folders and into one that came from part 1.
    write(site, { 'plans/a/cite.ris': 'ra', 'plans/b/cite.ris': 'rb', 'search/records.json': 'r' });
    const whole = contents(site);
    const assembly: SiteAssembly = { site, parts: 2, shape: 's', moved: [moved] };
    const [q0, q1] = [join(root, 'q0'), join(root, 'q1')];
    takeApart(site, assembly, [q0, q1]);
    expect(existsSync(site)).toBe(false);
    expect(contents(q1)).toEqual({ 'plans/b/index.html': 'b', 'plans/b/cite.ris': 'rb', 'sitemaps/1.xml': 's1', 'departments/x/2/index.html': 'x2' });
    expect(contents(q0)).toEqual({ 'index.html': 'home', 'plans/a/index.html': 'a', 'plans/a/cite.ris': 'ra', 'sitemaps/2.xml': 's2', 'departments/x/index.html': 'x1', 'search/records.json': 'r' });
    // Part 1 renders its page without parameters again; the merge finds it the same.
    write(q1, { 'index.html': 'home' });
    mkdirSync(site);
    mergeInto(q0, site);
    expect(mergeInto(q1, site).sort()).toEqual(moved.sort());
    expect(contents(site)).toEqual(whole);
  });

  test('what a later stage removed since is not looked for', () => {
    const root = folder();
    const site = join(root, 'site');
    write(site, { 'index.html': 'home' });
    takeApart(site, { site, parts: 2, shape: 's', moved: [['plans/gone']] }, [join(root, 'q0'), join(root, 'q1')]);
    expect(contents(join(root, 'q0'))).toEqual({ 'index.html': 'home' });
  });
});

describe('canUpdateInPlace(site, cacheDir, parts, shape, partCacheDir)', () => {
  function built(): { site: string; cache: string; partCache: (i: number) => string; assembly: SiteAssembly } {
    const root = folder();
    const site = join(root, 'site');
    const cache = join(root, 'cache');
    write(site, { 'index.html': 'home' });
    const partCache = (i: number) => join(cache, `part-${i}-of-2`);
    for (const i of [0, 1]) write(partCache(i), { 'site-outputs.json': '["index.html"]' });
    const assembly: SiteAssembly = { site, parts: 2, shape: 'shape', moved: [[]] };
    writeAssembly(cache, assembly);
    return { site, cache, partCache, assembly };
  }

  test('the site its cache’s record names, built in as many parts, of the same shape, with every part’s outputs recorded', () => {
    const { site, cache, partCache, assembly } = built();
    expect(canUpdateInPlace(site, cache, 2, 'shape', partCache)).toEqual(assembly);
    expect(readSiteOutputs(partCache(1))).toEqual(['index.html']);
  });

  test('not otherwise', () => {
    const { site, cache, partCache } = built();
    expect(canUpdateInPlace(site, cache, 2, 'other shape', partCache)).toBeNull();
    expect(canUpdateInPlace(site, cache, 3, 'shape', partCache)).toBeNull();
    expect(canUpdateInPlace(site, join(cache, 'elsewhere'), 2, 'shape', partCache)).toBeNull();
    rmSync(join(partCache(1), 'site-outputs.json'));
    expect(canUpdateInPlace(site, cache, 2, 'shape', partCache)).toBeNull();
    const other = built();
    forgetAssembly(other.cache);
    expect(canUpdateInPlace(other.site, other.cache, 2, 'shape', other.partCache)).toBeNull();
    const gone = built();
    rmSync(gone.site, { recursive: true });
    expect(canUpdateInPlace(gone.site, gone.cache, 2, 'shape', gone.partCache)).toBeNull();
  });

  test('not a site whose cache has since built another folder: its records describe that one', () => {
    const { site, cache, partCache } = built();
    const second = join(dirname(site), 'second-site');
    write(second, { 'index.html': 'home' });
    writeAssembly(cache, { site: second, parts: 2, shape: 'shape', moved: [[]] });
    expect(canUpdateInPlace(site, cache, 2, 'shape', partCache)).toBeNull();
    expect(canUpdateInPlace(second, cache, 2, 'shape', partCache)).not.toBeNull();
  });
});

describe('siteShape(syncInputs, parts, env, root)', () => {
  test('changes with the sync inputs, the parts, the base, the page sizes and any public file', () => {
    const root = folder();
    write(root, { 'public/favicon.svg': '<svg/>' });
    const env = { BASE_PATH: '/', SITE_PAGE_SIZE: '' };
    const shape = siteShape('code', 2, env, root);
    expect(siteShape('code', 2, { ...env }, root)).toBe(shape);
    expect(siteShape('code 2', 2, env, root)).not.toBe(shape);
    expect(siteShape('code', 3, env, root)).not.toBe(shape);
    expect(siteShape('code', 2, { ...env, BASE_PATH: '/plans/' }, root)).not.toBe(shape);
    expect(siteShape('code', 2, { ...env, SITE_PAGE_SIZE: '10' }, root)).not.toBe(shape);
    write(root, { 'public/robots-extra.txt': 'x' });
    expect(siteShape('code', 2, env, root)).not.toBe(shape);
  });
});

describe('recordSiteOutputs()', () => {
  test('in a build part, records every file of every route, relative to the output folder', async () => {
    const cache = folder();
    const out = folder();
    const saved = { part: process.env.BUILD_PART, cache: process.env.ASTRO_CACHE_DIR };
    Object.assign(process.env, { BUILD_PART: '1/2', ASTRO_CACHE_DIR: cache });
    try {
      const hook = recordSiteOutputs().hooks['astro:build:done']!;
      const file = (path: string) => pathToFileURL(join(out, path));
      const assets = new Map([['/plans/[slug]', [file('plans/a/index.html'), file('plans/b/index.html')]], ['/sitemaps/[n].xml', [file('sitemaps/1.xml')]]]);
      await hook({ dir: pathToFileURL(`${out}/`), assets, pages: [], logger: undefined as never });
      expect(readSiteOutputs(cache)).toEqual(['plans/a/index.html', 'plans/b/index.html', 'sitemaps/1.xml']);
    } finally {
      for (const [name, value] of [['BUILD_PART', saved.part], ['ASTRO_CACHE_DIR', saved.cache]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
