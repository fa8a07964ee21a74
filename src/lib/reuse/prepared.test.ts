/**
 * The prepared text reuse (what scripts/prepare.ts writes for the pages), on small hand-built plans: expectations
 * read off the strings of ./test-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { findTextReuse, prepareReuse, reuseInput } from './index.ts';
import { FORMULA, MEASURE, X, Y, Z } from './test-fixtures.ts';

const docs = [X, Y, Z];
const reuse = findTextReuse(docs.map(reuseInput));

describe('prepareReuse', () => {
  const { summary, perPlan } = prepareReuse(docs, reuse, { passages: 1, links: 2 });

  it('names the other plans a plan page links to, so that the page needs no other plan', () => {
    const x = perPlan.find((p) => p.slug === 'x')!;
    expect(x.stretches.map((s) => s.elsewhere)).toEqual([
      [{ slug: 'y', blockId: 's1', name: '乙区方案' }, { slug: 'z', blockId: 'p1', name: '丙区方案' }],
      [{ slug: 'z', blockId: 'p1', name: '丙区方案' }],
    ]);
    expect(x.stretches.map((s) => s.text.at(-1))).toEqual([`${FORMULA}，${MEASURE}`, MEASURE]);
    expect(x.reusedBlocks).toEqual(['s1', 'p1-1', 'p1-2']);
  });

  it('gives every plan its page file, in corpus order, with the counts of the summary row', () => {
    expect(perPlan.map((p) => p.slug)).toEqual(['x', 'y', 'z']);
    expect(summary.plans.map((p) => [p.slug, p.name])).toEqual([['x', '甲区方案'], ['y', '乙区方案'], ['z', '丙区方案']]);
    for (const p of perPlan) {
      const row = summary.plans.find((r) => r.slug === p.slug)!;
      expect([p.chars, p.sharedChars, p.share]).toEqual([row.chars, row.sharedChars, row.share]);
      expect(p.sharedChars).toBeGreaterThan(0);
    }
  });

  it('lists the formula under many plans and the measure under two, capped, each at its first places', () => {
    expect(summary.k).toBe(12);
    // The formula: three plans, only the first two linked; X's first occurrence is p1-1, not its notice.
    expect(summary.many).toEqual([
      { text: [FORMULA], chars: 20, planCount: 3, places: [{ slug: 'x', blockId: 'p1-1', name: '甲区方案' }, { slug: 'y', blockId: 'p1-1', name: '乙区方案' }] },
    ]);
    // Capped at one passage: the longest shared by two plans, the measure (X and Z).
    expect(summary.two).toEqual([
      { text: [MEASURE], chars: 31, planCount: 2, places: [{ slug: 'x', blockId: 'p1-1', name: '甲区方案' }, { slug: 'z', blockId: 'p1', name: '丙区方案' }] },
    ]);
  });
});
