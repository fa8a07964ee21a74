/** Open data: the full document model of each plan at a stable URL (`/data/plans/<slug>.json`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPlans } from '../../../lib/data.ts';

export const getStaticPaths: GetStaticPaths = async () => (await allPlans()).map((doc) => ({ params: { slug: doc.slug }, props: { doc } }));

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.doc), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
