/**
 * Open data: every plan, one row each (slug, title, region, period, kind, document number, page and data file
 * addresses), written plan by plan (issue 15: the list pages show a page at a time; the full list is here).
 * UTF-8 with BOM, RFC 4180, as targets.csv.
 */
import type { APIRoute } from 'astro';
import { allPlans, kinds } from '../../lib/data.ts';
import { summarize } from '../../lib/data.ts';
import { textStream } from '../../lib/open-data-stream.ts';
import { planUrl, url } from '../../lib/url.ts';

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

export const GET: APIRoute = async ({ site }) => {
  const [plans, allKinds] = await Promise.all([allPlans(), kinds()]);
  function* rows(): Generator<string> {
    yield '\ufeffslug,title,region,regionName,periodStart,periodEnd,kind,docNumber,url,data\r\n';
    for (const doc of plans) {
      const s = summarize(doc, allKinds);
      yield `${[s.slug, s.title, s.regionId, s.regionId ? s.regionName : null, s.period?.start, s.period?.end, s.kind, s.docNumber, new URL(planUrl(s.slug), site).href, new URL(url(`data/plans/${s.slug}.json`), site).href].map(cell).join(',')}\r\n`;
    }
  }
  return new Response(textStream(rows()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
