/**
 * The search itself, without the DOM: the plans' own text decides what matches; an index only names candidates.
 *
 * 1. Candidates: one index search per query variant (the term and its synonyms). The site's index is the
 *    character-pair index (pairs.ts): it names every plan holding all pairs of the variant, so no plan that matches
 *    is missed, and nothing beyond its candidates is ever read. The query as typed is searched first; the other
 *    variants only when its candidates do not fill a first page (each search loads index files), else when the
 *    reader asks to continue. One path at every size of library: the five seeds are searched as 10,000 plans are.
 * 2. Verification: each candidate's record (records.ts) is searched literally, block by block, for every term (in any
 *    of its variants). Plans where every term occurs are the results, ranked by where the matches are; each match
 *    links to its paragraph, heading or table.
 * 3. When no plan read contains the query literally, the loose matches (`loose`: Pagefind's words anywhere in a plan)
 *    are shown, marked as partial; candidates not read yet can still be checked (`continueSearch`).
 *
 * What each step is worth was measured (tests/search/RESULTS.md).
 */
import { expandTerm, queryTerms } from './expand.ts';
import type { PreparedGroup, Variant } from './expand.ts';
import { normalize } from './normalize.ts';
import { findAll } from './match.ts';
import type { Block, PlanText } from './plan-text.ts';

/**
 * Where the engine gets plans from. A plan is named by a key the source gives and reads: where the index put its
 * record (src/scripts/search.ts).
 */
export interface PlanSource {
  /** A plan's text (the engine asks once per key and visit). */
  read: (key: string) => Promise<PlanText>;
  /** The index: every plan that can hold the string literally, best first. */
  search: (term: string) => Promise<{ key: string; score: number }[]>;
  /** Plans for the query's words anywhere (the partial tier), best first. */
  loose: (query: string) => Promise<{ key: string; score: number }[]>;
}

/** A place in a plan that matches: one block (paragraph, heading, table) and the matched ranges in its text. */
export interface Hit {
  block: Block;
  /** Matched ranges in `block.text` (none where a simplified form matched but cannot be marked). */
  marks: [number, number][];
  /** Matches in the block. */
  count: number;
  /** Bit `i` set when term `i` matched here. */
  terms: number;
  /** Only synonym variants matched here (the typed form, or its simplified form, did not). */
  synonym: boolean;
}

/** One plan in the results. */
export interface PlanResult {
  page: PlanText;
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
  /** Candidates (keys) not verified yet (more than {@link VERIFY_LIMIT}); `continueSearch` checks them. */
  pending: string[];
  /**
   * Strings not yet searched in the index (the query's other variants, when the query as typed filled a first page):
   * there may be more candidates than `pending`; `continueSearch` searches them first.
   */
  unsearched: string[];
  /** Every plan the index has named for this query (verified or pending). */
  named: Set<string>;
  /** Plans fetched and verified for this query (plans read by an earlier query are free and not counted). */
  checked: number;
}

/**
 * Candidates verified per round, and the most verified before asking the reader to continue. The first round of a
 * query reads only {@link WANTED}: when they all match, that is a first page of results for half the download
 * (each plan's record is a few KB; at 1,000 plans the records were a third of a first search's bytes).
 */
export const VERIFY_BATCH = 20;
export const VERIFY_LIMIT = 40;
/** Results wanted before verification stops early. */
export const WANTED = 10;
/** How many index searches one query may run (variants beyond this are still matched in the text). */
export const MAX_CANDIDATE_SEARCHES = 8;

/** Weight of a match by where it is: titles and headings say what a plan or section is about. */
const WEIGHT: Record<Block['kind'], number> = { title: 4, heading: 3, paragraph: 1, table: 1, meta: 0.5 };

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/** Hits of the query in one plan, one per block, and how many terms matched anywhere. */
export function literalHits(page: PlanText, variants: Variant[][]): { hits: Hit[]; termsMatched: number } {
  const hits: Hit[] = [];
  let matched = 0;
  for (const block of page.blocks) {
    let hit: Hit | null = null;
    for (let t = 0; t < variants.length; t++) {
      for (const v of variants[t]!) {
        for (const [s, e] of findAll(block.normalized.text, v)) {
          hit ??= { block, marks: [], count: 0, terms: 0, synonym: true };
          if (block.markable) hit.marks.push([block.normalized.start[s]!, block.normalized.end[e - 1]!]);
          hit.count++;
          hit.terms |= 1 << t;
          // The simplified form of a term typed in traditional characters is the term itself, not a synonym.
          if (v.original || v.simplified) hit.synonym = false;
          matched |= 1 << t;
        }
      }
    }
    if (hit) hits.push(hit);
  }
  for (const h of hits) h.marks.sort((a, b) => a[0] - b[0]);
  return { hits, termsMatched: popcount(matched) };
}

