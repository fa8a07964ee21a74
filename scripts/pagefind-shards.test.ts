import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { bundleDir, cacheDirOf, indexedDigest, indexPlanPages, planShards, shardSizeFromEnv, shardSlugs, SHARD_PLANS } from './pagefind-shards.ts';
import { fragmentsMemoOf, linkRecordsByPagefindId, pagefindIds } from './pagefind-ids.ts';
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

describe('planShards', () => {
  const digests = (entries: Record<string, string>) => new Map(Object.entries(entries));
  const previous = {
    nextId: 3,
    digests: { a: '1', b: '1', c: '1', d: '1', e: '1' },
    shards: [
      { id: 0, slugs: ['a', 'b'], entry: 'x' },
      { id: 2, slugs: ['c', 'd'], entry: 'x' },
      { id: 1, slugs: ['e'], entry: 'x' },
    ],
  };
  test('no earlier index: every shard is indexed, in slug order', () => {
    expect(planShards(null, digests({ b: '1', a: '1', c: '1' }), 2)).toEqual({
      shards: [
        { id: 0, slugs: ['a', 'b'], reason: 'fresh index' },
        { id: 1, slugs: ['c'], reason: 'fresh index' },
      ],
      nextId: 2,
    });
    expect(planShards(null, digests({}), 2).shards).toEqual([{ id: 0, slugs: [], reason: 'fresh index' }]);
  });
  test('nothing changed: nothing is indexed, shards keep their names and order', () => {
    const plan = planShards(previous, digests(previous.digests), 2);
    expect(plan.shards.map((s) => [s.id, s.slugs, s.reason])).toEqual([[0, ['a', 'b'], null], [2, ['c', 'd'], null], [1, ['e'], null]]);
    expect(plan.nextId).toBe(3);
  });
  test('a new plan joins the last shard while it has room, then new shards are made', () => {
    const plan = planShards(previous, digests({ ...previous.digests, aa: '1', z: '1', y: '1' }), 2);
    expect(plan.shards.map((s) => [s.id, s.slugs, s.reason])).toEqual([
      [0, ['a', 'b'], null],
      [2, ['c', 'd'], null],
      [1, ['e', 'aa'], '1 plan(s) added'],
      [3, ['y', 'z'], 'new shard'],
    ]);
    expect(plan.nextId).toBe(4);
  });
  test('a changed page, a removed plan, a bundle not as left: that shard only', () => {
    expect(planShards(previous, digests({ ...previous.digests, d: '2' }), 2).shards.map((s) => s.reason)).toEqual([null, '1 page(s) changed', null]);
    const { c: _c, ...withoutC } = previous.digests;
    expect(planShards(previous, digests(withoutC), 2).shards.map((s) => [s.slugs, s.reason])).toEqual([[['a', 'b'], null], [['d'], '1 plan(s) removed'], [['e'], null]]);
    expect(planShards(previous, digests(previous.digests), 2, (s) => s.id !== 1).shards.map((s) => s.reason)).toEqual([null, null, 'bundle not as left']);
  });
  test('a shard whose plans are all gone is dropped; new plans then fill the last shard left', () => {
    const { e: _e, ...withoutE } = previous.digests;
    const plan = planShards(previous, digests({ ...withoutE, f: '1' }), 3);
    expect(plan.shards.map((s) => [s.id, s.slugs, s.reason])).toEqual([[0, ['a', 'b'], null], [2, ['c', 'd', 'f'], '1 plan(s) added']]);
  });
});

