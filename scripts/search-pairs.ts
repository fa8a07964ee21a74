/**
 * `node scripts/search-pairs.ts --site DIR`: writes the search's candidate index into a built site
 * (src/lib/search/pairs.ts says what it is and why): `search/pairs/<bucket>.gz`, from each plan's search record
 * (`search/blocks/<slug>.json.gz`, written by scripts/site-files.ts), so the index holds exactly the text the
 * browser verifies, normalised by the same function. Each record is linked under its plan's number
 * (`search/blocks/by-number/<n>.json.gz`, hard links where the file system allows), so a candidate leads straight
 * to its record with no number → slug list to download.
 *
 * A rebuild does not make the index again (issue 15: at 10,000 plans that read every record and wrote 16,384 files,
 * 37 s of the 485 s it took to add one plan). A plan's number depends on its slug and barely on the others'
 * (`planNumbers`), so adding a plan leaves the other plans' numbers, and the buckets that hold none of the new
 * plan's keys, as they were. The index is kept beside the site (`.<site>.pairs/`: the bucket files, each plan's keys,
 * and a record of what they were made from); a rebuild reads the records of the plans that changed (a record is
 * known by its file's inode, size and time: the site's files are links into their own cache), takes their old
 * postings out of the buckets that hold them and puts the new ones in, and links the rest. What it writes is what
 * a fresh build writes, byte for byte (tests/site/incremental-build.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fnv1a } from '../src/lib/fnv1a.ts';
import { normalize } from '../src/lib/search/normalize.ts';
import { addTextKeys, bucketOf, byPlanNumber, decodeBucket, encodeBucket, pairBucketCount, type PairKey, type Postings } from '../src/lib/search/pairs.ts';
import type { SearchRecord } from '../src/lib/search/records.ts';
import { codeDigest } from './lib/code-digest.ts';
import { pairsCacheOf } from './lib/files-cache.ts';
import { linkOrCopy } from './lib/link-or-copy.ts';
import { fileStamp } from './lib/file-stamp.ts';
import { parseCommandLine } from './lib/command-line.ts';

/** What the search page embeds about the index (src/pages/search.astro), checked against what is written here. */
interface SearchPageData {
  pairBuckets?: number;
}

/** The plans of a built site: the folders under `plans/` with a page, in slug order (`planNumbers` numbers them). */
export function sitePlanSlugs(siteDir: string): string[] {
  const plansDir = join(siteDir, 'plans');
  return readdirSync(plansDir)
    .filter((s) => existsSync(join(plansDir, s, 'index.html')))
    .sort();
}

/** A plan's keys, each with how often it occurs in the plan's text (the text the browser verifies, normalised). */
export function planKeyCounts(record: SearchRecord): Map<PairKey, number> {
  const counts = new Map<PairKey, number>();
  for (const block of record.blocks) addTextKeys(normalize(block.match ?? block.text), counts);
  return counts;
}

/** Postings on their way into buckets: by bucket, by key, packed `plan × 256 + count` (one small integer a posting). */
export type ArrivingPostings = Map<number, Map<PairKey, number[]>>;

/**
 * Adds a plan's postings (its keys' counts, under its number) to `arriving`, and returns the buckets they fall in.
 * Plans must come in ascending number order, so that each key's list comes out ascending.
 */
export function addPostings(arriving: ArrivingPostings, plan: number, counts: ReadonlyMap<PairKey, number>, buckets: number): Set<number> {
  const own = new Set<number>();
  for (const [key, count] of counts) {
    const b = bucketOf(key, buckets);
    own.add(b);
    let group = arriving.get(b);
    if (!group) arriving.set(b, (group = new Map()));
    let list = group.get(key);
    if (!list) group.set(key, (list = []));
    list.push(plan * 256 + Math.min(count, 255));
  }
  return own;
}