/** Score of a plan from its hits: weighted matches, dampened by length so a long plan does not win on size. */
export function scoreHits(hits: Hit[], page: PlanText, termCount: number): number {
  let score = 0;
  for (const h of hits) score += WEIGHT[h.block.kind] * Math.min(h.count, 3) * (h.synonym ? 0.7 : 1) * (popcount(h.terms) / termCount);
  return score / (1 + Math.log10(1 + page.length / 2000));
}

/** Plans read in this visit, per source: a plan is fetched once, whatever the query. */
const cache = new WeakMap<PlanSource, Map<string, Promise<PlanText>>>();

function read(source: PlanSource, key: string): Promise<PlanText> {
  let plans = cache.get(source);
  if (!plans) cache.set(source, (plans = new Map()));
  let page = plans.get(key);
  if (!page) {
    plans.set(key, (page = source.read(key)));
    // A plan that could not be read is tried again next time.
    page.catch(() => plans.delete(key));
  }
  return page;
}

const isRead = (source: PlanSource, key: string) => cache.get(source)?.has(key) ?? false;

/** Verify candidates literally; returns the plans where every term occurs. */
async function verify(source: PlanSource, keys: string[], outcome: SearchOutcome): Promise<PlanResult[]> {
  const pages = await Promise.all(keys.map((k) => read(source, k)));
  const out: PlanResult[] = [];
  for (const page of pages) {
    const { hits, termsMatched } = literalHits(page, outcome.variants);
    if (termsMatched === outcome.terms.length && hits.length > 0) out.push({ page, hits, score: scoreHits(hits, page, outcome.terms.length) });
  }
  return out;
}

/**
 * Verify pending candidates in batches of {@link VERIFY_BATCH}, reading at most `budget` plans; with
 * `untilEnough`, stop once {@link WANTED} results are found (the reader can ask for the rest).
 */
export async function continueSearch(source: PlanSource, outcome: SearchOutcome, budget = VERIFY_LIMIT, untilEnough = true): Promise<SearchOutcome> {
  // Loose matches stand in until a plan matches literally: set aside, and back if none does.
  const loose = outcome.tier === 'partial' ? outcome.results.splice(0) : [];
  if (outcome.unsearched.length > 0) {
    // The reader wants more than the query as typed gave: the other variants' candidates join the queue.
    const more = rank(await Promise.all(outcome.unsearched.map((s) => source.search(s))));
    outcome.unsearched = [];
    for (const key of more) if (!outcome.named.has(key)) outcome.pending.push(key);
    for (const key of more) outcome.named.add(key);
  }
  // Plans read before (by an earlier query) cost nothing: check them all first.
  const cached = outcome.pending.filter((s) => isRead(source, s));
  if (cached.length > 0) {
    outcome.pending = outcome.pending.filter((s) => !isRead(source, s));
    outcome.results.push(...(await verify(source, cached, outcome)));
  }
  const stopAt = outcome.checked + budget;
  while (outcome.pending.length > 0 && outcome.checked < stopAt && !(untilEnough && outcome.results.length >= WANTED)) {
    const batch = outcome.pending.splice(0, Math.min(outcome.checked === 0 ? WANTED : VERIFY_BATCH, stopAt - outcome.checked));
    outcome.checked += batch.length;
    outcome.results.push(...(await verify(source, batch, outcome)));
  }
  outcome.results.sort((a, b) => b.score - a.score || a.page.url.localeCompare(b.page.url));
  if (outcome.results.length > 0) outcome.tier = 'exact';
  else outcome.results = loose;
  return outcome;
}

