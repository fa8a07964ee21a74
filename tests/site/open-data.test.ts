/**
 * The open data as a researcher's own tools see it: every JSON file the site publishes (outside Pagefind's index)
 * validated with a standard JSON Schema 2020-12 validator (Ajv2020 in strict mode, with ajv-formats), against the
 * schemas the site publishes, loaded from the built files only, as a researcher would load them. Both forms are
 * checked: each schema file on its own, and the bundle `/data/schema.json`. A published JSON file this test does not
 * know fails, so a new file comes with its schema. `targets.csv` (RFC 4180, read by a parser written here from the
 * RFC) carries the same rows as `targets.json`, field by field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, inject, test } from 'vitest';
import { expectNone } from '../support/report.ts';
import { parseCsv } from '../support/csv.ts';

const siteDir = inject('siteDir');
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(siteDir, rel), 'utf8'));

/** A validator as a researcher sets one up: 2020-12, strict (unknown keywords are errors), formats checked. */
function validator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const errorsOf = (v: ValidateFunction) => (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');

/** Every JSON file of the built site but Pagefind's, by site-relative path. */
const publishedJson = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split('\\').join('/'))
  // Pagefind's bundles and the search page's own files (search/: records, the list of index bundles) are search
  // machinery, not open data.
  .filter((name) => name.endsWith('.json') && !name.startsWith('pagefind/') && !name.startsWith('search/'))
  .sort();

const SCHEMA_FILES = ['data/schema/plan-document.json', 'data/schema/target-record.json', 'data/schema/targets-file.json', 'data/schema/alignment-record.json', 'data/schema/alignment-file.json'];

/** The schema (by published file, and by its definition in the bundle) a published data file must satisfy. */
function schemaFor(rel: string): { file: string; def: string } | null {
  if (/^data\/plans\/[a-z0-9-]+\.json$/u.test(rel)) return { file: 'data/schema/plan-document.json', def: 'PlanDocument' };
  if (rel === 'data/targets.json') return { file: 'data/schema/targets-file.json', def: 'TargetsFile' };
  if (rel === 'data/alignment.json') return { file: 'data/schema/alignment-file.json', def: 'AlignmentFile' };
  return null;
}

