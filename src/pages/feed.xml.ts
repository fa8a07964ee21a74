/** Atom feed of the plans, newest first (src/lib/feed.ts says which date an entry carries). */
import type { APIRoute } from 'astro';
import { BUILT_AT } from '../lib/build-time.ts';
import { allPlans, kinds, summarize } from '../lib/data.ts';
import { summaryLine } from '../lib/plan-summary.ts';
import { citationRecord } from '../lib/cite-formats.ts';
import { atomFeed } from '../lib/feed.ts';
import { planUrl, url } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const [plans, allKinds] = await Promise.all([allPlans(), kinds()]);
  const entries = plans.map((doc) => {
    const s = summarize(doc, allKinds);
    return {
      record: citationRecord(doc, s.kindLabel, new URL(planUrl(doc.slug), site).href),
      summary: summaryLine(s),
    };
  });
  const xml = atomFeed(entries, {
    feedUrl: new URL(url('feed.xml'), site).href,
    homeUrl: new URL(url(), site).href,
    title: '地方科技规划参考库：收录的规划',
    author: '地方科技规划参考库',
    builtAt: BUILT_AT.toISOString().replace(/\.\d+Z$/u, 'Z'),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
