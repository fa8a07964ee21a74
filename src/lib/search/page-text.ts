/**
 * A plan page as Pagefind stored it (its fragment), turned into text and blocks: which heading or paragraph
 * (by its `id`, the page's anchors `s2-1`, `p2-1-3`, `t1` …) each character belongs to.
 *
 * Pagefind's own sub-results stop at headings; the plan pages give every paragraph and table an id as well,
 * and the fragment lists them (`anchors`, with the word position where each element starts), so a match can
 * link to its paragraph. The fragment's `raw_content` is the indexed text with a zero-width space between
 * words; word positions are what `anchors[].location` and a result's `locations` count in.
 */
import { normalizeWithOffsets } from './normalize.ts';
import type { NormalizedText } from './normalize.ts';

/** The parts of a Pagefind fragment this module reads (`await result.data()`). */
export interface FragmentLike {
  url: string;
  raw_content?: string;
  content: string;
  anchors: { element: string; id: string; location: number; text?: string }[];
}

/** An element with an id that a sub-result can link to. */
export interface Block {
  /** Anchor id; `null` for the text before the first anchored element. */
  id: string | null;
  /** `p`, `h2` … `h6`, `figure`. */
  element: string;
  /** First and past-the-last character offsets in {@link PageText.text}. */
  start: number;
  end: number;
  /** The heading the block sits under (itself when it is a heading), with its text. */
  heading: { id: string; text: string } | null;
}

/** The text of a page and its blocks. */
export interface PageText {
  text: string;
  normalized: NormalizedText;
  /** Character offset of each word (`wordStart[i]` for word `i`), one extra entry at the end. */
  wordStart: Int32Array;
  blocks: Block[];
  /** `blocks[i].start`, for lookups. */
  blockStarts: Int32Array;
}

/** Elements that are blocks; inline elements with ids (`cite`, the repair `span`s) belong to their paragraph. */
const BLOCK = /^(h[1-6]|p|figure|table|tr|li|dd|dt|blockquote|pre|section|div)$/u;
const HEADING = /^h[1-6]$/u;

function unescapeWord(word: string): string {
  // Pagefind escapes `<` and `>` in raw_content (and nothing else).
  return word.includes('&') ? word.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>') : word;
}

/** Last index `i` with `sorted[i] <= value` (-1 when none). */
export function floorIndex(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A heading's own text: up to Pagefind's block separator (`. `), which also ends the heading when elements
 * without ids follow it before the next anchor (a heading's own `anchors[].text` would include ignored parts,
 * such as the note of a repair).
 */
function headingText(text: string, own: string | undefined): string {
  const ownText = own?.trim();
  // The element's own text, when the indexed text really starts with it (no ignored parts inside).
  if (ownText && text.replace(/\s+/gu, '').startsWith(ownText.replace(/\s+/gu, ''))) return ownText;
  const end = text.search(/\.\s/u);
  return (end >= 0 ? text.slice(0, end) : text).trim();
}

/** Build the page text and its blocks from a fragment. */
export function pageText(fragment: FragmentLike): PageText {
  const words = (fragment.raw_content ?? fragment.content).split('\u200b').map(unescapeWord);
  const wordStart = new Int32Array(words.length + 1);
  let text = '';
  words.forEach((w, i) => {
    wordStart[i] = text.length;
    text += w;
  });
  wordStart[words.length] = text.length;

  const anchors = fragment.anchors
    .filter((a) => a.id && BLOCK.test(a.element) && a.location >= 0 && a.location <= words.length)
    .sort((a, b) => a.location - b.location);
  const blocks: Block[] = [];
  const firstStart = anchors.length > 0 ? wordStart[anchors[0]!.location]! : text.length;
  if (firstStart > 0) blocks.push({ id: null, element: 'header', start: 0, end: firstStart, heading: null });
  let heading: Block['heading'] = null;
  anchors.forEach((a, i) => {
    const start = wordStart[a.location]!;
    const end = i + 1 < anchors.length ? wordStart[anchors[i + 1]!.location]! : text.length;
    if (HEADING.test(a.element)) heading = { id: a.id, text: headingText(text.slice(start, end), a.text) };
    blocks.push({ id: a.id, element: a.element, start, end, heading });
  });
  // Two anchors at one word (an empty element) make an empty block; the later one owns the text.
  const kept = blocks.filter((b) => b.end > b.start || b === blocks.at(-1));
  return { text, normalized: normalizeWithOffsets(text), wordStart, blocks: kept, blockStarts: Int32Array.from(kept.map((b) => b.start)) };
}

/** The block that holds character `offset`. */
export function blockAt(page: PageText, offset: number): Block | undefined {
  return page.blocks[Math.max(0, floorIndex(page.blockStarts, offset))];
}

/** Character range of word `index`. */
export function wordRange(page: PageText, index: number): [number, number] {
  return [page.wordStart[index] ?? page.text.length, page.wordStart[index + 1] ?? page.text.length];
}
