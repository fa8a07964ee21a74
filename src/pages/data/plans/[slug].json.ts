/** Open data: the full document model of each plan at a stable URL (`/data/plans/<slug>.json`). */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPlans } from '../../../lib/data.ts';

export const getStaticPaths = inThisPart((async () => (await allPlans()).map((doc) => ({ params: { slug: doc.slug }, props: { doc } }))) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.doc), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
