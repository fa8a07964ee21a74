/** The heading trail of every block (heading-trails.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import { headingTrails } from './heading-trails.ts';
import { realSeeds, sectionedPlan } from './test-fixtures.ts';

const { bySlug } = realSeeds();

describe('headingTrails(blocks)', () => {
  const trails = headingTrails(sectionedPlan.blocks);

  test('every block has a trail, in block order', () => {
    expect([...trails.keys()]).toEqual(sectionedPlan.blocks.map((b) => b.id));
  });

  test('before the first heading (the notice, the title, the preamble) the trail is empty', () => {
    for (const id of ['notice-title', 'pn-1', 'title', 'p0-1']) expect(trails.get(id), id).toEqual([]);
  });

  test('a heading is in its own trail, under the headings open above it, each with its number', () => {
    expect(trails.get('s1')).toEqual(['一、总体要求']);
    expect(trails.get('p1-1-1')).toEqual(['一、总体要求', '（一）指导思想']);
    expect(trails.get('s2-1-1')).toEqual(['二、重点任务', '（一）增强能力', '1.提高能力']);
    expect(trails.get('p2-1-1-1')).toEqual(['二、重点任务', '（一）增强能力', '1.提高能力']);
  });

  test('a heading closes the headings of its level and below, also a deeper one that skipped a level', () => {
    expect(trails.get('s2-2')).toEqual(['二、重点任务', '（二）提升效能']);
    expect(trails.get('s3')).toEqual(['三、保障措施']);
    expect(trails.get('s3-0-1')).toEqual(['三、保障措施', '1.加强领导']);
    expect(trails.get('s3-1')).toEqual(['三、保障措施', '（一）完善机制']);
    expect(trails.get('t1')).toEqual(['三、保障措施', '（一）完善机制']);
  });

  test('walked once per blocks array: asked again, the same map; another array (a copy with a heading renamed) its own', () => {
    expect(headingTrails(sectionedPlan.blocks)).toBe(trails);
    const renamed = sectionedPlan.blocks.map((b) => (b.id === 's1' && b.kind === 'heading' ? { ...b, title: '总体思路' } : b));
    const other = headingTrails(renamed);
    expect(other).not.toBe(trails);
    expect(other.get('p1-1-1')).toEqual(['一、总体思路', '（一）指导思想']);
    expect(trails.get('p1-1-1')).toEqual(['一、总体要求', '（一）指导思想']);
  });

  test('real seed: the task after the indented “4.推动企业智能化升级” of the Baodi plan (003 lines 68, 136, 152, 154)', () => {
    const doc = bySlug('baodi-14th-five-year');
    const task = doc.blocks.find((b) => b.lines.includes(154));
    expect(task?.kind).toBe('paragraph');
    expect(headingTrails(doc.blocks).get(task!.id)).toEqual(['四、重点任务', '(四)实施创新型企业培育工程', '4.推动企业智能化升级']);
  });
});
