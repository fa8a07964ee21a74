import { describe, expect, test } from 'vitest';
import { continueSearch, runSearch } from './engine.ts';
import type { PlanSource } from './engine.ts';
import { prepareGroups } from './expand.ts';
import { applyFilters, facetCounts } from './facets.ts';
import { planText } from './plan-text.ts';
import type { BlockKind, SearchRecord } from './records.ts';
import { hitLabel, simplifiedUsed, snippet, synonymsUsed } from './present.ts';
import { simplifier } from './traditional.ts';
import { en, zh } from '../i18n/ui.ts';
import { normalize } from './normalize.ts';
import { decodeBucket, pairBucketCount, searchPairs } from './pairs.ts';
import { bucketFiles } from '../../../scripts/search-pairs.ts';

/**
 * A plan's search record: its title block (id `top`), then the `[kind, id, text]` blocks; a heading opens a section
 * the blocks after it sit under.
 */
function record(title: string, filters: Record<string, string[]>, blocks: [BlockKind, string | null, string][], match: Record<string, string> = {}): Omit<SearchRecord, 'slug'> {
  let under = -1;
  return {
    title,
    meta: { region: filters['region']?.[0] ?? '' },
    filters,
    blocks: [['title', 'top', title] as const, ...blocks].map(([kind, id, text], i) => {
      if (kind === 'heading') under = i;
      return { id, kind, under, text, ...(id && match[id] ? { match: match[id] } : {}) };
    }),
  };
}

const records: Record<string, Omit<SearchRecord, 'slug'>> = {
  a: record('甲区科技创新三年行动计划', { region: ['甲区'], kind: ['三年行动计划'] }, [
    ['heading', 's1-2', '(二)工作目标'],
    ['paragraph', 'p1-2-1', '到2022年，全社会研发投入强度力争达到3.2%以上。'],
    ['paragraph', 'p1-2-2', '全区高新技术企业总量突破530家，“瞪羚”企业达到30家。'],
  ]),
  b: record('乙市科技创新规划', { region: ['乙市'], kind: ['五年规划'] }, [
    ['heading', 's2-1', '(一)完善投入机制'],
    ['paragraph', 'p2-1-1', '国家高企达7家；提高企业科技管理水平。'],
    ['table', 't1', '指标 ｜ R&D经费投入强度 ｜ 1.45%'],
  ]),
  c: record('丙县新闻', { region: ['丙县'], kind: ['新闻报道'] }, [['paragraph', 'p0-1', '华为与为民服务。']]),
  // A text printed in traditional characters, matched through its simplified form and shown as printed.
  d: record('丁省規劃', { region: ['丁省'] }, [['paragraph', 'p0-1', '建設科技強省。']], { 'p0-1': '建设科技强省。' }),
};

