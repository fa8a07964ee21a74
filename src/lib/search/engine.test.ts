import { describe, expect, test } from 'vitest';
import { STRATEGIES, runSearch } from './engine.ts';
import type { PagefindApi, PagefindFragment, PagefindResult } from './engine.ts';
import { prepareGroups } from './expand.ts';
import { applyFilters, facetCounts } from './facets.ts';
import { pageText } from './page-text.ts';
import { hitLabel, snippet } from './present.ts';

/** A fake fragment: blocks `[element, id, text]`, words split per character (like Pagefind's CJK words). */
function fragment(url: string, blocks: [string, string, string][], filters: Record<string, string[]> = {}): PagefindFragment {
  const words: string[] = [];
  const anchors: PagefindFragment['anchors'] = [];
  for (const [element, id, text] of blocks) {
    anchors.push({ element, id, location: words.length, text });
    words.push(...[...text], '. ');
  }
  return { url, raw_content: words.join('\u200b'), content: words.join(''), anchors, meta: { title: blocks[0]![2] }, filters, word_count: words.length, locations: [], sub_results: [] };
}

const plans = [
  fragment(
    '/plans/a/',
    [
      ['h1', 'top', '甲区科技创新三年行动计划'],
      ['h3', 's1-2', '(二)工作目标'],
      ['p', 'p1-2-1', '到2022年，全社会研发投入强度力争达到3.2%以上。'],
      ['p', 'p1-2-2', '全区高新技术企业总量突破530家，“瞪羚”企业达到30家。'],
    ],
    { region: ['甲区'], kind: ['三年行动计划'] },
  ),
  fragment(
    '/plans/b/',
    [
      ['h1', 'top', '乙市科技创新规划'],
      ['h3', 's2-1', '(一)完善投入机制'],
      ['p', 'p2-1-1', '国家高企达7家；提高企业科技管理水平。'],
      ['figure', 't1', '指标. R&D经费投入强度. 1.45%. '],
    ],
    { region: ['乙市'], kind: ['五年规划'] },
  ),
  fragment('/plans/c/', [['h1', 'top', '丙县新闻'], ['p', 'p0-1', '华为与为民服务。']], { region: ['丙县'], kind: ['新闻报道'] }),
];

