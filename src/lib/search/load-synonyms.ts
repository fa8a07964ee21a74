/**
 * Build-time loading of `content/synonyms.yaml` for the search page: validated with friendly errors (file:line
 * of each bad value; a bad file fails the build). The page embeds the groups without their notes; the browser
 * normalises them (`prepareGroups`) with the same code that normalises the text.
 */
import { readFileSync } from 'node:fs';
import { parseYamlWithFriendlyErrors } from '../../schemas/friendly-errors.ts';
import { SynonymsSchema } from '../../schemas/synonyms.ts';
import type { SynonymGroup, Synonyms } from '../../schemas/synonyms.ts';

/** Where the curated synonyms live (relative to the project root, like the other registries). */
export const SYNONYMS_FILE = 'content/synonyms.yaml';

/** Parse and validate the synonyms file. */
export function loadSynonyms(file = SYNONYMS_FILE): Synonyms {
  return parseYamlWithFriendlyErrors(SynonymsSchema, readFileSync(file, 'utf8'), file);
}

/** The groups as the search page embeds them: what matching needs, without the editors' notes. */
export function loadEmbeddedSynonyms(file = SYNONYMS_FILE): Omit<SynonymGroup, 'note'>[] {
  return loadSynonyms(file).map(({ forms, narrower, notIn }) => ({ forms, narrower, notIn }));
}
