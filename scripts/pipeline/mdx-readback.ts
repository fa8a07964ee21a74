/**
 * Read generated MDX back the way the site's MDX compiler will (MDX + CJK-friendly emphasis, no GFM: see
 * astro.config.mjs) and return
 * the text a reader sees. Used by tests to prove that serialisation escaped everything: source text that
 * turned into markup (an expression, an ESM import, emphasis, a link) shows up as lost or foreign text.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { mdxjs } from 'micromark-extension-mdxjs';

/** Node types that mean source text became code or markup. */
const FOREIGN = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'emphasis', 'strong', 'delete', 'link', 'image', 'code', 'inlineCode', 'html', 'heading', 'list', 'blockquote', 'thematicBreak', 'table']);

export interface ReadBack {
  /** Visible text of the body (editorial `Note` elements left out). */
  text: string;
  /** Node types found that should never come from plan text. */
  foreign: string[];
}

export function readBackMdx(mdx: string): ReadBack {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/u, '');
  const tree = fromMarkdown(body, {
    extensions: [mdxjs(), cjkFriendlyExtension()],
    mdastExtensions: [mdxFromMarkdown()],
  });
  let text = '';
  const foreign: string[] = [];
  const walk = (node: Nodes) => {
    if (FOREIGN.has(node.type)) foreign.push(node.type);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Note') return;
    if (node.type === 'text') text += node.value;
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return { text, foreign };
}
