/** Open data: every quantitative statement of every plan, with its sentence and URL (`/data/targets.json`). */
import type { APIRoute } from 'astro';
import { allPlans, indicators } from '../../lib/data.ts';
import { targetRecords } from '../../lib/targets-view.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = targetRecords(await allPlans(), await indicators(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(JSON.stringify({ schema: 'schema.json#/$defs/TargetRecord', count: records.length, targets: records }, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
