import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { embeddedGroups, synonymsLoader, SYNONYMS_FILE } from './load-synonyms.ts';
import { SynonymEntrySchema } from '../../schemas/synonyms.ts';

test('the collection has one entry per group of the file, keyed by its first form, in file order', () => {
  // The file read as plain YAML, without our loader: what the entries must be.
  const raw = parse(readFileSync(SYNONYMS_FILE, 'utf8')) as { forms: string[] }[];
  const entries = synonymsLoader()();
  expect(entries.map((e) => e.id)).toEqual(raw.map((g) => g.forms[0]));
  expect(entries.map((e) => e.position)).toEqual(raw.map((_, i) => i));
  for (const entry of entries) expect(SynonymEntrySchema.parse(entry)).toEqual(entry);
});

test('a bad file stops the loader with its file and line, not an empty collection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synonyms-'));
  const file = join(dir, 'synonyms.yaml');
  writeFileSync(file, ['- forms: [高企, 高新技术企业]', '- forms: [高企, 国家高企]'].join('\n'));
  expect(() => synonymsLoader(file)()).toThrow(`${file}:2`);
  writeFileSync(file, '- forms: [高企, 高新技术企业\n');
  expect(() => synonymsLoader(file)()).toThrow(file);
});

test('the search page embeds the groups in file order, whatever order the store gives, without notes', () => {
  const entries = [
    { id: '双创', position: 1, forms: ['双创', '创新创业'], narrower: [], notIn: [], note: '简称' },
    { id: '高企', position: 0, forms: ['高企', '高新技术企业'], narrower: [], notIn: ['提高企业'] },
  ];
  expect(embeddedGroups(entries)).toEqual([
    { forms: ['高企', '高新技术企业'], narrower: [], notIn: ['提高企业'] },
    { forms: ['双创', '创新创业'], narrower: [], notIn: [] },
  ]);
});