describe('JSON Schema: the published schemas resolve on their own', () => {
  test.each(SCHEMA_FILES)('%s is a valid 2020-12 schema that compiles alone (every $ref resolves inside it)', (rel) => {
    const schema = readJson(rel) as { $schema: string; $id: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id, 'its $id is its own published URL').toMatch(new RegExp(`/${rel.replace(/\./gu, '\\.')}$`, 'u'));
    const ajv = validator();
    expect(ajv.validateSchema(schema), `meta-schema: ${JSON.stringify(ajv.errors)}`).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  test('the bundle /data/schema.json compiles alone, with one definition per published schema', () => {
    const bundle = readJson('data/schema.json') as { $id: string; $defs: Record<string, { $id: string; $schema?: string }> };
    expect(Object.keys(bundle.$defs).sort()).toEqual(['AlignmentFile', 'AlignmentRecord', 'PlanDocument', 'TargetRecord', 'TargetsFile']);
    const nested = Object.entries(bundle.$defs).filter(([, d]) => '$schema' in d).map(([k]) => k);
    expectNone(nested, 'definitions with a nested $schema');
    const ajv = validator();
    expect(() => ajv.addSchema(bundle)).not.toThrow();
    for (const name of Object.keys(bundle.$defs)) expect(ajv.getSchema(`${bundle.$id}#/$defs/${name}`), name).toBeTypeOf('function');
  });
});

describe('JSON Schema: every published JSON file validates', () => {
  // Compiled once: the separate schema files, and the bundle on its own.
  const separate = validator();
  for (const rel of SCHEMA_FILES) separate.addSchema(readJson(rel) as object);
  const bundled = validator();
  const bundle = readJson('data/schema.json') as { $id: string };
  bundled.addSchema(bundle);

  test('the site publishes the files this test knows, one data file per plan page', () => {
    const planPages = readdirSync(join(siteDir, 'plans'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(planPages.length, 'plan pages').toBeGreaterThan(0);
    for (const slug of planPages) expect(publishedJson, `data file of ${slug}`).toContain(`data/plans/${slug}.json`);
    expect(publishedJson).toContain('data/targets.json');
    expect(publishedJson).toContain('data/alignment.json');
    const unknown = publishedJson.filter((rel) => !schemaFor(rel) && !SCHEMA_FILES.includes(rel) && rel !== 'data/schema.json' && !isCitationFile(rel));
    expectNone(unknown, 'published JSON files with no schema in this test');
  });

  const dataFiles = publishedJson.filter((rel) => schemaFor(rel));
  test('there are data files to check', () => expect(dataFiles.length).toBeGreaterThan(1));
  test.each(dataFiles)('%s validates against its published schema, alone and in the bundle', (rel) => {
    const { file, def } = schemaFor(rel)!;
    const data = readJson(rel);
    const alone = separate.getSchema((readJson(file) as { $id: string }).$id)!;
    expect(alone(data), `${rel} against ${file}: ${errorsOf(alone)}`).toBe(true);
    const inBundle = bundled.getSchema(`${bundle.$id}#/$defs/${def}`)!;
    expect(inBundle(data), `${rel} against schema.json#/$defs/${def}: ${errorsOf(inBundle)}`).toBe(true);
  });

  test('the schema rejects a damaged plan file (the validator is not vacuous)', () => {
    const rel = dataFiles.find((r) => r.startsWith('data/plans/'))!;
    const damaged = readJson(rel) as { meta: { docNumber: unknown } };
    damaged.meta.docNumber = 5;
    const alone = separate.getSchema((readJson('data/schema/plan-document.json') as { $id: string }).$id)!;
    expect(alone(damaged)).toBe(false);
  });

  test('the schema rejects a damaged alignment file: a verdict that is not one of the four', () => {
    const damaged = readJson('data/alignment.json') as { rows: { verdict: string }[] };
    expect(damaged.rows.length).toBeGreaterThan(0);
    damaged.rows[0]!.verdict = 'better';
    const alone = separate.getSchema((readJson('data/schema/alignment-file.json') as { $id: string }).$id)!;
    expect(alone(damaged)).toBe(false);
  });
});

/** Citation files beside each plan page (`plans/<slug>/cite.json`): checked by citation.test.ts. */
function isCitationFile(rel: string): boolean {
  return /^plans\/[a-z0-9-]+\/cite\.json$/u.test(rel);
}

describe('targets.csv and targets.json carry the same rows', () => {
  test('same columns (the TargetRecord properties, in order) and the same values in every row', () => {
    const raw = readFileSync(join(siteDir, 'data/targets.csv'), 'utf8');
    expect(raw.startsWith('\ufeff'), 'UTF-8 BOM, so spreadsheets read the Chinese right').toBe(true);
    const [header, ...rows] = parseCsv(raw.slice(1));
    const json = readJson('data/targets.json') as { count: number; targets: Record<string, unknown>[] };
    const columns = Object.keys((readJson('data/schema/target-record.json') as { properties: object }).properties);
    expect(header).toEqual(columns);
    expect(json.count).toBe(json.targets.length);
    expect(rows.length, 'one CSV row per JSON record').toBe(json.targets.length);
    expect(rows.length, 'rows to compare').toBeGreaterThan(100);
    // A CSV cell is the JSON value as text; null is the empty cell.
    const cell = (v: unknown) => (v === null ? '' : String(v));
    const problems = rows.flatMap((r, i) => {
      const record = json.targets[i]!;
      return columns.flatMap((c, j) => (r[j] === cell(record[c]) ? [] : [`row ${i + 2}, ${c}: CSV ${JSON.stringify(r[j])} vs JSON ${JSON.stringify(record[c])}`]));
    });
    expectNone(problems, 'targets.csv vs targets.json');
  });

  // For a reader abroad: each value's indicator by its English name, with whose name it is. content/indicators.yaml:
  // rd-intensity is “Gross R&D intensity (GERD / GDP)”, the editors' translation.
  test('a row names its indicator in English, saying whose the name is; an unmapped value has none', () => {
    const { targets } = readJson('data/targets.json') as { targets: { indicatorId: string | null; indicatorNameEn: string | null; indicatorNameEnSource: string | null }[] };
    const intensity = targets.filter((t) => t.indicatorId === 'rd-intensity');
    expect(intensity.length).toBeGreaterThan(0);
    for (const t of intensity) expect([t.indicatorNameEn, t.indicatorNameEnSource]).toEqual(['Gross R&D intensity (GERD / GDP)', 'editors']);
    const unmapped = targets.filter((t) => t.indicatorId === null);
    expect(unmapped.length).toBeGreaterThan(0);
    for (const t of unmapped) expect([t.indicatorNameEn, t.indicatorNameEnSource]).toEqual([null, null]);
  });
});