/** A bucket's entries with the postings of the `leaving` plan numbers taken out and the `arriving` ones put in. */
export function updateBucket(entries: Map<PairKey, Postings>, leaving: ReadonlySet<number>, arriving: ReadonlyMap<PairKey, number[]> | undefined): Map<PairKey, Postings> {
  for (const [key, postings] of entries) {
    if (leaving.size === 0) break;
    // Most keys of a bucket hold none of the leaving plans: counted first, a list is copied only where one goes
    // (copying every key's list was a third of adding one plan's 9.5 s at 10,000 plans, --cpu-prof).
    const { plans, counts } = postings;
    let going = 0;
    for (const plan of plans) if (leaving.has(plan)) going++;
    if (going === 0) continue;
    if (going === plans.length) {
      entries.delete(key);
      continue;
    }
    const kept: Postings = { plans: new Uint32Array(plans.length - going), counts: new Uint8Array(plans.length - going) };
    for (let i = 0, j = 0; i < plans.length; i++) {
      if (leaving.has(plans[i]!)) continue;
      kept.plans[j] = plans[i]!;
      kept.counts[j++] = counts[i]!;
    }
    entries.set(key, kept);
  }
  for (const [key, packed] of arriving ?? []) entries.set(key, withArriving(entries.get(key), packed));
  return entries;
}

/**
 * A key's postings with the arriving ones (packed, ascending) put in: the plans staying and the plans arriving hold
 * different numbers, so one merge of two ascending lists, straight into the new arrays (packing the old list to merge
 * it took 1.5 s of the 6.7 s left of adding one plan at 10,000 plans: a common key’s list holds thousands).
 */
function withArriving(old: Postings | undefined, packed: readonly number[]): Postings {
  const n = (old?.plans.length ?? 0) + packed.length;
  const out: Postings = { plans: new Uint32Array(n), counts: new Uint8Array(n) };
  let i = 0;
  let j = 0;
  for (let at = 0; at < n; at++) {
    const next = j < packed.length ? Math.floor(packed[j]! / 256) : Infinity;
    if (old && i < old.plans.length && old.plans[i]! < next) {
      out.plans[at] = old.plans[i]!;
      out.counts[at] = old.counts[i++]!;
    } else {
      out.plans[at] = next;
      out.counts[at] = packed[j++]! % 256;
    }
  }
  return out;
}

/**
 * The bucket files' bytes (before gzip) of these records, numbered in the order given, by bucket number: the index
 * in memory, made as `writePairIndex` makes it (tests of the search read it through its bytes).
 */
