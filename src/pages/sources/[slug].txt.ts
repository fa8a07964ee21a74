/** The source text of each plan, as UTF-8 plain text (decoded from GBK where the seed was GBK). */
import { inThisPart } from '../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPlans, plansDir } from '../../lib/data.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const getStaticPaths = inThisPart((async () => {
  const plans = await allPlans();
  return plans.map((p) => ({ params: { slug: p.slug } }));
}) satisfies GetStaticPaths);

export const GET: APIRoute = async ({ params }) => {
  const text = await readFile(join(plansDir(), `${params.slug}.txt`), 'utf8');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
