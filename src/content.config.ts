/**
 * Content collections. `planData`: the document model of each plan, as written by `scripts/ingest.ts`, validated
 * with the schema in `src/schemas/plan.ts`; the plan page renders its text from it (src/lib/plan-body.ts). The MDX
 * entries the ingest writes beside it are not a collection: compiled, each would be a module the bundler holds in
 * memory (about 2 MB per plan, issue 15).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { PlanDocumentSchema } from './schemas/plan.ts';
import { KindSchema, RegionSchema } from './schemas/registry.ts';
import { DepartmentSchema } from './schemas/departments.ts';
import { CitedDocumentSchema } from './schemas/documents.ts';
import { TermSchema } from './schemas/glossary.ts';
import { ThemeSchema } from './schemas/themes.ts';
import { InstrumentSchema } from './schemas/instruments.ts';
import { IndicatorSchema } from './schemas/indicator.ts';

/** Where `scripts/ingest.ts` wrote the plans; `scripts/build.ts --plans DIR` points it elsewhere (tests). */
const plansDir = process.env.PLANS_DIR ?? './content/plans';

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

export const collections = { planData, regions, kinds, departments, glossary, themes, instruments, documents, indicators };
