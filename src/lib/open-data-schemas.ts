/**
 * The JSON Schemas of the open data, generated from the zod schemas the site itself validates with. Each is a
 * JSON Schema 2020-12 document that resolves on its own: `z.toJSONSchema` writes its recursive parts under the
 * document's own `$defs` with `#/$defs/…` references, which resolve from the root of the document that holds them,
 * so each schema is published as its own file with an absolute `$id`, and the bundle (`/data/schema.json`) embeds
 * them as schema resources (each with that `$id`, so `#/…` inside one resolves within it, JSON Schema 2020-12 §9.2).
 */
import { z } from 'astro/zod';
import { PlanDocumentSchema } from '../schemas/plan.ts';
import { AlignmentFileSchema, AlignmentRecordSchema, TargetRecordSchema, TargetsFileSchema } from '../schemas/open-data.ts';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A published schema: its file under `/data/schema/` and the zod schema it is generated from. */
export const OPEN_DATA_SCHEMAS = {
  PlanDocument: { file: 'plan-document.json', zod: PlanDocumentSchema, title: '规划文档模型（/data/plans/<规划>.json）' },
  TargetRecord: { file: 'target-record.json', zod: TargetRecordSchema, title: '数值记录（targets.json 的每条记录，targets.csv 的每一行）' },
  TargetsFile: { file: 'targets-file.json', zod: TargetsFileSchema, title: '数值文件（/data/targets.json）' },
  AlignmentRecord: { file: 'alignment-record.json', zod: AlignmentRecordSchema, title: '上位规划对照记录（alignment.json 的每一行）' },
  AlignmentFile: { file: 'alignment-file.json', zod: AlignmentFileSchema, title: '上位规划对照文件（/data/alignment.json）' },
} as const;
export type OpenDataSchemaName = keyof typeof OPEN_DATA_SCHEMAS;

/** Site-relative path of a schema file (`data/schema/plan-document.json`). */
export const schemaPath = (name: OpenDataSchemaName) => `data/schema/${OPEN_DATA_SCHEMAS[name].file}`;

/** One schema as a standalone 2020-12 document with `$id` = its absolute URL. */
export function standaloneSchema(name: OpenDataSchemaName, id: string): Record<string, unknown> {
  const { zod, title } = OPEN_DATA_SCHEMAS[name];
  // `unrepresentable: 'any'`: a zod feature JSON Schema cannot express (none today) is left open rather than failing the build.
  const generated = z.toJSONSchema(zod as z.ZodType, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _dialect, ...rest } = generated;
  return { $schema: DIALECT, $id: id, title, ...rest };
}

/** All schemas in one document, each embedded under `$defs` as its own resource (`$id`, no nested `$schema`). */
export function bundledSchema(id: string, idOf: (name: OpenDataSchemaName) => string): Record<string, unknown> {
  const $defs = Object.fromEntries(
    (Object.keys(OPEN_DATA_SCHEMAS) as OpenDataSchemaName[]).map((name) => {
      const { $schema: _dialect, ...resource } = standaloneSchema(name, idOf(name));
      return [name, resource];
    }),
  );
  return {
    $schema: DIALECT,
    $id: id,
    title: '地方科技规划参考库开放数据',
    description: 'PlanDocument：/data/plans/<规划>.json；TargetsFile：/data/targets.json；TargetRecord：targets.json 的每条记录与 targets.csv 的每一行；AlignmentFile：/data/alignment.json；AlignmentRecord：其每一行。各定义亦单独发布于 /data/schema/。',
    $defs,
  };
}
