/** Open data: the same records as `/data/targets.json`, as CSV (UTF-8 with BOM, RFC 4180), written plan by plan. */
import type { APIRoute } from 'astro';
import { allPlans, indicators } from '../../lib/data.ts';
import { targetsCsvChunks, textStream } from '../../lib/open-data-stream.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const chunks = targetsCsvChunks(await allPlans(), await indicators(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(textStream(chunks), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
