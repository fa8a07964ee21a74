import type { RootContent } from 'mdast';
import { expect, test } from 'vitest';
import { blockElement, textParts } from './text-parts.ts';

/** Top-level nodes as src/lib/plan-body.ts makes them: lines wrapped in a paragraph, the notice and tables not. */
const line = (name: string, id: string): RootContent =>
  ({ type: 'paragraph', children: [{ type: 'mdxJsxTextElement', name, attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] }] }) as RootContent;
const flow = (name: string): RootContent => ({ type: 'mdxJsxFlowElement', name, attributes: [], children: [] }) as RootContent;
/** A node written short: its id, or for the notice and a table (no id here) its element. */
const id = (node: RootContent) => {
  if (node.type !== 'paragraph') return blockElement(node)!;
  return (node.children[0] as unknown as { attributes: { value: string }[] }).attributes[0]!.value;
};
/** The pieces written short: a part as its blocks' ids in brackets, a block alone as its element. */
const shape = (nodes: RootContent[], size: number) => textParts(nodes, size).map((p) => (p.part ? `[${p.nodes.map(id).join(' ')}]` : id(p.node)));

test('the notice and tables stand alone; the blocks between them are parts', () => {
  const nodes = [flow('Front'), line('Title', 't1'), line('Para', 'p1'), flow('Figure'), line('Para', 'p2'), flow('Figure')];
  expect(shape(nodes, 12)).toEqual(['Front', '[t1 p1]', 'Figure', '[p2]', 'Figure']);
});

test('a part ends before a heading once it holds enough blocks, never before a paragraph', () => {
  const nodes = [line('Heading', 's1'), line('Para', 'p1'), line('Heading', 's2'), line('Para', 'p2'), line('Para', 'p3'), line('Para', 'p4'), line('Heading', 's3'), line('Para', 'p5')];
  expect(shape(nodes, 2)).toEqual(['[s1 p1]', '[s2 p2 p3 p4]', '[s3 p5]']);
  // A title starts a part as a heading does (a second plan printed after the first).
  expect(shape([line('Para', 'p1'), line('Para', 'p2'), line('Title', 't2'), line('Para', 'p3')], 2)).toEqual(['[p1 p2]', '[t2 p3]']);
  // Not enough blocks yet: the heading stays in the part.
  expect(shape([line('Para', 'p1'), line('Heading', 's1'), line('Para', 'p2')], 2)).toEqual(['[p1 s1 p2]']);
});

test('every block is in exactly one piece, in the order of the text', () => {
  const nodes = [flow('Front'), ...Array.from({ length: 40 }, (_, i) => line(i % 5 === 0 ? 'Heading' : 'Para', `b${i}`)), flow('Figure'), line('Para', 'end')];
  const back = textParts(nodes, 4).flatMap((p) => (p.part ? p.nodes : [p.node]));
  expect(back).toEqual(nodes);
});
