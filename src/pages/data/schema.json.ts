/** The documented schema of the open data: JSON Schema generated from the zod schemas the site itself uses. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { PlanDocumentSchema } from '../../schemas/plan.ts';
import { TargetRecordSchema } from '../../schemas/open-data.ts';

export const GET: APIRoute = () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: '地方科技规划参考库 open data',
    description: 'PlanDocument: /data/plans/<slug>.json. TargetRecord: each entry of /data/targets.json and each row of /data/targets.csv.',
    $defs: {
      PlanDocument: z.toJSONSchema(PlanDocumentSchema, { unrepresentable: 'any' }),
      TargetRecord: z.toJSONSchema(TargetRecordSchema, { unrepresentable: 'any' }),
    },
  };
  return new Response(JSON.stringify(schema, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
