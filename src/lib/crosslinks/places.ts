/**
 * A place in a plan (a block, the title of its section and an excerpt), as the department, document and glossary
 * pages list them.
 */
import { FRONT_LABELS, frontKind } from '../front-kind.ts';
import type { Block, PlanDocument } from '../../schemas/plan.ts';
import { planTitle } from '../plan-view.ts';
import { headingTrails } from './heading-trails.ts';

/** A place in a plan: plan, block, and the title of the section it is in. */
export interface PlanPlace {
  slug: string;
  planTitle: string;
  /** Anchor of the block (`p2-1-1`). */
  blockId: string;
  /** `二、重点任务 › (一)增强科技创新策源能力 › 1.提高科技创新能力`, or the plan title outside sections. */
  sectionTitle: string;
  /** A short piece of the text around the place. */
  excerpt: string;
}

/** Up to `width` characters of `text` around [start, end). */
export function excerpt(text: string, start = 0, end = start, width = 60): string {
  const room = Math.max(0, width - (end - start));
  const from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(text.length, end + Math.ceil(room / 2));
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * The title of the section every block is in, computed once per plan: its heading trail joined with ` › `, or
 * outside the headings 印发通知 (or 公告, `frontKind`) for the covering notice and the plan title for the rest.
 */
export function sectionTitles(doc: PlanDocument): Map<string, string> {
  const trails = headingTrails(doc.blocks);
  const outside = planTitle(doc);
  const front = FRONT_LABELS[frontKind(doc)].zh;
  return new Map(doc.blocks.map((b) => {
    const trail = trails.get(b.id)!;
    return [b.id, trail.length > 0 ? trail.join(' › ') : b.part === 'front' ? front : outside];
  }));
}

const blockText = (b: Block): string => (b.kind === 'table' ? [b.caption?.text ?? '', ...b.rows.flat().map((c) => c.text)].join(' ') : b.text);

/** The places of one plan, prepared once per plan: section titles and block texts by id. */
export interface PlanPlaces {
  /** The text of a block (a table's caption and cells), `''` for an unknown id. */
  text(blockId: string): string;
  /** The place of a block, its excerpt around [start, end) of the block text. */
  at(blockId: string, start?: number, end?: number): PlanPlace;
  /** The cells of row `row` (of `rows`) of a table, `[]` for an unknown id or row. */
  row(blockId: string, row: number): string[];
}

/**
 * Each part made on first use: the department, document and glossary views each take every plan's places, and most
 * plans give one of them no place at all (a route setup over 10,000 plans made every plan's section titles three
 * times, 0.9 s of a rendering process, --cpu-prof).
 */
export function planPlaces(doc: PlanDocument): PlanPlaces {
  let titles: Map<string, string> | undefined;
  let texts: Map<string, string> | undefined;
  let title: string | undefined;
  const text = (blockId: string) => {
    if (!texts) {
      texts = new Map();
      // The first block of an id, as a search from the start would find it.
      for (const b of doc.blocks) if (!texts.has(b.id)) texts.set(b.id, blockText(b));
    }
    return texts.get(blockId) ?? '';
  };
  return {
    text,
    row: (blockId, row) => {
      const b = doc.blocks.find((x) => x.id === blockId);
      return b?.kind === 'table' ? (b.rows[row]?.map((c) => c.text) ?? []) : [];
    },
    at: (blockId, start = 0, end = start) => {
      titles ??= sectionTitles(doc);
      title ??= planTitle(doc);
      return { slug: doc.slug, planTitle: title, blockId, sectionTitle: titles.get(blockId) ?? '', excerpt: excerpt(text(blockId), start, end) };
    },
  };
}
