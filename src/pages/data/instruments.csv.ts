/** Open data: every sentence naming a policy instrument, one row each (the plans' `instruments` in `/data/plans/<slug>.json`). */
import type { APIRoute } from 'astro';
import { allPlans, instruments } from '../../lib/data.ts';
import { instrumentsCsv } from '../../lib/instruments-view.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const csv = instrumentsCsv(await allPlans(), await instruments(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
