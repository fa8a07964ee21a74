/**
 * A rebuild of a large library updates the last site in place instead of making a new one (issue 15).
 *
 * A build in parts (scripts/build.ts `astroBuildInParts`) renders each part into its own folder and merges them into
 * the site. Made anew each time, the site cost every rebuild, at 10,000 plans: 62,000 folders and 124,000 links for
 * the kept pages, 144,000 links for the files that are not pages, and the deletion of the last site's 267,000 files
 * and 123,000 folders — a third of a rebuild's CPU was the kernel's. In place, the last site is taken apart into the
 * parts' folders again (`takeApart`: the site becomes part 0's folder; what the last merge moved in from the other
 * parts, mostly whole folders such as `plans/<slug>/`, moves back out), the parts render over it what changed,
 * each removes the files it made last time and no longer makes (`removeStale`, from the record of its outputs that
 * `recordSiteOutputs` writes), the parts are merged again, and the later stages replace only what changed.
 *
 * In place only when the last build with this cache folder built this site and finished (its assembly record, in the
 * cache folder, is written last and removed when a build starts), with the same code, Astro config, registries,
 * public files, base and number of parts: those decide which files the site holds besides the data, so a change to
 * any builds a new site as before (all its pages render again anyway). A build that fails after taking the site
 * apart leaves no site (as a new site did).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { folderMaker } from './folders.ts';

/** A part's record of the files its last build wrote or kept, in its cache folder. */
const OUTPUTS = 'site-outputs.json';

/**
 * Astro integration: at the end of a build part (`BUILD_PART` and `ASTRO_CACHE_DIR` set by scripts/build.ts), the
 * record of every file the part's routes wrote or kept (Astro's `assets`: each route's files, rendered or cached),
 * relative to the output folder. Every route, with a `cacheKey` or not: a page of a route without one (an alignment,
 * a sitemap part) can be gone from one build to the next too.
 */
export function recordSiteOutputs(): AstroIntegration {
  return {
    name: 'site-outputs',
    hooks: {
      'astro:build:done': ({ dir, assets }) => {
        const cacheDir = process.env.ASTRO_CACHE_DIR;
        if (!process.env.BUILD_PART || !cacheDir) return;
        const root = fileURLToPath(dir);
        const files: string[] = [];
        for (const urls of assets.values()) for (const url of urls) files.push(fileURLToPath(url).slice(root.length).replace(/^\//u, ''));
        writeJson(join(cacheDir, OUTPUTS), files.sort());
      },
    },
  };
}

/** The files a part's last build recorded (`recordSiteOutputs`), or null without a record. */
export function readSiteOutputs(cacheDir: string): string[] | null {
  try {
    return JSON.parse(readFileSync(join(cacheDir, OUTPUTS), 'utf8')) as string[];
  } catch {
    return null;
  }
}

/**
 * Deletes from `dir` the files of `before` that are not in `after`, and the folders that leaves empty; returns the
 * files deleted. A name that would leave `dir` is ignored.
 */
export function removeStale(dir: string, before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  const root = resolve(dir);
  const removed: string[] = [];
  for (const file of before) {
    if (kept.has(file)) continue;
    const path = resolve(root, file);
    if (!path.startsWith(`${root}/`)) continue;
    rmSync(path, { force: true });
    removed.push(file);
    pruneEmpty(root, dirname(path));
  }
  return removed;
}

/** Removes `folder` and its parents up to (not including) `root` while they are empty. */
export function pruneEmpty(root: string, folder: string): void {
  for (let d = folder; d.startsWith(`${root}/`); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty, or gone
    }
  }
}

/**
 * The record of how the last build assembled its site, in the build's Astro cache folder: the parts' records of
 * pages and outputs there are that build's, so they describe the site it names and no other (a build of the same
 * plans into another folder, with the same cache, names that one).
 */
export interface SiteAssembly {
  /** The site folder, resolved. */
  site: string;
  parts: number;
  /** `siteShape` of the build. */
  shape: string;
  /** For each part after the first, what the merge moved from it into the site (files or whole folders). */
  moved: string[][];
}

/** In a folder of its own: the build links each file at the cache folder's top into every part's cache folder. */
export const assemblyRecordOf = (cacheDir: string): string => join(cacheDir, 'site-assembly', 'record.json');

/**
 * What decides which files a site holds besides its data: the inputs of Astro's sync (code, Astro config,
 * registries: scripts/build.ts `syncInputs`), the public files, the base, the page sizes and the number of parts.
 */
export function siteShape(syncInputs: string, parts: number, env: Readonly<Record<string, string | undefined>>, root = process.cwd()): string {
  const hash = createHash('sha1').update(syncInputs).update(`\0${parts}\0${env.BASE_PATH ?? ''}\0${env.SITE_URL ?? ''}\0${env.SITE_PAGE_SIZE ?? ''}`);
  const walk = (dir: string) => {
    if (!existsSync(join(root, dir))) return;
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else hash.update('\0').update(path).update('\0').update(readFileSync(join(root, path)));
    }
  };
  walk('public');
  return hash.digest('hex');
}

/** Reads the assembly record in `cacheDir`, or null. */
export function readAssembly(cacheDir: string): SiteAssembly | null {
  try {
    return JSON.parse(readFileSync(assemblyRecordOf(cacheDir), 'utf8')) as SiteAssembly;
  } catch {
    return null;
  }
}

/**
 * Written when a build has finished; removed when one starts (its parts rewrite the cache's records whatever becomes
 * of it), so that a site a build left half made, or a site another build's records no longer describe, is never
 * updated in place.
 */
export function writeAssembly(cacheDir: string, assembly: SiteAssembly): void {
  writeJson(assemblyRecordOf(cacheDir), assembly);
}

export function forgetAssembly(cacheDir: string): void {
  rmSync(assemblyRecordOf(cacheDir), { force: true });
}

/**
 * Whether the site in `outDir` can be updated in place by a build of this shape with this cache folder: the cache's
 * record names it and this shape and number of parts, the site is there, and every part's output record is.
 */
export function canUpdateInPlace(outDir: string, cacheDir: string, parts: number, shape: string, partCacheDirOf: (i: number) => string): SiteAssembly | null {
  const assembly = readAssembly(cacheDir);
  if (assembly === null || !existsSync(outDir)) return null;
  if (assembly.site !== resolve(outDir) || assembly.parts !== parts || assembly.shape !== shape) return null;
  if (assembly.moved.length !== parts - 1) return null;
  for (let i = 0; i < parts; i++) if (readSiteOutputs(partCacheDirOf(i)) === null) return null;
  return assembly;
}

/**
 * Takes the last site apart into the parts' folders: the site becomes `partDirs[0]` (one rename), and what the last
 * merge moved in from part k moves back to `partDirs[k]`. The folders must be on the site's file system (a rename).
 */
export function takeApart(outDir: string, assembly: SiteAssembly, partDirs: readonly string[]): void {
  renameSync(outDir, partDirs[0]!);
  assembly.moved.forEach((paths, k) => {
    const into = partDirs[k + 1]!;
    const folderOf = folderMaker();
    for (const path of paths) {
      const from = join(partDirs[0]!, path);
      const to = join(into, path);
      folderOf(to);
      try {
        renameSync(from, to);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // gone since (a later stage removed it): nothing to move
      }
    }
  });
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(value));
  renameSync(`${file}.tmp`, file);
}
