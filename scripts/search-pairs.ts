/**
 * `node scripts/search-pairs.ts --site DIR`: writes the search's candidate index into a built site
 * (src/lib/search/pairs.ts says what it is and why): `search/pairs/<bucket>.gz`, from each plan's search record
 * (`search/blocks/<slug>.json.gz`, written by scripts/site-files.ts), so the index holds exactly the text the
 * browser verifies, normalised by the same function. Plans are numbered in slug order; each record is linked under
 * its number (`search/blocks/by-number/<n>.json.gz`, hard links where the file system allows), so a candidate leads
 * straight to its record with no number → slug list to download.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { normalize } from '../src/lib/search/normalize.ts';
import { addTextKeys, bucketOf, byPlanNumber, encodeBucket, pairBucketCount, type PairKey, type Postings } from '../src/lib/search/pairs.ts';
import type { SearchRecord } from '../src/lib/search/records.ts';
import { linkOrCopy } from './lib/link-or-copy.ts';

/** What the search page embeds about the index (src/pages/search.astro), checked against what is written here. */
interface SearchPageData {
  pairBuckets?: number;
}

/** The plans of a built site: the folders under `plans/` with a page, in slug order (their numbers). */
export function sitePlanSlugs(siteDir: string): string[] {
  const plansDir = join(siteDir, 'plans');
  return readdirSync(plansDir)
    .filter((s) => existsSync(join(plansDir, s, 'index.html')))
    .sort();
}

/** Each key's postings, packed `plan × 256 + count` in plan order (one small integer a posting). */
export function collectPostings(records: Iterable<SearchRecord>): Map<PairKey, number[]> {
  const postings = new Map<PairKey, number[]>();
  let plan = 0;
  for (const record of records) {
    const counts = new Map<PairKey, number>();
    for (const block of record.blocks) addTextKeys(normalize(block.match ?? block.text), counts);
    for (const [key, count] of counts) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(plan * 256 + Math.min(count, 255));
    }
    plan++;
  }
  return postings;
}

/** The bucket files' bytes (before gzip) for the postings of a library of `plans` plans, by bucket number. */
export function bucketFiles(postings: ReadonlyMap<PairKey, number[]>, plans: number): Map<number, Uint8Array> {
  const buckets = pairBucketCount(plans);
  const grouped = new Map<number, Map<PairKey, Postings>>();
  for (const [key, packed] of postings) {
    const b = bucketOf(key, buckets);
    let group = grouped.get(b);
    if (!group) grouped.set(b, (group = new Map()));
    group.set(key, { plans: Uint32Array.from(packed, (p) => Math.floor(p / 256)), counts: Uint8Array.from(packed, (p) => p % 256) });
  }
  return new Map([...grouped].map(([b, entries]) => [b, encodeBucket(entries)]));
}

function readRecord(path: string): SearchRecord {
  if (!existsSync(path)) throw new Error(`${path}: the plan has a page but no search record (scripts/site-files.ts writes it)`);
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as SearchRecord;
}

/** The bucket count the built search page was made for (it embeds it), or null when the page has none. */
function pageBuckets(siteDir: string): number | null {
  const page = join(siteDir, 'search', 'index.html');
  if (!existsSync(page)) return null;
  const json = /<script[^>]*id="search-data"[^>]*>([\s\S]*?)<\/script>/u.exec(readFileSync(page, 'utf8'))?.[1];
  return json ? ((JSON.parse(json) as SearchPageData).pairBuckets ?? null) : null;
}

/** Writes the index and the by-number links; returns the plans indexed and the bucket files written. */
export function writePairIndex(siteDir: string): { plans: number; files: number; bytes: number } {
  const slugs = sitePlanSlugs(siteDir);
  const buckets = pairBucketCount(slugs.length);
  // The page looks keys up in as many buckets as it was built for; a different count would silently miss plans.
  const embedded = pageBuckets(siteDir);
  if (embedded !== null && embedded !== buckets) {
    throw new Error(`search/index.html was built for ${embedded} pair buckets, but the site has ${slugs.length} plan pages (${buckets} buckets): were plan pages added or removed after the build?`);
  }
  const blocks = join(siteDir, 'search', 'blocks');
  const byNumber = join(blocks, byPlanNumber(0).split('/')[0]!);
  rmSync(byNumber, { recursive: true, force: true });
  mkdirSync(byNumber, { recursive: true });
  slugs.forEach((slug, n) => {
    const from = join(blocks, `${slug}.json.gz`);
    const to = join(blocks, `${byPlanNumber(n)}.json.gz`);
    if (!existsSync(from)) throw new Error(`${from}: the plan page ${slug} has no search record (scripts/site-files.ts writes it)`);
    linkOrCopy(from, to);
  });
  const postings = collectPostings((function* () {
    for (const slug of slugs) yield readRecord(join(blocks, `${slug}.json.gz`));
  })());
  const files = bucketFiles(postings, slugs.length);
  postings.clear();
  const out = join(siteDir, 'search', 'pairs');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  // Every bucket gets a file, empty ones too: the page asks for a key's bucket without knowing whether it is used.
  for (let b = 0; b < buckets; b++) {
    const gz = gzipSync(files.get(b) ?? new Uint8Array(0), { level: 9 });
    bytes += gz.length;
    writeFileSync(join(out, `${b}.gz`), gz);
  }
  return { plans: slugs.length, files: buckets, bytes };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
  const started = performance.now();
  try {
    const { plans, files, bytes } = writePairIndex(values.site);
    console.log(`search pairs: ${plans} plan(s), ${files} bucket file(s), ${(bytes / 1024).toFixed(0)} KB in ${Math.round(performance.now() - started)} ms → ${values.site}/search/pairs`);
  } catch (e) {
    console.error(`search-pairs: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
