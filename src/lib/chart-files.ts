/**
 * A chart's standalone SVG file in one edition (`/charts/<id>.svg`, `/en/charts/<id>.svg`): that edition's drawing
 * and words, the same values and id in both.
 */
import { standaloneSvg } from './charts/svg.ts';
import type { ChartEntry } from './chart-catalog.ts';
import { ui, type Locale } from './i18n/index.ts';

export function chartSvgResponse(chart: ChartEntry, locale: Locale): Response {
  const en = locale === 'en';
  const t = ui(locale);
  // The page's title, not its URL: the plan page prints the image, and a printed plan carries no URL in its text.
  const source = [`${t.chartSourcesLabel}${t.siteName}`, en ? chart.pageTitleEn : chart.pageTitle] as const;
  const model = en ? (chart.modelEn ?? chart.model) : chart.model;
  return new Response(standaloneSvg(model, chart.id, source, locale), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
