/**
 * The metadata of every seed against what its text says, field by field: tests/fixtures/seeds/metadata.yaml is
 * written by hand from reading seeds/*.txt, so that (unlike the seed goldens, which the code wrote) a change in
 * what ingest reads from a seed shows up here as a named field with the text's value beside it.
 *
 * Known disagreements (where the code says something other than the text) are listed in the fixture with the
 * code's value and a reason: the test holds the code to exactly that value, so the list is always the truth and a
 * fixed one fails with "remove it".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { PlanKindSchema, type PlanDocument } from '../../src/schemas/plan.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';

const FIXTURE = 'tests/fixtures/seeds/metadata.yaml';
const str = z.string().nullable();
const SeedSchema = z.strictObject({
  title: str,
  noticeTitle: str,
  issuer: str,
  docNumber: str,
  dateWritten: str,
  datePublished: str,
  period: z.strictObject({ start: z.number().int(), end: z.number().int(), outlook: z.number().int().nullable() }).nullable(),
  region: z.strictObject({ name: z.string(), code: z.string().nullable(), level: z.string(), province: z.string() }).nullable(),
  kind: PlanKindSchema,
  validity: str,
  topic: str,
  indexNumber: str,
  publisher: str,
  firstHeading: z.strictObject({ text: z.string(), line: z.number().int().positive() }),
  sections: z.array(z.string()).min(1),
  targets: z
    .array(z.strictObject({ indicator: z.string(), value: z.number(), unit: z.string(), year: z.number().int(), kind: z.enum(['target', 'baseline', 'achievement']) }))
    .min(1),
  disagreements: z.record(z.string(), z.strictObject({ code: z.unknown(), reason: z.string().min(1) })).default({}),
});
const FixtureSchema = z.record(z.string(), SeedSchema);
type SeedExpectation = z.infer<typeof SeedSchema>;

const fixture = parseYamlWithFriendlyErrors(FixtureSchema, readFileSync(FIXTURE, 'utf8'), FIXTURE);
const registries = loadRegistries('seeds', 'content');
const seedFiles = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

const PLAIN_FIELDS = ['title', 'noticeTitle', 'issuer', 'docNumber', 'dateWritten', 'datePublished', 'validity', 'topic', 'indexNumber', 'publisher'] as const;

/** The fields of the fixture, read the same way from the document the ingest builds. */
function actualFields(doc: PlanDocument): Record<string, unknown> {
  const m = doc.meta;
  const region = m.region?.value;
  const firstHeading = doc.blocks.find((b) => b.kind === 'heading');
  // Fields whose value the fixture gives as written (a string or null).
  const plain = Object.fromEntries(PLAIN_FIELDS.map((k) => [k, (m[k] as { value: unknown } | null)?.value ?? null]));
  return {
    ...plain,
    period: m.period ? { start: m.period.value.start, end: m.period.value.end, outlook: m.period.value.outlook } : null,
    region: region ? { name: region.name, code: region.code, level: region.level, province: region.parents[0]?.name ?? region.name } : null,
    kind: m.kind.value,
    firstHeading: firstHeading?.kind === 'heading' ? { text: `${firstHeading.number}${firstHeading.title}`, line: firstHeading.lines[0] } : null,
    sections: doc.outline.map((n) => n.title),
  };
}

const FIELDS = ['title', 'noticeTitle', 'issuer', 'docNumber', 'dateWritten', 'datePublished', 'period', 'region', 'kind', 'validity', 'topic', 'indexNumber', 'publisher', 'firstHeading', 'sections'] as const;

describe('seed metadata: ingest output against tests/fixtures/seeds/metadata.yaml (read by hand from the texts)', () => {
  test('the fixture has an entry for every seed and no other', () => {
    expect(seedFiles).toHaveLength(5);
    expect(Object.keys(fixture).sort()).toEqual(seedFiles);
  });

  const docs = new Map<string, PlanDocument>();
  const docOf = (file: string) => {
    if (!docs.has(file)) docs.set(file, buildPlanDocument({ name: file, path: `seeds/${file}`, bytes: readFileSync(`seeds/${file}`) }, registries));
    return docs.get(file)!;
  };

  describe.each(seedFiles)('%s', (file) => {
    const expected: SeedExpectation | undefined = fixture[file];

    test.each(FIELDS)('%s is what the text says', (field) => {
      expect(expected, `${FIXTURE} has no entry for ${file}`).toBeDefined();
      const actual = actualFields(docOf(file))[field];
      const known = expected!.disagreements[field];
      if (known) {
        // The code is known to be wrong here: it must still give exactly the recorded value, or the entry is stale.
        expect(actual, `${file} ${field}: the text says ${JSON.stringify(expected![field])}; the known disagreement records ${JSON.stringify(known.code)}`).toEqual(known.code);
        expect(actual, `${file} ${field} now agrees with the text: remove it from disagreements in ${FIXTURE}`).not.toEqual(expected![field]);
        return;
      }
      expect(actual, `${file} ${field}`).toEqual(expected![field]);
    });

    test('the top-level sections are as many as the text has', () => {
      expect(docOf(file).outline.length, `${file}: top-level sections`).toBe(expected!.sections.length);
    });

    test('its plain targets are extracted with indicator, value, unit, year and kind', () => {
      const targets = docOf(file).targets;
      expect(expected!.targets.length).toBeGreaterThan(0);
      const missing = expected!.targets.filter(
        (e) => !targets.some((t) => t.indicatorId === e.indicator && t.value !== null && Math.abs(t.value - e.value) < 1e-9 && t.unit === e.unit && t.year === e.year && t.kind === e.kind),
      );
      expect(missing, `${file}: targets the text states but the document lacks`).toEqual([]);
    });
  });

  test('every listed disagreement names a field the test compares', () => {
    const unknown = Object.entries(fixture).flatMap(([file, e]) => Object.keys(e.disagreements).filter((f) => !(FIELDS as readonly string[]).includes(f)).map((f) => `${file} ${f}`));
    expect(unknown).toEqual([]);
  });
});
