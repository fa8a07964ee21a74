/**
 * Golden files (after Observable Framework's test/markdown-test.ts): each case's output is compared with the
 * expected file beside it. A missing expected file fails; it is written only when asked
 * (`UPDATE_GOLDEN=1 npx vitest run --project unit scripts/pipeline/golden.test.ts`: review it, then commit it), so
 * that `npm test` never writes the expectation it then checks. A mismatch writes `<name>-changed.<ext>` beside the
 * expected file, to diff, and fails.
 *
 * Cases: short real excerpts and hostile text in tests/fixtures/golden/*.txt (full document model and MDX),
 * and every seed (a summary: metadata with provenance, outline, removed lines, repairs, counts).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { renderMdx } from './mdx.ts';

const registries = loadRegistries('seeds', 'content');
const dir = 'tests/fixtures/golden';

function assertGolden(expectedPath: string, actual: string): void {
  const changed = expectedPath.replace(/(\.[a-z]+)$/u, '-changed$1');
  if (!existsSync(expectedPath)) {
    if (process.env.UPDATE_GOLDEN !== '1' || process.env.CI) {
      throw new Error(`${expectedPath} is missing: write it with UPDATE_GOLDEN=1 npx vitest run --project unit scripts/pipeline/golden.test.ts, review it and commit it`);
    }
    writeFileSync(expectedPath, actual);
    console.warn(`golden: wrote ${expectedPath}; review and commit it`);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected !== actual) {
    writeFileSync(changed, actual);
    expect.fail(`${expectedPath} differs from the output, written to ${changed}: diff them, and if the change is right, move it over the expected file`);
  }
}

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

function summary(doc: PlanDocument) {
  const outline = (nodes: PlanDocument['outline'], depth = 0): string[] => nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.id} ${n.number}${n.title}`, ...outline(n.children, depth + 1)]);
  return {
    slug: doc.slug,
    source: doc.source,
    meta: doc.meta,
    outline: outline(doc.outline),
    tables: doc.blocks.flatMap((b) => (b.kind === 'table' ? [{ id: b.id, caption: b.caption?.text ?? null, head: b.head.map((r) => r.map((c) => c.text)), rows: b.rows.length, notes: b.notes }] : [])),
    removed: doc.removed,
    repairs: doc.repairs,
    citations: doc.citations.map((c) => `${c.blockId} 《${c.title}》 → ${c.documentKey}`),
    stats: doc.stats,
  };
}

test('the cases are there: five excerpts and five seeds (a loop over nothing would pass)', () => {
  expect(readdirSync(dir).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  expect(readdirSync('seeds').filter((f) => f.endsWith('.txt'))).toHaveLength(5);
});

describe('golden: excerpts and hostile text (document model and MDX)', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    test(file, () => {
      const doc = buildPlanDocument({ name: file, path: `${dir}/${file}`, bytes: readFileSync(`${dir}/${file}`) }, registries);
      const stem = `${dir}/${basename(file, '.txt')}`;
      assertGolden(`${stem}.json`, json(doc));
      assertGolden(`${stem}.mdx`, renderMdx(doc));
    });
  }
});

describe('golden: seeds (summary)', () => {
  for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
    test(file, () => {
      const doc = buildPlanDocument({ name: file, path: `seeds/${file}`, bytes: readFileSync(`seeds/${file}`) }, registries);
      assertGolden(`${dir}/seeds/${basename(file, '.txt')}.summary.json`, json(summary(doc)));
    });
  }
});
