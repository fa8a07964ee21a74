/**
 * After Pagefind has indexed a built site: make each plan's search record (`search/blocks/<slug>.json.gz`) readable
 * by Pagefind's page id too (`search/blocks/pagefind/<id>.json.gz`, the id being the name of the plan's fragment
 * file, `zh-cn_5688353`), and write `search/pagefind-bundles.json`, the index bundles the search page loads (more
 * than one on a large site, scripts/pagefind-shards.ts). A result of Pagefind then leads straight to its record:
 * no id → slug map to download first (it grew with the library: 12 KB at 1,000 plans, about 120 KB at 10,000),
 * and no fragment either (the record says which plan it is). The ids are content hashes Pagefind computes, known
 * only after it ran; each fragment file is read here once, for its URL (a rebuild reads only the new ones:
 * `FragmentsMemo`). The records are hard links where the file system allows (no extra disk), else copies.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cacheDirOf } from './pagefind-shards.ts';
import { fileStamp } from './lib/file-stamp.ts';
import { linkOrCopy } from './lib/link-or-copy.ts';

/** Every Pagefind fragment begins with this marker, then its JSON. */
const FRAGMENT_MARK = 'pagefind_dcd';

/** Where the records named by Pagefind page id go, under `search/blocks/` (the search page's `read` uses it too). */
export const BY_PAGEFIND_ID = 'pagefind';

/** What the search page reads before it asks the index: bundle folders, the first the primary. */
export interface PagefindBundles {
  bundles: string[];
}

/**
 * What was read of each fragment file (`<name> <stamp>` → its plan's slug, null for another page), kept between builds
 * in the shards' cache beside the site (`fragmentsMemoOf`). A shard the rebuild kept is the same files in the new site
 * (links into that cache), so their stamps are as before and they are not read again: at 10,000 plans reading every
 * fragment (each holds its page's whole text) was most of the 2.3 s this step took in every rebuild.
 */
type FragmentsMemo = Record<string, string | null>;

/** The memo of the fragments read for `siteDir` (`FragmentsMemo`). */
export const fragmentsMemoOf = (siteDir: string): string => join(cacheDirOf(siteDir), 'fragment-slugs.json');

/**
 * Page id → slug for the plan pages (`/plans/<slug>/`) of the Pagefind bundles of a site; an id twice is an error.
 * With `memoFile`, a fragment whose file is as the memo records it is not read, and the memo is written anew.
 */
export function pagefindIds(siteDir: string, bundles: readonly string[] = ['pagefind'], memoFile?: string): Record<string, string> {
  const known = memoFile ? readMemo(memoFile) : {};
  const seen: FragmentsMemo = {};
  const ids: Record<string, string> = {};
  for (const bundle of bundles) {
    for (const [id, slug] of Object.entries(bundleIds(join(siteDir, bundle, 'fragment'), known, seen))) {
      // Shards are separate indexes: one id in two would make one plan's record hide another's.
      if (id in ids) throw new Error(`Pagefind page id ${id} names two plans (${ids[id]} and ${slug})`);
      ids[id] = slug;
    }
  }
  if (memoFile) {
    mkdirSync(dirname(memoFile), { recursive: true });
    writeFileSync(`${memoFile}.tmp`, JSON.stringify(seen));
    renameSync(`${memoFile}.tmp`, memoFile);
  }
  return ids;
}

function readMemo(file: string): FragmentsMemo {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FragmentsMemo;
  } catch {
    return {}; // none yet, or a broken one: every fragment is read
  }
}

function bundleIds(dir: string, known: FragmentsMemo, seen: FragmentsMemo): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pf_fragment')).sort()) {
    const path = join(dir, file);
    const key = `${file} ${fileStamp(path)}`;
    const slug = key in known ? known[key]! : slugOfFragment(path);
    seen[key] = slug;
    if (slug) ids[file.replace(/\.pf_fragment$/u, '')] = slug;
  }
  return ids;
}

/** The slug of the plan page a fragment file is of, or null for another page. */
function slugOfFragment(path: string): string | null {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  if (!text.startsWith(FRAGMENT_MARK)) throw new Error(`${path}: not a Pagefind fragment this build can read (has Pagefind's format changed?)`);
  const { url } = JSON.parse(text.slice(FRAGMENT_MARK.length)) as { url: string };
  return /^\/plans\/([^/]+)\/$/u.exec(url)?.[1] ?? null;
}

/**
 * Links every indexed plan's record under its Pagefind page id (replacing those of an earlier index) and writes
 * `search/pagefind-bundles.json`; returns how many plans it linked. A plan page without a record is an error.
 */
export function linkRecordsByPagefindId(siteDir: string, bundles: readonly string[] = ['pagefind'], memoFile = fragmentsMemoOf(siteDir)): number {
  const blocks = join(siteDir, 'search', 'blocks');
  const byId = join(blocks, BY_PAGEFIND_ID);
  rmSync(byId, { recursive: true, force: true });
  mkdirSync(byId, { recursive: true });
  const ids = pagefindIds(siteDir, bundles, memoFile);
  for (const [id, slug] of Object.entries(ids)) {
    const from = join(blocks, `${slug}.json.gz`);
    if (!existsSync(from)) throw new Error(`${from}: the plan page ${slug} was indexed but has no search record`);
    const to = join(byId, `${id}.json.gz`);
    linkOrCopy(from, to);
  }
  const file: PagefindBundles = { bundles: bundles.map((b) => `${b}/`) };
  writeFileSync(join(siteDir, 'search', 'pagefind-bundles.json'), JSON.stringify(file));
  return Object.keys(ids).length;
}
