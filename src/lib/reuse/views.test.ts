/** What the plan page lists of a plan's reused text, on small hand-built plans (expectations read off the strings). */
import { describe, expect, it } from 'vitest';
import { heading, para, plan } from '../crosslinks/test-fixtures.ts';
import { findTextReuse, reuseInput, reusedBlocks, reuseStretches } from './index.ts';

const FORMULA = '以习近平新时代中国特色社会主义思想为指导';
const MEASURE = '推动高新技术企业培育库与企业登记信息库、知识产权数据库等多库联动';

// X: notice (front, never read), the heading 指导思想, then the formula and the measure in one paragraph, the
// measure again in a later paragraph. Y prints the formula after the same heading; Z the formula and the measure.
const X = plan('x', '甲区方案', {
  blocks: [
    para('pn-1', `${FORMULA}，特此通知。`, [], 'front'),
    heading('s1', 1, '一、', '指导思想'),
    para('p1-1', `${FORMULA}，${MEASURE}。`),
    para('p1-2', `本区自有的一句话。${MEASURE}。`),
  ],
});
const Y = plan('y', '乙区方案', { blocks: [heading('s1', 1, '（一）', '指导思想'), para('p1-1', `${FORMULA}，加快建设。`)] });
const Z = plan('z', '丙区方案', { blocks: [para('p1', `另起一段。${MEASURE}；${FORMULA}。`)] });

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
