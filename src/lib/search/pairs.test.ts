import { describe, expect, test } from 'vitest';
import { bucketOf, decodeBucket, encodeBucket, intersect, needleKeys, pairBucketCount, searchPairs, type PairKey, type Postings } from './pairs.ts';
import { normalize } from './normalize.ts';
import { findAll } from './match.ts';
import { bucketFiles } from '../../../scripts/search-pairs.ts';
import type { SearchRecord } from './records.ts';

const key = (a: string, b?: string) => a.charCodeAt(0) * 65536 + (b ? b.charCodeAt(0) : 0);

/** A record of hand-written paragraphs (and, where given, the simplified form matched instead). */
const record = (slug: string, ...texts: (string | [string, string])[]): SearchRecord => ({
  slug,
  title: slug,
  meta: {},
  filters: {},
  blocks: texts.map((t) => (typeof t === 'string' ? { id: null, kind: 'paragraph', under: -1, text: t } : { id: null, kind: 'paragraph', under: -1, text: t[0], match: t[1] })),
});

/** The pair index of `records` (numbered in the order given) as the browser reads it: buckets from their bytes. */
function indexOf(records: SearchRecord[]) {
  const buckets = pairBucketCount(records.length);
  const files = bucketFiles(records);
  const search = (query: string) =>
    searchPairs(query, buckets, normalize, async (n) => decodeBucket(files.get(n) ?? new Uint8Array(0))).then((r) => r.map((x) => records[x.plan]!.slug));
  return { files, search };
}

describe('needleKeys: what a query term needs', () => {
  test('its adjacent pairs, or its one character', () => {
    expect(needleKeys('瞪羚企业')).toEqual([key('瞪', '羚'), key('羚', '企'), key('企', '业')]);
    expect(needleKeys('镇')).toEqual([key('镇')]);
    expect(needleKeys('')).toEqual([]);
    // A pair twice is needed once.
    expect(needleKeys('科技科技')).toEqual([key('科', '技'), key('技', '科')]);
  });
});

describe('bucket files', () => {
  test('about one per plan, a power of two between 16 and 16,384', () => {
    expect([1, 5, 16, 17, 1000, 10000, 30000].map(pairBucketCount)).toEqual([16, 16, 16, 32, 1024, 16384, 16384]);
    expect(() => bucketOf(1, 12)).toThrow(/power of two/u);
  });

  test('every key lands in a bucket in range, and the keys spread over them', () => {
    const seen = new Set<number>();
    for (let c = 0x4e00; c < 0x4e00 + 4000; c++) {
      const b = bucketOf(c * 65536 + 0x4e1a, 1024);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(1024);
      seen.add(b);
    }
    // 4,000 keys over 1,024 buckets: a hash that clumps would leave most empty.
    expect(seen.size).toBeGreaterThan(900);
  });

  test('bytes read back as written, keys of all 32 bits and counts included', () => {
    const entries = new Map<PairKey, Postings>([
      [key('镇'), { plans: Uint32Array.of(0, 3, 200, 70000), counts: Uint8Array.of(1, 255, 7, 2) }],
      [0xffffffff, { plans: Uint32Array.of(5), counts: Uint8Array.of(9) }],
      [key('a', 'i'), { plans: Uint32Array.of(), counts: Uint8Array.of() }],
    ]);
    const back = decodeBucket(encodeBucket(entries));
    expect([...back.keys()].sort((a, b) => a - b)).toEqual([key('a', 'i'), key('镇'), 0xffffffff]);
    for (const [k, p] of entries) {
      expect([...back.get(k)!.plans]).toEqual([...p.plans]);
      expect([...back.get(k)!.counts]).toEqual([...p.counts]);
    }
    // A cut file is an error, not a silent miss.
    expect(() => decodeBucket(encodeBucket(entries).slice(0, 9))).toThrow(/truncated/u);
  });
});

describe('intersect: plans holding every key', () => {
  test('only plans in every list, scored by the fewest occurrences', () => {
    const lists = new Map<PairKey, Postings>([
      [1, { plans: Uint32Array.of(1, 4, 6, 9), counts: Uint8Array.of(5, 2, 8, 1) }],
      [2, { plans: Uint32Array.of(4, 6, 7), counts: Uint8Array.of(9, 3, 1) }],
    ]);
    expect(intersect([1, 2], (k) => lists.get(k))).toEqual([
      { plan: 4, score: 2 },
      { plan: 6, score: 3 },
    ]);
    expect(intersect([1, 3], (k) => lists.get(k))).toEqual([]);
    expect(intersect([], (k) => lists.get(k))).toEqual([]);
  });
});

describe('searchPairs over hand-written plans', () => {
  const plans = [
    record('a', '培育“瞪羚”企业和独角兽企业。'),
    record('b', '瞪羚之乡。', '发展企业。'), // 瞪羚 and 企业, but never 瞪羚企业
    record('c', '高新技术企业达到530家。'),
    // A text printed in traditional characters is matched by its simplified form.
    record('d', ['發展瞪羚企業', '发展瞪羚企业']),
  ];
  const { search } = indexOf(plans);

  test('a term names the plans holding all its pairs, the same normalisation as verification', async () => {
    expect((await search('瞪羚企业')).sort()).toEqual(['a', 'd']);
    expect((await search('“瞪羚”企业')).sort()).toEqual(['a', 'd']);
    expect((await search('企业')).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await search('独角兽')).toEqual(['a']);
    expect(await search('发改委')).toEqual([]);
  });

  test('several terms: plans holding all of them, anywhere; best first by occurrences', async () => {
    expect((await search('瞪羚 企业')).sort()).toEqual(['a', 'b', 'd']);
    // 企业 twice in a, once in the others: a first.
    expect((await search('企业'))[0]).toBe('a');
    expect(await search('  ')).toEqual([]);
  });

  test('pairs do not cross blocks: the end of one paragraph and the start of the next are not a pair', async () => {
    expect(await search('乡发')).toEqual([]);
  });
});

describe('no plan that matches is ever left out (the engine reads no plan beyond the candidates)', () => {
  // A pseudo-random library over a small alphabet, so that pairs repeat and substrings match in many places.
  let state = 12345;
  const random = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n);
  const alphabet = [...'科技创新企业高新区３２.%“”、　（）ai'];
  const text = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
  const plans = Array.from({ length: 60 }, (_, i) => record(`p${i}`, text(40), text(30), text(50)));
  const { search } = indexOf(plans);

  test('for 300 substrings of the texts, candidates ⊇ plans where verification finds them', async () => {
    for (let q = 0; q < 300; q++) {
      const source = plans[random(plans.length)]!.blocks[random(3)]!.text;
      const start = random(source.length - 6);
      const needle = source.slice(start, start + 1 + random(6));
      const normalized = normalize(needle);
      const matching = plans
        .filter((p) => p.blocks.some((b) => findAll(normalize(b.text), { text: normalized, label: needle, original: true, exclusions: [] }).length > 0))
        .map((p) => p.slug);
      const candidates = new Set(await search(needle));
      for (const slug of matching) expect(candidates.has(slug), `${slug} for ${JSON.stringify(needle)}`).toBe(true);
    }
  });
});
