/** Open data: each plan's targets beside the targets of the plan it carries out (`/data/alignment.json`, src/lib/alignment.ts). */
import type { APIRoute } from 'astro';
import { allPlans, citedDocuments, indicators } from '../../lib/data.ts';
import { alignmentRecords, planAlignments } from '../../lib/alignment.ts';
import { planUrl } from '../../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const [plans, documents, allIndicators] = await Promise.all([allPlans(), citedDocuments(), indicators()]);
  const records = alignmentRecords(planAlignments(plans, documents, allIndicators), allIndicators, (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(JSON.stringify({ schema: 'schema.json#/$defs/AlignmentRecord', count: records.length, rows: records }, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