export function bucketFiles(records: readonly SearchRecord[]): Map<number, Uint8Array> {
  const buckets = pairBucketCount(records.length);
  const arriving: ArrivingPostings = new Map();
  records.forEach((record, plan) => addPostings(arriving, plan, planKeyCounts(record), buckets));
  return new Map([...arriving].map(([b, group]) => [b, encodeBucket(updateBucket(new Map(), new Set(), group))]));
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

/**
 * Plan numbers for these slugs: each slug's FNV-1a hash in a space of at least two numbers a plan (a power of two),
 * the next free number where it is taken, slugs taken in order. So a number depends on the slug and, rarely, on a
 * slug before it that took its place: adding a plan changes the new plan's number and, at most, those of the few
 * plans that collide with it, not (as numbering in slug order did) every plan after it in the alphabet.
 */
export function planNumbers(slugs: readonly string[]): Map<string, number> {
  const space = numberSpace(slugs.length);
  const taken = new Uint8Array(space);
  const numbers = new Map<string, number>();
  for (const slug of [...slugs].sort()) {
    let n = fnv1a(slug) % space;
    while (taken[n]) n = (n + 1) % space;
    taken[n] = 1;
    numbers.set(slug, n);
  }
  return numbers;
}

/**
 * How many plan numbers a library of `plans` plans draws from: a power of two, at least two a plan (and 64). Sparser
 * numbers collide less but cost bytes: a key's postings are gaps between plan numbers, and larger gaps compress
 * worse (at 10,000 plans the index is 26.3 MB here, 3.3 numbers a plan; 18.6 MB numbered in slug order, 30.2 MB with
 * 6.6 numbers a plan). A change of space renumbers every plan, which the rebuild then indexes again.
 */
export function numberSpace(plans: number): number {
  let space = 64;
  while (space < plans * 2) space *= 2;
  return space;
}

/** What the cache was made from: the code, the bucket count, and each plan's number and record. */
interface PairsState {
  version: 1;
  code: string;
  buckets: number;
  plans: Record<string, { number: number; record: string }>;
}

const STATE = 'state.json';

/** The cache's record, if it was made by this code for this many buckets and holds every file it names. */
function readState(cache: string, code: string, buckets: number): PairsState | null {
  let state: PairsState;
  try {
    state = JSON.parse(readFileSync(join(cache, STATE), 'utf8')) as PairsState;
  } catch {
    return null;
  }
  if (state.version !== 1 || state.code !== code || state.buckets !== buckets) return null;
  for (let b = 0; b < buckets; b++) if (!existsSync(join(cache, 'pairs', `${b}.gz`))) return null;
  for (const slug of Object.keys(state.plans)) if (!existsSync(join(cache, 'plans', slug))) return null;
  return state;
}

/** The buckets that hold a plan's postings, as the cache keeps them (what a rebuild must take the plan out of). */
function writeBuckets(file: string, buckets: ReadonlySet<number>): void {
  writeFileSync(file, Uint16Array.from(buckets));
}

function readBuckets(file: string): Uint16Array {
  const bytes = readFileSync(file);
  // A copy: the file's buffer need not be aligned for a Uint16Array.
  return new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** What `writePairIndex` did: the plans indexed, the bucket files, their gzip bytes, and what it made again. */
export interface PairIndexResult {
  plans: number;
  files: number;
  bytes: number;
  /** Records read (the plans new or changed since the cache was made; all of them without a cache). */
  recordsRead: number;
  /** Bucket files made (the others were the cache's). */
  bucketsMade: number;
}

/** Writes the index and the by-number links, from the cache in `cache` where it holds them (see the top of this file). */
export function writePairIndex(siteDir: string, cache = pairsCacheOf(siteDir)): PairIndexResult {
  const slugs = sitePlanSlugs(siteDir);
  const buckets = pairBucketCount(slugs.length);
  // The page looks keys up in as many buckets as it was built for; a different count would silently miss plans.
  const embedded = pageBuckets(siteDir);
  if (embedded !== null && embedded !== buckets) {
    throw new Error(`search/index.html was built for ${embedded} pair buckets, but the site has ${slugs.length} plan pages (${buckets} buckets): were plan pages added or removed after the build?`);
  }
  const numbers = planNumbers(slugs);
  const blocks = join(siteDir, 'search', 'blocks');
  const recordOf = (slug: string) => join(blocks, `${slug}.json.gz`);
  const byNumber = join(blocks, byPlanNumber(0).split('/')[0]!);
  rmSync(byNumber, { recursive: true, force: true });
  mkdirSync(byNumber, { recursive: true });
  const stamps = new Map<string, string>();
  for (const slug of slugs) {
    const from = recordOf(slug);
    // A changed record is a new file (site-files writes it anew): another stamp.
    const stamp = fileStamp(from);
    if (stamp === null) throw new Error(`${from}: the plan page ${slug} has no search record (scripts/site-files.ts writes it)`);
    stamps.set(slug, stamp);
    linkOrCopy(from, join(blocks, `${byPlanNumber(numbers.get(slug)!)}.json.gz`));
  }

  const code = codeDigest();
  const previous = readState(cache, code, buckets);
  // The record goes while the cache is changed: a run stopped halfway leaves none, and the next starts afresh.
  rmSync(join(cache, STATE), { force: true });
  if (!previous) rmSync(cache, { recursive: true, force: true });
  const bucketsOfPlan = join(cache, 'plans');
  const bucketsDir = join(cache, 'pairs');
  mkdirSync(bucketsOfPlan, { recursive: true });
  mkdirSync(bucketsDir, { recursive: true });
  const unchanged = (slug: string) => {
    const was = previous?.plans[slug];
    return was !== undefined && was.number === numbers.get(slug) && was.record === stamps.get(slug);
  };

  // Out: the old postings of every plan that is gone or changed, from the buckets that hold them.
  const leaving = new Set<number>();
  const touched = new Set<number>();
  for (const [slug, was] of Object.entries(previous?.plans ?? {})) {
    if (numbers.has(slug) && unchanged(slug)) continue;
    leaving.add(was.number);
    for (const b of readBuckets(join(bucketsOfPlan, slug))) touched.add(b);
    if (!numbers.has(slug)) rmSync(join(bucketsOfPlan, slug));
  }
  // In: the postings of every plan that is new or changed, from its record; in number order, so that each key's
  // list comes out ascending. Packed `plan × 256 + count` (one small integer a posting).
  const arriving: ArrivingPostings = new Map();
  const reading = slugs.filter((slug) => !unchanged(slug)).sort((a, b) => numbers.get(a)! - numbers.get(b)!);
  for (const slug of reading) {
    const own = addPostings(arriving, numbers.get(slug)!, planKeyCounts(readRecord(recordOf(slug))), buckets);
    for (const b of own) touched.add(b);
    writeBuckets(join(bucketsOfPlan, slug), own);
  }

  // Every bucket gets a file, empty ones too: the page asks for a key's bucket without knowing whether it is used.
  for (let b = 0; b < buckets; b++) {
    if (previous && !touched.has(b)) continue;
    const file = join(bucketsDir, `${b}.gz`);
    const entries = previous ? decodeBucket(gunzipSync(readFileSync(file))) : new Map<PairKey, Postings>();
    // zlib's default level: at 10,000 plans level 9 took 3.6 times as long for 0.5 % fewer bytes (2,000 buckets:
    // 860 against 240 ms, 3,345 against 3,363 KB); this stage in a rebuild adding one plan 4.2–4.6 → 3.0–3.3 s.
    writeFileSync(`${file}.tmp`, gzipSync(encodeBucket(updateBucket(entries, leaving, arriving.get(b)))));
    renameSync(`${file}.tmp`, file);
  }
  arriving.clear();

  const out = join(siteDir, 'search', 'pairs');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  for (let b = 0; b < buckets; b++) {
    const file = join(bucketsDir, `${b}.gz`);
    bytes += statSync(file).size;
    linkOrCopy(file, join(out, `${b}.gz`));
  }
  const state: PairsState = { version: 1, code, buckets, plans: Object.fromEntries(slugs.map((slug) => [slug, { number: numbers.get(slug)!, record: stamps.get(slug)! }])) };
  writeFileSync(join(cache, `${STATE}.tmp`), JSON.stringify(state));
  renameSync(join(cache, `${STATE}.tmp`), join(cache, STATE));
  return { plans: slugs.length, files: buckets, bytes, recordsRead: reading.length, bucketsMade: previous ? touched.size : buckets };
}

if (import.meta.main) {
  const { values } = parseCommandLine('search-pairs', { options: { site: { type: 'string', default: 'dist' } } });
  const started = performance.now();
  try {
    const { plans, files, bytes, recordsRead, bucketsMade } = writePairIndex(values.site);
    console.log(`search pairs: ${plans} plan(s), ${files} bucket file(s), ${(bytes / 1024).toFixed(0)} KB in ${Math.round(performance.now() - started)} ms (${recordsRead} record(s) read, ${bucketsMade} bucket file(s) made, the rest kept from the last build) → ${values.site}/search/pairs`);
  } catch (e) {
    console.error(`search-pairs: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
