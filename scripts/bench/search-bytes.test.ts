import { expect, test } from 'vitest';
import { kindOf } from './search-bytes.ts';

test('a request is counted by the kind of file it fetches, in any shard and under any base path', () => {
  // Paths as a 3-shard build writes them (scripts/pagefind-shards.ts, scripts/pagefind-ids.ts) and Pagefind 1.x names its files.
  const cases: [string, string][] = [
    ['/pagefind/pagefind.js', 'Pagefind script'],
    ['/pagefind/wasm.unknown.pagefind', 'WebAssembly'],
    ['/pagefind-2/pagefind-entry.json', 'Pagefind entry'],
    ['/pagefind-1/pagefind.zh-cn_888ba9f7ee55d.pf_meta', 'page list'],
    ['/plans/pagefind-1/index/zh-cn_5ff3a67.pf_index', 'index chunks'],
    ['/pagefind/fragment/zh-cn_5688353.pf_fragment', 'fragments'],
    ['/search/blocks/beichen-2020-2022.json.gz', 'plan records'],
    ['/search/blocks/pagefind/zh-cn_5688353.json.gz', 'plan records'],
    ['/search/blocks/by-number/9999.json.gz', 'plan records'],
    ['/plans/search/pairs/1023.gz', 'pair index'],
    ['/search/pagefind-ids.json.gz', 'id map'],
    ['/plans/search/pagefind-bundles.json', 'bundle list'],
    ['/search/', 'other'],
  ];
  for (const [path, kind] of cases) expect(kindOf(path), path).toBe(kind);
});
