import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { bundleDir, indexPlanPages, shardSizeFromEnv, shardSlugs, SHARD_PLANS } from './pagefind-shards.ts';
import { writePagefindIds } from './pagefind-ids.ts';
import type { PagefindIds } from './pagefind-ids.ts';

describe('shardSlugs', () => {
  test('cuts the sorted slugs into shards of at most the size', () => {
    expect(shardSlugs(['e', 'a', 'd', 'c', 'b'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(shardSlugs(['b', 'a'], 2)).toEqual([['a', 'b']]);
    expect(shardSlugs(['b', 'a'], 5)).toEqual([['a', 'b']]);
  });
  test('an empty site is one empty shard (one bundle, as before)', () => {
    expect(shardSlugs([], 3)).toEqual([[]]);
  });
  test('refuses a size that is not a positive whole number', () => {
    expect(() => shardSlugs(['a'], 0)).toThrow(/positive whole number/u);
    expect(() => shardSizeFromEnv({ SEARCH_SHARD_PLANS: 'ten' })).toThrow(/SEARCH_SHARD_PLANS/u);
    expect(shardSizeFromEnv({})).toBe(SHARD_PLANS);
    expect(shardSizeFromEnv({ SEARCH_SHARD_PLANS: '12' })).toBe(12);
  });
});

describe('indexPlanPages with the real Pagefind', () => {
  const work = mkdtempSync(join(tmpdir(), 'pagefind-shards-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // Five plan pages, each with a word of its own, and one page that is not a plan page (never indexed).
  const site = join(work, 'site');
  const words: Record<string, string> = { anping: '安平', baoding: '保定', cangzhou: '沧州', dingzhou: '定州', ezhou: '鄂州' };
  for (const [slug, word] of Object.entries(words)) {
    mkdirSync(join(site, 'plans', slug), { recursive: true });
    writeFileSync(join(site, 'plans', slug, 'index.html'), `<!doctype html><html lang="zh-CN"><head><title>${word}</title></head><body><main data-pagefind-body><h1>${word}科技创新规划</h1><p>${word}的研发投入。</p></main></body></html>`);
  }
  mkdirSync(join(site, 'about'), { recursive: true });
  writeFileSync(join(site, 'about', 'index.html'), '<!doctype html><html lang="zh-CN"><body><main data-pagefind-body>关于</main></body></html>');

  test('three shards of 2, 2 and 1 plans; their ids together name every plan once', () => {
    const bundles = indexPlanPages(site, 2);
    expect(bundles).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    const fragments = bundles.map((b) => readdirSync(join(site, b, 'fragment')).length);
    expect(fragments).toEqual([2, 2, 1]);
    expect(writePagefindIds(site, bundles)).toBe(5);
    const written = JSON.parse(gunzipSync(readFileSync(join(site, 'search', 'pagefind-ids.json.gz'))).toString('utf8')) as PagefindIds;
    expect(written.bundles).toEqual(['pagefind/', 'pagefind-1/', 'pagefind-2/']);
    expect(Object.values(written.ids).sort()).toEqual(Object.keys(words).sort());
    // No scratch folder is left beside the site.
    expect(readdirSync(work)).toEqual(['site']);
  });

  test('indexing again in one shard removes the old shards', () => {
    indexPlanPages(site, 2);
    expect(indexPlanPages(site, 10)).toEqual(['pagefind']);
    expect(readdirSync(site).filter((f) => f.startsWith('pagefind'))).toEqual([bundleDir(0)]);
    expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(5);
  });
});
