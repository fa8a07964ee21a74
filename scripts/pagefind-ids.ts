/**
 * After Pagefind has indexed a built site: write `search/pagefind-ids.json.gz`, Pagefind's page id (the name of its
 * fragment file, `zh-cn_5688353`) → plan slug, for every plan page. The search page turns Pagefind's results
 * into plans with it and reads the plans' own search records, so the browser never loads a fragment. The ids are
 * content hashes Pagefind computes, known only after it ran; each fragment is read here once, for its URL. Gzip,
 * like the plan records (src/pages/search/blocks/[slug].json.gz.ts): search data, not open data.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Every Pagefind fragment begins with this marker, then its JSON. */
const FRAGMENT_MARK = 'pagefind_dcd';

/** Page id → slug for the plan pages (`/plans/<slug>/`) of a site's Pagefind index. */
export function pagefindIds(siteDir: string): Record<string, string> {
  const dir = join(siteDir, 'pagefind', 'fragment');
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
export function writePagefindIds(siteDir: string): number {
  const ids = pagefindIds(siteDir);
  mkdirSync(join(siteDir, 'search'), { recursive: true });
  writeFileSync(join(siteDir, 'search', 'pagefind-ids.json.gz'), gzipSync(JSON.stringify(ids), { level: 9 }));
  return Object.keys(ids).length;
}
