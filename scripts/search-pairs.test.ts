import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { numberSpace, planNumbers, writePairIndex } from './search-pairs.ts';
import { pairCandidates } from './bench/pair-candidates.ts';
import { decodeBucket, pairBucketCount, searchPairs } from '../src/lib/search/pairs.ts';
import { normalize } from '../src/lib/search/normalize.ts';
import type { SearchRecord } from '../src/lib/search/records.ts';

const sites: string[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) rmSync(s, { recursive: true, force: true });
});

/** A built site as far as the index needs it: a page and a search record per plan (and a search page, if given). */
function site(plans: Record<string, string[]>, searchPage?: { pairBuckets: number }): string {
  const parent = mkdtempSync(join(tmpdir(), 'search-pairs-'));
  sites.push(parent);
  const dir = join(parent, 'site');
  writePlans(dir, plans);
  if (searchPage) writeFileSync(join(dir, 'search', 'index.html'), `<script type="application/json" id="search-data">${JSON.stringify(searchPage)}</script>`);
  return dir;
}

/** Writes these plans' pages and records into `dir` (a plan already there is replaced; `null` removes it). */
function writePlans(dir: string, plans: Record<string, string[] | null>): void {
  mkdirSync(join(dir, 'search', 'blocks'), { recursive: true });
  for (const [slug, paragraphs] of Object.entries(plans)) {
    if (paragraphs === null) {
      rmSync(join(dir, 'plans', slug), { recursive: true });
      rmSync(join(dir, 'search', 'blocks', `${slug}.json.gz`));
      continue;
    }
    mkdirSync(join(dir, 'plans', slug), { recursive: true });
    writeFileSync(join(dir, 'plans', slug, 'index.html'), '<!doctype html>');
    const record: SearchRecord = { slug, title: slug, meta: {}, filters: {}, blocks: paragraphs.map((text) => ({ id: null, kind: 'paragraph', under: -1, text })) };
    // A new file, as site-files makes one (a link to its cache): the index knows a record by its file.
    rmSync(join(dir, 'search', 'blocks', `${slug}.json.gz`), { force: true });
    writeFileSync(join(dir, 'search', 'blocks', `${slug}.json.gz`), gzipSync(JSON.stringify(record)));
  }
}

/** The index's files (bucket files and by-number links), by path, with their bytes. */
function indexFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['search/pairs', 'search/blocks/by-number']) {
    for (const f of readdirSync(join(dir, sub))) out.set(`${sub}/${f}`, readFileSync(join(dir, sub, f)).toString('base64'));
  }
  return out;
}

