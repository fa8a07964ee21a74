/** `/sitemap.xml`: the site's sitemap, or past 50,000 URLs its index (src/lib/sitemap.ts). */
import type { APIRoute } from 'astro';
import { siteSitemap } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response((await siteSitemap(site!)).main, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
