/**
 * Kept pages linked into a part's output before Astro starts, instead of Astro copying each one (issue 15), when a
 * build makes a new site; a rebuild that updates the last site in place finds them there (scripts/lib/site-in-place.ts).
 *
 * Astro's incremental build (astro.config.mjs) keeps a page whose route code and `cacheKey` are unchanged: it copies
 * the page from its cache (`<cacheDir>/dist/<file>`) into the output, ≈ 1 ms a page, unless the output already holds
 * the file (`existsInDist` in node_modules/astro/dist/core/build/generate.js: then it only records it, "(cached)").
 * At 10,000 plans a rebuild keeps ≈ 100,000 pages, 50,000 a part. So before a part starts, every page the part's
 * last build recorded (`<cacheDir>/incremental-build.json`) is hard-linked from the cache into the part's (empty)
 * output folder, and the part builds with `emptyOutDir: false` (scripts/astro-build-part.ts):
 * - a page Astro keeps is found in place: nothing copied;
 * - a page Astro renders again (its key or its route's code changed) is written over the linked file: the cache
 *   copy, the same file, gets the new page too, which Astro then writes there anyway;
 * - a page the last build had and this one does not (a plan removed) is not in the new record: `removeDropped`
 *   deletes it from the output after the part.
 * A link shares the cache's file with the site: nothing may write into a built page in place (no stage does; the
 * later stages only add files). The last build's site holds the same files until the new one replaces it, so a page
 * rendered again is new there too at once, and a rebuild that fails part-way leaves the last site with those pages
 * already new. (Astro's cache has that property itself: it rewrites a page's copy when it renders it and its record
 * only at the end, so after a failed build a page whose inputs are then put back is kept with the failed build's
 * rendering. After a failed build, build afresh — remove the cache folder — where that matters.)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { linkOrCopy } from './link-or-copy.ts';
import { folderMaker } from './folders.ts';

/**
 * What a part of a build in parts sends its build (scripts/build.ts `astroBuildInParts`, over the IPC channel) once it
 * has linked its kept pages: the build then starts deleting the last site, which is disk work too.
 */
export const LINKED_MESSAGE = 'kept pages linked';

/** Astro's record of the pages a build rendered or kept (node_modules/astro/dist/core/build/incremental.js). */
const RECORD = 'incremental-build.json';
/** Where Astro keeps its copy of each recorded page, under the cache dir. */
const COPIES = 'dist';

interface IncrementalRecord {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/**
 * The file a recorded output name stands for under `folder`, resolved as Astro resolves it (a URL, encoded); `null`
 * for a name that resolves outside the folder (the record is Astro's file, but the output is ours to guard).
 */
function fileIn(folder: string, outputFile: string): string | null {
  const root = resolve(folder);
  const file = fileURLToPath(new URL(outputFile, pathToFileURL(`${root}/`)));
  return file.startsWith(`${root}${sep}`) ? file : null;
}

/** The output files (relative to the output folder) the build recorded in `cacheDir` lists; none without a record. */
export function recordedPages(cacheDir: string): string[] {
  const file = join(cacheDir, RECORD);
  if (!existsSync(file)) return [];
  let record: IncrementalRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as IncrementalRecord;
  } catch {
    return []; // Astro reads a broken record as none and renders every page; so do we
  }
  const out: string[] = [];
  for (const route of Object.values(record.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) if (entry.outputFile) out.push(entry.outputFile);
  }
  return out;
}

/** Links every page recorded in `cacheDir` that still has its copy there into `outDir`; returns the files linked. */
export function linkKeptPages(cacheDir: string, outDir: string): string[] {
  const linked: string[] = [];
  const folderOf = folderMaker();
  for (const file of recordedPages(cacheDir)) {
    const copy = fileIn(join(cacheDir, COPIES), file);
    const target = fileIn(outDir, file);
    if (copy === null || target === null) continue;
    folderOf(target);
    try {
      linkOrCopy(copy, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // its copy is gone: Astro renders it again
      throw e;
    }
    linked.push(file);
  }
  return linked;
}

/** Deletes from `outDir` the linked files that the part's new record no longer lists; returns them. */
export function removeDropped(cacheDir: string, outDir: string, linked: readonly string[]): string[] {
  const kept = new Set(recordedPages(cacheDir));
  const dropped = linked.filter((file) => !kept.has(file));
  for (const file of dropped) rmSync(fileIn(outDir, file)!, { force: true });
  return dropped;
}
