/**
 * After Pagefind has indexed a built site: write `search/pagefind-ids.json.gz`: the index bundles to load (more than
 * one on a large site, scripts/pagefind-shards.ts) and Pagefind's page id (the name of its fragment file,
 * `zh-cn_5688353`) → plan slug, for every plan page. The search page turns Pagefind's results
 * into plans with it and reads the plans' own search records, so the browser never loads a fragment. The ids are
 * content hashes Pagefind computes, known only after it ran; each fragment is read here once, for its URL. Gzip,
 * like the plan records (src/pages/search/blocks/[slug].json.gz.ts): search data, not open data.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Every Pagefind fragment begins with this marker, then its JSON. */
const FRAGMENT_MARK = 'pagefind_dcd';

/** What the search page reads before it asks the index: bundle folders (first the primary), page id → slug. */
export interface PagefindIds {
  bundles: string[];
  ids: Record<string, string>;
}

/** Page id → slug for the plan pages (`/plans/<slug>/`) of the Pagefind bundles of a site. */
export function pagefindIds(siteDir: string, bundles: readonly string[] = ['pagefind']): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const bundle of bundles) Object.assign(ids, bundleIds(join(siteDir, bundle, 'fragment')));
  return ids;
}

function bundleIds(dir: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pf_fragment')).sort()) {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    if (!text.startsWith(FRAGMENT_MARK)) throw new Error(`${join(dir, file)}: not a Pagefind fragment this build can read (has Pagefind's format changed?)`);
    const { url } = JSON.parse(text.slice(FRAGMENT_MARK.length)) as { url: string };
    const slug = /^\/plans\/([^/]+)\/$/u.exec(url)?.[1];
    if (slug) ids[file.replace(/\.pf_fragment$/u, '')] = slug;
  }
  return ids;
}

/** Write `search/pagefind-ids.json.gz` into the site; returns how many plans it names. */
export function writePagefindIds(siteDir: string, bundles: readonly string[] = ['pagefind']): number {
  const ids = pagefindIds(siteDir, bundles);
  const file: PagefindIds = { bundles: bundles.map((b) => `${b}/`), ids };
  mkdirSync(join(siteDir, 'search'), { recursive: true });
  writeFileSync(join(siteDir, 'search', 'pagefind-ids.json.gz'), gzipSync(JSON.stringify(file), { level: 9 }));
  return Object.keys(ids).length;
}
