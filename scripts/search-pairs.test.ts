import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { writePairIndex } from './search-pairs.ts';
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
  const dir = mkdtempSync(join(tmpdir(), 'search-pairs-'));
  sites.push(dir);
  mkdirSync(join(dir, 'search', 'blocks'), { recursive: true });
  for (const [slug, paragraphs] of Object.entries(plans)) {
    mkdirSync(join(dir, 'plans', slug), { recursive: true });
    writeFileSync(join(dir, 'plans', slug, 'index.html'), '<!doctype html>');
    const record: SearchRecord = { slug, title: slug, meta: {}, filters: {}, blocks: paragraphs.map((text) => ({ id: null, kind: 'paragraph', under: -1, text })) };
    writeFileSync(join(dir, 'search', 'blocks', `${slug}.json.gz`), gzipSync(JSON.stringify(record)));
  }
  if (searchPage) writeFileSync(join(dir, 'search', 'index.html'), `<script type="application/json" id="search-data">${JSON.stringify(searchPage)}</script>`);
  return dir;
}

describe('writePairIndex on a built site', () => {
  const plans = { zeta: ['培育瞪羚企业。'], alpha: ['发展高新技术企业。'], mid: ['科技特派员。'] };

  test('plans numbered in slug order, each record linked under its number, a file for every bucket', async () => {
    const dir = site(plans, { pairBuckets: 16 });
    expect(writePairIndex(dir)).toMatchObject({ plans: 3, files: 16 });
    const blocks = join(dir, 'search', 'blocks');
    // alpha, mid, zeta: numbers 0, 1, 2, the same bytes as the records.
    for (const [n, slug] of ['alpha', 'mid', 'zeta'].entries()) {
      expect(readFileSync(join(blocks, 'by-number', `${n}.json.gz`))).toEqual(readFileSync(join(blocks, `${slug}.json.gz`)));
    }
    const files = readdirSync(join(dir, 'search', 'pairs')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual(Array.from({ length: pairBucketCount(3) }, (_, b) => `${b}.gz`));
    const read = async (b: number) => decodeBucket(gunzipSync(readFileSync(join(dir, 'search', 'pairs', `${b}.gz`))));
    expect((await searchPairs('瞪羚企业', 16, normalize, read)).map((r) => r.plan)).toEqual([2]);
    expect((await searchPairs('企业', 16, normalize, read)).map((r) => r.plan).sort()).toEqual([0, 2]);
    expect(await searchPairs('特派员企业', 16, normalize, read)).toEqual([]);
    // Written again (a rebuild into the same site, where a larger library had more files): no leftovers.
    writeFileSync(join(dir, 'search', 'pairs', '999.gz'), '');
    writeFileSync(join(blocks, 'by-number', '7.json.gz'), '');
    writePairIndex(dir);
    expect(readdirSync(join(dir, 'search', 'pairs'))).toHaveLength(16);
    expect(readdirSync(join(blocks, 'by-number')).sort()).toEqual(['0.json.gz', '1.json.gz', '2.json.gz']);
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
