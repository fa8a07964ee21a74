/**
 * The search's candidate index: for each character pair (and each single character) of the plans' normalised text,
 * the plans that contain it. A query's candidates are the plans holding every pair of every term; verification
 * (engine.ts) then reads their records. Because a literal match in a block contains all of the needle's pairs in
 * that block, the candidates are never missing a plan that matches: the index can only over-name, never under-name.
 *
 * Why not Pagefind's index for this: Pagefind keeps every word's positions in every page, so a common word's index
 * chunk is ≈ 26 KB per shard, and its page list and WebAssembly cost ≈ 210 KB before the first word at 10,000 plans
 * (a first search 847 KB). Here a pair's entry is a sorted list of plan numbers with a count each (≤ 2 bytes a plan
 * before gzip), grouped by hash into a number of files that grows with the library, so a query loads one small file
 * per distinct pair of its terms and nothing else.
 *
 * Used by the build (scripts/search-pairs.ts writes the files) and by the browser (src/scripts/search.ts reads
 * them); both go through the functions here, so keys, buckets and bytes agree.
 *
 * Bucket file (`search/pairs/<bucket>.gz`, gzip of): entries one after another, each
 * `varint key, varint n, n × varint (plan number − previous plan number), n × byte count` (count capped at 255).
 */

/** A pair's key: two UTF-16 code units; a single character is `unit × 65536` (second unit 0). */
export type PairKey = number;

const UNIT = 65536;

/** The keys a needle (normalised) needs: its adjacent pairs, or its one character; none for an empty needle. */
export function needleKeys(needle: string): PairKey[] {
  if (needle.length === 0) return [];
  if (needle.length === 1) return [needle.charCodeAt(0) * UNIT];
  const keys = new Set<PairKey>();
  for (let i = 0; i + 1 < needle.length; i++) keys.add(needle.charCodeAt(i) * UNIT + needle.charCodeAt(i + 1));
  return [...keys];
}

/** Adds a normalised block text's keys (every character and every adjacent pair) to `counts`. */
export function addTextKeys(text: string, counts: Map<PairKey, number>): void {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i) * UNIT;
    counts.set(u, (counts.get(u) ?? 0) + 1);
    if (i + 1 < text.length) {
      const p = u + text.charCodeAt(i + 1);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
}

/**
 * Bucket files for a library of `plans` plans: about one per plan (a power of two, 16 to 16,384), so a bucket holds
 * a similar amount of postings at every size (≈ 5–8 KB before gzip on the synthetic corpora).
 */
export function pairBucketCount(plans: number): number {
  let b = 16;
  while (b < plans && b < 16384) b *= 2;
  return b;
}

/** The bucket of a key (Fibonacci hashing of its 32 bits; `buckets` a power of two). */
export function bucketOf(key: PairKey, buckets: number): number {
  const bits = Math.log2(buckets);
  if (!Number.isInteger(bits)) throw new Error(`bucket count must be a power of two, got ${buckets}`);
  if (bits === 0) return 0;
  return (Math.imul(key >>> 0, 0x9e3779b1) >>> 0) >>> (32 - bits);
}

/** One key's postings: plan numbers ascending, and how often the key occurs in each. */
export interface Postings {
  plans: Uint32Array;
  counts: Uint8Array;
}

