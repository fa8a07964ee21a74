/**
 * Content collections. `plans`: one MDX entry per plan (the body); `planData`: the full document model of
 * each plan, as written by `scripts/ingest.ts`. Both are validated with the schemas in `src/schemas/plan.ts`.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { PlanDocumentSchema, PlanFrontmatterSchema } from './schemas/plan.ts';
import { KindSchema, RegionSchema } from './schemas/registry.ts';

/** Where `scripts/ingest.ts` wrote the plans; `scripts/build.ts --plans DIR` points it elsewhere (tests). */
const plansDir = process.env.PLANS_DIR ?? './content/plans';

const plans = defineCollection({
  loader: glob({ pattern: '*.mdx', base: plansDir, generateId: ({ data }) => String(data.slug) }),
  schema: PlanFrontmatterSchema,
});

const planData = defineCollection({
  loader: glob({ pattern: '*.json', base: plansDir, generateId: ({ data }) => String(data.slug) }),
  schema: PlanDocumentSchema,
});

/** Curated registries in `content/`. */
const regions = defineCollection({ loader: file('content/regions.yaml'), schema: RegionSchema });
const kinds = defineCollection({ loader: file('content/kinds.yaml'), schema: KindSchema });

export const collections = { plans, planData, regions, kinds };
