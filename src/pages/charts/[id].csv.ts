/**
 * Each chart's data as CSV (`/charts/<id>.csv`, UTF-8 with BOM, RFC 4180): the drawn values as rows of
 * `/data/targets.csv` (same columns), or the plans' periods for a timeline.
 */
import { inThisPart } from '../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPlans, chartRoutes, indicators } from '../../lib/data.ts';
import { chartCsv, type ChartEntry } from '../../lib/chart-catalog.ts';
import { planUrl } from '../../lib/url.ts';

export const getStaticPaths = inThisPart(chartRoutes) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { chart } = props as { chart: ChartEntry };
  const csv = chartCsv(chart, await allPlans(), await indicators(), (slug, blockId) => new URL(planUrl(slug, blockId), site).href);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
