/**
 * The prepared text reuse (what scripts/prepare.ts writes for the pages), on small hand-built plans: expectations
 * read off the strings of ./test-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../schemas/plan.ts';
import { para, plan } from '../crosslinks/test-fixtures.ts';
import { findPassages, findTextReuse, prepareReuse, reuseInput, reuseStretches } from './index.ts';
import { FORMULA, MEASURE, X, Y, Z } from './test-fixtures.ts';

const docs = [X, Y, Z];
const prepared = (plans: PlanDocument[]) => prepareReuse(plans, findPassages(plans.map(reuseInput)), { passages: 1, links: 2 });
const keysOf = (plans: PlanDocument[]) => Object.fromEntries(prepared(plans).perPlan.map((p) => [p.slug, p.key]));

describe('prepareReuse', () => {
  const { summary, perPlan: files } = prepared(docs);
  const perPlan = files.map((p) => p.prepare());

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

  it('gives each plan the stretches the whole text reuse gives it, read off the found passages', () => {
    const full = findTextReuse(docs.map(reuseInput));
    const order = new Map(docs.map((d, i) => [d.slug, i]));
    for (const [i, doc] of docs.entries()) {
      expect(perPlan[i]!.stretches.map((s) => ({ ...s, elsewhere: s.elsewhere.map(({ slug, blockId }) => ({ slug, blockId })) }))).toEqual(reuseStretches(doc, full.plans.get(doc.slug)!, order));
    }
  });
});

describe('the key of a plan\'s reuse file', () => {
  const before = keysOf(docs);
  // W prints nothing the others print; V prints the measure, and comes first in corpus order.
  const W = plan('w', '丁区方案', { blocks: [para('p1', '本区独有的一段话，与其他规划都不相同，共二十多个字。')] });
  const V = { ...plan('v', '戊区方案', { blocks: [para('p1', `${MEASURE}。`)] }), source: { ...X.source, file: 'a-v.txt' } };

  it('stays when a plan that shares nothing with it comes, and the file it stands for stays the same', () => {
    expect(keysOf([X, Y, Z, W])).toMatchObject(before);
    const again = prepared([X, Y, Z, W]).perPlan.slice(0, 3).map((p) => p.prepare());
    expect(again).toEqual(prepared(docs).perPlan.map((p) => p.prepare()));
  });

  it('changes for the plans that print what a new plan prints, and only for them', () => {
    const after = keysOf([V, X, Y, Z]);
    // The measure: X and Z print it, V now first; Y prints only the formula (V does not).
    expect([after.x === before.x, after.y === before.y, after.z === before.z]).toEqual([false, true, false]);
  });

  it('changes when another plan a page links to is renamed', () => {
    const renamed: PlanDocument = { ...Z, meta: { ...Z.meta, title: { ...Z.meta.title!, value: '丙区新方案' } } };
    expect(keysOf([X, Y, renamed]).x).not.toBe(before.x);
  });
});
