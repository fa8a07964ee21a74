/**
 * The extractor measured against a careful human reader: `tests/fixtures/targets/expected.yaml` lists, by hand,
 * every target, baseline and reported result of the five seeds. This test runs the real pipeline on the real
 * seeds and prints recall and precision per plan; the bar is 0.95 for both, overall.
 *
 * Matching: an extracted target matches an expected entry when slug, blockId, kind and indicatorId are equal
 * (`null` = unmapped, on both sides) and the values are equal (within 1e-9; `null` matches only `null`).
 * Each expected entry is matched at most once and each extracted target at most once (a multiset match: 002's
 * table has two 瞪羚 targets of 3); among equal candidates the one with the expected year is taken first.
 * Recall = matched / expected, precision = matched / extracted. Year, unit and measure are then compared on the
 * matched pairs and printed as attribute agreement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { TargetSchema, type PlanDocument, type Target } from '../../src/schemas/plan.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { extractTargets, parseIndicators } from './targets.ts';

const ExpectedSchema = z.record(
  z.string(),
  z.array(
    z.strictObject({
      block: z.string(),
      indicator: z.string().nullable(),
      value: z.number().nullable(),
      unit: z.string(),
      year: z.number().int().nullable(),
      kind: z.enum(['target', 'baseline', 'achievement']),
      measure: z.enum(['level', 'growth', 'cumulative', 'increase']).default('level'),
    }),
  ),
);
type Expected = z.infer<typeof ExpectedSchema>[string][number];

interface PlanRun {
  doc: PlanDocument;
  targets: Target[];
  expected: Expected[];
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
const matches = (e: Expected, t: Target) => e.block === t.blockId && e.kind === t.kind && e.indicator === t.indicatorId && sameValue(e.value, t.value);

function match(expected: Expected[], targets: Target[]) {
  const free = new Set(targets);
  const pairs: [Expected, Target][] = [];
  const misses: Expected[] = [];
  for (const e of expected) {
    const candidates = targets.filter((t) => free.has(t) && matches(e, t));
    const t = candidates.find((c) => c.year === e.year) ?? candidates[0];
    if (t) {
      free.delete(t);
      pairs.push([e, t]);
    } else misses.push(e);
  }
  return { pairs, misses, extras: targets.filter((t) => free.has(t)) };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const describeExpected = (slug: string, e: Expected) => `${slug} ${e.block} ${e.value ?? '—'}${e.unit} ${e.kind} ${e.indicator ?? '(unmapped)'} year ${e.year}`;
const describeTarget = (slug: string, t: Target) =>
  `${slug} ${t.blockId}${t.cell ? `[${t.cell.row},${t.cell.col}]` : ''} ${t.valueText} ${t.kind} ${t.indicatorId ?? '(unmapped)'} year ${t.year} «${t.phrase}»`;

const runs = new Map<string, PlanRun>();

beforeAll(() => {
  const registries = loadRegistries('seeds', 'content');
  const indicators = parseIndicators(readFileSync('content/indicators.yaml', 'utf8'), 'content/indicators.yaml');
  const expected = parseYamlWithFriendlyErrors(ExpectedSchema, readFileSync('tests/fixtures/targets/expected.yaml', 'utf8'), 'tests/fixtures/targets/expected.yaml');
  for (const name of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
    const doc = buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, registries);
    const period = doc.meta.period ? { start: doc.meta.period.value.start, end: doc.meta.period.value.end } : null;
    runs.set(doc.slug, { doc, targets: extractTargets(doc.blocks, { indicators, period }), expected: expected[doc.slug] ?? [] });
  }
});

describe('extractTargets on the five seeds, against tests/fixtures/targets/expected.yaml', () => {
  test('the fixture covers every plan and names only blocks that exist', () => {
    expect([...runs.keys()].sort()).toEqual(['baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022', 'tianjin-2014-work-conference', 'xinji-14th-five-year']);
    for (const [slug, run] of runs) {
      const ids = new Set(run.doc.blocks.map((b) => b.id));
      expect(run.expected.filter((e) => !ids.has(e.block)).map((e) => describeExpected(slug, e))).toEqual([]);
    }
  });

  test('recall and precision are at least 0.95 overall', () => {
    const rows: Record<string, { expected: number; extracted: number; matched: number; recall: string; precision: string; year: string; unit: string; measure: string }> = {};
    const misses: string[] = [];
    const extras: string[] = [];
    const total = { expected: 0, extracted: 0, matched: 0, year: 0, unit: 0, measure: 0 };
    for (const [slug, run] of runs) {
      const m = match(run.expected, run.targets);
      const agree = (f: (e: Expected, t: Target) => boolean) => m.pairs.filter(([e, t]) => f(e, t)).length;
      const year = agree((e, t) => e.year === t.year);
      const unit = agree((e, t) => e.unit === t.unit);
      const measure = agree((e, t) => e.measure === t.measure);
      rows[slug] = {
        expected: run.expected.length,
        extracted: run.targets.length,
        matched: m.pairs.length,
        recall: pct(ratio(m.pairs.length, run.expected.length)),
        precision: pct(ratio(m.pairs.length, run.targets.length)),
        year: pct(ratio(year, m.pairs.length)),
        unit: pct(ratio(unit, m.pairs.length)),
        measure: pct(ratio(measure, m.pairs.length)),
      };
      misses.push(...m.misses.map((e) => describeExpected(slug, e)));
      extras.push(...m.extras.map((t) => describeTarget(slug, t)));
      total.expected += run.expected.length;
      total.extracted += run.targets.length;
      total.matched += m.pairs.length;
      total.year += year;
      total.unit += unit;
      total.measure += measure;
    }
    const recall = ratio(total.matched, total.expected);
    const precision = ratio(total.matched, total.extracted);
    rows['(overall)'] = {
      expected: total.expected,
      extracted: total.extracted,
      matched: total.matched,
      recall: pct(recall),
      precision: pct(precision),
      year: pct(ratio(total.year, total.matched)),
      unit: pct(ratio(total.unit, total.matched)),
      measure: pct(ratio(total.measure, total.matched)),
    };
    console.log('targets: recall and precision (year/unit/measure = agreement on matched pairs)');
    console.table(rows);
    if (misses.length) console.log(`missed (expected, not extracted):\n  ${misses.join('\n  ')}`);
    if (extras.length) console.log(`false positives (extracted, not expected):\n  ${extras.join('\n  ')}`);
    const report = `recall ${pct(recall)}, precision ${pct(precision)}\nmissed:\n  ${misses.join('\n  ') || '(none)'}\nfalse positives:\n  ${extras.join('\n  ') || '(none)'}`;
    expect(recall, report).toBeGreaterThanOrEqual(0.95);
    expect(precision, report).toBeGreaterThanOrEqual(0.95);
    // The attributes a comparison relies on must be right too, not just found.
    expect(ratio(total.year, total.matched), report).toBeGreaterThanOrEqual(0.9);
    expect(ratio(total.unit, total.matched), report).toBeGreaterThanOrEqual(0.95);
    expect(ratio(total.measure, total.matched), report).toBeGreaterThanOrEqual(0.9);
  });

  test('every extracted target is valid, and its offsets and quote point at its value exactly', () => {
    const problems: string[] = [];
    for (const [slug, run] of runs) {
      const blocks = new Map(run.doc.blocks.map((b) => [b.id, b]));
      run.targets.forEach((t, i) => {
        const where = describeTarget(slug, t);
        if (!TargetSchema.safeParse(t).success) problems.push(`${where}: not a valid Target`);
        if (t.id !== `v${i + 1}`) problems.push(`${where}: id ${t.id}, expected v${i + 1}`);
        const block = blocks.get(t.blockId);
        if (!block) return problems.push(`${where}: no block ${t.blockId}`);
        const text = t.cell ? block.kind === 'table' && block.rows[t.cell.row]?.[t.cell.col]?.text : block.kind === 'table' ? undefined : block.text;
        if (typeof text !== 'string') return problems.push(`${where}: no text at ${t.blockId}${t.cell ? ` cell ${t.cell.row},${t.cell.col}` : ''}`);
        if (text.slice(t.start, t.end) !== t.valueText) problems.push(`${where}: text.slice(${t.start}, ${t.end}) is ${JSON.stringify(text.slice(t.start, t.end))}`);
        const q = text.lastIndexOf(t.quote, t.start);
        if (t.quote === '' || q < 0 || q + t.quote.length < t.end) problems.push(`${where}: quote does not hold the value`);
        if (!block.lines.includes(t.line)) problems.push(`${where}: line ${t.line} is not a line of the block`);
      });
    }
    expect(problems).toEqual([]);
  });
});