/** A Pagefind stand-in: returns every page whose text has all the query's characters (as loose as the real one). */
function fakePagefind(): PagefindApi & { searches: (string | null)[] } {
  const searches: (string | null)[] = [];
  const results = (ids: number[]): PagefindResult[] =>
    ids.map((i) => ({ id: String(i), score: 1, words: [], data: async () => ({ ...plans[i]!, locations: [0] }) }));
  return {
    searches,
    search: async (term) => {
      searches.push(term);
      if (term === null) return { results: results([0, 1, 2]) };
      const chars = [...term.replace(/[\s"]/gu, '')];
      return { results: results([0, 1, 2].filter((i) => chars.every((c) => plans[i]!.content.toLowerCase().includes(c)))) };
    },
  };
}

const groups = prepareGroups([
  { forms: ['高新技术企业', '高企'], narrower: [], notIn: ['提高企业'] },
  { forms: ['研发投入强度', 'R&D经费投入强度'], narrower: [], notIn: [] },
]);

describe('pageText', () => {
  test('maps text to the blocks and headings of the page', () => {
    const page = pageText(plans[0]!);
    expect(page.blocks.map((b) => b.id)).toEqual(['top', 's1-2', 'p1-2-1', 'p1-2-2']);
    const at = page.text.indexOf('530家');
    const block = page.blocks.find((b) => b.start <= at && at < b.end)!;
    expect(block.id).toBe('p1-2-2');
    expect(block.heading).toEqual({ id: 's1-2', text: '(二)工作目标' });
  });

  test('a heading’s text stops at its own end, and ignores parts Pagefind does not index', () => {
    const words = ['一、', '十三五', '科技', '. ', '本', '规划', '. ', '全部', '数值', '. ', '正文', '. '];
    const page = pageText({
      url: '/x/',
      raw_content: words.join('\u200b'),
      content: words.join(''),
      anchors: [
        // Pagefind's anchor text includes a repair note that the indexed text leaves out.
        { element: 'h2', id: 's1', location: 0, text: '一、十三五科技校原文“十三五科技”' },
        { element: 'p', id: 'p1', location: 10, text: '正文' },
      ],
    });
    expect(page.blocks.map((b) => [b.id, b.heading?.text])).toEqual([
      ['s1', '一、十三五科技'],
      ['p1', '一、十三五科技'],
    ]);
  });
});

describe('runSearch (auto)', () => {
  test('finds the literal text, with synonyms, and links each match to its paragraph', async () => {
    const outcome = await runSearch(fakePagefind(), '高企', groups);
    expect(outcome.tier).toBe('exact');
    // The form as typed ranks before a synonym.
    expect(outcome.results.map((r) => r.url)).toEqual(['/plans/b/', '/plans/a/']);
    // 国家高企 counts, 提高企业 does not.
    const b = outcome.results.find((r) => r.url === '/plans/b/')!;
    expect(b.hits.map((h) => h.block.id)).toEqual(['p2-1-1']);
    expect(b.hits[0]!.marks).toHaveLength(1);
    const a = outcome.results.find((r) => r.url === '/plans/a/')!;
    expect(a.hits.map((h) => h.block.id)).toEqual(['p1-2-2']);
    expect(a.hits[0]!.synonym).toBe(true);
  });

  test('drops Pagefind’s loose matches: 华为 is not 为', async () => {
    const pf = fakePagefind();
    const outcome = await runSearch(pf, '3.2%', groups);
    expect(outcome.results.map((r) => r.url)).toEqual(['/plans/a/']);
    expect(outcome.results[0]!.hits[0]!.block.id).toBe('p1-2-1');
  });

  test('a small site is read whole; the index is not asked', async () => {
    const pf = fakePagefind();
    await runSearch(pf, '瞪羚企业', groups);
    expect(pf.searches).toEqual([null]);
  });

  test('every term of a multi-word query must occur', async () => {
    expect((await runSearch(fakePagefind(), '瞪羚 530家', groups)).results.map((r) => r.url)).toEqual(['/plans/a/']);
    expect((await runSearch(fakePagefind(), '瞪羚 1.45%', groups)).tier).not.toBe('exact');
  });

  test('nothing literal: Pagefind’s partial matches, marked as partial', async () => {
    const outcome = await runSearch(fakePagefind(), '为华', groups);
    expect(outcome.tier).toBe('partial');
    expect(outcome.results.map((r) => r.url)).toEqual(['/plans/c/']);
  });

  test('index-first strategy asks Pagefind for each variant', async () => {
    const pf = fakePagefind();
    const outcome = await runSearch(pf, '高企', groups, STRATEGIES.full);
    expect(pf.searches).toEqual(expect.arrayContaining(['高企', '高新技术企业']));
    expect(outcome.results).toHaveLength(2);
  });
});

describe('presentation', () => {
  test('snippet marks the match; tables read as cells; labels name the place', async () => {
    const outcome = await runSearch(fakePagefind(), 'R&D经费投入强度', groups);
    const b = outcome.results.find((r) => r.url === '/plans/b/')!;
    const hit = b.hits[0]!;
    expect(hitLabel(b.page, hit)).toBe('(一)完善投入机制 · 表格');
    const s = snippet(b.page, hit);
    expect(s.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['R&D经费投入强度']);
    expect(s.parts.map((p) => p.text).join('')).toContain(' ｜ 1.45%');

    const a = (await runSearch(fakePagefind(), '530家', groups)).results[0]!;
    expect(hitLabel(a.page, a.hits[0]!)).toBe('(二)工作目标 · 第2段');
  });
});

describe('facets', () => {
  test('count per value under the other filters, and filter within a key by any value', async () => {
    const outcome = await runSearch(fakePagefind(), '企业', groups);
    expect(outcome.results).toHaveLength(2);
    expect(facetCounts(outcome.results, {}, 'region', ['甲区', '乙市', '丙县'])).toEqual([
      ['甲区', 1],
      ['乙市', 1],
    ]);
    const selection = { region: new Set(['乙市']) };
    expect(applyFilters(outcome.results, selection).map((r) => r.url)).toEqual(['/plans/b/']);
    expect(facetCounts(outcome.results, selection, 'region')).toEqual([
      ['甲区', 1],
      ['乙市', 1],
    ]);
    expect(facetCounts(outcome.results, selection, 'kind')).toEqual([['五年规划', 1]]);
  });
});
