/**
 * Content collections: the curated registries in `content/`. The plans are not a collection: the document models
 * `scripts/ingest.ts` writes are read by `src/lib/data.ts` (`allPlans`), and the plan page renders each text from
 * its model (src/lib/plan-body.ts). Astro's data store holds every entry in memory and serialises the whole store
 * as one string, and a compiled MDX entry is a module the bundler holds in memory (about 2 MB a plan): neither
 * scales to a library of 10,000 plans (issue 15).
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { KindSchema, RegionSchema } from './schemas/registry.ts';
import { DepartmentSchema } from './schemas/departments.ts';
import { CitedDocumentSchema } from './schemas/documents.ts';
import { TermSchema } from './schemas/glossary.ts';
import { ThemeSchema } from './schemas/themes.ts';
import { InstrumentSchema } from './schemas/instruments.ts';
import { IndicatorSchema } from './schemas/indicator.ts';

/** Curated registries in `content/`. */
const regions = defineCollection({ loader: file('content/regions.yaml'), schema: RegionSchema });
const kinds = defineCollection({ loader: file('content/kinds.yaml'), schema: KindSchema });
const departments = defineCollection({ loader: file('content/departments.yaml'), schema: DepartmentSchema });
const glossary = defineCollection({ loader: file('content/glossary.yaml'), schema: TermSchema });
const themes = defineCollection({ loader: file('content/themes.yaml'), schema: ThemeSchema });
const instruments = defineCollection({ loader: file('content/instruments.yaml'), schema: InstrumentSchema });
const documents = defineCollection({ loader: file('content/documents.yaml'), schema: CitedDocumentSchema });
const indicators = defineCollection({ loader: file('content/indicators.yaml'), schema: IndicatorSchema });

export const collections = { regions, kinds, departments, glossary, themes, instruments, documents, indicators };
