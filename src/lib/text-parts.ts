/**
 * The top-level blocks of a plan's text, grouped in parts that the browser lays out only near the screen (plan.css:
 * `content-visibility: auto` on each part). Parts rather than single blocks: while a page loads, Chromium pays on
 * every layout for each such box (a containment root with a remembered size), and xinji's 314 blocks, each one,
 * cost its phone layout about twice what 22 parts do (issue 12; traces in the session note of 2026-12-03).
 *
 * A part starts at a heading (or a title) once the part before it holds `PART_BLOCKS` blocks: a part's box keeps its
 * blocks' margins inside it, and at a heading the space between two parts is the heading's top margin, which plan.css
 * keeps. The covering notice, tables and boxes (which may hold a table) are not in a part: they are always laid out
 * (plan.css says why).
 */
import type { RootContent } from 'mdast';

/** Blocks a part holds at least before a heading starts the next (xinji: 22 parts of its 314 blocks). */
export const PART_BLOCKS = 12;

/** A piece of the text: a part (blocks laid out together) or a block that stands alone. */
export type TextPiece = { part: true; nodes: RootContent[] } | { part: false; node: RootContent };

/** The element a top-level node of the body tree draws (`Front`, `Figure`; `Title`, `Heading`, `Para` as lines). */
export function blockElement(node: RootContent): string | null {
  if (node.type === 'mdxJsxFlowElement') return node.name;
  if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'mdxJsxTextElement') return node.children[0]!.name;
  return null;
}

const ALONE = new Set(['Front', 'Figure', 'Box']);
const STARTS_SECTION = new Set(['Heading', 'Title']);

/** The body tree's top-level nodes (`bodyTree(doc).children`) in parts, in reading order. */
export function textParts(nodes: readonly RootContent[], size = PART_BLOCKS): TextPiece[] {
  const pieces: TextPiece[] = [];
  let part: RootContent[] | null = null;
  for (const node of nodes) {
    const name = blockElement(node);
    if (name !== null && ALONE.has(name)) {
      pieces.push({ part: false, node });
      part = null;
      continue;
    }
    if (part === null || (name !== null && STARTS_SECTION.has(name) && part.length >= size)) {
      part = [];
      pieces.push({ part: true, nodes: part });
    }
    part.push(node);
  }
  return pieces;
}
