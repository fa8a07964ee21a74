/**
 * Each chart's English drawing (`/en/charts/<id>.svg`): the same values and id as `/charts/<id>.svg`, the words of
 * the English label table (src/lib/charts/labels.ts), Chinese names marked `xml:lang="zh-CN"`. What the English
 * pages and `/en/embed/<id>/` show, and what their PNG button draws.
 */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartRoutes } from '../../../lib/data.ts';
import { chartSvgResponse } from '../../../lib/chart-files.ts';
import type { ChartEntry } from '../../../lib/chart-catalog.ts';

export const getStaticPaths = inThisPart(chartRoutes) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => chartSvgResponse((props as { chart: ChartEntry }).chart, 'en');
