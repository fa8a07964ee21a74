/**
 * Stage 4d: paragraphs run together on one line → a line each. A page scraped without its paragraphs' line breaks
 * (each `<p>`'s text joined to the next with a space, or with the paragraph's indent of two ideographic spaces) keeps
 * only that space where a paragraph ended: `…相关情况。 “十四五”时期，…`. Read as it is, the whole report is one
 * paragraph: a phone shows a wall of text, and a heading inside it (`…任务。 二、保障措施`) is no heading.
 *
 * A line is read as run together when whitespace stands between a sentence's end (`。！？`, with the closing quotes
 * after it) and the start of another sentence, in two places or more, or once as an indent (two ideographic spaces).
 * One space after a full stop, once, is a typing habit, not a paragraph. What follows must start a sentence: not a
 * bracket, which opens a note on the sentence before it (`。 （责任单位：区科技局）`) unless it is a heading's number
 * (`（一）`), nor punctuation. A paragraph that ends with a note (`…。（责任单位：区科技局）`) ends there too when a heading
 * follows. The line is cut there into lines of the same source line; the whitespace goes (the lossless check ignores
 * whitespace), nothing else.
 * In such a line a heading was a paragraph of its own too, with no full stop to end it: a numbered paragraph
 * (`一、总体要求 坚持创新驱动。`) ends at its first space when that comes within 40 characters and before any
 * sentence's end or colon.
 */
import type { WorkLine } from './corrections.ts';
import { slicePiece, wholeLine } from './piece.ts';
import { startsWithNumber } from './structure/headings.ts';

/** A sentence's end, the whitespace after it, and (looked at, not taken) the first character of the next sentence. */
const RUN_IN = /[。！？!?][”’」』"']*([ \u00a0\u3000]+)(?=[^\s|｜，,。、；;：:！？!?）)】\]〕”’」』])/gu;
/** A note closing a paragraph (`（责任单位：区科技局）`) and the whitespace after it; a paragraph ends there when a heading follows. */
const NOTE_END = /[）)]([ \u00a0\u3000]+)(?=\S)/gu;
/** A bracket opens a note on the sentence before it (`（责任单位：…）`), unless it is a heading's number (`（一）`). */
const BRACKET = /^[（(【[〔]/u;
/** A paragraph's indent in the official format: two ideographic spaces. */
const INDENT = /\u3000\u3000/u;

/**
 * A heading's title run into the paragraph after it: the whitespace after a title of at most 40 characters with no
 * sentence's punctuation in it (a comma may stand in a title: `一、聚焦创新发展动力源,助力创新型城市建设新征程`).
 */
const AFTER_TITLE = /^[^。！？!?；;：:\s]{1,40}([ \u00a0\u3000]+)(?=\S)/u;

/** How far past a place its heading is read: a number (`（十二）`), a title of 40 characters and the space after it. */
const AHEAD = 64;

/** Where `text` runs one paragraph into the next: the offsets of the whitespace between them, start and end. */
export function runInBreaks(text: string): [number, number][] {
  const spaceOf = (m: RegExpExecArray): [number, number] => [m.index + m[0].length - m[1]!.length, m.index + m[0].length];
  // What follows a place, as far as a heading's number and title reach: reading the rest of the line at each place
  // made a long line's time grow with its square (a 500,000-character line: 1.3 s).
  const ahead = (at: number) => text.slice(at, at + AHEAD);
  const found = [
    ...[...text.matchAll(RUN_IN)].map(spaceOf).filter(([, end]) => !BRACKET.test(ahead(end)) || startsWithNumber(ahead(end))),
    ...[...text.matchAll(NOTE_END)].map(spaceOf).filter(([, end]) => startsWithNumber(ahead(end))),
  ].sort((a, b) => a[0] - b[0]);
  if (found.length < 2 && !found.some(([start, end]) => INDENT.test(text.slice(start, end)))) return [];
  // Each paragraph that starts with a heading's number: its title ends at the first space, and what follows may be
  // a heading again (`一、总体要求 （一）指导思想 坚持…`).
  const titles: [number, number][] = [];
  const starts = [0, ...found.map(([, end]) => end)];
  for (let start = starts.pop(); start !== undefined; start = starts.pop()) {
    const rest = ahead(start);
    const m = startsWithNumber(rest) ? AFTER_TITLE.exec(rest) : null;
    if (!m) continue;
    titles.push([start + m[0].length - m[1]!.length, start + m[0].length]);
    starts.push(start + m[0].length);
  }
  return [...found, ...titles].sort((a, b) => a[0] - b[0]);
}

/** Cuts each line whose paragraphs run together into a line per paragraph; `breaks` counts the cuts. */
export function splitRunIn(lines: WorkLine[]): { lines: WorkLine[]; breaks: number } {
  let breaks = 0;
  const out = lines.flatMap((line) => {
    const cuts = runInBreaks(line.text);
    if (cuts.length === 0) return [line];
    breaks += cuts.length;
    const piece = wholeLine(line);
    const edges = [0, ...cuts.flat(), line.text.length];
    return Array.from({ length: cuts.length + 1 }, (_, k): WorkLine => {
      const part = slicePiece(piece, edges[2 * k]!, edges[2 * k + 1]!);
      return { n: part.line, raw: part.text, text: part.text, repairs: part.repairs, ...(part.breaks ? { breaks: part.breaks } : {}) };
    });
  });
  return { lines: out, breaks };
}
