/**
 * The search itself, without the DOM: Pagefind stores the pages and finds candidates, the page text decides.
 *
 * 1. Candidates. On a small site (at most {@link SCAN_ALL_PAGES} pages) every page is a candidate: reading all
 *    fragments costs less than the index chunks a query needs. On a larger site, one Pagefind search per query
 *    variant (the term and its synonyms): Pagefind's prefix matching of query words is generous, so the plans
 *    that contain the words are almost always among its results, but it also returns plans that merely contain
 *    the characters somewhere (`华为` through `为`), and its quoted (exact) mode misses plans because index-time
 *    and query-time segmentation differ (see normalize.ts).
 * 2. Verification: each candidate's fragment (its full text, which Pagefind would load for excerpts anyway) is
 *    searched literally for every term (in any of its variants). Plans where every term occurs are the results,
 *    ranked by where the matches are; each match links to its paragraph, heading or table.
 * 3. When no candidate contains the query literally, some remaining pages are read too (Pagefind's tokens may
 *    not have lined up with the query's); if still nothing, Pagefind's own partial matches are shown, marked.
 *
 * The measured effect of each step is in tests/search/RESULTS.md; `STRATEGIES` keeps the variants measured there.
 */
import { expandTerm, queryTerms } from './expand.ts';
import type { PreparedGroup, Variant } from './expand.ts';
import { findAll } from './match.ts';
import { blockAt, pageText, wordRange } from './page-text.ts';
import type { Block, FragmentLike, PageText } from './page-text.ts';

/** A Pagefind fragment, as `result.data()` returns it. */
export interface PagefindFragment extends FragmentLike {
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  word_count: number;
  locations: number[];
  sub_results: { url: string; title: string; anchor?: { id: string; element: string }; locations: number[] }[];
}

