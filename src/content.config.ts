/**
 * Content collections: the curated registries in `content/`. The plans are not a collection: the document models
 * `scripts/ingest.ts` writes are read by `src/lib/data.ts` (`allPlans`), and the plan page renders each text from
 * its model (src/lib/plan-body.ts). Astro's data store holds every entry in memory and serialises the whole store
 * as one string, and a compiled MDX entry is a module the bundler holds in memory (about 2 MB a plan): neither
 * scales to a library of 10,000 plans (issue 15).
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { REGISTRIES } from './lib/registry-files.ts';
import { synonymsLoader } from './lib/search/load-synonyms.ts';
import { SynonymEntrySchema } from './schemas/synonyms.ts';

/** Curated registries in `content/` (src/lib/registry-files.ts names their files and schemas). */
const collection = <N extends keyof typeof REGISTRIES>(name: N) => defineCollection({ loader: file(REGISTRIES[name].file), schema: REGISTRIES[name].schema });

export const collections = {
  regions: collection('regions'),
  kinds: collection('kinds'),
  departments: collection('departments'),
  glossary: collection('glossary'),
  themes: collection('themes'),
  instruments: collection('instruments'),
  documents: collection('documents'),
  indicators: collection('indicators'),
  supportSubjects: collection('supportSubjects'),
  /** The search's synonym groups (content/synonyms.yaml; why not `file()`: `synonymsLoader`). */
  synonyms: defineCollection({ loader: synonymsLoader(), schema: SynonymEntrySchema }),
};