/** Plans holding every character of `query` anywhere: a stand-in for Pagefind's loose matching (the partial tier). */
const looseMatch = (many: Record<string, Omit<SearchRecord, 'slug'>>, query: string) => {
  const chars = [...query.replace(/[\s"]/gu, '').toLowerCase()];
  const text = (slug: string) => many[slug]!.blocks.map((b) => b.match ?? b.text).join('').toLowerCase();
  return Object.keys(many).filter((s) => chars.every((c) => text(s).includes(c))).map((key) => ({ key, score: 1 }));
};

/**
 * Plans from `many` (default: the records above) as the site serves them: candidates from their pair index, built
 * and read through its bucket bytes as on a built site (scripts/search-pairs.ts), loose matches from the stand-in.
 */
function source(many: Record<string, Omit<SearchRecord, 'slug'>> = records): PlanSource & { searches: string[]; looseAsked: string[]; reads: string[] } {
  const slugs = Object.keys(many);
  const files = bucketFiles(slugs.map((slug) => ({ slug, ...many[slug]! })));
  const searches: string[] = [];
  const looseAsked: string[] = [];
  const reads: string[] = [];
  return {
    searches,
    looseAsked,
    reads,
    read: async (slug) => {
      reads.push(slug);
      return planText(slug, `/plans/${slug}/`, { slug, ...many[slug]! });
    },
    search: async (term) => {
      searches.push(term);
      const found = await searchPairs(term, pairBucketCount(slugs.length), normalize, async (n) => decodeBucket(files.get(n) ?? new Uint8Array(0)));
      return found.map((f) => ({ key: slugs[f.plan]!, score: f.score }));
    },
    loose: async (query) => {
      looseAsked.push(query);
      return looseMatch(many, query);
    },
  };
}

const groups = prepareGroups([
  { forms: ['高新技术企业', '高企'], narrower: [], notIn: ['提高企业'] },
  { forms: ['研发投入强度', 'R&D经费投入强度'], narrower: [], notIn: [] },
]);

describe('runSearch (candidates from the pair index, verified in each plan\'s text)', () => {
  test('finds the literal text, with synonyms, and links each match to its paragraph', async () => {
    const s = source();
    const outcome = await runSearch(s, '高企', groups);
    expect(outcome.tier).toBe('exact');
    // The typed form and its synonym are both asked of the index.
    expect(s.searches).toEqual(['高企', '高新技术企业']);
    // The form as typed ranks before a synonym.
    expect(outcome.results.map((r) => r.page.url)).toEqual(['/plans/b/', '/plans/a/']);
    // 国家高企 counts, 提高企业 does not.
    const b = outcome.results.find((r) => r.page.slug === 'b')!;
    expect(b.hits.map((h) => h.block.id)).toEqual(['p2-1-1']);
    expect(b.hits[0]!.marks).toEqual([[2, 4]]);
    const a = outcome.results.find((r) => r.page.slug === 'a')!;
    expect(a.hits.map((h) => h.block.id)).toEqual(['p1-2-2']);
    expect(a.hits[0]!.synonym).toBe(true);
  });

  test('drops loose matches: 3.2% is in one plan only', async () => {
    const outcome = await runSearch(source(), '3.2%', groups);
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['a']);
    expect(outcome.results[0]!.hits[0]!.block.id).toBe('p1-2-1');
  });

  test('reads only the plans holding every pair (瞪羚 is in one), each once whatever the queries', async () => {
    const s = source();
    const outcome = await runSearch(s, '“瞪羚”', groups);
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['a']);
    expect(s.reads).toEqual(['a']);
    await runSearch(s, '530家', groups);
    await runSearch(s, '瞪羚企业', groups);
    expect(s.reads).toEqual(['a']);
    expect(s.looseAsked).toEqual([]);
  });

  test('every term of a multi-word query must occur', async () => {
    expect((await runSearch(source(), '瞪羚 530家', groups)).results.map((r) => r.page.slug)).toEqual(['a']);
    expect((await runSearch(source(), '瞪羚 1.45%', groups)).tier).not.toBe('exact');
  });

  test('nothing literal: no plan read beyond the candidates; the loose matches, with the blocks that hold a word of the query, marked as partial', async () => {
    const s = source();
    // c has 为 and 华 but never 为华: the pair index names no plan, the loose index (characters anywhere) names c.
    const outcome = await runSearch(s, '为华', groups);
    expect(s.searches).toEqual(['为华']);
    expect(s.looseAsked).toEqual(['为华']);
    expect(outcome.tier).toBe('partial');
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['c']);
    expect(outcome.results[0]!.hits.map((h) => h.block.id)).toEqual(['p0-1']);
    expect(s.reads).toEqual(['c']);
  });

  test('a text in traditional characters is found by its simplified form and linked, unmarked where lengths differ', async () => {
    const outcome = await runSearch(source(), '科技强省', groups);
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['d']);
    const [hit] = outcome.results[0]!.hits;
    expect(hit!.block.id).toBe('p0-1');
    // 建設科技強省 and 建设科技强省 have the same length: the match is marked on the text as printed.
    expect(snippet(hit!).parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['科技強省']);
  });
});

describe('a query typed in traditional characters', () => {
  test('finds the plans printed in simplified characters, said apart from synonyms; a plan printed in traditional, as printed', async () => {
    const simplify = simplifier({ traditional: '術業強設', simplified: '术业强设' });
    const s = source();
    const outcome = await runSearch(s, '高新技術企業', groups, simplify);
    expect(outcome.tier).toBe('exact');
    expect(s.searches).toEqual(['高新技術企業', '高新技术企业', '高企']);
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['a', 'b']);
    expect(simplifiedUsed(outcome)).toEqual(['高新技术企业']);
    expect(synonymsUsed(outcome)).toEqual(['高企']);
    // Plan d is printed in traditional characters: the query as typed matches its text, the simplified form its
    // simplified form (both the same paragraph).
    expect((await runSearch(source(), '建設科技強省', groups, simplify)).results.map((r) => [r.page.slug, r.hits.map((h) => h.block.id)])).toEqual([['d', ['p0-1']]]);
  });
  test('without the fold, the same query finds only loose matches', async () => {
    expect((await runSearch(source(), '高新技術企業', groups)).tier).not.toBe('exact');
  });
});

