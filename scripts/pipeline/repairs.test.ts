/**
 * Every repair is accounted for: for each seed and each corpus text, the repairs in the document are exactly the
 * curated corrections of `content/corrections.yaml` for that file plus the heading recoveries and residue removals
 * listed by hand in tests/fixtures/repairs.yaml. A stage that starts rewriting text it should not (or stops making
 * a repair it should) fails here, whatever the lossless check says (it trusts the repairs the pipeline lists).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';

interface Listed {
  line: number;
  original: string;
  replacement: string;
  source: string;
}
const listed = parse(readFileSync('tests/fixtures/repairs.yaml', 'utf8')) as Record<string, Listed[]>;
const registries = loadRegistries('seeds', 'content');
const texts = [
  ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f)),
  ...readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt')).map((f) => join('tests/fixtures/corpus', f)),
];
const key = (r: Listed) => `${r.line}|${r.original}|${r.replacement}|${r.source}`;

describe('repairs: only curated corrections and listed recoveries', () => {
  test('the texts are there', () => {
    expect(texts.length).toBe(25);
  });
  test.each(texts)('%s', (path) => {
    const name = path.replace(/^.*\//u, '');
    const doc = buildPlanDocument({ name, path, bytes: readFileSync(path) }, registries);
    const corrections = (registries.corrections[name] ?? []).map((c) => `|${c.original}|${c.replacement}|correction`);
    const got = doc.repairs.map((r) => key(r));
    // Corrections are matched by text (their line is wherever the text is); the rest by line too.
    const gotOther = got.filter((k) => !k.endsWith('|correction')).sort();
    const gotCorrections = got.filter((k) => k.endsWith('|correction')).map((k) => k.slice(k.indexOf('|'))).sort();
    expect(gotCorrections).toEqual([...corrections].sort());
    expect(gotOther).toEqual((listed[name] ?? []).map(key).sort());
  });
});
