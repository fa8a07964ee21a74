/** What the plan page lists of a plan's reused text, on small hand-built plans (expectations read off the strings). */
import { describe, expect, it } from 'vitest';
import { findTextReuse, reuseInput, reusedBlocks, reuseStretches } from './index.ts';
import { FORMULA, MEASURE, X, Y, Z } from './test-fixtures.ts';

describe('reuseStretches', () => {
  const docs = [X, Y, Z];
  const reuse = findTextReuse(docs.map(reuseInput));
  const order = new Map(docs.map((d, i) => [d.slug, i]));

  it('lists each stretch once, touching passages merged, with the first place each other plan prints part of it', () => {
    const stretches = reuseStretches(X, reuse.plans.get('x')!, order);
    expect(stretches.map((s) => [s.blockIds, s.text.join('|'), s.elsewhere])).toEqual([
      // 指导思想 + formula (with Y), formula + measure (with Z): one stretch over the heading and the paragraph.
      [['s1', 'p1-1'], `指导思想|${FORMULA}，${MEASURE}`, [{ slug: 'y', blockId: 's1' }, { slug: 'z', blockId: 'p1' }]],
      // The measure again, in the next paragraph.
      [['p1-2'], MEASURE, [{ slug: 'z', blockId: 'p1' }]],
    ]);
    expect(stretches[0]!.blockId).toBe('s1');
    expect(stretches.map((s) => s.more)).toEqual([false, false]);
  });

  it('lists at most `limit` other plans, the first in corpus order, and says there are more', () => {
    const stretches = reuseStretches(X, reuse.plans.get('x')!, order, 1);
    expect(stretches.map((s) => [s.elsewhere, s.more])).toEqual([
      [[{ slug: 'y', blockId: 's1' }], true],
      [[{ slug: 'z', blockId: 'p1' }], false],
    ]);
  });

  it('marks the blocks that hold reused text, never the notice', () => {
    expect([...reusedBlocks(reuse.plans.get('x'))]).toEqual(['s1', 'p1-1', 'p1-2']);
    expect([...reusedBlocks(undefined)]).toEqual([]);
  });
});
