/** The documented schema of the open data, all definitions in one file whose references resolve (src/lib/open-data-schemas.ts). */
import type { APIRoute } from 'astro';
import { bundledSchema, schemaPath } from '../../lib/open-data-schemas.ts';
import { url } from '../../lib/url.ts';

export const GET: APIRoute = ({ site }) => {
  const schema = bundledSchema(new URL(url('data/schema.json'), site).href, (name) => new URL(url(schemaPath(name)), site).href);
  return new Response(JSON.stringify(schema, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
