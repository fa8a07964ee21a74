/** What of a plan the text reuse reads: the body (the plan from its title on), block by block, cell by cell. */
import type { Block, PlanDocument } from '../../schemas/plan.ts';
import type { ReuseInput, TextUnit } from './text-reuse.ts';

/**
 * The units of a block. A heading's number (`（三）`) is left out, so that the same heading numbered differently in
 * two plans still matches; a table gives its caption, then its head and body cells (the order marks use).
 */
function unitsOf(block: Block): TextUnit[] {
  if (block.kind === 'table') {
    const cells = [...(block.caption ? [block.caption] : []), ...block.head.flat(), ...block.rows.flat()];
    return cells.map((c, i) => ({ blockId: block.id, cell: i, offset: 0, text: c.text }));
  }
  const offset = block.kind === 'heading' && block.text.startsWith(block.number) ? block.number.length : 0;
  return [{ blockId: block.id, cell: null, offset, text: block.text.slice(offset) }];
}

/**
 * The body only: the covering notice (`part: front`) is the portal's and the office's formula around the plan
 * (`现将…印发给你们`), not the plan's text.
 */
export function reuseInput(doc: PlanDocument): ReuseInput {
  return { slug: doc.slug, units: doc.blocks.filter((b) => b.part === 'body').flatMap(unitsOf) };
}
