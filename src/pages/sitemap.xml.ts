/**
 * sitemap.xml of every HTML page, built from the same data as the pages (no integration needed for a site this
 * size). Section anchors are not listed: they are parts of pages. A page with an English edition is listed in
 * both languages, each with `xhtml:link` alternates naming the other (as Google documents for hreflang).
 */
import type { APIRoute } from 'astro';
import { allPlans, charts, departments, glossary, indicators, instruments, themes, citedDocuments } from '../lib/data.ts';
import { citedDocumentViews, departmentViews, flattenRegions, regionTree } from '../lib/crosslinks/index.ts';
import { url } from '../lib/url.ts';
import { hasEnglish } from '../lib/i18n/index.ts';

export const GET: APIRoute = async ({ site }) => {
  const plans = await allPlans();
  const paths = [
    '',
    'regions/',
    'departments/',
    'documents/',
    'glossary/',
    'themes/',
    'instruments/',
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
    ...(await instruments()).map((t) => `instruments/${t.id}/`),
    ...(await indicators()).map((i) => `indicators/${i.id}/`),
    ...(await charts()).filter((c) => !c.model.empty).map((c) => `embed/${c.id}/`),
  ];
  const at = (p: string) => new URL(url(p), site).href;
  const entry = (p: string) => {
    if (!hasEnglish(p)) return [`  <url><loc>${at(p)}</loc></url>`];
    const links = [`<xhtml:link rel="alternate" hreflang="zh-CN" href="${at(p)}"/>`, `<xhtml:link rel="alternate" hreflang="en" href="${at(`en/${p}`)}"/>`].join('');
    return [`  <url><loc>${at(p)}</loc>${links}</url>`, `  <url><loc>${at(`en/${p}`)}</loc>${links}</url>`];
  };
  const body = paths.flatMap(entry).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
