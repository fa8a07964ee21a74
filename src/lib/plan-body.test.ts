import { describe, expect, test } from 'vitest';
import type { Mark, PlanDocument } from '../schemas/plan.ts';
import type { RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { bodyTree, phrasing, splitLinksAroundRepairs } from './plan-body.ts';

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

describe('bodyTree(doc)', () => {
  test('puts a box’s caption and the blocks in it in one Box, the text around it outside', () => {
    const para = (id: string, text: string, extra: object = {}) => ({ kind: 'paragraph', id, lines: [1], part: 'body', role: 'body', text, marks: [], ...extra });
    const boxed = {
      ...doc,
      blocks: [
        para('p1-1', '加快建设一批平台。'),
        para('box1', '专栏1 重点工程', { role: 'box-title', box: 'box1' }),
        para('p1-2', '1.甲工程。', { box: 'box1' }),
        para('p1-3', '2.乙工程。', { box: 'box1' }),
        para('box2', '专栏2 人才工程', { role: 'box-title', box: 'box2' }),
        para('p1-4', '丙。', { box: 'box2' }),
        para('p2-1', '丁。'),
      ],
    } as unknown as PlanDocument;
    const name = (n: RootContent): string => (n.type === 'mdxJsxFlowElement' ? n.name! : n.type === 'paragraph' && n.children[0]!.type === 'mdxJsxTextElement' ? n.children[0]!.name! : n.type);
    const top = bodyTree(boxed).children;
    expect(top.map(name)).toEqual(['Para', 'Box', 'Box', 'Para']);
    const boxes = top.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement');
    expect(boxes.map((b) => [b.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? `${a.name}=${String(a.value)}` : '')), b.children.map((c) => name(c as RootContent)).length])).toEqual([
      [['caption=box1'], 3],
      [['caption=box2'], 2],
    ]);
  });
});

describe('heading ranks', () => {
  test('a heading is ranked by its depth in the outline: `1.` right under `一、` is the next rank, none skipped', async () => {
    const { buildPlanDocument } = await import('../../scripts/pipeline/document.ts');
    const { loadRegistries } = await import('../../scripts/registries.ts');
    const { nodesHtml } = await import('./plan-body-html.ts');
    // Hand-written in the shape of real texts that number 1. right under 一、, leaving out （一）.
    const text = '某市科技创新行动方案\n一、总体要求\n1.指导思想\n坚持创新驱动。\n2.主要目标\n到2025年，研发投入强度达到3%。\n二、保障措施\n加强组织领导。\n';
    const real = buildPlanDocument({ name: 'x.txt', path: 'seeds/x.txt', bytes: new TextEncoder().encode(text) }, loadRegistries('seeds', 'content'));
    const html = nodesHtml(bodyTree(real).children, { marks: undefined, locale: 'zh-CN', site: undefined });
    const headings = [...html.matchAll(/<(h\d)[^>]*>([^<]*)/gu)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(['h2 一、总体要求', 'h3 1.指导思想', 'h3 2.主要目标', 'h2 二、保障措施']);
  });
});