describe('writePairIndex on a built site', () => {
  const plans = { zeta: ['培育瞪羚企业。'], alpha: ['发展高新技术企业。'], mid: ['科技特派员。'] };

  test('each record linked under its plan\'s number, a file for every bucket, the searches name the plans', async () => {
    const dir = site(plans, { pairBuckets: 16 });
    expect(writePairIndex(dir)).toMatchObject({ plans: 3, files: 16, recordsRead: 3, bucketsMade: 16 });
    const blocks = join(dir, 'search', 'blocks');
    const numbers = planNumbers(['alpha', 'mid', 'zeta']);
    for (const [slug, n] of numbers) expect(readFileSync(join(blocks, 'by-number', `${n}.json.gz`))).toEqual(readFileSync(join(blocks, `${slug}.json.gz`)));
    const files = readdirSync(join(dir, 'search', 'pairs')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual(Array.from({ length: pairBucketCount(3) }, (_, b) => `${b}.gz`));
    const read = async (b: number) => decodeBucket(gunzipSync(readFileSync(join(dir, 'search', 'pairs', `${b}.gz`))));
    const named = async (q: string) => (await searchPairs(q, 16, normalize, read)).map((r) => [...numbers].find(([, n]) => n === r.plan)![0]).sort();
    expect(await named('瞪羚企业')).toEqual(['zeta']);
    expect(await named('企业')).toEqual(['alpha', 'zeta']);
    expect(await named('特派员企业')).toEqual([]);
    // Written again (a rebuild into the same site, where a larger library had more files): no leftovers.
    writeFileSync(join(dir, 'search', 'pairs', '999.gz'), '');
    writeFileSync(join(blocks, 'by-number', '7777.json.gz'), '');
    writePairIndex(dir);
    expect(readdirSync(join(dir, 'search', 'pairs'))).toHaveLength(16);
    expect(readdirSync(join(blocks, 'by-number')).sort()).toEqual([...numbers.values()].map((n) => `${n}.json.gz`).sort());
  });

  test('a rebuild after adding, changing and removing plans reads only the new and changed records, and writes what a fresh build writes', () => {
    // Short texts: few keys a plan, so that a change touches few of the 16 buckets.
    const library = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`plan-${String(i).padStart(2, '0')}`, [`第${i}项`]]));
    const dir = site(library);
    expect(writePairIndex(dir)).toMatchObject({ plans: 12, recordsRead: 12, bucketsMade: 16 });
    // Nothing changed: no record read, no bucket made.
    expect(writePairIndex(dir)).toMatchObject({ plans: 12, recordsRead: 0, bucketsMade: 0 });
    // Changed and new texts that share keys with plans that stay (第1, 1项: plan-01, plan-10), so that postings
    // arrive in lists that others hold and leave lists that others keep; and a plan removed.
    const change = { 'plan-03': ['第1项甲乙'], 'plan-11': ['丙丁'], 'plan-12': ['第1项丙丁'], 'plan-07': null };
    writePlans(dir, change);
    const rebuilt = writePairIndex(dir);
    expect(rebuilt).toMatchObject({ plans: 12, recordsRead: 3 });
    expect(rebuilt.bucketsMade).toBeGreaterThan(0);
    expect(rebuilt.bucketsMade).toBeLessThan(16);
    // The same texts in a site of their own, with no cache.
    const fresh = site({ ...library, ...change, 'plan-07': [] });
    writePlans(fresh, { 'plan-07': null });
    expect(writePairIndex(fresh)).toMatchObject({ recordsRead: 12, bucketsMade: 16 });
    expect(indexFiles(dir)).toEqual(indexFiles(fresh));
  });

  test('a cache the code or the library size no longer fits, or that lost a file, is made afresh', () => {
    const dir = site(plans);
    writePairIndex(dir);
    // Another bucket count: 17 plans need 32 buckets.
    writePlans(dir, Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`more-${i}`, [`第${i}条。`]])));
    expect(writePairIndex(dir)).toMatchObject({ plans: 17, files: 32, recordsRead: 17, bucketsMade: 32 });
    const cache = join(dir, '..', '.site.pairs');
    expect(existsSync(join(cache, 'state.json'))).toBe(true);
    rmSync(join(cache, 'pairs', '5.gz'));
    expect(writePairIndex(dir)).toMatchObject({ recordsRead: 17, bucketsMade: 32 });
  });

  test('a search page built for another number of plans fails the build, naming both', () => {
    const dir = site(plans, { pairBuckets: 32 });
    expect(() => writePairIndex(dir)).toThrow(/built for 32 pair buckets, but the site has 3 plan pages \(16 buckets\)/u);
  });

  test('a plan page without its search record fails the build, naming the file', () => {
    const dir = site(plans);
    rmSync(join(dir, 'search', 'blocks', 'mid.json.gz'));
    expect(() => writePairIndex(dir)).toThrow(/mid\.json\.gz: the plan page mid has no search record/u);
  });
});

describe('planNumbers', () => {
  const slugs = Array.from({ length: 500 }, (_, i) => `plan-${i}`);

  test('gives every plan its own number, within two to four a plan', () => {
    const numbers = planNumbers(slugs);
    expect(new Set(numbers.values()).size).toBe(500);
    expect(Math.max(...numbers.values())).toBeLessThan(numberSpace(500));
    expect(numberSpace(500)).toBe(1024);
  });

  test('a new plan leaves nearly every other plan its number (numbering in slug order moved all after it)', () => {
    const before = planNumbers(slugs);
    const after = planNumbers([...slugs, 'plan-0a']);
    const moved = slugs.filter((s) => before.get(s) !== after.get(s));
    expect(moved.length).toBeLessThanOrEqual(5);
  });
});

describe('pairCandidates (the scale bench): the index names every plan the project’s queries match', () => {
  test('on a site whose texts hold some of the queries, all their literal matches are named', async () => {
    // Sentences from the seeds that tests/search/queries.yaml asks about (瞪羚企业, 科技特派员, 3.2%), split over plans.
    const dir = site({
      a: ['全区高新技术企业总量突破530家，“瞪羚”企业达到30家。'],
      b: ['深入推行科技特派员制度。', '研发投入强度力争达到3.2%以上。'],
      c: ['提高企业科技管理水平。'],
    });
    writePairIndex(dir);
    const r = await pairCandidates(dir);
    expect(r.plans).toBe(3);
    expect(r.literal, 'literal matches of the queries in these texts').toBeGreaterThanOrEqual(3);
    expect(r.named).toBe(r.literal);
    expect(r.misses).toEqual([]);
    expect(r.candidates).toBeGreaterThanOrEqual(r.literal);
  });
});
