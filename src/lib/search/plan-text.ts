/**
 * A plan's search record (records.ts) as the browser matches it: each block with its normalised text and the way
 * back to the text shown, and the heading it sits under.
 */
import { normalizeWithOffsets } from './normalize.ts';
import type { NormalizedText } from './normalize.ts';
import type { BlockKind, SearchRecord } from './records.ts';

/** A block of a plan, ready to match. */
export interface Block {
  id: string | null;
  kind: BlockKind;
  /** Position in the plan. */
  index: number;
  text: string;
  /** What is matched: the normalised text (of the simplified form, for a text in traditional characters). */
  normalized: NormalizedText;
  /** Whether a match in `normalized` can be marked in `text` (not when simplifying changed the length). */
  markable: boolean;
  /** The heading the block sits under (itself when it is a heading). */
  heading: { id: string; text: string } | null;
}

/** A plan's text. */
export interface PlanText {
  slug: string;
  url: string;
  title: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  blocks: Block[];
  /** Characters of text, for the length damping of the score. */
  length: number;
}

/** Prepare a record for matching. */
export function planText(slug: string, url: string, record: SearchRecord): PlanText {
  const blocks = record.blocks.map((b, index): Block => {
    const head = record.blocks[b.under];
    return {
      id: b.id,
      kind: b.kind,
      index,
      text: b.text,
      normalized: normalizeWithOffsets(b.match ?? b.text),
      markable: (b.match ?? b.text).length === b.text.length,
      heading: head?.id ? { id: head.id, text: head.text } : null,
    };
  });
  return { slug, url, title: record.title, meta: record.meta, filters: record.filters, blocks, length: blocks.reduce((n, b) => n + b.text.length, 0) };
}

/** Read a search file's bytes: gzip as built, or decoded by a host that sent it with Content-Encoding. */
export async function fetchBytes(href: string): Promise<Uint8Array> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** Read a search file of JSON (a plan's record), gzip as built or decoded by the host. */
export async function fetchJson<T = SearchRecord>(href: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await fetchBytes(href))) as T;
}
