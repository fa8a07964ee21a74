/**
 * Content collections. `plans`: one MDX entry per plan (the body); `planData`: the full document model of
 * each plan, as written by `scripts/ingest.ts`. Both are validated with the schemas in `src/schemas/plan.ts`.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { PlanDocumentSchema, PlanFrontmatterSchema } from './schemas/plan.ts';
import { KindSchema, RegionSchema } from './schemas/registry.ts';
import { DepartmentSchema } from './schemas/departments.ts';
import { CitedDocumentSchema } from './schemas/documents.ts';
import { TermSchema } from './schemas/glossary.ts';
import { ThemeSchema } from './schemas/themes.ts';
import { InstrumentSchema } from './schemas/instruments.ts';
import { IndicatorSchema } from './schemas/indicator.ts';

/** Where `scripts/ingest.ts` wrote the plans; `scripts/build.ts --plans DIR` points it elsewhere (tests). */
const plansDir = process.env.PLANS_DIR ?? './content/plans';

const plans = defineCollection({
  loader: glob({ pattern: '*.mdx', base: plansDir, generateId: ({ data }) => String(data.slug) }),
  schema: PlanFrontmatterSchema,
});

const planData = defineCollection({
  // `_failures.json` (texts ingest skipped, shown on the home page) is not a plan.
  loader: glob({ pattern: ['*.json', '!_*.json'], base: plansDir, generateId: ({ data }) => String(data.slug) }),
  schema: PlanDocumentSchema,
});

/** Curated registries in `content/`. */
const regions = defineCollection({ loader: file('content/regions.yaml'), schema: RegionSchema });
const kinds = defineCollection({ loader: file('content/kinds.yaml'), schema: KindSchema });
const departments = defineCollection({ loader: file('content/departments.yaml'), schema: DepartmentSchema });
const glossary = defineCollection({ loader: file('content/glossary.yaml'), schema: TermSchema });
const themes = defineCollection({ loader: file('content/themes.yaml'), schema: ThemeSchema });
const instruments = defineCollection({ loader: file('content/instruments.yaml'), schema: InstrumentSchema });
const documents = defineCollection({ loader: file('content/documents.yaml'), schema: CitedDocumentSchema });
const indicators = defineCollection({ loader: file('content/indicators.yaml'), schema: IndicatorSchema });

export const collections = { plans, planData, regions, kinds, departments, glossary, themes, instruments, documents, indicators };
