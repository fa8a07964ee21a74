/**
 * Build-time loading of `content/synonyms.yaml` for the search page: validated with friendly errors (file:line
 * of each bad value; a bad file fails the build). The search page reads it as the `synonyms` content collection
 * (`synonymsLoader`), embeds the groups without their notes (`embeddedGroups`), and the browser normalises them
 * (`prepareGroups`) with the same code that normalises the text.
 */
import { readFileSync } from 'node:fs';
import { parseYamlWithFriendlyErrors } from '../../schemas/friendly-errors.ts';
import { SynonymsSchema } from '../../schemas/synonyms.ts';
import type { SynonymGroup, SynonymEntry, Synonyms } from '../../schemas/synonyms.ts';

/** Where the curated synonyms live (relative to the project root, like the other registries). */
export const SYNONYMS_FILE = 'content/synonyms.yaml';

/** Parse and validate the synonyms file. */
export function loadSynonyms(file = SYNONYMS_FILE): Synonyms {
  return parseYamlWithFriendlyErrors(SynonymsSchema, readFileSync(file, 'utf8'), file);
}

/**
 * The content collection's loader. Not Astro's `file()`: a group has no id of its own, the rules across groups (no
 * form in two groups) need the whole file, and `file()` logs a YAML error and loads an empty collection, which would
 * build a search page without synonyms. So the whole file is validated first (a bad file throws, with file:line, and
 * the build stops); each group is then an entry keyed by its first form, with its position in the file, because
 * the order is the order in which a query's variants are tried (`expandTerm`).
 */
export function synonymsLoader(file = SYNONYMS_FILE): () => SynonymEntry[] {
  return () => loadSynonyms(file).map((group, position) => ({ id: group.forms[0]!, position, ...group }));
}

/** The groups as the search page embeds them, in file order: what matching needs, without the editors' notes. */
export function embeddedGroups(entries: readonly SynonymEntry[]): Omit<SynonymGroup, 'note'>[] {
  return [...entries].sort((a, b) => a.position - b.position).map(({ forms, narrower, notIn }) => ({ forms, narrower, notIn }));
}

/** `embeddedGroups` of the file itself, for code that runs outside Astro (the benchmark). */
export function loadEmbeddedSynonyms(file = SYNONYMS_FILE): Omit<SynonymGroup, 'note'>[] {
  return embeddedGroups(synonymsLoader(file)());
}