describe('presentation', () => {
  test('snippet marks the match; labels name the place', async () => {
    const outcome = await runSearch(source(), 'R&D经费投入强度', groups);
    const b = outcome.results.find((r) => r.page.slug === 'b')!;
    const hit = b.hits[0]!;
    const label = (...args: Parameters<typeof hitLabel>) => hitLabel(...args).map((p) => p.text).join('');
    expect(label(b.page, hit, zh.searchScript.places)).toBe('(一)完善投入机制 · 表格');
    // The English page's words around the plan's own heading, which is marked as data.
    expect(hitLabel(b.page, hit, en.searchScript.places)).toEqual([{ text: '(一)完善投入机制', data: true }, { text: ' · ', data: false }, { text: 'table', data: false }]);
    const s = snippet(hit);
    expect(s.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['R&D经费投入强度']);
    expect(s.parts.map((p) => p.text).join('')).toBe('指标 ｜ R&D经费投入强度 ｜ 1.45%');

    const a = (await runSearch(source(), '530家', groups)).results[0]!;
    expect(label(a.page, a.hits[0]!, zh.searchScript.places)).toBe('(二)工作目标 · 第2段');
    expect(label(a.page, a.hits[0]!, en.searchScript.places)).toBe('(二)工作目标 · paragraph 2');
    const title = (await runSearch(source(), '丙县新闻', groups)).results[0]!;
    expect(label(title.page, title.hits[0]!, zh.searchScript.places)).toBe('标题');
  });
});

describe('facets', () => {
  test('count per value under the other filters, and filter within a key by any value', async () => {
    const outcome = await runSearch(source(), '企业', groups);
    expect(outcome.results).toHaveLength(2);
    expect(facetCounts(outcome.results, {}, 'region', ['甲区', '乙市', '丙县'])).toEqual([
      ['甲区', 1],
      ['乙市', 1],
    ]);
    const selection = { region: new Set(['乙市']) };
    expect(applyFilters(outcome.results, selection).map((r) => r.page.slug)).toEqual(['b']);
    expect(facetCounts(outcome.results, selection, 'region')).toEqual([
      ['甲区', 1],
      ['乙市', 1],
    ]);
    expect(facetCounts(outcome.results, selection, 'kind')).toEqual([['五年规划', 1]]);
  });
});

describe('verification in rounds', () => {
  // Thirty plans that all have the word: the index names every one of them.
  const many = Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`p${i}`, record(`第${i}号规划`, { region: ['甲区'] }, [['paragraph', 'p1', `培育瞪羚企业${i + 1}家。`]])]),
  );
  test('the first round reads only the plans a first page of results needs (10), and offers the rest', async () => {
    const s = source(many);
    const outcome = await runSearch(s, '瞪羚企业', groups);
    expect(s.reads).toHaveLength(10);
    expect(outcome.results).toHaveLength(10);
    expect(outcome.pending).toHaveLength(20);
  });

  test('continuing (继续检查) reads every remaining candidate', async () => {
    const s = source(many);
    // As the page's “继续检查” asks: every remaining candidate, not only until a page is full.
    const outcome = await continueSearch(s, await runSearch(s, '瞪羚企业', groups), undefined, false);
    expect(s.reads).toHaveLength(30);
    expect(outcome.results).toHaveLength(30);
    expect(outcome.pending).toEqual([]);
  });
});

