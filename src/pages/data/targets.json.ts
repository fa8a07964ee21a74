/** Open data: every quantitative statement of every plan, with its sentence and URL (`/data/targets.json`), written plan by plan. */
import type { APIRoute } from 'astro';
import { allPlans, indicators } from '../../lib/data.ts';
import { targetsJsonChunks, textStream } from '../../lib/open-data-stream.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const chunks = targetsJsonChunks(await allPlans(), await indicators(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href, 'schema.json#/$defs/TargetRecord');
  return new Response(textStream(chunks), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
