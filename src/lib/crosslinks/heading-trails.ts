/**
 * The heading trail of every block: the headings it is under, top-down, each written with its number. The one walk
 * over the heading levels on the site side: section titles of places, headings of related sections and the section
 * path of a plan all read it (ingest builds the outline from the same heading blocks; the site uses it only for the
 * table of contents).
 */
import type { Block } from '../../schemas/plan.ts';

const trailsOf = new WeakMap<readonly Block[], ReadonlyMap<string, readonly string[]>>();

/**
 * Heading trails of the blocks, by block id: `['二、重点任务', '（一）增强能力']`; a heading is in its own trail. Once per
 * blocks array (by identity: a plan's blocks are not changed after reading): related sections, sections by theme
 * and places each ask for every plan's, and at 10,000 plans the walks took 1–1.4 s of each rendering process.
 */
export function headingTrails(blocks: readonly Block[]): ReadonlyMap<string, readonly string[]> {
  let trails = trailsOf.get(blocks);
  if (trails === undefined) trailsOf.set(blocks, (trails = walkTrails(blocks)));
  return trails;
}

function walkTrails(blocks: readonly Block[]): Map<string, readonly string[]> {
  const trails = new Map<string, readonly string[]>();
  let trail: readonly string[] = [];
  // The heading open at each level above the current block; a heading closes those of its level and below.
  const open: { level: number; label: string }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (open.length > 0 && open.at(-1)!.level >= b.level) open.pop();
      open.push({ level: b.level, label: `${b.number}${b.title}` });
      trail = open.map((h) => h.label);
    }
    trails.set(b.id, trail);
  }
  return trails;
}
