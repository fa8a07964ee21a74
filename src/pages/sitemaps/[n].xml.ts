/** `/sitemaps/<n>.xml`: the parts a sitemap index names, when the site has more than 50,000 URLs (src/lib/sitemap.ts). */
import { inThisPart } from '../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSitemap } from '../../lib/sitemap.ts';

export const getStaticPaths = inThisPart((async () => {
  const { parts } = await siteSitemap(new URL(import.meta.env.SITE));
  return parts.map((xml, i) => ({ params: { n: String(i + 1) }, props: { xml } }));
}) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props }) => new Response((props as { xml: string }).xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
