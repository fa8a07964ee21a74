/**
 * Test support for `targets-corpus.test.ts`: blocks for a corpus text without the structure stage. Each non-empty
 * line becomes one block — a `heading` when it opens with a numbering of the national convention (`一、`, `（一）`,
 * `第一章`, `第一节`, `1.`, `（1）`), so that the extractor can tell sections about the past (回顾, 发展基础) from the
 * rest, and a body `paragraph` otherwise. Block text is the line as `splitLines` gives it (trimmed, otherwise
 * verbatim), so target offsets are offsets into the source line.
 */
import type { Block } from '../../src/schemas/plan.ts';
import { decodeSeed } from './decode.ts';
import { splitLines } from './lines.ts';

const CN = '[一二三四五六七八九十百零〇]+';
const NUMBERINGS: [RegExp, number][] = [
  [new RegExp(`^第${CN}[章篇部分]+\\s*`, 'u'), 1],
  [new RegExp(`^${CN}\\s*、\\s*`, 'u'), 1],
  [new RegExp(`^第${CN}节\\s*`, 'u'), 2],
  [new RegExp(`^[（(]${CN}[）)]\\s*`, 'u'), 2],
  [/^\d{1,2}\s*[.．、](?!\d)\s*/u, 3],
  [/^[（(]\d{1,2}[）)]\s*/u, 4],
];

/** The numbering a line opens with, and its level, or `null`. */
export function headingNumber(line: string): { number: string; level: number } | null {
  for (const [re, level] of NUMBERINGS) {
    const m = re.exec(line);
    if (m && m[0].length < line.length) return { number: m[0], level };
  }
  return null;
}

/** One block per non-empty line of the decoded text. */
export function corpusBlocks(bytes: Uint8Array, file: string): Block[] {
  const { text } = decodeSeed(bytes, file);
  const blocks: Block[] = [];
  let [h, p] = [0, 0];
  for (const line of splitLines(text)) {
    if (line.text === '') continue;
    const heading = headingNumber(line.text);
    if (heading) {
      const title = line.text.slice(heading.number.length).split('。')[0]!.trim();
      blocks.push({ kind: 'heading', id: `s${++h}`, lines: [line.n], part: 'body', level: heading.level, ordinal: 1, number: heading.number, title, text: line.text, marks: [] });
    } else {
      blocks.push({ kind: 'paragraph', id: `p${++p}`, lines: [line.n], part: 'body', role: 'body', text: line.text, marks: [] });
    }
  }
  return blocks;
}
