/**
 * `node scripts/bench/pair-candidates.ts --site DIR [--json FILE]`: on a built site of any size, what the pair index
 * (src/lib/search/pairs.ts) does to the search's quality on the project's queries (tests/search/queries.yaml).
 * The browser's quality figures are measured on the five seeds, where every plan is read and no index is used;
 * on a large site the results are the candidates the index names that pass verification. So the figure that says
 * whether the index costs quality is its recall: of the plans where a query matches literally (every term, in any
 * of its synonym forms, by the engine's own test, `literalHits`, over every plan's record), how many the index
 * names (through the engine's own searches, `candidateStrings`). Precision is unchanged by the index (every result
 * is verified); the candidates' precision (literal matches / plans named) says how many records a search reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { candidateStrings, literalHits } from '../../src/lib/search/engine.ts';
import { expandTerm, prepareGroups, queryTerms } from '../../src/lib/search/expand.ts';
import { loadEmbeddedSynonyms } from '../../src/lib/search/load-synonyms.ts';
import { normalize } from '../../src/lib/search/normalize.ts';
import { decodeBucket, pairBucketCount, searchPairs, type PairKey, type Postings } from '../../src/lib/search/pairs.ts';
import { planText } from '../../src/lib/search/plan-text.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { planNumbers, sitePlanSlugs } from '../search-pairs.ts';
import { loadQueries } from '../../tests/search/quality.ts';

export interface PairCandidates {
  plans: number;
  queries: number;
  /** Plans matching literally, summed over the queries. */
  literal: number;
  /** Of those, named by the index. */
  named: number;
  /** Plans the index named, summed over the queries (what a search reads, at most). */
  candidates: number;
  /** Queries where the index missed a plan that matches, with the plans. */
  misses: { q: string; missed: string[] }[];
}

export async function pairCandidates(siteDir: string): Promise<PairCandidates> {
  const groups = prepareGroups(loadEmbeddedSynonyms());
  const queries = loadQueries().map((c) => {
    const terms = queryTerms(c.q);
    const variants = terms.map((t) => expandTerm(t, groups));
    return { q: c.q, terms, variants, strings: candidateStrings(terms, variants), literal: new Set<number>() };
  });
  const slugs = sitePlanSlugs(siteDir);
  const numbers = planNumbers(slugs);
  const slugOf = new Map([...numbers].map(([slug, n]) => [n, slug]));
  // Every plan once, every query against it (the plans are not held: 10,000 prepared plans would not fit).
  slugs.forEach((slug) => {
    const n = numbers.get(slug)!;
    const record = JSON.parse(gunzipSync(readFileSync(join(siteDir, 'search', 'blocks', `${slug}.json.gz`))).toString('utf8')) as SearchRecord;
    const page = planText(slug, '', record);
    for (const query of queries) {
      const { hits, termsMatched } = literalHits(page, query.variants);
      if (termsMatched === query.terms.length && hits.length > 0) query.literal.add(n);
    }
  });
  const buckets = pairBucketCount(slugs.length);
  const files = new Map<number, Map<PairKey, Postings>>();
  const bucket = async (b: number) => {
    let file = files.get(b);
    if (!file) files.set(b, (file = decodeBucket(gunzipSync(readFileSync(join(siteDir, 'search', 'pairs', `${b}.gz`))))));
    return file;
  };
  const out: PairCandidates = { plans: slugs.length, queries: queries.length, literal: 0, named: 0, candidates: 0, misses: [] };
  for (const query of queries) {
    const named = new Set<number>();
    for (const s of query.strings) for (const { plan } of await searchPairs(s, buckets, normalize, bucket)) named.add(plan);
    const missed = [...query.literal].filter((n) => !named.has(n));
    out.literal += query.literal.size;
    out.named += query.literal.size - missed.length;
    out.candidates += named.size;
    if (missed.length > 0) out.misses.push({ q: query.q, missed: missed.map((n) => slugOf.get(n)!) });
  }
  return out;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string' }, json: { type: 'string' } } });
  if (!values.site) {
    console.error('usage: node scripts/bench/pair-candidates.ts --site DIR [--json FILE]');
    process.exit(2);
  }
  const started = performance.now();
  const r = await pairCandidates(values.site);
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
  console.log(`${r.plans} plans, ${r.queries} queries (${Math.round(performance.now() - started)} ms)`);
  console.log(`index recall: ${r.named} of ${r.literal} literal matches named (${pct(r.named, r.literal)}); missed in ${r.misses.length} queries`);
  console.log(`candidates: ${r.candidates} named, ${r.literal} match (candidate precision ${pct(r.literal, r.candidates)})`);
  for (const m of r.misses) console.log(`  missed for ${m.q}: ${m.missed.join(' ')}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(r, null, 2)}\n`);
}
