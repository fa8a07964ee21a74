import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { decodeSeed } from './decode.ts';
import { expectedLines, findFirstLoss, modelText } from './lossless.ts';
import { renderMdx } from './mdx.ts';
import { readBackMdx } from './mdx-readback.ts';

const registries = loadRegistries('seeds', 'content');
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
/** tests/fixtures/removed/seeds.yaml: the portal lines of each seed, read by hand. */
const handReadRemoved = parse(readFileSync('tests/fixtures/removed/seeds.yaml', 'utf8')) as Record<string, unknown[]>;
/** Headings whose number the scrape damaged, read in the seeds: 002 `重点任务` without `二、`, 003 `(三发展目标`. */
const DAMAGED_HEADINGS: Record<string, number> = { '002_3b22102abfde4f0c.txt': 1, '003_9c4896c03185b26c.txt': 1 };

test('there are five seeds, each with its hand-read portal lines', () => {
  expect(seeds).toHaveLength(5);
  expect(Object.keys(handReadRemoved).sort()).toEqual(seeds);
});

describe('findFirstLoss(expected, pageText)', () => {
  const expected = [
    { line: 1, chars: '一、总体要求' },
    { line: 3, chars: '到2022年研发投入强度达到3.2%' },
  ];
  test('accepts a page that holds every line in order, with extra text between', () => {
    expect(findFirstLoss(expected, '目录 一、总体要求 # 到2022年，研发投入强度达到3.2%'.replace('，', ''))).toBeNull();
  });
  test('names the line and the first missing passage', () => {
    expect(findFirstLoss(expected, '一、总体要求 到2022年研发投入强度达到')).toEqual({ line: 3, passage: '3.2%', found: '' });
  });
  test('fails when lines come out of order', () => {
    expect(findFirstLoss(expected, '到2022年研发投入强度达到3.2% 一、总体要求')?.line).toBe(3);
  });
});

describe.each(seeds)('seed %s', (name) => {
  const bytes = readFileSync(`seeds/${name}`);
  const source = decodeSeed(bytes, name).text;
  const doc = buildPlanDocument({ name, path: `seeds/${name}`, bytes }, registries);
  const expected = expectedLines(source, doc);

  test('the document model holds every character of the source outside removed lines and repairs', () => {
    expect(findFirstLoss(expected, modelText(doc))).toBeNull();
  });
  test('the MDX, read back like the compiler reads it, holds the same text and no markup made from text', () => {
    const back = readBackMdx(renderMdx(doc));
    expect(back.foreign).toEqual([]);
    expect(findFirstLoss(expected, back.text)).toBeNull();
  });
  test('every removed line is listed with its text exactly as in the source', () => {
    const lines = source.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/u);
    // Exact size, so that the loop cannot pass by being empty: the hand-read portal lines of the seed.
    expect(doc.removed).toHaveLength(handReadRemoved[name]!.length);
    for (const r of doc.removed) expect(r.text).toBe(lines[r.line - 1]);
  });
  test('every repair names a passage that is in its source line at its column', () => {
    const lines = source.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/u).map((l) => l.trim());
    // Exact size: one repair per curated correction, plus the damaged headings the outline recovers.
    expect(doc.repairs).toHaveLength((registries.corrections[name]?.length ?? 0) + (DAMAGED_HEADINGS[name] ?? 0));
    for (const r of doc.repairs) expect(lines[r.line - 1]!.slice(r.column, r.column + r.original.length)).toBe(r.original);
  });
});