/** Writes `n` (below 2^32) as a varint at `at` in `out`; returns the offset after it. */
function putVarint(out: Uint8Array, at: number, n: number): number {
  // Division, not shifts: keys use all 32 bits, beyond JavaScript's signed 32-bit shift arithmetic.
  while (n >= 128) {
    out[at++] = (n % 128) + 128;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

/** The bytes of a bucket (before gzip); entries in ascending key order. */
export function encodeBucket(entries: ReadonlyMap<PairKey, Postings>): Uint8Array {
  // Written into one array of the largest size they can take (a varint below 2^32 is at most 5 bytes), not pushed
  // byte by byte onto a list: encoding was a sixth of the time adding one plan to 10,000 took here (--cpu-prof).
  let most = 0;
  for (const { plans } of entries.values()) most += 10 + 6 * plans.length;
  const out = new Uint8Array(most);
  let at = 0;
  for (const key of [...entries.keys()].sort((a, b) => a - b)) {
    const { plans, counts } = entries.get(key)!;
    at = putVarint(out, at, key);
    at = putVarint(out, at, plans.length);
    let previous = 0;
    for (const plan of plans) {
      if (plan < previous) throw new Error(`postings of key ${key} are not in ascending plan order`);
      at = putVarint(out, at, plan - previous);
      previous = plan;
    }
    out.set(counts, at);
    at += counts.length;
  }
  return out.slice(0, at);
}

/** Reads a bucket written by {@link encodeBucket}; a truncated or malformed file is an error, not a silent miss. */
export function decodeBucket(bytes: Uint8Array): Map<PairKey, Postings> {
  const entries = new Map<PairKey, Postings>();
  let at = 0;
  const varint = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('search pair bucket: truncated');
      const b = bytes[at++]!;
      n += (b & 127) * scale;
      if (b < 128) return n;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const n = varint();
    const plans = new Uint32Array(n);
    let plan = 0;
    for (let i = 0; i < n; i++) plans[i] = plan += varint();
    if (at + n > bytes.length) throw new Error('search pair bucket: truncated');
    entries.set(key, { plans, counts: bytes.slice(at, at + n) });
    at += n;
  }
  return entries;
}

/**
 * Plans holding every key, with a score: the fewest occurrences of any key in the plan (an upper bound of how
 * often the needle itself occurs). `lookup` gives a key's postings, `undefined` when no plan has it.
 */
export function intersect(keys: readonly PairKey[], lookup: (key: PairKey) => Postings | undefined): { plan: number; score: number }[] {
  if (keys.length === 0) return [];
  const lists: Postings[] = [];
  for (const key of keys) {
    const p = lookup(key);
    if (!p || p.plans.length === 0) return [];
    lists.push(p);
  }
  lists.sort((a, b) => a.plans.length - b.plans.length);
  const [first, ...rest] = lists as [Postings, ...Postings[]];
  const cursor = rest.map(() => 0);
  const out: { plan: number; score: number }[] = [];
  outer: for (let i = 0; i < first.plans.length; i++) {
    const plan = first.plans[i]!;
    let score = first.counts[i]!;
    for (let r = 0; r < rest.length; r++) {
      const list = rest[r]!;
      let at = cursor[r]!;
      while (at < list.plans.length && list.plans[at]! < plan) at++;
      cursor[r] = at;
      if (at === list.plans.length) break outer;
      if (list.plans[at] !== plan) continue outer;
      score = Math.min(score, list.counts[at]!);
    }
    out.push({ plan, score });
  }
  return out;
}

/** Where the record of plan number `n` is, under `search/blocks/` (scripts/search-pairs.ts links it there). */
export const byPlanNumber = (n: number): string => `by-number/${n}`;

/** The keys of a query string (terms separated by white space, each normalised by `normalizeTerm`). */
function queryKeys(query: string, normalizeTerm: (term: string) => string): PairKey[] {
  return [...new Set(query.split(/\s+/u).flatMap((term) => needleKeys(normalizeTerm(term))))];
}

/** The bucket files a search for `query` reads (what the search page fetches ahead while the reader pauses). */
export function queryBuckets(query: string, buckets: number, normalizeTerm: (term: string) => string): number[] {
  return [...new Set(queryKeys(query, normalizeTerm).map((k) => bucketOf(k, buckets)))];
}

/**
 * The index's plans for a query string (terms separated by white space, each normalised by `normalizeTerm`): those
 * holding every pair of every term, best first (see {@link intersect}), each bucket fetched once by `bucket`.
 */
export async function searchPairs(
  query: string,
  buckets: number,
  normalizeTerm: (term: string) => string,
  bucket: (n: number) => Promise<ReadonlyMap<PairKey, Postings>>,
): Promise<{ plan: number; score: number }[]> {
  const keys = queryKeys(query, normalizeTerm);
  if (keys.length === 0) return [];
  const files = new Map<number, ReadonlyMap<PairKey, Postings>>();
  await Promise.all(queryBuckets(query, buckets, normalizeTerm).map(async (n) => files.set(n, await bucket(n))));
  return intersect(keys, (k) => files.get(bucketOf(k, buckets))!.get(k)).sort((a, b) => b.score - a.score || a.plan - b.plan);
}
