import { describe, expect, test } from 'vitest';
import type { Mark, PlanDocument } from '../schemas/plan.ts';
import { phrasing, splitLinksAroundRepairs } from './plan-body.ts';

const doc = {
  repairs: [{ id: 'r1', line: 1, column: 0, original: '(20202022年)', replacement: '(2020—2022年)', reason: '连接号丢失', source: 'correction', blockId: 'p' }],
  citations: [{ id: 'c1', title: 'x', documentKey: 'k', blockId: 'p', line: 1 }],
} as unknown as PlanDocument;

describe('splitLinksAroundRepairs(marks)', () => {
  test('cuts a link mark around a repair inside it, so that no link holds the repair’s own link', () => {
    const marks: Mark[] = [
      { kind: 'citation', start: 0, end: 20, citationId: 'c1' },
      { kind: 'repair', start: 8, end: 19, repairId: 'r1' },
    ];
    expect(splitLinksAroundRepairs(marks).map((m) => [m.kind, m.start, m.end])).toEqual([
      ['citation', 0, 8],
      ['citation', 19, 20],
      ['repair', 8, 19],
    ]);
  });
});

describe('phrasing(rich, doc)', () => {
  test('renders the pieces in text order; the later piece has no id', () => {
    const text = '《天津市科技创新(2020—2022年)》';
    const out = phrasing({ text, marks: [{ kind: 'citation', start: 0, end: text.length, citationId: 'c1' }, { kind: 'repair', start: 8, end: 19, repairId: 'r1' }] }, doc);
    const summary = out.map((n) => (n.type === 'mdxJsxTextElement' ? `${n.name}${n.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'continued') ? '+' : ''}` : n.type));
    expect(summary).toEqual(['Cite', 'Repair', 'Cite+']);
  });
});
