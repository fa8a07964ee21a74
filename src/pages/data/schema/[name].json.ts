/** Each schema of the open data as its own file (`/data/schema/plan-document.json` …), resolving on its own. */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_DATA_SCHEMAS, schemaPath, standaloneSchema, type OpenDataSchemaName } from '../../../lib/open-data-schemas.ts';
import { url } from '../../../lib/url.ts';

export const getStaticPaths = inThisPart((() =>
  (Object.keys(OPEN_DATA_SCHEMAS) as OpenDataSchemaName[]).map((name) => ({ params: { name: OPEN_DATA_SCHEMAS[name].file.replace(/\.json$/u, '') }, props: { name } }))) satisfies GetStaticPaths);

export const GET: APIRoute = ({ props, site }) => {
  const name = props.name as OpenDataSchemaName;
  const schema = standaloneSchema(name, new URL(url(schemaPath(name)), site).href);
  return new Response(JSON.stringify(schema, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
