/**
 * The curated registries in `content/` (one YAML list each) and the schema of their entries, named once: the
 * content collections load them for the pages (src/content.config.ts), and `readRegistry` reads them the same way
 * for code that runs outside Astro (scripts/site-files.ts).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { KindSchema, RegionSchema } from '../schemas/registry.ts';
import { DepartmentSchema } from '../schemas/departments.ts';
import { CitedDocumentSchema } from '../schemas/documents.ts';
import { TermSchema } from '../schemas/glossary.ts';
import { ThemeSchema } from '../schemas/themes.ts';
import { InstrumentSchema } from '../schemas/instruments.ts';
import { IndicatorSchema } from '../schemas/indicator.ts';
import { SupportSubjectSchema } from '../schemas/support-subjects.ts';
import { parseYamlWithFriendlyErrors } from '../schemas/friendly-errors.ts';

export const REGISTRIES = {
  regions: { file: 'content/regions.yaml', schema: RegionSchema },
  kinds: { file: 'content/kinds.yaml', schema: KindSchema },
  departments: { file: 'content/departments.yaml', schema: DepartmentSchema },
  glossary: { file: 'content/glossary.yaml', schema: TermSchema },
  themes: { file: 'content/themes.yaml', schema: ThemeSchema },
  instruments: { file: 'content/instruments.yaml', schema: InstrumentSchema },
  documents: { file: 'content/documents.yaml', schema: CitedDocumentSchema },
  indicators: { file: 'content/indicators.yaml', schema: IndicatorSchema },
  supportSubjects: { file: 'content/support-subjects.yaml', schema: SupportSubjectSchema },
} as const;

export type RegistryName = keyof typeof REGISTRIES;
export type RegistryEntry<N extends RegistryName> = z.infer<(typeof REGISTRIES)[N]['schema']>;

/**
 * The order the site lists a registry's entries in: by id (code-unit order), which is the order Astro's data store
 * gives them (not the file's). Named here so that both readers agree whatever the store does.
 */
export function byRegistryId<T extends { id: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A registry's entries, each validated by its schema, in `byRegistryId` order: what `getCollection(name)` gives as
 * `data` (Astro's `file()` loader parses each list item with the collection's schema). Errors name the YAML line.
 */
export async function readRegistry<N extends RegistryName>(name: N, root = '.'): Promise<RegistryEntry<N>[]> {
  const { file, schema } = REGISTRIES[name];
  const text = await readFile(`${root}/${file}`, 'utf8');
  return byRegistryId(parseYamlWithFriendlyErrors(z.array(schema as z.ZodType), text, file) as RegistryEntry<N>[]);
}
