/**
 * Each chart as a standalone SVG file (`/charts/<id>.svg`): what the pages show as an image, what the reader
 * downloads and what public/chart-png.js draws into a PNG. Written at build time from the chart catalog.
 */
import { inThisPart } from '../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { charts } from '../../lib/data.ts';
import { standaloneSvg } from '../../lib/charts/svg.ts';
import type { ChartEntry } from '../../lib/chart-catalog.ts';
import { ui } from '../../lib/i18n/index.ts';

export const getStaticPaths = inThisPart((async () =>
  (await charts()).filter((c) => !c.model.empty).map((chart) => ({ params: { id: chart.id }, props: { chart } }))) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartEntry };
  const t = ui('zh-CN');
  // The page's title, not its URL: the plan page prints the image, and a printed plan carries no URL in its text.
  const source = [`${t.chartSourcesLabel}${t.siteName}`, chart.pageTitle] as const;
  return new Response(standaloneSvg(chart.model, chart.id, source), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