describe('indexedDigest', () => {
  const digest = (html: string) => indexedDigest(Buffer.from(html, 'utf8'));
  const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><style>[data-ui] { color: red }</style></head><body><main data-pagefind-body>${body}</main></body></html>`;
  test('the same but for [data-ui] elements: the same digest (nested, void, self-closing, odd attributes)', () => {
    const plain = page('<h2 id="s1">第一章</h2><p>加强研发投入。</p>');
    const withUi = page(
      '<h2 id="s1">第一章<a class="self-link" href="#s1" data-ui aria-label="本节链接">#</a></h2>' +
        '<p class="related" data-ui><span>其他规划：</span><a href="/plans/x/#s1">某市规划</a><span data-ui><span>嵌套</span></span></p>' +
        '<p>加强研发投入。<img data-ui src="x.png" alt=""><br data-ui/><span title="a > b" data-ui="">〔注〕</span></p>',
    );
    expect(digest(withUi)).toBe(digest(plain));
    const otherUi = withUi.replace('某市规划', '另一市规划').replace('#</a>', '¶</a>');
    expect(digest(otherUi)).toBe(digest(plain));
    // A class is not read by Pagefind (it is given no selector by class): a paragraph marked as reused is the same.
    expect(digest(plain.replace('<p>加强', '<p class="reused">加强'))).toBe(digest(plain));
    expect(digest(plain.replace('<p>加强', '<p id="p1" class="reused">加强'))).not.toBe(digest(plain));
  });
  test('a change outside [data-ui] changes it, wherever "data-ui" appears as other than the attribute', () => {
    const base = page('<p>加强研发投入。</p>');
    expect(digest(page('<p>加强研发投入强度。</p>'))).not.toBe(digest(base));
    // In text, in another attribute's value, in an inline script: not the attribute, so kept.
    const text = (w: string) => page(`<p>写作 data-ui 的${w}</p>`);
    expect(digest(text('甲'))).not.toBe(digest(text('乙')));
    const value = (w: string) => page(`<p title="x data-ui y">${w}</p>`);
    expect(digest(value('甲'))).not.toBe(digest(value('乙')));
    const script = (w: string) => page(`<script>const s = '<p data-ui>${w}';</script><p>文</p>`);
    expect(digest(script('甲'))).not.toBe(digest(script('乙')));
    // An attribute that only begins with data-ui is another attribute.
    const prefixed = (w: string) => page(`<p data-uid="1">${w}</p>`);
    expect(digest(prefixed('甲'))).not.toBe(digest(prefixed('乙')));
  });
  test('[data-pagefind-ignore] parts are skipped too, unless Pagefind still reads something in them', () => {
    const ignored = (w: string) => page(`<p>加强研发投入。</p><section data-pagefind-ignore><h2>指标</h2><p>188个规划的${w}</p></section>`);
    expect(digest(ignored('中位数262'))).toBe(digest(ignored('中位数261')));
    expect(digest(ignored('中位数262'))).not.toBe(digest(ignored('中位数262').replace('加强', '强化')));
    const withMeta = (w: string) => page(`<p>文</p><div data-pagefind-ignore><span data-pagefind-meta="region">${w}</span></div>`);
    expect(digest(withMeta('河北'))).not.toBe(digest(withMeta('河南')));
  });
  test('a [data-ui] element never closed: the rest of the page counts whole', () => {
    const open = (w: string) => page(`<p data-ui>${w}`);
    expect(digest(open('甲'))).not.toBe(digest(open('乙')));
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
    // No scratch folder is left beside the site; the shards' cache is there.
    expect(readdirSync(work).sort()).toEqual(['.site.pagefind', 'site']);
  });

  test('a fragment read once is not read again while its file is the same, and is read again once it is not', () => {
    const bundles = ['pagefind', 'pagefind-1', 'pagefind-2'];
    const memoFile = fragmentsMemoOf(site);
    const memo = JSON.parse(readFileSync(memoFile, 'utf8')) as Record<string, string | null>;
    // The memo of the link above: every fragment, by name and file stamp, with its plan.
    expect(Object.values(memo).sort()).toEqual(Object.keys(words).sort());
    // A slug the memo says and no fragment holds: found only if the fragment is not read.
    const [key] = Object.keys(memo).filter((k) => memo[k] === 'anping');
    writeFileSync(memoFile, JSON.stringify({ ...memo, [key!]: 'not-read' }));
    expect(Object.values(pagefindIds(site, bundles, memoFile))).toContain('not-read');
    // The same fragment written anew (same bytes, a new file): read, and its own slug again.
    const file = join(site, bundles.find((b) => existsSync(join(site, b, 'fragment', key!.split(' ')[0]!)))!, 'fragment', key!.split(' ')[0]!);
    const bytes = readFileSync(file);
    rmSync(file);
    writeFileSync(file, bytes);
    writeFileSync(memoFile, JSON.stringify({ ...memo, [key!]: 'not-read' }));
    expect(Object.values(pagefindIds(site, bundles, memoFile)).sort()).toEqual(Object.keys(words).sort());
    // Without a memo file, every fragment is read.
    expect(Object.values(pagefindIds(site, bundles)).sort()).toEqual(Object.keys(words).sort());
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

describe('indexPlanPages again after a rebuild, with the real Pagefind', () => {
  const work = mkdtempSync(join(tmpdir(), 'pagefind-again-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const site = join(work, 'site');
  const cache = cacheDirOf(site);
  const page = (word: string, related = '') =>
    `<!doctype html><html lang="zh-CN"><head><title>${word}</title></head><body><main data-pagefind-body><h1>${word}科技创新规划</h1><p>${word}的研发投入。</p>${related}</main></body></html>`;
  const writePlan = (slug: string, html: string) => {
    mkdirSync(join(site, 'plans', slug), { recursive: true });
    writeFileSync(join(site, 'plans', slug, 'index.html'), html);
  };
  const words: Record<string, string> = { anping: '安平', baoding: '保定', cangzhou: '沧州', dingzhou: '定州', ezhou: '鄂州' };
  for (const [slug, word] of Object.entries(words)) writePlan(slug, page(word));
  /** The inode of each shard's entry file in the cache: a shard indexed again has a new one. */
  const entries = () => Object.fromEntries(readdirSync(cache).filter((d) => d.startsWith('shard-')).map((d) => [d, statSync(join(cache, d, 'pagefind-entry.json')).ino]));
  const fragments = (bundles: string[]) => bundles.map((b) => readdirSync(join(site, b, 'fragment')).length);
  /** What Astro does to the site before a rebuild: the bundles are gone from it. */
  const emptySiteBundles = () => readdirSync(site).filter((d) => d.startsWith('pagefind')).forEach((d) => rmSync(join(site, d), { recursive: true }));
  /** indexPlanPages, with the number of plan pages it says it read. */
  const indexCounting = (size: number): { bundles: string[]; read: number } => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const bundles = indexPlanPages(site, size);
      const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('pagefind: '))!;
      return { bundles, read: Number(/, (\d+) plan page\(s\) read/u.exec(line)![1]) };
    } finally {
      log.mockRestore();
    }
  };

  test('a rebuild where only [data-ui] parts changed indexes nothing and puts the same bundles back', () => {
    expect(indexPlanPages(site, 2)).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    const first = entries();
    expect(Object.keys(first).sort()).toEqual(['shard-0', 'shard-1', 'shard-2']);
    emptySiteBundles();
    writePlan('cangzhou', page('沧州', '<p class="related" data-ui><a href="/plans/fuzhou/#s1">抚州规划</a></p>'));
    // Only the page written again is read; the others are known by their stamp (inode, size, time).
    expect(indexCounting(2)).toEqual({ bundles: ['pagefind', 'pagefind-1', 'pagefind-2'], read: 1 });
    expect(entries()).toEqual(first);
    expect(fragments(['pagefind', 'pagefind-1', 'pagefind-2'])).toEqual([2, 2, 1]);
    expect(indexCounting(2).read).toBe(0);
  });

  test('a page written again with text of the same length is read again, and its shard indexed again', () => {
    const first = entries();
    const before = readFileSync(join(site, 'plans', 'baoding', 'index.html'));
    writePlan('baoding', page('定保'));
    expect(readFileSync(join(site, 'plans', 'baoding', 'index.html')).length).toBe(before.length);
    expect(indexCounting(2).read).toBe(1);
    const now = entries();
    expect(now['shard-0']).not.toBe(first['shard-0']);
    for (const s of ['shard-1', 'shard-2']) expect(now[s], s).toBe(first[s]);
    writePlan('baoding', before.toString());
    indexPlanPages(site, 2);
  });

  test('an added plan indexes the last shard again, then a new one; a changed text its own shard', () => {
    const first = entries();
    writePlan('fuzhou', page('抚州'));
    indexPlanPages(site, 2);
    let now = entries();
    expect(now['shard-0']).toBe(first['shard-0']);
    expect(now['shard-1']).toBe(first['shard-1']);
    expect(now['shard-2']).not.toBe(first['shard-2']);
    expect(fragments(['pagefind', 'pagefind-1', 'pagefind-2'])).toEqual([2, 2, 2]);
    expect(Object.values(pagefindIds(site, ['pagefind', 'pagefind-1', 'pagefind-2'])).sort()).toEqual([...Object.keys(words), 'fuzhou'].sort());

    const second = now;
    writePlan('gaomi', page('高密'));
    expect(indexPlanPages(site, 2)).toEqual(['pagefind', 'pagefind-1', 'pagefind-2', 'pagefind-3']);
    now = entries();
    expect(Object.keys(now).sort()).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
    for (const s of ['shard-0', 'shard-1', 'shard-2']) expect(now[s], s).toBe(second[s]);

    const third = now;
    writePlan('anping', page('安平县'));
    indexPlanPages(site, 2);
    now = entries();
    expect(now['shard-0']).not.toBe(third['shard-0']);
    for (const s of ['shard-1', 'shard-2', 'shard-3']) expect(now[s], s).toBe(third[s]);
  });

  test('a removed plan indexes its shard again; a shard emptied is dropped and the bundles close up', () => {
    const before = entries();
    rmSync(join(site, 'plans', 'gaomi'), { recursive: true });
    expect(indexPlanPages(site, 2)).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    expect(Object.keys(entries()).sort()).toEqual(['shard-0', 'shard-1', 'shard-2']);
    for (const s of ['shard-0', 'shard-1', 'shard-2']) expect(entries()[s], s).toBe(before[s]);
    expect(readdirSync(site).filter((d) => d.startsWith('pagefind')).sort()).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
  });

  test('a bundle changed in the cache, or another shard size, is indexed afresh', () => {
    const before = entries();
    writeFileSync(join(cache, 'shard-1', 'pagefind-entry.json'), '{}');
    indexPlanPages(site, 2);
    const after = entries();
    expect(after['shard-1']).not.toBe(before['shard-1']);
    expect(after['shard-0']).toBe(before['shard-0']);
    expect(indexPlanPages(site, 4)).toEqual(['pagefind', 'pagefind-1']);
    expect(fragments(['pagefind', 'pagefind-1'])).toEqual([4, 2]);
  });
});
