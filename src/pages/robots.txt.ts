/** robots.txt: everything may be indexed; the sitemap is announced with the site's own URL. */
import type { APIRoute } from 'astro';
import { url } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(url('sitemap.xml'), site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