/** One Pagefind result. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindFragment>;
}

/** The part of the Pagefind JS API used here. */
export interface PagefindApi {
  search: (term: string | null, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}

/** How a search runs. The default is the strategy the measurements favour. */
export interface SearchOptions {
  /** Verify candidates against the page text and keep only literal matches (else: Pagefind's order and words). */
  literal: boolean;
  /** Expand query terms with the curated synonyms. */
  synonyms: boolean;
  /**
   * Reading pages Pagefind did not return: `never`; `miss`: when no candidate matches; `always`: read every
   * page instead of asking the index; `small`: every page when the site has at most {@link SCAN_ALL_PAGES}
   * pages, else as `miss`.
   */
  scan: 'never' | 'miss' | 'always' | 'small';
  /** Ask Pagefind for an exact (quoted) match first, unquoted when that finds nothing (non-literal strategies). */
  quoted: boolean;
  /** Sub-results per paragraph (from word locations) rather than Pagefind's per-heading sub-results. */
  paragraphs: boolean;
}

/** The strategies measured in tests/search/RESULTS.md; `auto` is what the search page uses. */
export const STRATEGIES = {
  pagefind: { literal: false, synonyms: false, scan: 'never', quoted: false, paragraphs: false },
  'pagefind-paragraphs': { literal: false, synonyms: false, scan: 'never', quoted: false, paragraphs: true },
  quoted: { literal: false, synonyms: false, scan: 'never', quoted: true, paragraphs: true },
  'pagefind-synonyms': { literal: false, synonyms: true, scan: 'never', quoted: false, paragraphs: true },
  literal: { literal: true, synonyms: false, scan: 'never', quoted: false, paragraphs: true },
  'literal-synonyms': { literal: true, synonyms: true, scan: 'never', quoted: false, paragraphs: true },
  full: { literal: true, synonyms: true, scan: 'miss', quoted: false, paragraphs: true },
  'scan-all': { literal: true, synonyms: true, scan: 'always', quoted: false, paragraphs: true },
  auto: { literal: true, synonyms: true, scan: 'small', quoted: false, paragraphs: true },
} as const satisfies Record<string, SearchOptions>;
export type StrategyName = keyof typeof STRATEGIES;

/** A place in a plan that matches: one block (paragraph, heading, table) and the matched ranges in it. */
export interface Hit {
  block: Block;
  /** Matched ranges, as character offsets in the page text. */
  marks: [number, number][];
  /** Bit `i` set when term `i` matched here. */
  terms: number;
  /** Only synonym variants matched here (the typed form did not). */
  synonym: boolean;
}

/** One plan in the results. */
export interface PlanResult {
  id: string;
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  page: PageText;
  /** In document order. */
  hits: Hit[];
  score: number;
}

/** What a search found. */
export interface SearchOutcome {
  query: string;
  terms: string[];
  /** Variants searched for, per term. */
  variants: Variant[][];
  /** `exact`: every term occurs literally; `partial`: Pagefind's looser matches; `none`: nothing at all. */
  tier: 'exact' | 'partial' | 'none';
  results: PlanResult[];
  /** Candidates not verified yet (more than {@link VERIFY_LIMIT}); `continueSearch` checks them. */
  pending: PagefindResult[];
  /** Pages fetched and verified for this query (pages cached by an earlier query are free and not counted). */
  checked: number;
  options: SearchOptions;
}

/** Candidates verified per round, and the most verified before asking the reader to continue. */
export const VERIFY_BATCH = 20;
export const VERIFY_LIMIT = 40;
/** Results wanted before verification stops early. */
export const WANTED = 10;
/**
 * Up to this many pages, reading every page (Pagefind fragments: compressed page text) costs fewer bytes and
 * less time than loading index chunks and then the candidates' fragments anyway (RESULTS.md: 5 plans, first
 * query 239 KB / ~1.0 s read-all vs 337 KB / ~1.5–2 s index-first; later queries free); on large sites reading
 * in site order finds rare words late, so the index goes first there.
 */
export const SCAN_ALL_PAGES = 20;
/** Pages read beyond Pagefind's candidates when none of them matches literally (index-first strategies). */
export const SCAN_ON_MISS_PAGES = 20;
/** How many Pagefind searches one query may run (variants beyond this are still matched in the text). */
export const MAX_CANDIDATE_SEARCHES = 8;

/** Weight of a match by where it is: titles and headings say what a plan or section is about. */
function blockWeight(block: Block): number {
  if (block.element === 'h1' || block.id === null) return 4;
  if (block.heading?.id === 'meta-heading') return 0.5;
  return /^h[2-6]$/u.test(block.element) ? 3 : 1;
}

/** Hits of the query in one page, grouped by block. */
export function literalHits(page: PageText, variants: Variant[][]): { hits: Hit[]; termsMatched: number } {
  const byBlock = new Map<Block, Hit>();
  let matched = 0;
  variants.forEach((termVariants, t) => {
    let any = false;
    for (const v of termVariants) {
      for (const [s, e] of findAll(page.normalized.text, v)) {
        any = true;
        const start = page.normalized.start[s]!;
        const end = page.normalized.end[e - 1]!;
        const block = blockAt(page, start)!;
        let hit = byBlock.get(block);
        if (!hit) byBlock.set(block, (hit = { block, marks: [], terms: 0, synonym: true }));
        hit.marks.push([start, end]);
        hit.terms |= 1 << t;
        if (v.original) hit.synonym = false;
      }
    }
    if (any) matched++;
  });
  const hits = [...byBlock.values()].sort((a, b) => a.block.start - b.block.start);
  for (const h of hits) h.marks.sort((a, b) => a[0] - b[0]);
  return { hits, termsMatched: matched };
}

/** Score of a plan from its hits: weighted matches, dampened by length so a long plan does not win on size. */
export function scoreHits(hits: Hit[], page: PageText, termCount: number): number {
  let score = 0;
  for (const h of hits) {
    const terms = popcount(h.terms);
    score += blockWeight(h.block) * Math.min(h.marks.length, 3) * (h.synonym ? 0.7 : 1) * (terms / termCount);
  }
  return score / (1 + Math.log10(1 + page.text.length / 2000));
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/** Hits from Pagefind's matched word positions (for its own, looser matches). */
export function locationHits(page: PageText, locations: number[]): Hit[] {
  const byBlock = new Map<Block, Hit>();
  for (const loc of locations) {
    const [start, end] = wordRange(page, loc);
    const block = blockAt(page, start);
    if (!block) continue;
    let hit = byBlock.get(block);
    if (!hit) byBlock.set(block, (hit = { block, marks: [], terms: 1, synonym: false }));
    hit.marks.push([start, end]);
  }
  return [...byBlock.values()].sort((a, b) => a.block.start - b.block.start);
}

/** Pagefind's per-heading sub-results as hits (the `pagefind` strategy, for comparison). */
function subResultHits(page: PageText, fragment: PagefindFragment): Hit[] {
  return fragment.sub_results.map((s) => {
    const block = (s.anchor && page.blocks.find((b) => b.id === s.anchor!.id)) || page.blocks[0]!;
    return { block, marks: s.locations.map((l) => wordRange(page, l)), terms: 1, synonym: false };
  });
}

function toResult(result: PagefindResult, fragment: PagefindFragment, page: PageText, hits: Hit[], score: number): PlanResult {
  return { id: result.id, url: fragment.url, meta: fragment.meta ?? {}, filters: fragment.filters ?? {}, page, hits, score };
}

/** Union of Pagefind's results for each string, most often found first, then by best score. */
async function candidates(pf: PagefindApi, strings: string[]): Promise<PagefindResult[]> {
  const found = new Map<string, { result: PagefindResult; count: number; score: number }>();
  const responses = await Promise.all(strings.map((s) => pf.search(s)));
  for (const response of responses) {
    for (const r of response?.results ?? []) {
      const seen = found.get(r.id);
      if (seen) {
        seen.count++;
        seen.score = Math.max(seen.score, r.score);
      } else found.set(r.id, { result: r, count: 1, score: r.score });
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || b.score - a.score).map((c) => c.result);
}

/** Cache of page texts by Pagefind id: a page is read once per visit, whatever the query. */
const pages = new Map<string, { fragment: PagefindFragment; page: PageText }>();

async function load(result: PagefindResult): Promise<{ fragment: PagefindFragment; page: PageText }> {
  const cached = pages.get(result.id);
  const fragment = await result.data();
  if (cached) return { fragment, page: cached.page };
  const entry = { fragment, page: pageText(fragment) };
  pages.set(result.id, entry);
  return entry;
}

/** Verify candidates literally; returns the plans where every term occurs. */
async function verify(list: PagefindResult[], outcome: SearchOutcome): Promise<PlanResult[]> {
  const loaded = await Promise.all(list.map(load));
  const out: PlanResult[] = [];
  loaded.forEach(({ fragment, page }, i) => {
    const { hits, termsMatched } = literalHits(page, outcome.variants);
    if (termsMatched === outcome.terms.length && hits.length > 0) {
      out.push(toResult(list[i]!, fragment, page, hits, scoreHits(hits, page, outcome.terms.length)));
    }
  });
  return out;
}

function sortResults(results: PlanResult[]): void {
  results.sort((a, b) => b.score - a.score || a.url.localeCompare(b.url));
}

/**
 * Verify pending candidates in batches of {@link VERIFY_BATCH}, reading at most `budget` pages; with
 * `untilEnough`, stop once {@link WANTED} results are found (the reader can ask for the rest).
 */
export async function continueSearch(outcome: SearchOutcome, budget = VERIFY_LIMIT, untilEnough = true): Promise<SearchOutcome> {
  // Pages read before (by an earlier query) cost nothing: check them all first.
  const cached = outcome.pending.filter((r) => pages.has(r.id));
  if (cached.length > 0) {
    outcome.pending = outcome.pending.filter((r) => !pages.has(r.id));
    outcome.results.push(...(await verify(cached, outcome)));
  }
  const stopAt = outcome.checked + budget;
  while (outcome.pending.length > 0 && outcome.checked < stopAt && !(untilEnough && outcome.results.length >= WANTED)) {
    const batch = outcome.pending.splice(0, Math.min(VERIFY_BATCH, stopAt - outcome.checked));
    outcome.checked += batch.length;
    outcome.results.push(...(await verify(batch, outcome)));
  }
  sortResults(outcome.results);
  if (outcome.results.length > 0) outcome.tier = 'exact';
  return outcome;
}

/**
 * Get ready while the reader is still typing: on a small site, fetch and prepare every page's text, which the
 * first search would read anyway. Never rejects.
 */
export async function warm(pf: PagefindApi, options: SearchOptions = STRATEGIES.auto): Promise<void> {
  if (options.scan !== 'small' && options.scan !== 'always') return;
  try {
    const all = (await pf.search(null))?.results ?? [];
    if (options.scan === 'always' || all.length <= SCAN_ALL_PAGES) await Promise.all(all.map(load));
  } catch {
    // The search itself will report the problem.
  }
}

/** Run a search for `query`. */
export async function runSearch(pf: PagefindApi, query: string, groups: readonly PreparedGroup[], options: SearchOptions = STRATEGIES.auto): Promise<SearchOutcome> {
  const terms = queryTerms(query);
  const variants = terms.map((t) => (options.synonyms ? expandTerm(t, groups) : expandTerm(t, [])));
  const outcome: SearchOutcome = { query, terms, variants, tier: 'none', results: [], pending: [], checked: 0, options };
  if (terms.length === 0) return outcome;

  if (!options.literal) return pagefindOnly(pf, outcome);

  // Candidate searches: the whole query, then each term's variants (breadth first), up to the limit.
  const strings = [terms.join(' ')];
  for (let round = 0; strings.length < MAX_CANDIDATE_SEARCHES; round++) {
    const next = variants.map((vs) => vs[round]).filter((v): v is Variant => v !== undefined);
    if (next.length === 0) break;
    for (const v of next) if (!strings.includes(v.text) && strings.length < MAX_CANDIDATE_SEARCHES) strings.push(v.text);
  }
  // Every page (ids only, no download yet): the site's size decides whether to ask the index at all.
  const all = options.scan === 'never' ? [] : ((await pf.search(null))?.results ?? []);
  const readAll = options.scan === 'always' || (options.scan === 'small' && all.length <= SCAN_ALL_PAGES);
  const found = readAll ? all : await candidates(pf, strings);
  outcome.pending = [...found];
  await continueSearch(outcome);

  if (outcome.results.length === 0 && !readAll && options.scan !== 'never') {
    // Pagefind returned no page with the literal text: its tokens may not have lined up with the query's. Read
    // some of the rest (one batch: on a large site a query with no match at all would otherwise read hundreds).
    const seen = new Set(found.map((r) => r.id));
    outcome.pending = all.filter((r) => !seen.has(r.id));
    await continueSearch(outcome, SCAN_ON_MISS_PAGES);
  }
  if (outcome.results.length === 0) {
    // Nothing literal anywhere: show Pagefind's partial matches, marked as such.
    const partial = await pagefindOnly(pf, { ...outcome, results: [], pending: [], checked: 0, options: { ...options, literal: false } });
    outcome.results = partial.results;
    outcome.pending = [];
    outcome.tier = partial.results.length > 0 ? 'partial' : 'none';
  }
  return outcome;
}

/** Pagefind's own results and order (the comparison strategies, and the partial tier). */
async function pagefindOnly(pf: PagefindApi, outcome: SearchOutcome): Promise<SearchOutcome> {
  const { options } = outcome;
  const strings = options.synonyms ? [...new Set(outcome.variants.flat().map((v) => v.text))].slice(0, MAX_CANDIDATE_SEARCHES) : [outcome.terms.join(' ')];
  let found: PagefindResult[] = [];
  if (options.quoted) found = (await pf.search(`"${outcome.terms.join(' ')}"`))?.results ?? [];
  if (found.length === 0) found = options.synonyms ? await candidates(pf, strings) : ((await pf.search(strings[0]!))?.results ?? []);
  const top = found.slice(0, WANTED);
  const loaded = await Promise.all(top.map(load));
  outcome.results = loaded.map(({ fragment, page }, i) => {
    const hits = options.paragraphs ? locationHits(page, fragment.locations) : subResultHits(page, fragment);
    return toResult(top[i]!, fragment, page, hits, top[i]!.score);
  });
  outcome.pending = found.slice(WANTED);
  outcome.checked = top.length;
  outcome.tier = outcome.results.length > 0 ? (options.literal ? 'partial' : 'exact') : 'none';
  return outcome;
}