/** Union of the index's results for several strings, most often found first, then by best score. */
function rank(lists: readonly { key: string; score: number }[][]): string[] {
  const found = new Map<string, { count: number; score: number }>();
  for (const results of lists) {
    for (const { key, score } of results) {
      const seen = found.get(key);
      found.set(key, { count: (seen?.count ?? 0) + 1, score: Math.max(seen?.score ?? 0, score) });
    }
  }
  return [...found].sort(([, a], [, b]) => b.count - a.count || b.score - a.score).map(([key]) => key);
}

/** Words of the query as the browser segments them (Pagefind's loose matches are on such words). */
function queryWords(terms: string[]): Variant[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = new Set(terms.flatMap((t) => [...segmenter.segment(t)].filter((s) => s.isWordLike).map((s) => normalize(s.segment))));
  return [...words].filter((w) => w !== '').map((text) => ({ text, label: text, original: true, exclusions: [] }));
}

/** Nothing literal anywhere: Pagefind's results for the query, each with the blocks holding any of its words. */
async function partial(source: PlanSource, outcome: SearchOutcome): Promise<PlanResult[]> {
  const found = (await source.loose(outcome.terms.join(' '))).slice(0, WANTED);
  const pages = await Promise.all(found.map((f) => read(source, f.key)));
  const words = queryWords(outcome.terms);
  return pages.map((page, i) => ({ page, hits: literalHits(page, [words]).hits, score: found[i]!.score })).filter((r) => r.hits.length > 0);
}

/** The index searches of a query: the whole query, then each term's variants (breadth first), up to the limit. */
export function candidateStrings(terms: readonly string[], variants: readonly Variant[][]): string[] {
  const strings = [terms.join(' ')];
  for (let round = 0; strings.length < MAX_CANDIDATE_SEARCHES; round++) {
    const next = variants.map((vs) => vs[round]).filter((v): v is Variant => v !== undefined);
    if (next.length === 0) break;
    for (const v of next) if (!strings.includes(v.text) && strings.length < MAX_CANDIDATE_SEARCHES) strings.push(v.text);
  }
  return strings;
}

/** Run a search for `query`; `simplify` folds a query typed in traditional characters (traditional.ts). */
export async function runSearch(source: PlanSource, query: string, groups: readonly PreparedGroup[], simplify?: (text: string) => string): Promise<SearchOutcome> {
  const terms = queryTerms(query);
  const variants = terms.map((t) => expandTerm(t, groups, undefined, simplify));
  const outcome: SearchOutcome = { query, terms, variants, tier: 'none', results: [], pending: [], unsearched: [], named: new Set(), checked: 0 };
  if (terms.length === 0) return outcome;

  const strings = candidateStrings(terms, variants);
  // The query as typed first, one round: when its candidates fill a first page, that page is shown and the other
  // variants wait for the reader to continue (each search loads index files for its pairs).
  const typed = await source.search(strings[0]!);
  outcome.pending = rank([typed]);
  outcome.named = new Set(outcome.pending);
  await continueSearch(source, outcome, WANTED);
  if (outcome.results.length >= WANTED && outcome.pending.length > 0 && strings.length > 1) {
    outcome.unsearched = strings.slice(1);
  } else {
    // Not enough: every variant's candidates, in the order all the searches give them, less those read already.
    const alreadyRead = new Set([...outcome.named].filter((k) => !outcome.pending.includes(k)));
    const all = rank([typed, ...(await Promise.all(strings.slice(1).map((s) => source.search(s))))]);
    outcome.named = new Set(all);
    outcome.pending = all.filter((k) => !alreadyRead.has(k));
    // The typed form's round counts as the query's first: read next only what the page still lacks (each record
    // is a few KB), then rounds as usual, up to the query's limit.
    if (outcome.checked > 0) await continueSearch(source, outcome, Math.max(1, WANTED - outcome.results.length));
    await continueSearch(source, outcome, VERIFY_LIMIT - outcome.checked);
  }
  if (outcome.results.length === 0) {
    // The candidates not read yet stay pending: the index named them, so one may still match literally (the first 40
    // can all hold the pairs apart), and the reader may continue.
    outcome.results = await partial(source, outcome);
    outcome.tier = outcome.results.length > 0 ? 'partial' : 'none';
  }
  return outcome;
}
