/** Open data: the same records as `/data/targets.json`, as CSV (UTF-8 with BOM, RFC 4180). */
import type { APIRoute } from 'astro';
import { allPlans, indicators } from '../../lib/data.ts';
import { targetRecords, toCsv } from '../../lib/targets-view.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = targetRecords(await allPlans(), await indicators(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(toCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
