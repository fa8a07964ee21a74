import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { bundleDir, indexPlanPages, shardSizeFromEnv, shardSlugs, SHARD_PLANS } from './pagefind-shards.ts';
import { linkRecordsByPagefindId, pagefindIds } from './pagefind-ids.ts';
import type { PagefindBundles } from './pagefind-ids.ts';

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
    // Its search record as the Astro build writes it (src/pages/search/blocks/[slug].json.gz.ts), in short.
    mkdirSync(join(site, 'search', 'blocks'), { recursive: true });
    writeFileSync(join(site, 'search', 'blocks', `${slug}.json.gz`), gzipSync(JSON.stringify({ slug, title: word })));
  }
  mkdirSync(join(site, 'about'), { recursive: true });
  writeFileSync(join(site, 'about', 'index.html'), '<!doctype html><html lang="zh-CN"><body><main data-pagefind-body>关于</main></body></html>');

  test("three shards of 2, 2 and 1 plans; each plan's record is there under its page id, and the bundles are listed", () => {
    const bundles = indexPlanPages(site, 2);
    expect(bundles).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    const fragments = bundles.map((b) => readdirSync(join(site, b, 'fragment')).length);
    expect(fragments).toEqual([2, 2, 1]);
    expect(linkRecordsByPagefindId(site, bundles)).toBe(5);
    const written = JSON.parse(readFileSync(join(site, 'search', 'pagefind-bundles.json'), 'utf8')) as PagefindBundles;
    expect(written).toEqual({ bundles: ['pagefind/', 'pagefind-1/', 'pagefind-2/'] });
    // The ids are the shards' fragment names; each one's record is the plan's own (the same file, linked).
    const ids = bundles.flatMap((b) => readdirSync(join(site, b, 'fragment')).map((f) => f.replace(/\.pf_fragment$/u, '')));
    expect(ids).toHaveLength(5);
    const byId = join(site, 'search', 'blocks', 'pagefind');
    expect(readdirSync(byId).sort()).toEqual(ids.map((id) => `${id}.json.gz`).sort());
    const ino = (f: string) => statSync(f).ino;
    const linked = Object.entries(pagefindIds(site, bundles)).map(([id, slug]) => [slug, ino(join(byId, `${id}.json.gz`)) === ino(join(site, 'search', 'blocks', `${slug}.json.gz`))]);
    expect(linked.sort()).toEqual(Object.keys(words).sort().map((slug) => [slug, true]));
    // No scratch folder is left beside the site.
    expect(readdirSync(work)).toEqual(['site']);
  });

  test('indexing again in one shard removes the old shards, and the records under old ids', () => {
    indexPlanPages(site, 2);
    expect(indexPlanPages(site, 10)).toEqual(['pagefind']);
    expect(readdirSync(site).filter((f) => f.startsWith('pagefind'))).toEqual([bundleDir(0)]);
    expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(5);
    // A page's id is a hash of its fragment, which names no shard: add a word to one page so that its id changes.
    const file = join(site, 'plans', 'ezhou', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('的研发投入。', '的研发投入强度。'));
    const before = Object.keys(pagefindIds(site));
    linkRecordsByPagefindId(site);
    indexPlanPages(site, 10);
    expect(linkRecordsByPagefindId(site)).toBe(5);
    const after = Object.keys(pagefindIds(site));
    expect(after.filter((id) => !before.includes(id)), 'the changed page has a new id').toHaveLength(1);
    expect(readdirSync(join(site, 'search', 'blocks', 'pagefind')).sort()).toEqual(after.map((id) => `${id}.json.gz`).sort());
  });

  test('a plan page indexed without a search record fails, naming it', () => {
    rmSync(join(site, 'search', 'blocks', 'dingzhou.json.gz'));
    expect(() => linkRecordsByPagefindId(site)).toThrow(/dingzhou was indexed but has no search record/u);
  });
});