describe('candidates left when none of those read matches', () => {
  // 42 plans hold every pair of 投入强度 (投入, 入强, 强度) apart; the one that says 投入强度 comes last in the index's
  // order (same score, highest plan number). The first round and the query's limit read 40 of them.
  const many = Object.fromEntries([
    ...Array.from({ length: 41 }, (_, i) => [`a${String(i).padStart(2, '0')}`, record(`第${i}号规划`, { region: ['甲区'] }, [['paragraph', 'p1', `加大投入，入强队，强度${i}。`]])] as const),
    ['z', record('末号规划', { region: ['乙区'] }, [['paragraph', 'p1', '研发投入强度达到2%。']])] as const,
  ]);

  test('stay pending behind the loose matches, and continuing finds the literal one, which replaces them', async () => {
    const s = source(many);
    const outcome = await runSearch(s, '投入强度', groups);
    expect(s.reads).toHaveLength(40);
    expect(outcome.tier).toBe('partial');
    expect(outcome.results.length).toBeGreaterThan(0);
    expect(outcome.pending).toHaveLength(2);
    await continueSearch(s, outcome, undefined, false);
    expect(outcome.tier).toBe('exact');
    expect(outcome.results.map((r) => r.page.slug)).toEqual(['z']);
    expect(outcome.pending).toEqual([]);
  });
});

describe('the query as typed first, its other forms when needed (each index search loads bucket files)', () => {
  // Plans that say 研发投入强度 (the typed form) and plans that say only R&D经费投入强度 (its synonym, `groups` above).
  const plans = (typed: number, synonym: number) =>
    Object.fromEntries([
      ...Array.from({ length: typed }, (_, i) => [`t${i}`, record(`第${i}号规划`, { region: ['甲区'] }, [['paragraph', 'p1', `全社会研发投入强度达到${i + 1}%。`]])] as const),
      ...Array.from({ length: synonym }, (_, i) => [`s${i}`, record(`第${i}号计划`, { region: ['乙区'] }, [['paragraph', 'p1', `R&D经费投入强度达到${i + 1}%。`]])] as const),
    ]);
  test('when the typed form fills a first page, its synonym is not searched until the reader continues', async () => {
    const s = source(plans(30, 5));
    const { searches, reads } = s;
    const outcome = await runSearch(s, '研发投入强度', groups);
    expect(searches).toEqual(['研发投入强度']);
    expect(reads).toHaveLength(10);
    expect(outcome.results).toHaveLength(10);
    expect(outcome.pending).toHaveLength(20);
    expect(outcome.unsearched).toEqual(['r&d经费投入强度']);

    await continueSearch(s, outcome, undefined, false);
    expect(searches).toEqual(['研发投入强度', 'r&d经费投入强度']);
    expect(outcome.unsearched).toEqual([]);
    expect(outcome.pending).toEqual([]);
    // Every plan, the five that say only the synonym too, each read once.
    expect(outcome.results.map((r) => r.page.slug).sort()).toEqual(Object.keys(plans(30, 5)).sort());
    expect(reads.sort()).toEqual(Object.keys(plans(30, 5)).sort());
  });

  test("when the typed form's round falls short, the next reads only what the page lacks", async () => {
    // The index names five plans with the words apart (研发…投入…强度) among the typed form's first ten, as Pagefind's
    // loose matching does; eight plans say only R&D经费投入强度.
    const many = {
      ...plans(5, 8),
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d${i}`, record(`第${i}号方案`, { region: ['丙区'] }, [['paragraph', 'p1', `研发平台${i}个，投入资金，强度适中。`]])] as const)),
    };
    const reads: string[] = [];
    const s: PlanSource = {
      read: async (key) => {
        reads.push(key);
        return planText(key, `/plans/${key}/`, { slug: key, ...many[key]! });
      },
      search: async (term) => (term === '研发投入强度' ? ['t0', 'd0', 't1', 'd1', 't2', 'd2', 't3', 'd3', 't4', 'd4'] : Object.keys(many).filter((k) => k.startsWith('s'))).map((key) => ({ key, score: 1 })),
      loose: async (query) => looseMatch(many, query),
    };
    const outcome = await runSearch(s, '研发投入强度', groups);
    // Ten read, five matched; five more make the page.
    expect(reads).toHaveLength(15);
    expect(outcome.results).toHaveLength(10);
    expect(outcome.pending).toHaveLength(3);
  });

  test('when the typed form does not fill a first page, its synonym is searched at once and every plan found', async () => {
    const s = source(plans(3, 5));
    const { searches, reads } = s;
    const outcome = await runSearch(s, '研发投入强度', groups);
    expect(searches).toEqual(['研发投入强度', 'r&d经费投入强度']);
    expect(outcome.results.map((r) => r.page.slug).sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 't0', 't1', 't2']);
    expect(outcome.unsearched).toEqual([]);
    expect(outcome.pending).toEqual([]);
    expect(reads).toHaveLength(8);
  });
});
