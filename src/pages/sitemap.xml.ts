/**
 * sitemap.xml of every HTML page, built from the same data as the pages (no integration needed for a site this
 * size). Section anchors are not listed: they are parts of pages.
 */
import type { APIRoute } from 'astro';
import { allPlans, departments, glossary, indicators, themes, citedDocuments } from '../lib/data.ts';
import { citedDocumentViews, departmentViews, flattenRegions, regionTree } from '../lib/crosslinks/index.ts';
import { url } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const plans = await allPlans();
  const paths = [
    '',
    'regions/',
    'departments/',
    'documents/',
    'glossary/',
    'themes/',
    'indicators/',
    'compare/',
    'reuse/',
    'data/',
    'search/',
    ...plans.flatMap((p) => [`plans/${p.slug}/`, `plans/${p.slug}/source/`]),
    ...flattenRegions(regionTree(plans)).map((n) => `regions/${n.region.id}/`),
    ...departmentViews(plans, await departments()).map((d) => `departments/${d.id}/`),
    ...citedDocumentViews(plans, await citedDocuments()).map((d) => `documents/${d.slug}/`),
    ...(await glossary()).map((t) => `glossary/${t.id}/`),
    ...(await themes()).map((t) => `themes/${t.id}/`),
    ...(await indicators()).map((i) => `indicators/${i.id}/`),
  ];
  const body = paths.map((p) => `  <url><loc>${new URL(url(p), site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
