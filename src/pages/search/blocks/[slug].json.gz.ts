/**
 * The search page's record of each plan (src/lib/search/records.ts), gzip-compressed here as Pagefind compresses
 * its own files, so that what a reader downloads does not depend on the host compressing JSON.
 */
import { inThisPart } from '../../../lib/build-part.ts';
import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { simplify } from '../../../../scripts/pipeline/lexicon/fold.ts';
import { allPlans, kinds, summarize } from '../../../lib/data.ts';
import { metaRows } from '../../../lib/plan-view.ts';
import { searchRecord } from '../../../lib/search/records.ts';

export const getStaticPaths = inThisPart((async () => {
  const allKinds = await kinds();
  return (await allPlans()).map((doc) => {
    const summary = summarize(doc, allKinds);
    // The line above the plan's title (plans/[slug]/index.astro).
    const kicker = `${summary.regionName} · ${summary.kindLabel} · ${summary.periodText}`;
    return { params: { slug: doc.slug }, props: { record: searchRecord(doc, summary, metaRows(doc, allKinds), kicker, simplify) } };
  });
}) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props }) => new Response(gzipSync(JSON.stringify(props.record), { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
