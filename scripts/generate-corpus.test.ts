import { describe, expect, test } from 'vitest';
import { loadRegistries } from './registries.ts';
import { buildPlanDocument } from './pipeline/document.ts';
import { generateCorpus, poolsFromSeeds } from './generate-corpus.ts';

const pools = poolsFromSeeds();

describe('generateCorpus(count, seed, pools)', () => {
  test('is deterministic: the same seed gives the same texts, another seed others', () => {
    expect(generateCorpus(5, 7, pools)).toEqual(generateCorpus(5, 7, pools));
    expect(generateCorpus(5, 8, pools)).not.toEqual(generateCorpus(5, 7, pools));
  });
  test('writes plans the pipeline reads: a title, numbered sections, no errors', () => {
    const reg = loadRegistries('seeds', 'content');
    const corpus = generateCorpus(20, 3, pools);
    expect(corpus).toHaveLength(20);
    for (const plan of corpus) {
      const doc = buildPlanDocument({ name: plan.name, path: plan.name, bytes: new TextEncoder().encode(plan.text) }, reg);
      expect(doc.meta.title?.from).toBe('text');
      expect(doc.stats.headings[0]).toBeGreaterThanOrEqual(3);
      expect(doc.stats.paragraphs).toBeGreaterThan(0);
    }
  });
});
