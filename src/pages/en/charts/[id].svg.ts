/**
 * Each chart's English drawing (`/en/charts/<id>.svg`): the same values and id as `/charts/<id>.svg`, the words of
 * the English label table (src/lib/charts/labels.ts), Chinese names marked `xml:lang="zh-CN"`. What the English
 * pages and `/en/embed/<id>/` show, and what their PNG button draws.
 */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { charts } from '../../../lib/data.ts';
import { standaloneSvg } from '../../../lib/charts/svg.ts';
import type { ChartEntry } from '../../../lib/chart-catalog.ts';
import { ui } from '../../../lib/i18n/index.ts';

export const getStaticPaths = inThisPart((async () =>
  (await charts()).filter((c) => !c.model.empty).map((chart) => ({ params: { id: chart.id }, props: { chart } }))) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartEntry };
  const t = ui('en');
  // The page's title, not its URL, as in the Chinese file (a printed page carries no URL in its text).
  const source = [`${t.chartSourcesLabel}${t.siteName}`, chart.pageTitleEn] as const;
  return new Response(standaloneSvg(chart.modelEn ?? chart.model, chart.id, source, 'en'), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
