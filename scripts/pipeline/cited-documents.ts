/**
 * Cited documents: resolve the title of a citation 《…》 to an entry of `content/documents.yaml`, so that one
 * document cited by several plans (《天津市科技创新三年行动计划（2020—2022年）》 by 000 and 002), or under several
 * titles (004 cites the Hebei plan by its covering notice), is one document on the site.
 *
 * A title the registry does not know keeps its normalised key (`documentKey`) as its identity: citations of the
 * same unregistered document still group together, and the key says what it is.
 */
import { DataError, parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { CitedDocumentsSchema, type CitedDocument } from '../../src/schemas/documents.ts';
import { documentKey } from './citations.ts';

/**
 * Read and validate `content/documents.yaml`. Beyond the schema, no two entries may have titles or aliases with
 * the same normalised key: the second would never be found.
 */
export function parseDocuments(yamlText: string, file: string): CitedDocument[] {
  const docs = parseYamlWithFriendlyErrors(CitedDocumentsSchema, yamlText, file);
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const d of docs) {
    for (const title of [d.title, ...d.aliases]) {
      const key = documentKey(title);
      const other = owner.get(key);
      if (other !== undefined && other !== d.id) clashes.push(`${d.id} › ${title}: same normalised title as ${other} (${key})`);
      owner.set(key, d.id);
    }
  }
  if (clashes.length > 0) throw new DataError(`invalid data in ${file}:\n  ${clashes.join('\n  ')}\n  hint: merge the two entries, or drop the alias from one`);
  return docs;
}

/** Normalised key → registry id, built once per registry array. */
const indexCache = new WeakMap<readonly CitedDocument[], Map<string, string>>();
function keyIndex(registry: readonly CitedDocument[]): Map<string, string> {
  let index = indexCache.get(registry);
  if (!index) {
    index = new Map();
    for (const d of registry) for (const title of [d.title, ...d.aliases]) index.set(documentKey(title), d.id);
    indexCache.set(registry, index);
  }
  return index;
}

/**
 * The registry id of the document a citation title names (title as written, without 《》), matched by the
 * normalised key against every entry's title and aliases; else the normalised key of the title itself.
 * Use it for `Citation.documentKey`.
 */
export function resolveCitation(title: string, registry: CitedDocument[]): string {
  const key = documentKey(title);
  return keyIndex(registry).get(key) ?? key;
}

/** The registry entry a resolved key names, or `undefined` for an unregistered key. */
export function citedDocument(key: string, registry: CitedDocument[]): CitedDocument | undefined {
  return registry.find((d) => d.id === key);
}
