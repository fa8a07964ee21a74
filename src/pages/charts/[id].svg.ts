/**
 * Each chart as a standalone SVG file (`/charts/<id>.svg`): what the pages show as an image, what the reader
 * downloads and what public/chart-png.js draws into a PNG. Written at build time from the chart catalog.
 */
import { inThisPart } from '../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartRoutes } from '../../lib/data.ts';
import { chartSvgResponse } from '../../lib/chart-files.ts';
import type { ChartEntry } from '../../lib/chart-catalog.ts';

export const getStaticPaths = inThisPart(chartRoutes) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => chartSvgResponse((props as { chart: ChartEntry }).chart, 'zh-CN');
