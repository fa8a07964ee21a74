/**
 * Where the build keeps the site's files that are not pages between builds (scripts/site-files.ts): beside the
 * site, since a build that makes a new site starts from an empty folder. Its own module, so that the build finds it
 * without loading what makes the files.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuildPart } from '../../src/lib/build-part.ts';

/** The cache of the site in `outDir`: `.<site>.files/` beside it. */
export function filesCacheOf(outDir: string): string {
  const site = resolve(outDir);
  return join(dirname(site), `.${basename(site)}.files`);
}

/** The record of part `i` of `k` (one process: 0 of 1): each of its files' key. */
export const filesStateOf = (cache: string, part: BuildPart | null): string => join(cache, `state-${part?.index ?? 0}-of-${part?.count ?? 1}.json`);

/** The search pair index's cache of the site in `outDir` (scripts/search-pairs.ts): `.<site>.pairs/` beside it. */
export function pairsCacheOf(outDir: string): string {
  const site = resolve(outDir);
  return join(dirname(site), `.${basename(site)}.pairs`);
}

/** The paths of the site files the parts' records list (none where a record is missing). */
export function recordedSiteFiles(cache: string, parts: number): Set<string> {
  const paths = new Set<string>();
  for (let index = 0; index < parts; index++) {
    try {
      const state = JSON.parse(readFileSync(filesStateOf(cache, parts === 1 ? null : { index, count: parts }), 'utf8')) as { files: Record<string, string> };
      for (const path of Object.keys(state.files)) paths.add(path);
    } catch {
      // no record: nothing known
    }
  }
  return paths;
}
