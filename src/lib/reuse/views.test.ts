/** What the plan page lists of a plan's reused text, on small hand-built plans (expectations read off the strings). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadRegistries } from '../../../scripts/registries.ts';
import { buildPlanDocument } from '../../../scripts/pipeline/document.ts';
import { findTextReuse, planShortName, reuseInput, reusedBlocks, reuseStretches } from './index.ts';
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

describe('planShortName', () => {
  // 北辰 (seed 000): 北辰区, 2020—2022, 成文日期 2021年04月19日.
  const path = 'seeds/000_df8e3af4caff0a08.txt';
  const beichen = buildPlanDocument({ name: path.split('/').pop()!, path, bytes: readFileSync(path) }, loadRegistries('seeds', 'content'));
  const noPeriod = { ...beichen, meta: { ...beichen.meta, period: null } };
  it('names a plan by its region and period, else its document number, else the year it is dated, else its title', () => {
    expect(planShortName(beichen)).toBe('北辰区·2020—2022年');
    expect(planShortName(noPeriod)).toBe('北辰区·北辰政发〔2021〕5号');
    const noNumber = { ...noPeriod, meta: { ...noPeriod.meta, docNumber: null } };
    expect(planShortName(noNumber)).toBe('北辰区·2021年');
    expect(planShortName({ ...noNumber, meta: { ...noNumber.meta, dateWritten: null, datePublished: null } })).toBe('北辰区科技创新三年行动计划实施方案(2020-2022年)');
  });
});
